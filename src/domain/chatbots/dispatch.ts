import { attempt } from '../../db/transaction.ts';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { AppError, unprocessable, validation } from '../../errors.ts';
import { updateContact } from '../contacts/commands.ts';
import { assignBot, changeStatus, createConversation, type Performer } from '../conversations/commands.ts';
import { getConversationById } from '../conversations/repository.ts';
import { isEnded, toWtsStatus } from '../conversations/status.ts';
import { mergeSessionMetadata } from '../conversations/handover.ts';
import { checkCallbackUrl } from './callbacks.ts';
import { findChatbot, type Chatbot } from './repository.ts';
import { channelFor, contactFor, knownContactFor, openSessionOf, sessionNamed } from '../conversations/addresses.ts';
import { contactWindowOpen, DISPATCH_WINDOW_CLOSED_MESSAGE } from '../conversations/reply-window.ts';
import { activeRunOf, insertRun, stopRuns } from './runs.ts';
import type { ChatbotRun } from './tables.ts';

/** `POST /chat/v1/chatbot/send`, as the WTS n8n node and WTS's reference describe it. */
export interface DispatchRequest {
  botId?: string;
  botKey?: string;
  from?: string;
  to?: string;
  sessionId?: string;
  /** hiddenSession: a session the dispatch creates starts HIDDEN, shown once the contact replies. */
  options?: {
    skipIfBotInExecution?: boolean;
    skipIfInProgress?: boolean;
    forceStartSession?: boolean;
    hiddenSession?: boolean;
  };
  sessionMetadata?: Record<string, unknown>;
  contactMetadata?: Record<string, unknown>;
  senderId?: string;
  /** Told when the bot starts and how the dispatch ends (callbacks.ts). */
  callbackUrl?: string;
}

export interface DispatchScope {
  accountId: number;
  /** Inboxes an agent may use; undefined for administrators. */
  visibleInboxIds?: number[];
}

/** The error texts are the WTS n8n node's own (it checks the same fields client-side), naming the field. */
export const DISPATCH_MESSAGES = {
  bot: 'Choose a bot: fill in botId (or botKey)',
  to: 'Set an Instagram number or username for sending: fill in to',
  from: 'Choose channel: fill in from (the channel id or number)',
} as const;

const unknownChannel = (from: string) =>
  new AppError('not_found', `Choose channel: no channel of this company is "${from}" (from)`, ['from']);

/** The chatbot `ref` names (its id or its key), or a 4xx naming `field`. */
export async function chatbotFor(
  db: Db,
  accountId: number,
  ref: string | undefined,
  field = 'botId',
): Promise<Chatbot> {
  if (!ref) throw validation(DISPATCH_MESSAGES.bot, [field]);
  const bot = await findChatbot(db, accountId, ref);
  if (!bot)
    throw new AppError('not_found', `Choose a bot: no chatbot of this company has the id or key ${ref} (${field})`, [
      field,
    ]);
  return bot;
}

/** When the flow starts: at once, or with the contact's next reply (a message sent with `botKey` says so). */
export interface DispatchTiming {
  startOn?: 'dispatch' | 'reply';
}

/**
 * A bot started at once speaks free text at once; on WhatsApp, outside the contact's 24-hour window, only a
 * template may go (Meta refuses anything else), so the dispatch is refused before anything is stored. A bot
 * parked until the contact replies (startOn 'reply', after a template sent with botKey) is not.
 */
async function checkWindow(
  db: Db,
  accountId: number,
  inboxId: number,
  contactId: number | undefined,
  timing: DispatchTiming,
): Promise<void> {
  if (timing.startOn === 'reply') return;
  if (!(await contactWindowOpen(db, { account_id: accountId, inbox_id: inboxId }, contactId)))
    throw unprocessable(DISPATCH_WINDOW_CLOSED_MESSAGE, ['to']);
}

/** The session the bot will talk in (existing, or none yet) and its contact and channel. */
async function target(db: Db, scope: DispatchScope, request: DispatchRequest, timing: DispatchTiming) {
  if (request.sessionId) {
    const session = await sessionNamed(db, scope.accountId, request.sessionId, scope.visibleInboxIds);
    await checkWindow(db, scope.accountId, session.inbox_id, session.contact_id ?? undefined, timing);
    return { session, contactId: session.contact_id, inboxId: session.inbox_id, named: true };
  }
  if (!request.to?.trim()) throw validation(DISPATCH_MESSAGES.to, ['to']);
  if (!request.from?.trim()) throw validation(DISPATCH_MESSAGES.from, ['from']);
  const inbox = await channelFor(db, scope.accountId, request.from, scope.visibleInboxIds, unknownChannel);
  await checkWindow(
    db,
    scope.accountId,
    inbox.id,
    (await knownContactFor(db, scope.accountId, request.to))?.id,
    timing,
  );
  const contact = await contactFor(db, scope.accountId, inbox, request.to);
  return {
    session: await openSessionOf(db, scope.accountId, contact.id, inbox.id),
    contactId: contact.id,
    inboxId: inbox.id,
    named: false,
  };
}

