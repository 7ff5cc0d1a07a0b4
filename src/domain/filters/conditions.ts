import { sql, type RawBuilder } from 'kysely';
import { unprocessable } from '../../errors.ts';
import { ownValue } from '../own.ts';

/** One condition of Chatwoot's advanced filter body (conversations and contacts). */
export interface FilterCondition {
  attribute_key: string;
  filter_operator: string;
  values?: unknown[] | unknown;
  query_operator?: string | null;
  attribute_model?: string;
  custom_attribute_type?: string;
}

export type FieldKind = 'text' | 'ci_text' | 'number' | 'date' | 'labels' | 'boolean' | 'enum';

export interface FilterField {
  expression: RawBuilder<unknown>;
  kind: FieldKind;
  operators: readonly string[];
}

export const EQUALITY = ['equal_to', 'not_equal_to'] as const;
export const TEXT_OPS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'] as const;
export const PRESENCE = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'] as const;
export const DATE_OPS = ['is_greater_than', 'is_less_than', 'days_before'] as const;
const CUSTOM_OPS = [
  'equal_to',
  'not_equal_to',
  'contains',
  'does_not_contain',
  'is_present',
  'is_not_present',
  'is_greater_than',
  'is_less_than',
  'days_before',
  'starts_with',
];

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

function valuesOf(condition: FilterCondition): unknown[] {
  const raw = condition.values;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list
    .map((v) => (v && typeof v === 'object' && 'id' in (v as object) ? (v as { id: unknown }).id : v))
    .filter((v) => v !== null && v !== undefined && v !== '');
}

function invalidValue(key: string): never {
  throw unprocessable(`Invalid value. The values provided for ${key} are invalid`, [key]);
}

function toDate(key: string, value: unknown): Date {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) invalidValue(key);
  return date;
}

function conditionSql(key: string, field: FilterField, operator: string, values: unknown[]): RawBuilder<unknown> {
  const e = field.expression;
  const text = values.map(String);
  switch (operator) {
    case 'is_present':
      return field.kind === 'labels' ? sql`cardinality(${e}) > 0` : sql`(${e} IS NOT NULL AND ${e}::text <> '')`;
    case 'is_not_present':
      return field.kind === 'labels' ? sql`cardinality(${e}) = 0` : sql`(${e} IS NULL OR ${e}::text = '')`;
    case 'equal_to':
    case 'not_equal_to': {
      const negate = operator === 'not_equal_to';
      let match: RawBuilder<unknown>;
      if (field.kind === 'labels') match = sql`${e} && ${sql.val(text)}::text[]`;
      else if (field.kind === 'number') {
        const numbers = text.map(Number);
        if (numbers.some((n) => !Number.isFinite(n))) invalidValue(key);
        match = sql`${e} = ANY(${sql.val(numbers)}::numeric[])`;
      } else if (field.kind === 'boolean') {
        match = sql`${e} = ANY(${sql.val(text.map((t) => t === 'true'))}::boolean[])`;
      } else if (field.kind === 'ci_text')
        match = sql`lower(${e}::text) = ANY(${sql.val(text.map((t) => t.toLowerCase()))}::text[])`;
      else if (field.kind === 'date')
        match = sql`${e}::date = ANY(${sql.val(text.map((t) => toDate(key, t).toISOString().slice(0, 10)))}::date[])`;
      else match = sql`${e}::text = ANY(${sql.val(text)}::text[])`;
      return negate ? sql`(${e} IS NULL OR NOT (${match}))` : match;
    }
    case 'contains':
      return sql`${e}::text ILIKE ${'%' + escapeLike(text[0]) + '%'}`;
    case 'does_not_contain':
      return sql`(${e} IS NULL OR ${e}::text NOT ILIKE ${'%' + escapeLike(text[0]) + '%'})`;
    case 'starts_with':
      return sql`${e}::text ILIKE ${escapeLike(text[0]) + '%'}`;
    case 'is_greater_than':
    case 'is_less_than': {
      const op = operator === 'is_greater_than' ? sql`>` : sql`<`;
      if (field.kind === 'date') return sql`${e} ${op} ${toDate(key, text[0])}`;
      const n = Number(text[0]);
      if (!Number.isFinite(n)) invalidValue(key);
      return sql`(${e})::numeric ${op} ${n}`;
    }
    case 'days_before': {
      const days = Number(text[0]);
      if (!Number.isFinite(days)) invalidValue(key);
      return sql`${e} < now() - make_interval(days => ${Math.trunc(days)})`;
    }
  }
  throw unprocessable(`Invalid operator ${operator}`, [key]);
}

/**
 * Turns a filter body into one SQL condition. Conditions are joined left to right with each one's
 * `query_operator`, exactly as written, so SQL's own AND-before-OR precedence applies as in Chatwoot.
 */
export function buildFilter(
  conditions: FilterCondition[],
  fields: Record<string, FilterField>,
  customAttributeKeys: Set<string>,
  customColumn: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (!Array.isArray(conditions) || conditions.length === 0)
    throw unprocessable('Filter payload must be a non-empty array', ['payload']);
  const parts: RawBuilder<unknown>[] = [];
  conditions.forEach((condition, index) => {
    const key = String(condition?.attribute_key ?? '');
    const operator = String(condition?.filter_operator ?? '');
    let field = ownValue(fields, key);
    if (!field && customAttributeKeys.has(key)) {
      field = { expression: sql`(${customColumn}->>${key})`, kind: 'text', operators: CUSTOM_OPS };
    }
    if (!field) {
      throw unprocessable(
        `Invalid attribute key - [${key}]. The key should be one of [${Object.keys(fields).join(',')}] or a custom attribute defined in the account.`,
        ['attribute_key'],
      );
    }
    if (!field.operators.includes(operator)) {
      throw unprocessable(`Invalid operator. The allowed operators for ${key} are [${field.operators.join(',')}].`, [
        'filter_operator',
      ]);
    }
    const values = valuesOf(condition);
    if (!operator.includes('present') && values.length === 0) invalidValue(key);
    parts.push(sql`(${conditionSql(key, field, operator, values)})`);
    if (index < conditions.length - 1) {
      const joiner = String(condition.query_operator ?? 'and').toUpperCase();
      if (joiner !== 'AND' && joiner !== 'OR')
        throw unprocessable('Query operator must be either "AND" or "OR".', ['query_operator']);
      parts.push(joiner === 'AND' ? sql`AND` : sql`OR`);
    }
  });
  return sql<boolean>`(${sql.join(parts, sql` `)})`;
}
