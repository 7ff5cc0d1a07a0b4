import { Type, type TSchema } from 'typebox';
import { Literals, Nullable } from './schema.ts';

/** WTS paging: `PageNumber` from 1, `PageSize` 1–100 (15 by default), `OrderBy`, `OrderDirection`. */
export const DEFAULT_PAGE_SIZE = 15;
export const ORDER_DIRECTIONS = ['ASCENDING', 'DESCENDING'] as const;
export type OrderDirection = (typeof ORDER_DIRECTIONS)[number];

export const PageQuery = {
  PageNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  PageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  OrderBy: Type.Optional(Type.String({ maxLength: 64 })),
  OrderDirection: Type.Optional(Literals(ORDER_DIRECTIONS)),
};

export interface PageParams {
  PageNumber?: number;
  PageSize?: number;
  OrderBy?: string;
  OrderDirection?: OrderDirection;
}

export interface Paging {
  page: number;
  pageSize: number;
  orderBy: string;
  orderDirection: OrderDirection;
}

export function paging(q: PageParams, defaults: { orderBy: string; orderDirection: OrderDirection }): Paging {
  return {
    page: q.PageNumber ?? 1,
    pageSize: q.PageSize ?? DEFAULT_PAGE_SIZE,
    orderBy: q.OrderBy ?? defaults.orderBy,
    orderDirection: q.OrderDirection ?? (q.OrderBy ? 'ASCENDING' : defaults.orderDirection),
  };
}

/** What a repository needs of the paging: the window and its order. */
export function pageOrder(p: Paging): { orderBy: string; descending: boolean; page: number; pageSize: number } {
  return { orderBy: p.orderBy, descending: p.orderDirection === 'DESCENDING', page: p.page, pageSize: p.pageSize };
}

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    pageNumber: Type.Integer(),
    pageSize: Type.Integer(),
    orderBy: Nullable(Type.String()),
    orderDirection: Nullable(Type.String()),
    items: Type.Array(item),
    totalItems: Type.Integer(),
    totalPages: Type.Integer(),
    hasMorePages: Type.Boolean(),
  });

/** The page envelope every WTS list answers with; it echoes the paging and order actually used. */
export function envelope<T>(items: T[], totalItems: number, p: Paging) {
  const totalPages = Math.ceil(totalItems / p.pageSize);
  return {
    pageNumber: p.page,
    pageSize: p.pageSize,
    orderBy: p.orderBy,
    orderDirection: p.orderDirection,
    items,
    totalItems,
    totalPages,
    hasMorePages: p.page < totalPages,
  };
}
