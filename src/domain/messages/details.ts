import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { availabilityStatus } from '../presence/repository.ts';
import { usableInAccount } from '../bots/repository.ts';
import type { AgentBot, Attachment, Contact, Message, User } from '../../db/types.ts';
import { ATTACHMENT_COLUMNS } from '../attachments/repository.ts';

export type UserWithMembership = Pick<
  User,
  'id' | 'name' | 'display_name' | 'email' | 'avatar_url' | 'custom_attributes'
> & {
  account_id: number | null;
  role: 'agent' | 'administrator' | null;
  availability: 'online' | 'busy' | 'offline' | null;
  auto_offline: boolean | null;
  /** What others see: the chosen availability, or offline when auto_offline and not connected. */
  availability_status: 'online' | 'busy' | 'offline';
  /** Whether they have chosen a password (an invited agent has not yet). */
  confirmed: boolean;
};

export type Sender =
  | { type: 'User'; user: UserWithMembership }
  | { type: 'Contact'; contact: Contact }
  | { type: 'AgentBot'; bot: AgentBot };

export interface MessageDetails {
  message: Message;
  attachments: Attachment[];
  sender?: Sender;
}

/** Everything a message presenter needs, for any number of messages, in a fixed number of queries. */
export interface RelatedRows {
  users: Map<number, UserWithMembership>;
  contacts: Map<number, Contact>;
  bots: Map<number, AgentBot>;
  attachments: Map<number, Attachment[]>;
}

export async function loadUsers(db: Db, accountId: number, ids: number[]): Promise<Map<number, UserWithMembership>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('account_users as au', (join) =>
      join.onRef('au.user_id', '=', 'u.id').on('au.account_id', '=', accountId),
    )
    .select([
      'u.id',
      'u.name',
      'u.display_name',
      'u.email',
      'u.avatar_url',
      'u.custom_attributes',
      'au.account_id',
      'au.role',
      'au.availability',
      'au.auto_offline',
      availabilityStatus('au').as('availability_status'),
      sql<boolean>`u.password_hash IS NOT NULL`.as('confirmed'),
    ])
    .where('u.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadContacts(db: Db, accountId: number, ids: number[]): Promise<Map<number, Contact>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Only the account's own and system bots: a message naming another account's bot shows no sender, not its name. */
export async function loadBots(db: Db, accountId: number, ids: number[]): Promise<Map<number, AgentBot>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('agent_bots')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .where(usableInAccount(accountId))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadAttachments(
  db: Db,
  accountId: number,
  messageIds: number[],
): Promise<Map<number, Attachment[]>> {
  const byMessage = new Map<number, Attachment[]>();
  if (!messageIds.length) return byMessage;
  const rows = await db
    .selectFrom('attachments')
    .select(ATTACHMENT_COLUMNS)
    .where('account_id', '=', accountId)
    .where('message_id', 'in', messageIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push(row);
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

export function senderIds(messages: Message[]) {
  const pick = (type: string) =>
    messages.filter((m) => m.sender_type === type && m.sender_id !== null).map((m) => m.sender_id!);
  return { users: pick('User'), contacts: pick('Contact'), bots: pick('AgentBot') };
}

export function attachDetails(messages: Message[], rows: RelatedRows): MessageDetails[] {
  return messages.map((message) => {
    let sender: Sender | undefined;
    const id = message.sender_id ?? -1;
    if (message.sender_type === 'User' && rows.users.has(id)) sender = { type: 'User', user: rows.users.get(id)! };
    if (message.sender_type === 'Contact' && rows.contacts.has(id))
      sender = { type: 'Contact', contact: rows.contacts.get(id)! };
    if (message.sender_type === 'AgentBot' && rows.bots.has(id)) sender = { type: 'AgentBot', bot: rows.bots.get(id)! };
    return { message, attachments: rows.attachments.get(message.id) ?? [], sender };
  });
}

/** Senders the caller already holds (the user or bot calling, the contact a message touched): not read again. */
export interface KnownSenders {
  users?: UserWithMembership[];
  contacts?: Contact[];
  bots?: AgentBot[];
}

/** Loads the rows for `ids` that `known` lacks, and answers both by id. */
async function withKnown<T extends { id: number }>(
  known: T[] | undefined,
  ids: number[],
  load: (missing: number[]) => Promise<Map<number, T>>,
): Promise<Map<number, T>> {
  const byId = new Map((known ?? []).map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (!missing.length) return byId;
  for (const [id, row] of await load(missing)) byId.set(id, row);
  return byId;
}

/**
 * Messages with senders and attachments: four queries for any number of messages (fewer for known senders).
 * `attachments: false` when the caller knows there are none (a message it just stored without files).
 */
export async function loadMessageDetails(
  db: Db,
  accountId: number,
  messages: Message[],
  options: { attachments?: boolean; known?: KnownSenders } = {},
): Promise<MessageDetails[]> {
  const ids = senderIds(messages);
  const known = options.known ?? {};
  const [users, contacts, bots, attachments] = await Promise.all([
    withKnown(known.users, ids.users, (missing) => loadUsers(db, accountId, missing)),
    withKnown(known.contacts, ids.contacts, (missing) => loadContacts(db, accountId, missing)),
    withKnown(known.bots, ids.bots, (missing) => loadBots(db, accountId, missing)),
    options.attachments === false
      ? new Map<number, Attachment[]>()
      : loadAttachments(
          db,
          accountId,
          messages.map((m) => m.id),
        ),
  ]);
  return attachDetails(messages, { users, contacts, bots, attachments });
}
