import type { Db } from '../../../../db/pool.ts';
import type { CustomFilterType } from '../../../../db/types.ts';
import type { AccountAuth } from '../../../types.ts';
import { savedFilterConditions } from '../../../../domain/custom_filters/custom-filters.ts';
import type { FilterCondition } from '../../../../domain/filters/conditions.ts';
import { notFound, unprocessable } from '../../../../errors.ts';

interface FilterRequest {
  auth: AccountAuth;
  body: { payload?: FilterCondition[]; custom_filter_id?: number | string };
  query: { custom_filter_id?: number | string };
}

/**
 * The conditions a filter endpoint applies: the body's `payload` (Chatwoot's way), else the saved filter that
 * `custom_filter_id` (body or query string) names, one of the caller's own of this type. Bots keep no saved filters.
 */
export async function filterConditionsOf(
  db: Db,
  request: FilterRequest,
  filterType: CustomFilterType,
): Promise<FilterCondition[]> {
  if (request.body.payload) return request.body.payload;
  const id = request.body.custom_filter_id ?? request.query.custom_filter_id;
  if (id === undefined) throw unprocessable('Filter payload must be a non-empty array', ['payload']);
  const user = request.auth.user;
  if (!user) throw notFound();
  return savedFilterConditions(db, { accountId: request.auth.account.id, userId: user.id }, Number(id), filterType);
}
