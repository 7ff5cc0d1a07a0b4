// The phases of a Chatwoot import, in order; each copies what import_mappings does not hold yet.
import type { Db } from '../../db/pool.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { createInbox, addInboxMembers } from '../../domain/inboxes/commands.ts';
import { findInbox } from '../../domain/inboxes/repository.ts';
import { createAgent } from '../../domain/agents/commands.ts';
import { findMember, findUserByEmail } from '../../domain/users/repository.ts';
import { createTeam, addTeamMembers } from '../../domain/teams/commands.ts';
import { createLabel } from '../../domain/labels/commands.ts';
import { createDefinition } from '../../domain/custom_attributes/commands.ts';
import { createCannedResponse } from '../../domain/canned_responses/commands.ts';
import { createContact, addContactInbox } from '../../domain/contacts/commands.ts';
import { createConversation } from '../../domain/conversations/commands.ts';
import { insertMessage, type NewFile } from '../../domain/messages/commands.ts';
import { receiveFile } from '../../domain/attachments/upload.ts';
import { releaseUnclaimed } from '../../domain/attachments/orphans.ts';
import type { ChatwootSource } from './chatwoot-source.ts';
import type { Kind, Mappings } from './mappings.ts';

export interface Tally {
  phase: string;
  found: number;
  copied: number;
  existing: number;
  skipped: number;
}

export interface ImportContext {
  db: Db;
  storage: ObjectStorage;
  source: ChatwootSource;
  mappings: Mappings;
  /** undefined only in a dry run into an account that does not exist yet. */
  accountId: number;
  dryRun: boolean;
  since?: Date;
  notes: string[];
  progress: (tally: Tally) => void;
}

const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
const toDate = (unix: unknown) =>
  typeof unix === 'number' && unix > 0
    ? new Date(unix * 1000)
    : typeof unix === 'string' && unix
      ? new Date(unix)
      : undefined;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies each item not yet mapped with `create` (in one transaction with its mapping); counts the rest. */
async function copyAll<T extends { id: number | string }>(
  ctx: ImportContext,
  phase: string,
  kind: Kind,
  items: T[],
  create: (trx: Db, item: T) => Promise<number>,
  report = true,
): Promise<Tally> {
  await ctx.mappings.load(kind);
  const tally: Tally = { phase, found: items.length, copied: 0, existing: 0, skipped: 0 };
  for (const item of items) {
    if (ctx.mappings.get(kind, item.id) !== undefined) tally.existing++;
    else if (ctx.dryRun) tally.copied++;
    else {
      try {
        await ctx.db
          .transaction()
          .execute(async (trx) => ctx.mappings.put(trx, kind, item.id, await create(trx, item)));
        tally.copied++;
      } catch (error) {
        tally.skipped++;
        ctx.notes.push(`${phase}: source #${item.id} skipped: ${reason(error)}`);
      }
    }
  }
  if (report) ctx.progress(tally);
  return tally;
}

export async function importInboxes(ctx: ImportContext): Promise<Tally> {
  const inboxes = await ctx.source.inboxes();
  return copyAll(ctx, 'inboxes', 'inbox', inboxes, async (trx, inbox) => {
    if (inbox.channel_type !== 'Channel::Api')
      ctx.notes.push(
        `inbox "${inbox.name}" (${inbox.channel_type}) became an API inbox: its channel is not reproduced`,
      );
    // The source's webhook_url is not copied: this installation would deliver to the old receiver too.
    const created = await createInbox(trx, ctx.accountId, 'Channel::Api', {
      name: inbox.name,
      greeting_enabled: inbox.greeting_enabled ?? undefined,
      greeting_message: inbox.greeting_message ?? undefined,
      enable_email_collect: inbox.enable_email_collect ?? undefined,
      enable_auto_assignment: inbox.enable_auto_assignment ?? undefined,
      working_hours_enabled: inbox.working_hours_enabled ?? undefined,
      out_of_office_message: inbox.out_of_office_message ?? undefined,
      timezone: inbox.timezone ?? undefined,
      allow_messages_after_resolved: inbox.allow_messages_after_resolved ?? undefined,
      lock_to_single_conversation: inbox.lock_to_single_conversation ?? undefined,
    });
    return created.id;
  });
}

