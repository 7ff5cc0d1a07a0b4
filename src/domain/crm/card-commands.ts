import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CardStatus, CrmCard, CrmPanelField, CrmStep } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changedAttributes, recordEvent } from '../outbox.ts';
import { getSession } from '../conversations/with-public-ids.ts';
import { applyTagOperation, resolveTags, type TagOperation } from '../labels/tag-refs.ts';
import { cardsByIds, getCard, type CardRow } from './cards.ts';
import { mergeCustomFields, mergeMetadata } from './card-values.ts';
import { fieldsOf } from './panels.ts';
import { lostReasonOf } from './lost-reasons.ts';

export interface CardInput {
  stepId?: string;
  title?: string;
  description?: string | null;
  position?: number;
  dueDate?: string | null;
  responsibleUserId?: string | null;
  tagIds?: string[];
  tagNames?: string[];
  contactIds?: string[];
  sessionId?: string | null;
  monetaryAmount?: number | null;
  status?: CardStatus;
  archived?: boolean;
  lostReasonId?: string | null;
  customFields?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** `PublicReqUpdatePanelCardDTO.fields` (matched ignoring case: clients send `stepId` as well as `StepId`). */
export const CARD_FIELDS = [
  'StepId',
  'Title',
  'Description',
  'Position',
  'DueDate',
  'ResponsibleUserId',
  'TagIds',
  'TagNames',
  'ContactIds',
  'SessionId',
  'MonetaryAmount',
  'Archived',
  'Status',
  'LostReasonId',
  'CustomFields',
  'Metadata',
] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** Who writes and what they may see: an agent links only sessions of their inboxes. */
export interface CardScope {
  accountId: number;
  visibleInboxIds?: number[];
}

function fieldsOfRequest(input: CardInput, listed: string[] | undefined): Set<CardField> {
  if (listed) {
    return new Set(
      listed.map((name) => {
        const field = CARD_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
        if (!field)
          throw validation(`fields ${name}: not a card field (one of: ${CARD_FIELDS.join(', ')})`, ['fields']);
        return field;
      }),
    );
  }
  const given = CARD_FIELDS.filter((f) => input[(f[0].toLowerCase() + f.slice(1)) as keyof CardInput] !== undefined);
  return new Set(given);
}

function dateOf(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw validation(`${field} is not a valid date-time: ${value}`, [field]);
  return date;
}

async function stepOf(db: Db, accountId: number, uuid: string | undefined): Promise<CrmStep> {
  if (!uuid) throw validation('stepId is required', ['stepId']);
  const step = await db
    .selectFrom('crm_steps')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!step) throw validation(`stepId ${uuid} is not a step of this company's panels`, ['stepId']);
  return step;
}

async function userOf(db: Db, accountId: number, uuid: string | null | undefined): Promise<number | null> {
  if (!uuid) return null;
  const user = await db
    .selectFrom('users')
    .innerJoin('account_users', 'account_users.user_id', 'users.id')
    .select('users.id')
    .where('account_users.account_id', '=', accountId)
    .where('users.uuid', '=', uuid)
    .executeTakeFirst();
  if (!user) throw validation(`responsibleUserId ${uuid} is not an agent of this company`, ['responsibleUserId']);
  return user.id;
}

async function contactsOf(db: Db, accountId: number, uuids: string[]): Promise<number[]> {
  const wanted = [...new Set(uuids)];
  if (!wanted.length) return [];
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'uuid'])
    .where('account_id', '=', accountId)
    .where('uuid', 'in', wanted)
    .execute();
  const missing = wanted.find((u) => !rows.some((r) => r.uuid === u));
  if (missing) throw validation(`contactIds ${missing} is not a contact of this company`, ['contactIds']);
  return wanted.map((u) => rows.find((r) => r.uuid === u)!.id);
}

async function labelIdsOf(db: Db, accountId: number, titles: string[]): Promise<number[]> {
  if (!titles.length) return [];
  const rows = await db
    .selectFrom('labels')
    .select(['id', 'title'])
    .where('account_id', '=', accountId)
    .where('title', 'in', titles)
    .execute();
  return titles.map((t) => rows.find((r) => r.title === t)?.id).filter((id): id is number => id !== undefined);
}

