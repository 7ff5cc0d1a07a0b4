import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CardStatus, CrmCard } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { ownValue } from '../own.ts';
import { like, rangeConditions } from '../listing.ts';
import type { CrmListWindow } from './panels.ts';

/** A card with what the WTS card shows of its panel, step, responsible user, session, contacts and tags. */
export type CardRow = CrmCard & {
  panel_uuid: string;
  panel_title: string;
  panel_key: string;
  step_uuid: string;
  step_title: string;
  step_phase: 'NONE' | 'INITIAL' | 'FINAL';
  responsible_uuid: string | null;
  responsible_name: string | null;
  session_uuid: string | null;
  contacts: { id: string; name: string | null }[];
  tag_uuids: string[];
  lost_reason_uuid: string | null;
  lost_reason_description: string | null;
};

/**
 * The first step of a panel (lowest position) is its INITIAL phase, the last its FINAL one; the phase is
 * the step's place on the board, not a stored flag, so reordering steps moves it.
 */
const CARD_SELECT = sql`
  SELECT k.*, p.uuid::text AS panel_uuid, p.title AS panel_title, p.key AS panel_key, s.uuid::text AS step_uuid, s.title AS step_title,
    CASE WHEN s.position = (SELECT max(position) FROM crm_steps WHERE panel_id = k.panel_id) AND s.position <> (SELECT min(position) FROM crm_steps WHERE panel_id = k.panel_id) THEN 'FINAL'
         WHEN s.position = (SELECT min(position) FROM crm_steps WHERE panel_id = k.panel_id) THEN 'INITIAL' ELSE 'NONE' END AS step_phase,
    u.uuid::text AS responsible_uuid, coalesce(u.display_name, u.name) AS responsible_name, cv.uuid::text AS session_uuid,
    lr.uuid::text AS lost_reason_uuid, lr.description AS lost_reason_description,
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', ct.uuid, 'name', ct.name) ORDER BY ct.id)
              FROM crm_card_contacts cc JOIN contacts ct ON ct.id = cc.contact_id WHERE cc.card_id = k.id), '[]') AS contacts,
    coalesce((SELECT array_agg(l.uuid::text ORDER BY l.id) FROM crm_card_tags t JOIN labels l ON l.id = t.label_id WHERE t.card_id = k.id), '{}') AS tag_uuids
  FROM crm_cards k
  JOIN crm_panels p ON p.id = k.panel_id
  JOIN crm_steps s ON s.id = k.step_id
  LEFT JOIN users u ON u.id = k.responsible_user_id
  LEFT JOIN conversations cv ON cv.id = k.session_id
  LEFT JOIN crm_lost_reasons lr ON lr.id = k.lost_reason_id`;

async function selectCards(
  db: Db,
  accountId: number,
  where: RawBuilder<unknown>,
  tail: RawBuilder<unknown> = sql``,
): Promise<CardRow[]> {
  const { rows } = await sql<CardRow>`${CARD_SELECT} WHERE k.account_id = ${accountId} AND ${where} ${tail}`.execute(
    db,
  );
  return rows;
}

export async function getCard(db: Db, accountId: number, uuid: string): Promise<CardRow> {
  const [row] = await selectCards(db, accountId, sql`k.uuid = ${uuid}::uuid`);
  if (!row) throw notFound('Card');
  return row;
}

export async function cardsByIds(db: Db, accountId: number, ids: number[]): Promise<Map<number, CardRow>> {
  const rows = ids.length
    ? await selectCards(db, accountId, sql`k.id = ANY(${sql.val([...new Set(ids)])}::bigint[])`)
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

const ORDER_COLUMNS: Record<string, RawBuilder<unknown>> = {
  createdat: sql`k.created_at`,
  updatedat: sql`k.updated_at`,
  position: sql`k.position`,
  duedate: sql`k.due_date`,
  title: sql`lower(k.title)`,
  number: sql`k.number`,
  monetaryamount: sql`k.monetary_amount`,
};

export interface CardQuery extends CrmListWindow {
  panelId: number;
  stepId?: number;
  contactId?: number;
  responsibleUserId?: number;
  text?: string;
  statuses?: CardStatus[];
}

/** One page of a panel's cards and the total, in two statements whatever the page size. */
export async function listCards(db: Db, accountId: number, q: CardQuery): Promise<{ rows: CardRow[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column)
    throw validation('OrderBy must be one of: createdAt, updatedAt, position, dueDate, title, number, monetaryAmount', [
      'OrderBy',
    ]);
  const where = [
    sql`k.panel_id = ${q.panelId}`,
    ...rangeConditions([
      [q.createdAt, sql`k.created_at`],
      [q.updatedAt, sql`k.updated_at`],
    ]),
  ];
  if (q.stepId !== undefined) where.push(sql`k.step_id = ${q.stepId}`);
  if (q.contactId !== undefined)
    where.push(
      sql`EXISTS (SELECT 1 FROM crm_card_contacts cc WHERE cc.card_id = k.id AND cc.contact_id = ${q.contactId})`,
    );
  if (q.responsibleUserId !== undefined) where.push(sql`k.responsible_user_id = ${q.responsibleUserId}`);
  if (q.statuses?.length) where.push(sql`k.status = ANY(${sql.val(q.statuses)}::text[])`);
  if (q.text?.trim()) where.push(sql`(k.title ILIKE ${like(q.text)} OR k.description ILIKE ${like(q.text)})`);
  const condition = sql.join(where, sql` AND `);
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    selectCards(
      db,
      accountId,
      condition,
      sql`ORDER BY ${column} ${direction} NULLS LAST, k.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
    sql<{
      total: number;
    }>`SELECT count(*)::int AS total FROM crm_cards k WHERE k.account_id = ${accountId} AND ${condition}`.execute(db),
  ]);
  return { rows, total: count.rows[0].total };
}