/** Agents become users without a password (they set one); a user already in the account is matched by email. */
export async function importAgents(ctx: ImportContext): Promise<Tally> {
  const agents = await ctx.source.agents();
  const tally = await copyAll(ctx, 'agents', 'agent', agents, async (trx, agent) => {
    const user = await findUserByEmail(trx, agent.email);
    if (user && (await findMember(trx, ctx.accountId, user.id))) return user.id;
    const role = agent.role === 'administrator' ? 'administrator' : 'agent';
    return (await createAgent(trx, ctx.accountId, null, { email: agent.email, name: agent.name, role })).id;
  });
  if (!ctx.dryRun) {
    await ctx.mappings.load('inbox');
    for (const inbox of await ctx.source.inboxes()) {
      const inboxId = ctx.mappings.get('inbox', inbox.id);
      if (!inboxId) continue;
      const members = (await ctx.source.inboxMembers(inbox.id))
        .map((m) => ctx.mappings.get('agent', m.id))
        .filter((id): id is number => id !== undefined);
      if (members.length) await addInboxMembers(ctx.db, ctx.accountId, inboxId, members);
    }
  }
  return tally;
}

export async function importTeams(ctx: ImportContext): Promise<Tally> {
  const teams = await ctx.source.teams();
  const tally = await copyAll(ctx, 'teams', 'team', teams, async (trx, team) => {
    const same = await trx
      .selectFrom('teams')
      .select('id')
      .where('account_id', '=', ctx.accountId)
      .where('name', '=', String(team.name).toLowerCase())
      .executeTakeFirst();
    if (same) return same.id;
    return (
      await createTeam(trx, ctx.accountId, {
        name: team.name,
        description: team.description ?? null,
        allow_auto_assign: team.allow_auto_assign ?? true,
      })
    ).id;
  });
  if (!ctx.dryRun) {
    for (const team of teams) {
      const teamId = ctx.mappings.get('team', team.id);
      if (!teamId) continue;
      const members = (await ctx.source.teamMembers(team.id))
        .map((m) => ctx.mappings.get('agent', m.id))
        .filter((id): id is number => id !== undefined);
      if (members.length) await addTeamMembers(ctx.db, ctx.accountId, teamId, members);
    }
  }
  return tally;
}

export async function importLabels(ctx: ImportContext): Promise<Tally> {
  return copyAll(ctx, 'labels', 'label', await ctx.source.labels(), async (trx, label) => {
    const same = await trx
      .selectFrom('labels')
      .select('id')
      .where('account_id', '=', ctx.accountId)
      .where('title', '=', String(label.title).toLowerCase())
      .executeTakeFirst();
    if (same) return same.id;
    return (
      await createLabel(trx, ctx.accountId, {
        title: label.title,
        description: label.description ?? null,
        color: label.color ?? undefined,
        show_on_sidebar: label.show_on_sidebar ?? true,
      })
    ).id;
  });
}

export async function importCustomAttributes(ctx: ImportContext): Promise<Tally> {
  return copyAll(
    ctx,
    'custom attributes',
    'custom_attribute',
    await ctx.source.customAttributeDefinitions(),
    async (trx, definition) => {
      const same = await trx
        .selectFrom('custom_attribute_definitions')
        .select('id')
        .where('account_id', '=', ctx.accountId)
        .where('attribute_key', '=', definition.attribute_key)
        .where('attribute_model', '=', definition.attribute_model)
        .executeTakeFirst();
      if (same) return same.id;
      return (
        await createDefinition(trx, ctx.accountId, {
          attribute_display_name: definition.attribute_display_name,
          attribute_display_type: definition.attribute_display_type,
          attribute_description: definition.attribute_description ?? null,
          attribute_key: definition.attribute_key,
          attribute_model: definition.attribute_model,
          attribute_values: definition.attribute_values ?? [],
          regex_pattern: definition.regex_pattern ?? null,
          regex_cue: definition.regex_cue ?? null,
          default_value: definition.default_value ?? null,
        })
      ).id;
    },
  );
}

export async function importCannedResponses(ctx: ImportContext): Promise<Tally> {
  return copyAll(
    ctx,
    'canned responses',
    'canned_response',
    await ctx.source.cannedResponses(),
    async (trx, canned) => {
      const same = await trx
        .selectFrom('canned_responses')
        .select('id')
        .where('account_id', '=', ctx.accountId)
        .where('short_code', '=', canned.short_code)
        .executeTakeFirst();
      if (same) return same.id;
      return (
        await createCannedResponse(trx, ctx.accountId, { short_code: canned.short_code, content: canned.content })
      ).id;
    },
  );
}

