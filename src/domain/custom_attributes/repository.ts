import { getInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { CustomAttributeDefinition } from '../../db/types.ts';

export type AttributeModel = CustomAttributeDefinition['attribute_model'];

/** The account's definitions, of one model or of both. */
export async function listDefinitions(
  db: Db,
  accountId: number,
  model?: AttributeModel,
): Promise<CustomAttributeDefinition[]> {
  let query = db.selectFrom('custom_attribute_definitions').selectAll().where('account_id', '=', accountId);
  if (model) query = query.where('attribute_model', '=', model);
  return query.orderBy('id').execute();
}

export async function getDefinition(db: Db, accountId: number, id: number): Promise<CustomAttributeDefinition> {
  return getInAccount(db, 'custom_attribute_definitions', accountId, id);
}
