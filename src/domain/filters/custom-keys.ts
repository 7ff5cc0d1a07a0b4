import type { Db } from '../../db/pool.ts';

export async function customAttributeKeys(
  db: Db,
  accountId: number,
  model: 'conversation_attribute' | 'contact_attribute',
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('custom_attribute_definitions')
    .select('attribute_key')
    .where('account_id', '=', accountId)
    .where('attribute_model', '=', model)
    .execute();
  return new Set(rows.map((r) => r.attribute_key));
}