async function sessionOf(db: Db, scope: CardScope, uuid: string | null | undefined): Promise<number | null> {
  if (!uuid) return null;
  try {
    return (await getSession(db, scope.accountId, uuid, scope.visibleInboxIds)).id;
  } catch {
    throw validation(`sessionId ${uuid} is not a session of this company`, ['sessionId']);
  }
}

function amountOf(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw validation('monetaryAmount must be a number', ['monetaryAmount']);
  return value;
}

function titleOf(value: string | undefined): string {
  const title = value?.trim();
  if (!title) throw validation('title is required', ['title']);
  return title;
}

async function nextPosition(trx: Db, stepId: number): Promise<number> {
  const row = await trx
    .selectFrom('crm_cards')
    .select(sql<number>`coalesce(max(position), 0)`.as('max'))
    .where('step_id', '=', stepId)
    .executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

async function nextNumber(trx: Db, panelId: number): Promise<number> {
  const row = await trx
    .updateTable('crm_panels')
    .set((eb) => ({ last_card_number: eb('last_card_number', '+', 1) }))
    .where('id', '=', panelId)
    .returning('last_card_number')
    .executeTakeFirstOrThrow();
  return row.last_card_number;
}

async function linkContacts(
  trx: Db,
  accountId: number,
  cardId: number,
  contactIds: number[],
  replace: boolean,
): Promise<void> {
  if (replace) await trx.deleteFrom('crm_card_contacts').where('card_id', '=', cardId).execute();
  if (contactIds.length)
    await trx
      .insertInto('crm_card_contacts')
      .values(contactIds.map((contact_id) => ({ account_id: accountId, card_id: cardId, contact_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

async function linkTags(
  trx: Db,
  accountId: number,
  cardId: number,
  labelIds: number[],
  replace: boolean,
): Promise<void> {
  if (replace) await trx.deleteFrom('crm_card_tags').where('card_id', '=', cardId).execute();
  if (labelIds.length)
    await trx
      .insertInto('crm_card_tags')
      .values(labelIds.map((label_id) => ({ account_id: accountId, card_id: cardId, label_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

interface NewCard {
  step: CrmStep;
  values: Omit<
    CrmCard,
    'id' | 'uuid' | 'account_id' | 'panel_id' | 'step_id' | 'number' | 'position' | 'created_at' | 'updated_at'
  > & { position?: number };
  contactIds: number[];
  labelIds: number[];
}

/** Inserts a card at the end of its step (or at the given position), numbered in its panel; records card.created. */
async function insertCard(trx: Db, accountId: number, card: NewCard): Promise<number> {
  const { step, values } = card;
  const inserted = await trx
    .insertInto('crm_cards')
    .values({
      ...values,
      account_id: accountId,
      panel_id: step.panel_id,
      step_id: step.id,
      number: await nextNumber(trx, step.panel_id),
      position: values.position ?? (await nextPosition(trx, step.id)),
      custom_fields: JSON.stringify(values.custom_fields),
      metadata: JSON.stringify(values.metadata),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkContacts(trx, accountId, inserted.id, card.contactIds, false);
  await linkTags(trx, accountId, inserted.id, card.labelIds, false);
  await recordEvent(trx, { accountId, name: 'card.created', data: { card_id: inserted.id } });
  return inserted.id;
}

async function panelFields(db: Db, accountId: number, panelId: number): Promise<CrmPanelField[]> {
  return fieldsOf(db, accountId, [panelId]);
}

/** `POST /crm/v2/panel/card`: every reference is resolved before anything is written. */
export async function createCard(db: Db, scope: CardScope, input: CardInput): Promise<CardRow> {
  const { accountId } = scope;
  const step = await stepOf(db, accountId, input.stepId);
  const title = titleOf(input.title);
  const [responsible, contactIds, session, titles, fields] = await Promise.all([
    userOf(db, accountId, input.responsibleUserId),
    contactsOf(db, accountId, input.contactIds ?? []),
    sessionOf(db, scope, input.sessionId),
    resolveTags(db, accountId, input),
    panelFields(db, accountId, step.panel_id),
  ]);
  const lostReason = await lostReasonOf(db, accountId, step.panel_id, input.lostReasonId);
  const labelIds = await labelIdsOf(db, accountId, titles);
  const id = await inTransaction(db, (trx) =>
    insertCard(trx, accountId, {
      step,
      values: {
        title,
        description: input.description ?? null,
        position: input.position,
        due_date: dateOf(input.dueDate, 'dueDate'),
        responsible_user_id: responsible,
        session_id: session,
        monetary_amount: amountOf(input.monetaryAmount),
        status: input.status ?? 'OPEN',
        lost_reason_id: lostReason,
        custom_fields: mergeCustomFields({}, input.customFields ?? {}, fields),
        metadata: mergeMetadata({}, input.metadata ?? {}),
      },
      contactIds,
      labelIds,
    }),
  );
  return (await cardsByIds(db, accountId, [id])).get(id)!;
}

/** The attributes a card event reports, by their core names (ids as public ids). */
function snapshot(card: CardRow, contactUuids: string[], tagUuids: string[]) {
  return {
    step_id: card.step_uuid,
    title: card.title,
    description: card.description,
    position: card.position,
    due_date: card.due_date,
    responsible_user_id: card.responsible_uuid,
    session_id: card.session_uuid,
    monetary_amount: card.monetary_amount,
    status: card.status,
    lost_reason_id: card.lost_reason_uuid,
    contact_ids: contactUuids,
    tag_ids: tagUuids,
    custom_fields: card.custom_fields,
    metadata: card.metadata,
  };
}

/**
 * `PUT /crm/v2/panel/card/{id}`: changes the fields listed (or, without `fields`, the ones the body carries).
 * Moving is changing `stepId` to another step of the card's panel (duplicate copies a card to another panel).
 * One card.updated event names every attribute that changed; none is recorded when nothing did.
 */
export async function updateCard(
  db: Db,
  scope: CardScope,
  uuid: string,
  input: CardInput,
  listed?: string[],
  tagOperation: TagOperation = 'ReplaceAll',
): Promise<CardRow> {
  const { accountId } = scope;
  const card = await getCard(db, accountId, uuid);
  const has = fieldsOfRequest(input, listed);
  const step = has.has('StepId') ? await stepOf(db, accountId, input.stepId) : undefined;
  if (step && step.panel_id !== card.panel_id)
    throw validation(
      'stepId is a step of another panel: duplicate the card there instead (POST …/duplicate with copyToStepId)',
      ['stepId'],
    );
  const set: Record<string, unknown> = {};
  if (step) set.step_id = step.id;
  if (has.has('Title')) set.title = titleOf(input.title);
  if (has.has('Description')) set.description = input.description ?? null;
  if (has.has('Position')) {
    if (input.position === undefined) throw validation('position is required when fields lists Position', ['position']);
    set.position = input.position;
  } else if (step && step.id !== card.step_id) set.position = await nextPosition(db, step.id);
  if (has.has('DueDate')) set.due_date = dateOf(input.dueDate, 'dueDate');
  if (has.has('ResponsibleUserId')) set.responsible_user_id = await userOf(db, accountId, input.responsibleUserId);
  if (has.has('SessionId')) set.session_id = await sessionOf(db, scope, input.sessionId);
  if (has.has('MonetaryAmount')) set.monetary_amount = amountOf(input.monetaryAmount);
  if (has.has('Status')) {
    if (!input.status) throw validation('status is required when fields lists Status', ['status']);
    set.status = input.status;
  }
  if (has.has('LostReasonId'))
    set.lost_reason_id = await lostReasonOf(db, accountId, card.panel_id, input.lostReasonId);
  if (has.has('Archived')) set.status = input.archived ? 'ARCHIVED' : card.status === 'ARCHIVED' ? 'OPEN' : card.status;
  if (has.has('CustomFields'))
    set.custom_fields = JSON.stringify(
      mergeCustomFields(card.custom_fields, input.customFields ?? {}, await panelFields(db, accountId, card.panel_id)),
    );
  if (has.has('Metadata')) set.metadata = JSON.stringify(mergeMetadata(card.metadata, input.metadata ?? {}));
  const contactIds = has.has('ContactIds') ? await contactsOf(db, accountId, input.contactIds ?? []) : undefined;
  let labelIds: number[] | undefined;
  if (has.has('TagIds') || has.has('TagNames')) {
    const currentTitles = (
      await db
        .selectFrom('crm_card_tags')
        .innerJoin('labels', 'labels.id', 'crm_card_tags.label_id')
        .select('labels.title')
        .where('card_id', '=', card.id)
        .orderBy('labels.id')
        .execute()
    ).map((r) => r.title);
    labelIds = await labelIdsOf(
      db,
      accountId,
      applyTagOperation(currentTitles, await resolveTags(db, accountId, input), tagOperation),
    );
  }

  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('crm_cards')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', card.id)
      .execute();
    if (contactIds) await linkContacts(trx, accountId, card.id, contactIds, true);
    if (labelIds) await linkTags(trx, accountId, card.id, labelIds, true);
    const after = (await cardsByIds(trx, accountId, [card.id])).get(card.id)!;
    const before = snapshot(
      card,
      card.contacts.map((c) => c.id),
      card.tag_uuids,
    );
    const changes = changedAttributes(
      before,
      snapshot(
        after,
        after.contacts.map((c) => c.id),
        after.tag_uuids,
      ),
      Object.keys(before),
    );
    if (Object.keys(changes).length)
      await recordEvent(trx, {
        accountId,
        name: 'card.updated',
        data: { card_id: card.id, changed_attributes: changes },
      });
  });
  return getCard(db, accountId, uuid);
}

export const DUPLICATE_FIELDS = [
  'Undefined',
  'All',
  'Amount',
  'DueDate',
  'Tags',
  'MonetaryAmount',
  'Contacts',
  'ResponsibleUser',
  'CustomFields',
  'Notes',
] as const;
export type DuplicateField = (typeof DUPLICATE_FIELDS)[number];

/**
 * `POST …/card/{id}/duplicate`: a new card (new number in its panel) in `copyToStepId` or the same step, with
 * the title and description and the listed parts (all when none or `All` is listed); custom fields keep only
 * the keys the target panel defines. `archiveOriginalCard` archives the original in the same transaction.
 */
export async function duplicateCard(
  db: Db,
  scope: CardScope,
  uuid: string,
  input: { copyToStepId?: string; options?: { fields?: DuplicateField[]; archiveOriginalCard?: boolean } },
): Promise<CardRow> {
  const { accountId } = scope;
  const card = await getCard(db, accountId, uuid);
  const step = input.copyToStepId
    ? await stepOf(db, accountId, input.copyToStepId)
    : await stepOf(db, accountId, card.step_uuid);
  const listed: DuplicateField[] = (input.options?.fields ?? []).filter((f) => f !== 'Undefined');
  const all = !listed.length || listed.includes('All');
  const copies = (f: DuplicateField) => all || listed.includes(f);
  const fields = await panelFields(db, accountId, step.panel_id);
  const [contactRows, tagRows] = await Promise.all([
    db.selectFrom('crm_card_contacts').select('contact_id').where('card_id', '=', card.id).execute(),
    db.selectFrom('crm_card_tags').select('label_id').where('card_id', '=', card.id).execute(),
  ]);
  const id = await inTransaction(db, async (trx) => {
    const copy = await insertCard(trx, accountId, {
      step,
      values: {
        title: card.title,
        description: card.description,
        due_date: copies('DueDate') ? card.due_date : null,
        responsible_user_id: copies('ResponsibleUser') ? card.responsible_user_id : null,
        session_id: all ? card.session_id : null,
        monetary_amount: copies('MonetaryAmount') || copies('Amount') ? card.monetary_amount : null,
        status: 'OPEN',
        lost_reason_id: null,
        custom_fields: copies('CustomFields') ? mergeCustomFields({}, card.custom_fields, fields) : {},
        metadata: card.metadata,
      },
      contactIds: copies('Contacts') ? contactRows.map((r) => r.contact_id) : [],
      labelIds: copies('Tags') ? tagRows.map((r) => r.label_id) : [],
    });
    if (copies('Notes')) {
      await sql`INSERT INTO crm_card_notes (account_id, card_id, user_id, text, file_urls, created_at, updated_at)
        SELECT account_id, ${copy}, user_id, text, file_urls, created_at, updated_at FROM crm_card_notes WHERE card_id = ${card.id} ORDER BY id`.execute(
        trx,
      );
    }
    if (input.options?.archiveOriginalCard && card.status !== 'ARCHIVED') {
      await trx
        .updateTable('crm_cards')
        .set({ status: 'ARCHIVED', updated_at: new Date() })
        .where('id', '=', card.id)
        .execute();
      const changes = { status: { previous_value: card.status, current_value: 'ARCHIVED' } };
      await recordEvent(trx, {
        accountId,
        name: 'card.updated',
        data: { card_id: card.id, changed_attributes: changes },
      });
    }
    return copy;
  });
  return (await cardsByIds(db, accountId, [id])).get(id)!;
}
