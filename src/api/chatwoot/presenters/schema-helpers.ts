import { Type, type Static, type TSchema } from 'typebox';
import type { FastifyReply } from 'fastify';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * A nullable scalar for request schemas. Ajv's coerceTypes turns null into "" or false while trying the
 * first branch of Nullable()'s anyOf; a type list keeps null as null.
 */
export const OrNull = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });
/** A free-form JSON object (custom_attributes, additional_attributes, ...). */
export const FreeObject = Type.Unsafe<Record<string, any>>({ type: 'object', additionalProperties: true });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** Chatwoot answers many actions with 200 and an empty body. */
export const Empty = Type.Unsafe<undefined>({ type: 'null', description: 'Empty body' });
export const ErrorBody = Type.Object({ error: Type.String() }, { additionalProperties: true });

/** Sends the empty-bodied success Chatwoot uses for deletes and fire-and-forget actions. */
export function sendEmpty(reply: FastifyReply, status = 200) {
  return reply.status(status).send(undefined as never);
}

/** A message's submitted values: a list (forms, selects), or Chatwoot's CSAT object `{csat_survey_response: {rating, feedback_message}}`. */
export const SubmittedValues = Type.Union([
  Type.Array(Type.Unknown(), { maxItems: 100 }),
  Type.Record(Type.String(), Type.Unknown(), { maxProperties: 20 }),
]);
