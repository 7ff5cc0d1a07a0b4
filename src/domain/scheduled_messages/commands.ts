import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Inbox, ScheduledMessageType } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { chatbotFor } from '../chatbots/dispatch.ts';
import { channelFor, contactFor } from '../conversations/addresses.ts';
import { teamNamed } from '../teams/lookup.ts';
import { checkSessionMessage } from '../messages/api-send.ts';
import { fileForMessage } from '../files/commands.ts';
import { findTemplate } from '../templates/channel-templates.ts';
import { getScheduled, SCHEDULED_CHANNEL, type ScheduledRow } from './repository.ts';

/** `PublicReqCreateScheduledMessageDTO`, plus `text` (Switchboard has no WhatsApp templates yet: a TEMPLATE message may carry its text). */
export interface ScheduledInput {
  from?: string;
  to?: string;
  department?: { id?: string | null; name?: string | null } | null;
  type?: ScheduledMessageType;
  text?: string | null;
  templateId?: string | null;
  botKey?: string | null;
  scheduling?: string;
  hiddenSession?: boolean;
  templateParams?: { parameters?: Record<string, unknown>; fileUrl?: string; fileId?: string } | null;
}

/** `fields` of a PUT: which of the body's fields to apply (WTS's `PublicReqUpdateScheduledMessageDTO`). */
export const UPDATE_FIELDS = [
  'Undefined',
  'To',
  'From',
  'Department',
  'Type',
  'TemplateId',
  'BotId',
  'Scheduling',
  'HiddenSession',
  'TemplateParams',
  'Text',
] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

interface Scope {
  accountId: number;
  userId: number;
  visibleInboxIds?: number[];
}

function schedulingOf(value: string | undefined): Date {
  if (!value?.trim()) throw validation('scheduling is required (the date-time to send at)', ['scheduling']);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw validation(`scheduling is not a valid date-time: ${value}`, ['scheduling']);
  return date;
}

/** A file must be a saved file of the company, and a template alone one of the channel's, when scheduled. */
async function checkScheduledContent(
  db: Db,
  accountId: number,
  inbox: Inbox,
  templateId: string | undefined,
  text: string | undefined,
  params: { fileUrl?: string; fileId?: string },
): Promise<void> {
  if (params.fileId) await fileForMessage(db, accountId, params.fileId, 'templateParams.fileId');
  if (templateId && !text?.trim() && !params.fileUrl && !params.fileId && !findTemplate(inbox, templateId)) {
    throw validation(`templateId ${templateId} is not a message template of this channel: send text or fileUrl`, [
      'templateId',
    ]);
  }
}

/** Every check of a scheduled message, run before anything is stored: answers the row's columns. */
async function resolve(db: Db, scope: Scope, input: ScheduledInput, knownContactId?: number) {
  const type: ScheduledMessageType = input.type ?? (input.botKey ? 'CHATBOT' : 'TEMPLATE');
  const scheduledAt = schedulingOf(input.scheduling);
  if (knownContactId === undefined && !input.to?.trim()) throw validation('to is required', ['to']);
  const params = input.templateParams ?? {};
  let botKey: string | null = null;
  if (type === 'CHATBOT') {
    if (!input.botKey) throw validation('botKey is required for a CHATBOT scheduled message', ['botKey']);
    botKey = (await chatbotFor(db, scope.accountId, input.botKey, 'botKey')).key;
  } else {
    checkSessionMessage({
      text: input.text ?? undefined,
      templateId: input.templateId ?? undefined,
      fileUrl: params.fileUrl,
      fileId: params.fileId,
    });
  }
  const inbox = await channelFor(db, scope.accountId, input.from, scope.visibleInboxIds);
  if (type === 'TEMPLATE')
    await checkScheduledContent(
      db,
      scope.accountId,
      inbox,
      input.templateId ?? undefined,
      input.text ?? undefined,
      params,
    );
  const team = await teamNamed(db, scope.accountId, input.department ?? undefined, {
    id: 'department.id',
    name: 'department.name',
  });
  const contactId = knownContactId ?? (await contactFor(db, scope.accountId, inbox, input.to!)).id;
  return {
    type,
    scheduled_at: scheduledAt,
    contact_id: contactId,
    inbox_id: inbox.id,
    team_id: team?.id ?? null,
    text: type === 'TEMPLATE' ? (input.text ?? null) : null,
    template_id: type === 'TEMPLATE' ? (input.templateId ?? null) : null,
    template_params: type === 'TEMPLATE' ? { ...params } : {},
    bot_key: botKey,
    hidden_session: input.hiddenSession ?? false,
  };
}