/** A contact and its contact inboxes, keeping its creation time. */
async function copyContact(ctx: ImportContext, trx: Db, contact: any): Promise<number> {
  const { contact: created } = await createContact(trx, ctx.accountId, {
    name: contact.name ?? '',
    email: contact.email || null,
    phone_number: contact.phone_number || null,
    identifier: contact.identifier || null,
    blocked: contact.blocked ?? false,
    additional_attributes: contact.additional_attributes ?? {},
    custom_attributes: contact.custom_attributes ?? {},
  });
  const createdAt = toDate(contact.created_at);
  if (createdAt)
    await trx
      .updateTable('contacts')
      .set({ created_at: createdAt })
      .where('account_id', '=', ctx.accountId)
      .where('id', '=', created.id)
      .execute();
  for (const link of contact.contact_inboxes ?? []) {
    const inboxId = ctx.mappings.get('inbox', link.inbox?.id);
    const inbox = inboxId ? await findInbox(trx, ctx.accountId, inboxId) : undefined;
    if (inbox) await addContactInbox(trx, created, inbox, link.source_id);
  }
  return created.id;
}

export async function importContacts(ctx: ImportContext): Promise<Tally> {
  await ctx.mappings.load('inbox');
  const total: Tally = { phase: 'contacts', found: 0, copied: 0, existing: 0, skipped: 0 };
  for await (const page of ctx.source.contacts()) {
    const tally = await copyAll(
      ctx,
      'contacts',
      'contact',
      page,
      (trx, contact) => copyContact(ctx, trx, contact),
      false,
    );
    total.found += tally.found;
    total.copied += tally.copied;
    total.existing += tally.existing;
    total.skipped += tally.skipped;
    ctx.progress(total);
  }
  return total;
}

function sender(ctx: ImportContext, message: any, contactId: number): { type: 'User' | 'Contact'; id: number } | null {
  const type = String(message.sender?.type ?? message.sender_type ?? '').toLowerCase();
  const id = message.sender?.id ?? message.sender_id;
  if (type === 'contact') return { type: 'Contact', id: contactId };
  if (type === 'user') {
    const userId = ctx.mappings.get('agent', id);
    return userId ? { type: 'User', id: userId } : null;
  }
  return null;
}

/** Stores each attachment through the storage layer; a file that cannot be fetched is noted, not fatal. */
async function downloadFiles(ctx: ImportContext, message: any): Promise<NewFile[]> {
  const files: NewFile[] = [];
  for (const attachment of message.attachments ?? []) {
    if (!attachment.data_url) continue;
    try {
      const { body, contentType } = await ctx.source.download(attachment.data_url);
      const name = decodeURIComponent(
        new URL(attachment.data_url, ctx.source.base).pathname.split('/').pop() || `attachment-${attachment.id}`,
      );
      files.push(
        await receiveFile(ctx.db, ctx.storage, body, { filename: name, mimetype: contentType }, MAX_ATTACHMENT_BYTES),
      );
    } catch (error) {
      ctx.notes.push(`attachment #${attachment.id} of message #${message.id} not copied: ${reason(error)}`);
    }
  }
  return files;
}

// Types the domain refuses without items: a source message of that kind without them is kept as text.
const ITEMS_REQUIRED = new Set(['input_select', 'cards', 'form', 'article']);
const MESSAGE_STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** The conversation's messages not copied yet, in one transaction with their mappings; answers how many. */
async function copyMessages(
  ctx: ImportContext,
  conversationId: number,
  contactId: number,
  messages: any[],
  tally: Tally,
): Promise<void> {
  const pending = messages.filter((m) => ctx.mappings.get('message', m.id) === undefined);
  tally.found += messages.length;
  tally.existing += messages.length - pending.length;
  if (ctx.dryRun) {
    tally.copied += pending.length;
    return;
  }
  if (!pending.length) return;
  const files = new Map<number, NewFile[]>();
  for (const message of pending)
    if (message.attachments?.length) files.set(message.id, await downloadFiles(ctx, message));
  const keys = [...files.values()].flat().map((file) => file.storageKey);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const copied: [number, number][] = [];
      for (const message of pending) {
        const own = files.get(message.id) ?? [];
        if (!message.content && !own.length && message.message_type !== 2) {
          tally.skipped++;
          continue;
        }
        const { message: created } = await insertMessage(trx, conversationId, {
          messageType: Number(message.message_type) || 0,
          content: message.content ?? null,
          private: Boolean(message.private),
          contentType:
            ITEMS_REQUIRED.has(message.content_type) && !message.content_attributes?.items?.length
              ? 'text'
              : (message.content_type ?? 'text'),
          contentAttributes: message.content_attributes ?? {},
          additionalAttributes: message.additional_attributes ?? {},
          sender: sender(ctx, message, contactId),
          sourceId: message.source_id ?? null,
          status: MESSAGE_STATUSES.has(message.status) ? message.status : 'sent',
          createdAt: toDate(message.created_at) ?? new Date(),
          files: own,
        });
        copied.push([message.id, created.id]);
      }
      await ctx.mappings.putBatch(trx, 'message', copied);
      tally.copied += copied.length;
    });
  } catch (error) {
    await releaseUnclaimed(ctx.db, ctx.storage, keys);
    throw error;
  }
}

