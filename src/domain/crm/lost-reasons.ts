import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CrmLostReason } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { ownValue } from '../own.ts';
import { rangeConditions } from '../listing.ts';
import { getPanel, type CrmListWindow } from './panels.ts';

/** A loss reason with the public id of its panel. */
export type LostReasonRow = CrmLostReason & { panel_uuid: string };

const ORDER_COLUMNS = {
  createdat: sql`r.created_at`,
  updatedat: sql`r.updated_at`,
  description: sql`r.description`,
} as const;

const REASON_SELECT = sql`SELECT r.*, p.uuid::text AS panel_uuid FROM crm_lost_reasons r JOIN crm_panels p ON p.id = r.panel_id`;

/** A panel's loss reasons, a page at a time: two statements whatever the page size. */
export async function listLostReasons(
  db: Db,
  accountId: number,
  panelUuid: string,
  q: CrmListWindow,
): Promise<{ rows: LostReasonRow[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt, description', ['OrderBy']);
  const panel = await getPanel(db, accountId, panelUuid);
  const where = sql.join(
    [
      sql`r.account_id = ${accountId}`,
      sql`r.panel_id = ${panel.id}`,
      ...rangeConditions([
        [q.createdAt, sql`r.created_at`],
        [q.updatedAt, sql`r.updated_at`],
      ]),
    ],
    sql` AND `,
  );
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    sql<LostReasonRow>`${REASON_SELECT} WHERE ${where} ORDER BY ${column} ${direction}, r.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      db,
    ),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM crm_lost_reasons r WHERE ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0].total };
}

function descriptionOf(value: string | undefined): string {
  const description = value?.trim();
  if (!description) throw validation('description is required', ['description']);
  return description;
}

export async function addLostReason(
  db: Db,
  accountId: number,
  panelUuid: string,
  input: { description?: string },
): Promise<LostReasonRow> {
  const panel = await getPanel(db, accountId, panelUuid);
  const description = descriptionOf(input.description);
  const row = await db
    .insertInto('crm_lost_reasons')
    .values({ account_id: accountId, panel_id: panel.id, description })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, panel_uuid: panel.uuid };
}

export async function deleteLostReason(
  db: Db,
  accountId: number,
  panelUuid: string,
  reasonUuid: string,
): Promise<void> {
  const panel = await getPanel(db, accountId, panelUuid);
  const deleted = await db
    .deleteFrom('crm_lost_reasons')
    .where('account_id', '=', accountId)
    .where('panel_id', '=', panel.id)
    .where('uuid', '=', reasonUuid)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound('Lost reason');
}

/** The reason a card of `panelId` is lost for: one of that panel's reasons, or a validation error naming the field. */
export async function lostReasonOf(
  db: Db,
  accountId: number,
  panelId: number,
  uuid: string | null | undefined,
): Promise<number | null> {
  if (!uuid) return null;
  const row = await db
    .selectFrom('crm_lost_reasons')
    .select('id')
    .where('account_id', '=', accountId)
    .where('panel_id', '=', panelId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!row) throw validation(`lostReasonId ${uuid} is not a loss reason of this card's panel`, ['lostReasonId']);
  return row.id;
}