async function notifySender(db: Db): Promise<void> {
  await sql`SELECT pg_notify(${SCHEDULED_CHANNEL}, '')`.execute(db);
}

export async function createScheduled(db: Db, scope: Scope, input: ScheduledInput): Promise<ScheduledRow> {
  const values = await resolve(db, scope, input);
  const { uuid } = await db
    .insertInto('scheduled_messages')
    .values({
      ...values,
      template_params: JSON.stringify(values.template_params),
      account_id: scope.accountId,
      user_id: scope.userId,
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await notifySender(db);
  return getScheduled(db, scope.accountId, uuid);
}

const FIELD_KEYS: Record<Exclude<UpdateField, 'Undefined'>, keyof ScheduledInput> = {
  To: 'to',
  From: 'from',
  Department: 'department',
  Type: 'type',
  TemplateId: 'templateId',
  BotId: 'botKey',
  Scheduling: 'scheduling',
  HiddenSession: 'hiddenSession',
  TemplateParams: 'templateParams',
  Text: 'text',
};

function notScheduled(row: ScheduledRow, action: string) {
  return validation(`The scheduled message is ${row.status}: only a SCHEDULED message can be ${action}`, ['status']);
}

/** Applies the listed fields over the stored ones, re-checks the whole message, and stores it (only while SCHEDULED). */
export async function updateScheduled(
  db: Db,
  scope: Scope,
  uuid: string,
  fields: UpdateField[],
  body: ScheduledInput,
): Promise<ScheduledRow> {
  const row = await getScheduled(db, scope.accountId, uuid, scope.visibleInboxIds);
  if (row.status !== 'SCHEDULED') throw notScheduled(row, 'updated');
  const current: ScheduledInput = {
    from: row.inbox_uuid,
    department: row.team_uuid ? { id: row.team_uuid } : null,
    type: row.type,
    text: row.text,
    templateId: row.template_id,
    botKey: row.bot_key,
    scheduling: row.scheduled_at.toISOString(),
    hiddenSession: row.hidden_session,
    templateParams: row.template_params,
  };
  const merged: Record<string, unknown> = { ...current };
  for (const field of fields) if (field !== 'Undefined') merged[FIELD_KEYS[field]] = body[FIELD_KEYS[field]];
  // Without `To` the stored contact stays the recipient (it may have no phone number to name it by).
  const values = await resolve(db, scope, merged as ScheduledInput, fields.includes('To') ? undefined : row.contact_id);
  const updated = await db
    .updateTable('scheduled_messages')
    .set({ ...values, template_params: JSON.stringify(values.template_params), updated_at: new Date() })
    .where('account_id', '=', scope.accountId)
    .where('id', '=', row.id)
    .where('status', '=', 'SCHEDULED')
    .returning('uuid')
    .executeTakeFirst();
  if (!updated) throw notScheduled(await getScheduled(db, scope.accountId, uuid), 'updated');
  await notifySender(db);
  return getScheduled(db, scope.accountId, uuid);
}

/** Cancels the account's SCHEDULED messages among `uuids`; answers the uuids actually cancelled. */
async function cancelRows(db: Db, accountId: number, uuids: string[], visibleInboxIds?: number[]): Promise<string[]> {
  if (!uuids.length) return [];
  let query = db
    .updateTable('scheduled_messages')
    .set({ status: 'CANCELED', updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('uuid', 'in', uuids)
    .where('status', '=', 'SCHEDULED');
  if (visibleInboxIds) query = query.where('inbox_id', 'in', visibleInboxIds.length ? visibleInboxIds : [0]);
  const rows = await query.returning('uuid').execute();
  return rows.map((r) => r.uuid);
}

export async function cancelScheduled(
  db: Db,
  accountId: number,
  uuid: string,
  visibleInboxIds?: number[],
): Promise<ScheduledRow> {
  const row = await getScheduled(db, accountId, uuid, visibleInboxIds);
  if (row.status === 'CANCELED') return row;
  if (!(await cancelRows(db, accountId, [uuid])).length)
    throw notScheduled(await getScheduled(db, accountId, uuid), 'canceled');
  return getScheduled(db, accountId, uuid);
}

/** Batch cancel: cancels those still SCHEDULED; ids of other accounts or unknown ids are ignored, as a filter would. */
export async function batchCancelScheduled(
  db: Db,
  accountId: number,
  uuids: string[],
  visibleInboxIds?: number[],
): Promise<string[]> {
  return cancelRows(db, accountId, [...new Set(uuids)], visibleInboxIds);
}
