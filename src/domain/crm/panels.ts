import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CrmPanel, CrmPanelField, CrmStep, PanelFieldType, PanelType } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ownValue } from '../own.ts';
import { like, rangeConditions, type ListWindow } from '../listing.ts';

/** A step with its cards' aggregates (open and won/lost cards; archived ones are off the board). */
export type StepRow = CrmStep & { card_count: number; overdue_card_count: number; monetary_amount: number };

export const FIELD_TYPES: readonly PanelFieldType[] = [
  'STRING',
  'TEXT',
  'INTEGER',
  'FLOAT',
  'SINGLESELECT',
  'MULTISELECT',
  'DATE',
  'TIME',
  'DATETIME',
  'BOOLEAN',
];

const ORDER_COLUMNS = { createdat: 'created_at', updatedat: 'updated_at', title: 'title' } as const;

/** The window and order of a CRM list page, and its date filters (the same on panels, cards and notes). */
export type CrmListWindow = ListWindow;

export interface PanelQuery extends CrmListWindow {
  title?: string;
  type?: PanelType;
}

/** One page of the account's panels and the total: two statements. */
export async function listPanels(
  db: Db,
  accountId: number,
  q: PanelQuery,
): Promise<{ rows: CrmPanel[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt, title', ['OrderBy']);
  const where = [
    sql`account_id = ${accountId}`,
    ...rangeConditions([
      [q.createdAt, sql`created_at`],
      [q.updatedAt, sql`updated_at`],
    ]),
  ];
  if (q.title) where.push(sql`title ILIKE ${like(q.title)}`);
  if (q.type) where.push(sql`type = ${q.type}`);
  const condition = sql.join(where, sql` AND `);
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    sql<CrmPanel>`SELECT * FROM crm_panels WHERE ${condition} ORDER BY ${sql.ref(column)} ${direction}, id ${direction}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM crm_panels WHERE ${condition}`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0].total };
}

export async function getPanel(db: Db, accountId: number, uuid: string): Promise<CrmPanel> {
  const panel = await db
    .selectFrom('crm_panels')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!panel) throw notFound('Panel');
  return panel;
}

/** The steps of these panels in board order, with their card aggregates: one statement. */
export async function stepsOf(db: Db, panelIds: number[]): Promise<Map<number, StepRow[]>> {
  const byPanel = new Map<number, StepRow[]>(panelIds.map((id) => [id, []]));
  if (!panelIds.length) return byPanel;
  const { rows } = await sql<StepRow>`
    SELECT s.*, coalesce(c.card_count, 0)::int AS card_count, coalesce(c.overdue_card_count, 0)::int AS overdue_card_count,
           coalesce(c.monetary_amount, 0)::float8 AS monetary_amount
    FROM crm_steps s
    LEFT JOIN LATERAL (
      SELECT count(*) AS card_count, count(*) FILTER (WHERE k.due_date < now() AND k.status = 'OPEN') AS overdue_card_count,
             sum(k.monetary_amount) AS monetary_amount
      FROM crm_cards k WHERE k.step_id = s.id AND k.status <> 'ARCHIVED'
    ) c ON true
    WHERE s.panel_id = ANY(${sql.val(panelIds)}::bigint[]) ORDER BY s.panel_id, s.position, s.id`.execute(db);
  for (const row of rows) byPanel.get(row.panel_id)!.push(row);
  return byPanel;
}

