import { sql, type RawBuilder } from 'kysely';

/** An inclusive date window (`X.After` / `X.Before` in a list's query). */
export interface DateRange {
  after?: Date;
  before?: Date;
}

/** The window and order of a list page and its date filters (conversations' messages, contacts, CRM lists). */
export interface ListWindow {
  createdAt?: DateRange;
  updatedAt?: DateRange;
  orderBy?: string;
  descending?: boolean;
  page: number;
  pageSize: number;
}

/** Date windows (inclusive) as SQL conditions on their columns. */
export function rangeConditions(
  ranges: readonly (readonly [DateRange | undefined, RawBuilder<unknown>])[],
): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  for (const [range, column] of ranges) {
    if (range?.after) conditions.push(sql`${column} >= ${range.after}`);
    if (range?.before) conditions.push(sql`${column} <= ${range.before}`);
  }
  return conditions;
}

/** An ILIKE pattern finding `value` anywhere, its own % _ and \\ taken literally. */
export const like = (value: string) => `%${value.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
