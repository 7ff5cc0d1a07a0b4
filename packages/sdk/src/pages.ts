/**
 * Paging in both dialects. WTS lists answer an envelope `{items, pageNumber, totalPages, hasMorePages}` and take
 * `PageNumber`/`PageSize`; Chatwoot lists take `page` and answer `{meta: {count}, payload: [...]}`,
 * `{data: {meta, payload}}` or a bare array, and end with an empty page.
 */
export type ItemOf<R> = R extends { items: Array<infer T> }
  ? T
  : R extends { payload: Array<infer T> }
    ? T
    : R extends { data: { payload: Array<infer T> } }
      ? T
      : R extends Array<infer T>
        ? T
        : unknown;

export interface PageRead {
  items: unknown[];
  /** False when the page says it is the last one; undefined when it cannot tell. */
  more: boolean | undefined;
  /** The list's total when the page tells it (Chatwoot's `meta.count`, WTS's `totalItems`). */
  total: number | undefined;
}

const record = (v: unknown): Record<string, any> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : undefined;

export function readPage(body: unknown): PageRead {
  if (Array.isArray(body)) return { items: body, more: undefined, total: undefined };
  const b = record(body) ?? {};
  if (Array.isArray(b.items))
    return {
      items: b.items,
      more: typeof b.hasMorePages === 'boolean' ? b.hasMorePages : undefined,
      total: b.totalItems,
    };
  const holder = Array.isArray(b.payload) ? b : (record(b.data) ?? {});
  const items = Array.isArray(holder.payload) ? holder.payload : [];
  const count = record(holder.meta)?.count ?? record(holder.meta)?.all_count;
  return { items, more: undefined, total: typeof count === 'number' ? count : undefined };
}

/** The query parameter that numbers pages, by dialect. */
export const pageParam = (path: string) => (isWtsPath(path) ? 'PageNumber' : 'page');

/** WTS's API lives under /core and /chat; the rest is Chatwoot's (Application, Client and Platform APIs). */
export const isWtsPath = (path: string) => /^\/(core|chat)\//.test(path);
