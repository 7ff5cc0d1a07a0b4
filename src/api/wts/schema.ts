import { Type, type Static, type TSchema } from 'typebox';
import { validation } from '../../errors.ts';

/** Shared pieces of the WTS dialect's schemas: ids are UUID strings, times ISO-8601 UTC. */
export const Uuid = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const DateTime = Nullable(Type.String());
export const FreeObject = Type.Unsafe<Record<string, any>>({ type: 'object', additionalProperties: true });
export const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));
export const IdParams = Type.Object({ id: Uuid });

export function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** A query date: ISO-8601; WTS filters are UTC, so a date without a zone ("2024-05-01 10:00") is UTC. */
export const DateQuery = Type.String({ maxLength: 64 });
export function parseDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(' ', 'T');
  const zoned =
    /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !/^\d{4}-\d{2}-\d{2}/.test(text)
      ? text
      : /T/.test(text)
        ? `${text}Z`
        : `${text}T00:00:00Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) throw validation(`${field} is not a valid date-time: ${value}`, [field]);
  return date;
}

/** The `<name>.After` / `<name>.Before` query filters as one range, each parsed and named in its own error. */
export function queryRange(q: object, name: string): { after?: Date; before?: Date } {
  const values = q as Record<string, string | undefined>;
  return {
    after: parseDate(values[`${name}.After`], `${name}.After`),
    before: parseDate(values[`${name}.Before`], `${name}.Before`),
  };
}

/** A body's `{ after, before }` filter (contact filter's `createdAt`), parsed like queryRange. */
export function bodyRange(
  range: { after?: string; before?: string } | undefined,
  name: string,
): { after?: Date; before?: Date } {
  return { after: parseDate(range?.after, `${name}.after`), before: parseDate(range?.before, `${name}.before`) };
}

export type { Static };

/**
 * Who a new session goes to, as WTS clients send it. `null` fields mean "none": the WTS n8n node sends
 * `{"id": null}` when no agent or department is chosen.
 */
export const AgentRef = Type.Object({
  id: Type.Optional(Nullable(Uuid)),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phoneNumber: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
});
export const DepartmentRef = Type.Object({
  id: Type.Optional(Nullable(Uuid)),
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
});
