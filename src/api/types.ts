import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Db, DatabaseHandle } from '../db/pool.ts';
import type { Account, AgentBot, User } from '../db/types.ts';
import type { Action, Actor } from '../domain/auth/policies.ts';
import type { AccountAccess } from '../domain/auth/principals.ts';
import type { Mailer } from '../domain/mail/mailer.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Deps {
  db: Db;
  database: DatabaseHandle;
  config: Config;
  mailer: Mailer;
  /** Attachment bytes (config.storage). */
  storage: ObjectStorage;
}

/** Who is calling an account-scoped route, resolved once per request. */
export interface AccountAuth {
  account: Account;
  actor: Actor;
  user?: User;
  bot?: AgentBot;
  /**
   * Inboxes the caller may act in (domain/inboxes/access.ts): an agent's, a bot's attached ones; undefined for
   * administrators (all inboxes).
   */
  inboxIds?: number[];
}

export interface Caller {
  /** The API access token the request came with (absent for a signed-in session). */
  token?: string;
  /** A signed-in session: its token, and whether it came as the cookie (then state changes need the CSRF token). */
  session?: { token: string; viaCookie: boolean };
  user?: User;
  /** A user's access to the account the route names, read with the token (null: no such account). */
  access?: AccountAccess | null;
  bot?: AgentBot;
  platformAppId?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    hub: import('../realtime/hub.ts').RealtimeHub;
  }
  interface FastifyRequest {
    caller: Caller;
    auth: AccountAuth;
  }
  interface FastifyContextConfig {
    /** The policy action an account-scoped route performs (domain/auth/policies.ts). */
    policy?: Action;
    /** Chatwoot's Rails wrapper key: {"label": {...}} is accepted as the flat body. */
    bodyWrapper?: string;
    /** The multipart field whose files the route stores (`attachments`); files under other names are dropped. */
    uploadField?: string;
    /** A signed URL (a WTS file upload): its token is the credential, no access token is asked for. */
    signedUrl?: boolean;
  }
}