/** Why the options say not to send, if they do. */
async function skipReason(
  db: Db,
  request: DispatchRequest,
  session: Conversation | undefined,
): Promise<string | undefined> {
  if (!session || isEnded(session.status)) return undefined;
  const options = request.options ?? {};
  // A bot is in execution: one of our flows, or any bot holding the session (pending = a bot handles it).
  if (options.skipIfBotInExecution && (session.status === 'pending' || (await activeRunOf(db, session.id)))) {
    return 'skipIfBotInExecution: a chatbot is already in execution in this session';
  }
  if (options.skipIfInProgress && session.status !== 'pending') {
    return `skipIfInProgress: the session is in progress (${toWtsStatus(session.status, session.assignee_id !== null)})`;
  }
  return undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

/**
 * Starts a chatbot for a contact (or, with `startOn: 'reply'`, parks it until the contact's next reply): finds or creates the contact and session, applies the options (skip, or
 * complete the running session and start a new one), stores the metadata, gives the session to the bot
 * (pending = WTS STARTED) and queues the run. Answers the dispatch: queued, or skipped with the reason.
 * Options decided where the seeds are silent: skipIfInProgress wins over forceStartSession; a session named
 * by sessionId that is completed runs the bot without reopening it (WTS's reference says so).
 */
export async function dispatchChatbot(
  db: Db,
  scope: DispatchScope,
  request: DispatchRequest,
  timing: DispatchTiming = {},
): Promise<ChatbotRun> {
  const bot = await chatbotFor(db, scope.accountId, request.botId || request.botKey);
  const callbackUrl = checkCallbackUrl(request.callbackUrl);
  const found = await target(db, scope, request, timing);
  const base = {
    accountId: scope.accountId,
    chatbotId: bot.id,
    version: bot.version,
    contactId: found.contactId,
    senderId: request.senderId ?? null,
    callbackUrl,
  };
  const performer: Performer = { type: 'AgentBot', id: bot.agent_bot_id, name: bot.name };

  const reason = await skipReason(db, request, found.session);
  if (reason) return insertRun(db, { ...base, conversationId: found.session!.id, status: 'skipped', reason });

  let session = found.session;
  if (session && request.options?.forceStartSession && !isEnded(session.status)) {
    await stopRuns(db, { conversationId: session.id }, 'forceStartSession: the session was completed for a new one');
    await changeStatus(db, session, 'resolved', performer);
    session = undefined;
  }
  if (session) await stopRuns(db, { conversationId: session.id }, 'replaced by a new chatbot dispatch');
  session ??= await createConversation(db, scope.accountId, {
    inboxId: found.inboxId,
    contactId: found.contactId,
    status: request.options?.hiddenSession ? 'hidden' : 'pending',
  });

  if (request.contactMetadata && Object.keys(request.contactMetadata).length) {
    await updateContact(db, scope.accountId, found.contactId, { custom_attributes: request.contactMetadata });
  }
  if (request.sessionMetadata && Object.keys(request.sessionMetadata).length)
    session = await mergeSessionMetadata(db, session, request.sessionMetadata);
  // A completed session named by sessionId runs the bot without reopening; a hidden one stays hidden until
  // the contact replies (the interpreter then gives it to the bot: STARTED).
  if (!(found.named && session.status === 'resolved')) {
    await assignBot(db, session, bot.agent_bot_id);
    session = await getConversationById(db, scope.accountId, session.id);
    if (session.status !== 'pending' && session.status !== 'hidden')
      await changeStatus(db, session, 'pending', performer);
  }

  const status = timing.startOn === 'reply' ? 'waiting' : 'queued';
  try {
    // Under a savepoint when in the caller's transaction: the loser of a race records its skip in it.
    return await attempt(db, (trx) => insertRun(trx, { ...base, conversationId: session.id, status }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another dispatch for this session won the race: one bot run per session, enforced by the database.
    return insertRun(db, {
      ...base,
      conversationId: session.id,
      status: 'skipped',
      reason: 'a chatbot is already in execution in this session',
    });
  }
}