export async function fieldsOf(db: Db, accountId: number, panelIds: number[]): Promise<CrmPanelField[]> {
  if (!panelIds.length) return [];
  return db
    .selectFrom('crm_panel_fields')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('panel_id', 'in', panelIds)
    .orderBy('panel_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export interface FieldInput {
  name: string;
  key?: string;
  type: PanelFieldType;
  options?: string[];
  required?: boolean;
}

export interface PanelInput {
  title?: string;
  description?: string | null;
  key?: string;
  type?: PanelType;
  archived?: boolean;
  steps?: { title: string }[];
  customFields?: FieldInput[];
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

function required(value: string | undefined, field: string): string {
  const text = value?.trim();
  if (!text) throw validation(`${field} is required`, [field]);
  return text;
}

/** A panel key from its title: the initials (or first letters) in capitals, as WTS shows "VND-12". */
function keyOf(title: string): string {
  const words = slug(title).split('-').filter(Boolean);
  const key = (words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? 'P').slice(0, 3)).toUpperCase();
  return key.slice(0, 8) || 'P';
}

async function insertFields(trx: Db, panel: CrmPanel, fields: FieldInput[]): Promise<void> {
  if (!fields.length) return;
  const last = await trx
    .selectFrom('crm_panel_fields')
    .select(sql<number>`coalesce(max(position), 0)`.as('max'))
    .where('panel_id', '=', panel.id)
    .executeTakeFirstOrThrow();
  const keys = new Set<string>();
  const rows = fields.map((f, i) => {
    const name = required(f.name, `customFields[${i}].name`);
    const key = slug(f.key ?? name).replace(/-/g, '_');
    if (!key) throw validation(`customFields[${i}].key needs at least one letter or digit`, [`customFields[${i}].key`]);
    if (keys.has(key)) throw validation(`customFields[${i}].key ${key} is listed twice`, [`customFields[${i}].key`]);
    keys.add(key);
    const options = f.options ?? [];
    if ((f.type === 'SINGLESELECT' || f.type === 'MULTISELECT') && !options.length)
      throw validation(`customFields[${i}].options must list the choices of a ${f.type} field`, [
        `customFields[${i}].options`,
      ]);
    return {
      account_id: panel.account_id,
      panel_id: panel.id,
      name,
      key,
      type: f.type,
      options: JSON.stringify(options),
      position: Number(last.max) + i + 1,
      required: f.required ?? false,
    };
  });
  const taken = await trx
    .selectFrom('crm_panel_fields')
    .select('key')
    .where('panel_id', '=', panel.id)
    .where('key', 'in', [...keys])
    .executeTakeFirst();
  if (taken) throw validation(`customFields: the panel already has a field ${taken.key}`, ['customFields']);
  await trx.insertInto('crm_panel_fields').values(rows).execute();
}

async function insertSteps(
  trx: Db,
  panel: CrmPanel,
  steps: { title: string; position?: number }[],
): Promise<CrmStep[]> {
  if (!steps.length) return [];
  const last = await trx
    .selectFrom('crm_steps')
    .select(sql<number>`coalesce(max(position), 0)`.as('max'))
    .where('panel_id', '=', panel.id)
    .executeTakeFirstOrThrow();
  const rows = steps.map((s, i) => ({
    account_id: panel.account_id,
    panel_id: panel.id,
    title: required(s.title, `steps[${i}].title`),
    position: s.position ?? Number(last.max) + i + 1,
  }));
  return trx.insertInto('crm_steps').values(rows).returningAll().execute();
}

/** A panel with its steps (in the order given) and custom fields, in one transaction. */
export async function createPanel(db: Db, accountId: number, input: PanelInput): Promise<CrmPanel> {
  const title = required(input.title, 'title');
  return inTransaction(db, async (trx) => {
    const panel = await trx
      .insertInto('crm_panels')
      .values({
        account_id: accountId,
        title,
        description: input.description ?? null,
        key: input.key?.trim() || keyOf(title),
        type: input.type ?? 'MANAGEMENT',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertSteps(trx, panel, input.steps ?? []);
    await insertFields(trx, panel, input.customFields ?? []);
    return panel;
  });
}

export async function updatePanel(db: Db, accountId: number, uuid: string, input: PanelInput): Promise<CrmPanel> {
  const panel = await getPanel(db, accountId, uuid);
  return db
    .updateTable('crm_panels')
    .set({
      ...(input.title !== undefined ? { title: required(input.title, 'title') } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.key !== undefined ? { key: required(input.key, 'key') } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.archived !== undefined ? { archived: input.archived } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', panel.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deleting a panel deletes its steps, fields, cards and their notes. */
export async function deletePanel(db: Db, accountId: number, uuid: string): Promise<void> {
  const panel = await getPanel(db, accountId, uuid);
  await db.deleteFrom('crm_panels').where('id', '=', panel.id).execute();
}

export async function addStep(
  db: Db,
  accountId: number,
  panelUuid: string,
  input: { title: string; position?: number },
): Promise<CrmStep> {
  const panel = await getPanel(db, accountId, panelUuid);
  return inTransaction(db, async (trx) => (await insertSteps(trx, panel, [input]))[0]);
}

export async function getStep(db: Db, accountId: number, panelUuid: string, stepUuid: string): Promise<CrmStep> {
  const panel = await getPanel(db, accountId, panelUuid);
  const step = await db
    .selectFrom('crm_steps')
    .selectAll()
    .where('panel_id', '=', panel.id)
    .where('uuid', '=', stepUuid)
    .executeTakeFirst();
  if (!step) throw notFound('Step');
  return step;
}

export async function updateStep(
  db: Db,
  accountId: number,
  panelUuid: string,
  stepUuid: string,
  input: { title?: string; position?: number; archived?: boolean },
): Promise<CrmStep> {
  const step = await getStep(db, accountId, panelUuid, stepUuid);
  return db
    .updateTable('crm_steps')
    .set({
      ...(input.title !== undefined ? { title: required(input.title, 'title') } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.archived !== undefined ? { archived: input.archived } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', step.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A step still holding cards is not deleted: its cards would go with it. Move them (or archive the step) first. */
export async function deleteStep(db: Db, accountId: number, panelUuid: string, stepUuid: string): Promise<void> {
  const step = await getStep(db, accountId, panelUuid, stepUuid);
  const card = await db.selectFrom('crm_cards').select('id').where('step_id', '=', step.id).limit(1).executeTakeFirst();
  if (card) throw validation('the step still holds cards: move them to another step first', ['stepId']);
  await db.deleteFrom('crm_steps').where('id', '=', step.id).execute();
}

export async function addFields(
  db: Db,
  accountId: number,
  panelUuid: string,
  fields: FieldInput[],
): Promise<CrmPanelField[]> {
  const panel = await getPanel(db, accountId, panelUuid);
  await inTransaction(db, (trx) => insertFields(trx, panel, fields));
  return fieldsOf(db, accountId, [panel.id]);
}

/** Every panel's fields, with the panel's public id (GET /core/v1/custom-field?EntityType=PANEL). */
export async function accountPanelFields(
  db: Db,
  accountId: number,
): Promise<(CrmPanelField & { panel_uuid: string })[]> {
  return db
    .selectFrom('crm_panel_fields')
    .innerJoin('crm_panels', 'crm_panels.id', 'crm_panel_fields.panel_id')
    .selectAll('crm_panel_fields')
    .select('crm_panels.uuid as panel_uuid')
    .where('crm_panel_fields.account_id', '=', accountId)
    .orderBy('crm_panel_fields.panel_id')
    .orderBy('crm_panel_fields.position')
    .execute();
}
