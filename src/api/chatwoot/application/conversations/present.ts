import type { FastifyRequest } from 'fastify';
import type { Conversation } from '../../../../db/types.ts';
import { loadConversationDetails } from '../../../../domain/conversations/details.ts';
import { getConversation } from '../../../../domain/conversations/repository.ts';
import type { Performer } from '../../../../domain/conversations/commands.ts';
import { presentConversation } from '../../presenters/conversation.ts';

/** Conversations in Chatwoot's API shape, with a fixed number of queries for any count. */
export async function presentConversations(request: FastifyRequest, conversations: Conversation[]) {
  const { db, config } = request.server.deps;
  const details = await loadConversationDetails(db, request.auth.account.id, conversations);
  return details.map((d) => presentConversation(d, { publicUrl: config.publicUrl, userId: request.auth.user?.id }));
}

export async function presentOne(request: FastifyRequest, conversation: Conversation) {
  return (await presentConversations(request, [conversation]))[0];
}

/** The conversation named by `:conversation_id` (a display id), if the caller may see it. */
export function conversationFor(request: FastifyRequest): Promise<Conversation> {
  const displayId = (request.params as { conversation_id: number }).conversation_id;
  return getConversation(request.server.deps.db, request.auth.account.id, displayId, request.auth.inboxIds);
}

export function performerOf(request: FastifyRequest): Performer | undefined {
  const { user, bot } = request.auth;
  if (user) return { type: 'User', id: user.id, name: user.display_name || user.name };
  if (bot) return { type: 'AgentBot', id: bot.id, name: bot.name };
  return undefined;
}

/** Chatwoot takes snooze times as unix seconds or as date strings. */
export function parseTime(value: number | string | null | undefined): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const date =
    typeof value === 'number' || /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
