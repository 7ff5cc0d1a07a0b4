import type { Db } from '../../../db/pool.ts';
import type { CoreStatus, Message, Team } from '../../../db/types.ts';
import { AppError, validation } from '../../../errors.ts';
import { changeStatus, createConversation, type Performer } from '../../../domain/conversations/commands.ts';
import { selectMembers, type Member } from '../../../domain/users/repository.ts';
import { chatbotFor, dispatchChatbot } from '../../../domain/chatbots/dispatch.ts';
import { channelFor, contactFor, openSessionOf, recipientOf } from '../../../domain/conversations/addresses.ts';
import { getSession } from '../../../domain/conversations/with-public-ids.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { teamNamed } from '../../../domain/teams/lookup.ts';
import {
  checkSessionMessage,
  sendSessionMessage,
  type SessionMessageInput,
} from '../../../domain/messages/api-send.ts';

/** `POST /chat/v1/message/send`: `PublicReqQuickSendMessageDTO`. */
export interface QuickSend {
  from?: string;
  to?: string;
  /** Send into this session instead (the typed senders' `sessionId`): from/to/options are then not used. */
  sessionId?: string;
  body: SessionMessageInput;
  /** null fields mean none (as WTS clients send an unchosen department or agent). */
  department?: { id?: string | null; name?: string | null };
  user?: { id?: string | null; email?: string | null; phoneNumber?: string | null };
  options?: { enableBot?: boolean; hiddenSession?: boolean; forceStartSession?: boolean };
  /** The chatbot (its key or id) that takes the session over when the contact replies. */
  botKey?: string;
}

export async function departmentFor(
  db: Db,
  accountId: number,
  department: QuickSend['department'],
): Promise<Team | undefined> {
  return teamNamed(db, accountId, department, { id: 'department.id', name: 'department.name' });
}

async function agentFor(db: Db, accountId: number, user: QuickSend['user']): Promise<Member | undefined> {
  if (!user?.id && !user?.email) {
    if (user?.phoneNumber)
      throw validation(
        'user.phoneNumber cannot name an agent here (agents have no phone number): use user.id or user.email',
        ['user.phoneNumber'],
      );
    return undefined;
  }
  const query = selectMembers(db, accountId);
  const member = await (user.id
    ? query.where('u.uuid', '=', user.id)
    : query.where('u.email', '=', user.email!.trim().toLowerCase())
  ).executeTakeFirst();
  const field = user.id ? 'user.id' : 'user.email';
  if (!member) throw validation(`${field} ${user.id ?? user.email} is not a user of this company`, [field]);
  return member;
}

/**
 * Sends a message to a contact by address, as WTS does: the contact is created when unknown, the contact's
 * running session in the channel is reused (or, with forceStartSession, completed and replaced), and a new
 * session takes the department/user/options given. With `botKey` the chatbot is dispatched into the session and
 * starts with the contact's reply (WTS: "the chatbot activated after the contact's reply"). Everything is checked
 * before anything is created.
 */
export async function quickSend(
  db: Db,
  accountId: number,
  input: QuickSend,
  performer: Performer,
  scope: { visibleInboxIds?: number[]; bodyPrefix?: string } = {},
) {
  const { visibleInboxIds, bodyPrefix = 'body.' } = scope;
  checkSessionMessage(input.body, bodyPrefix);
  const sender = { type: 'User' as const, id: performer.id };
  if (input.sessionId) {
    const session = await getSession(db, accountId, input.sessionId, visibleInboxIds).catch((error: unknown) => {
      throw error instanceof AppError && error.kind === 'not_found'
        ? validation(`sessionId ${input.sessionId} is not a session of this company`, ['sessionId'])
        : error;
    });
    return { message: await sendSessionMessage(db, session, input.body, sender), conversationId: session.id };
  }
  // Contact, session, message and chatbot dispatch commit together: a failure leaves nothing behind to resend.
  return inTransaction(db, async (trx) => {
    if (!input.to?.trim()) throw validation('to is required (or sessionId)', ['to']);
    recipientOf(input.to);
    const inbox = await channelFor(trx, accountId, input.from, visibleInboxIds);
    const team = await departmentFor(trx, accountId, input.department);
    const agent = await agentFor(trx, accountId, input.user);
    const bot = input.botKey ? await chatbotFor(trx, accountId, input.botKey, 'botKey') : undefined;
    const contact = await contactFor(trx, accountId, inbox, input.to);
    const options = input.options ?? {};

    let session = await openSessionOf(trx, accountId, contact.id, inbox.id);
    if (session && options.forceStartSession) {
      await changeStatus(trx, session, 'resolved', performer);
      session = undefined;
    }
    if (!session) {
      const status: CoreStatus = options.hiddenSession
        ? 'hidden'
        : (options.enableBot || bot) && !agent
          ? 'pending'
          : 'open';
      session = await createConversation(trx, accountId, {
        inboxId: inbox.id,
        contactId: contact.id,
        status,
        teamId: team?.id,
        assigneeId: agent?.id,
      });
    }
    const message: Message = await sendSessionMessage(trx, session, input.body, sender);
    // The engine's own dispatch, parked until the contact answers; a session an agent holds is left to the agent.
    if (bot) {
      const scope = { accountId, visibleInboxIds };
      await dispatchChatbot(
        trx,
        scope,
        { botKey: bot.key, sessionId: session.uuid, options: { skipIfInProgress: true } },
        { startOn: 'reply' },
      );
    }
    return { message, conversationId: session.id };
  });
}
