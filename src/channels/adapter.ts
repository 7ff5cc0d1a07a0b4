import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import type { Attachment, Conversation, Inbox, Message } from '../db/types.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import type { App } from '../api/types.ts';
import type { InboxInput } from '../domain/inboxes/commands.ts';

/** What an adapter works with: the database, settings (provider base URLs) and attachment storage. */
export interface ChannelContext {
  db: Db;
  config: Config;
  storage: ObjectStorage;
  log: { warn(object: unknown, message?: string): void };
}

/** An outgoing message as the adapter sends it. */
export interface OutboundMessage {
  inbox: Inbox;
  conversation: Conversation;
  message: Message;
  attachments: Attachment[];
}

/**
 * A provider refused or failed a call. `retryable` (5xx, 429, network): the send is tried again with backoff;
 * otherwise (a 4xx: bad chat, blocked bot) the message fails at once with `reason`, the provider's words.
 */
export class ProviderError extends Error {
  readonly retryable: boolean;
  readonly reason: string;

  constructor(reason: string, retryable: boolean) {
    super(reason);
    this.reason = reason;
    this.retryable = retryable;
  }
}

/**
 * One channel adapter (src/channels/<name>/): inbound through its own webhook routes (into
 * channels/inbound.ts), outbound through `send`, called by the channel engine's jobs (jobs/channel-sends.ts).
 */
export interface ChannelAdapter {
  /** The inbox's channel_type (Chatwoot's class name). */
  channelType: string;
  /** Chatwoot's create `channel.type`. */
  shortType: string;
  /** Creates the inbox with the provider set up (Chatwoot's `POST …/inboxes` with this `channel.type`). */
  createInbox(
    ctx: ChannelContext,
    accountId: number,
    input: InboxInput,
    channel: Record<string, unknown>,
  ): Promise<Inbox>;
  /** Called before the inbox is deleted; answers what to do with the provider once it is gone. */
  beforeDelete(ctx: ChannelContext, inbox: Inbox): Promise<() => Promise<void>>;
  /** Sends the message; answers the provider's message id (the first, and every part's when it went out in several). */
  send(ctx: ChannelContext, outbound: OutboundMessage): Promise<{ sourceId: string; partIds?: string[] }>;
  /**
   * Shows the contact that an agent is typing, where the provider has such an indicator (it fades by itself or
   * with the next message). Best effort: nothing is stored.
   */
  typing?(ctx: ChannelContext, target: Pick<OutboundMessage, 'inbox' | 'conversation'>): Promise<void>;
  /** Removes a sent message (its source_id) from the provider, where the provider allows it. */
  remove?(ctx: ChannelContext, outbound: OutboundMessage): Promise<void>;
  /** A path prefix whose next segment is a secret (Telegram puts the bot token in its webhook path): kept out of logs. */
  secretPathPrefix?: string;
  /** The provider's webhook routes, at the server's root. */
  routes(app: App): Promise<void>;
}