/** The contact of a conversation: the mapped one, or (a visitor the contact list leaves out) copied now. */
async function conversationContact(ctx: ImportContext, conversation: any): Promise<number> {
  const sourceContact = conversation.meta?.sender;
  const mapped = ctx.mappings.get('contact', sourceContact?.id);
  if (mapped) return mapped;
  const full = (await ctx.source.contact(sourceContact.id).catch(() => undefined)) ?? {
    ...sourceContact,
    contact_inboxes: [],
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await copyContact(ctx, trx, full);
    await ctx.mappings.put(trx, 'contact', sourceContact.id, id);
    return id;
  });
}

const STATUSES = new Set(['open', 'resolved', 'pending', 'snoozed']);
const PRIORITIES = new Set(['low', 'medium', 'high', 'urgent']);

/**
 * Conversations and all their messages. A conversation is created through the domain (its contact inbox and
 * display id as any other), its messages keep their original times, and at the end its status, priority,
 * labels and times are set to the source's (a status change through the domain would add activity messages).
 */
export async function importConversations(ctx: ImportContext): Promise<{ conversations: Tally; messages: Tally }> {
  for (const kind of ['inbox', 'agent', 'team', 'contact', 'conversation', 'message'] as const)
    await ctx.mappings.load(kind);
  const conversations: Tally = { phase: 'conversations', found: 0, copied: 0, existing: 0, skipped: 0 };
  const messageTally: Tally = { phase: 'messages', found: 0, copied: 0, existing: 0, skipped: 0 };
  const history = (conversation: any) =>
    ctx.source
      .messages(conversation.id)
      .then((list) => list.filter((m) => !ctx.since || !toDate(m.created_at) || toDate(m.created_at)! >= ctx.since));
  for await (const all of ctx.source.conversations()) {
    const page = all.filter((source) => {
      const activity = toDate(source.last_activity_at) ?? toDate(source.created_at);
      return !(ctx.since && activity && activity < ctx.since);
    });
    // The next conversation's messages are read while this one's are written.
    let next = page.length ? history(page[0]) : undefined;
    for (const [index, source] of page.entries()) {
      const messagesOfThis = next!;
      next = index + 1 < page.length ? history(page[index + 1]) : undefined;
      next?.catch(() => {});
      const activity = toDate(source.last_activity_at) ?? toDate(source.created_at);
      conversations.found++;
      let conversationId = ctx.mappings.get('conversation', source.id);
      if (conversationId) conversations.existing++;
      const inboxId = ctx.mappings.get('inbox', source.inbox_id);
      if (!inboxId && !ctx.dryRun) {
        conversations.skipped++;
        ctx.notes.push(`conversation #${source.id} skipped: its inbox #${source.inbox_id} was not copied`);
        continue;
      }
      const messages = await messagesOfThis;
      if (ctx.dryRun) {
        if (!conversationId) conversations.copied++;
        await copyMessages(ctx, 0, 0, messages, messageTally);
        continue;
      }
      try {
        const contactId = await conversationContact(ctx, source);
        if (!conversationId) {
          conversationId = await ctx.db.transaction().execute(async (trx) => {
            const created = await createConversation(trx, ctx.accountId, {
              inboxId: inboxId!,
              contactId,
              assigneeId: ctx.mappings.get('agent', source.meta?.assignee?.id),
              teamId: ctx.mappings.get('team', source.meta?.team?.id),
              additionalAttributes: source.additional_attributes ?? {},
              customAttributes: source.custom_attributes ?? {},
            });
            await ctx.mappings.put(trx, 'conversation', source.id, created.id);
            return created.id;
          });
          conversations.copied++;
        }
        await copyMessages(ctx, conversationId, contactId, messages, messageTally);
        await ctx.db
          .updateTable('conversations')
          .set({
            status: STATUSES.has(source.status) ? source.status : 'open',
            priority: PRIORITIES.has(source.priority) ? source.priority : null,
            labels: Array.isArray(source.labels) ? source.labels : [],
            snoozed_until: source.status === 'snoozed' ? (toDate(source.snoozed_until) ?? null) : null,
            ...(toDate(source.created_at) ? { created_at: toDate(source.created_at) } : {}),
            ...(activity ? { last_activity_at: activity } : {}),
          })
          .where('account_id', '=', ctx.accountId)
          .where('id', '=', conversationId)
          .execute();
      } catch (error) {
        conversations.skipped++;
        ctx.notes.push(`conversation #${source.id}: ${reason(error)}`);
      }
    }
    ctx.progress(conversations);
    ctx.progress(messageTally);
  }
  return { conversations, messages: messageTally };
}
