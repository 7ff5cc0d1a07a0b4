import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Account, AgentBot, Availability, Role, TokenOwnerType, User } from '../../db/types.ts';
import { reviveRow } from '../../db/json-rows.ts';
import { availabilityStatus } from '../presence/repository.ts';
import { tokenDigest } from './secrets.ts';

/** A user's standing in one account: the account, their role (none: not a member), agents' inboxes, presence. */
export interface AccountAccess {
  account: Account;
  role?: Role;
  inboxIds: number[];
  availability: Availability | null;
  autoOffline: boolean | null;
  /** What others see (presence/repository.ts availabilityStatus). */
  availabilityStatus: Availability;
}

export type Principal =
  | { kind: 'user'; user: User; access?: AccountAccess | null; sessionIdle?: boolean }
  | { kind: 'bot'; bot: AgentBot }
  | { kind: 'platform_app'; platformAppId: number };

/**
 * What a request presents: an API access token (users, bots, platform apps), or a signed-in session
 * (a dashboard cookie, or Chatwoot's devise headers: the session token with its `client` id and `uid`).
 */
export type Credential =
  | { kind: 'token'; token: string }
  | { kind: 'session'; token: string; clientId?: string; uid?: string };

function credentialRows(db: Db, credential: Credential) {
  const digest = tokenDigest(credential.token);
  if (credential.kind === 'token') {
    return db
      .selectFrom('access_tokens')
      .select(['owner_type', 'owner_id', sql<boolean>`false`.as('idle')])
      .where('token_digest', '=', digest);
  }
  let sessions = db
    .selectFrom('user_sessions')
    // idle: unused for a minute or more, so this request should slide its expiry (sessions.ts touchSession)
    .select([
      sql<TokenOwnerType>`'User'`.as('owner_type'),
      'user_id as owner_id',
      sql<boolean>`last_active_at < now() - interval '1 minute'`.as('idle'),
    ])
    .where('token_digest', '=', digest)
    .where('expires_at', '>', sql<Date>`now()`);
  if (credential.clientId !== undefined) sessions = sessions.where('client_id', '=', credential.clientId);
  if (credential.uid !== undefined) {
    const uid = credential.uid;
    sessions = sessions.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('users')
          .select('id')
          .whereRef('users.id', '=', 'user_sessions.user_id')
          .where(sql`lower(email)`, '=', uid.toLowerCase()),
      ),
    );
  }
  return sessions;
}

/** Who a token speaks for (see principalFor). */
export function principalForToken(db: Db, token: string, accountId?: number): Promise<Principal | undefined> {
  return principalFor(db, { kind: 'token', token }, accountId);
}

/**
 * Who a credential speaks for; a user (the common case) is resolved with their user row in one statement,
 * and, given the account the request names, with the user's access to it (`access`: null when no such account).
 */
export async function principalFor(db: Db, credential: Credential, accountId?: number): Promise<Principal | undefined> {
  const row = await db
    .selectFrom(credentialRows(db, credential).as('t'))
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 't.owner_id').on('t.owner_type', '=', 'User'))
    .leftJoin('accounts as a', (join) => join.on('a.id', '=', accountId ?? null).on('u.id', 'is not', null))
    .leftJoin('account_users as au', (join) =>
      join.onRef('au.account_id', '=', 'a.id').onRef('au.user_id', '=', 'u.id'),
    )
    .select(['t.owner_type', 't.owner_id', 't.idle as session_idle'])
    .selectAll('u')
    .select((eb) => [
      sql<Record<string, unknown> | null>`to_jsonb(a)`.as('access_account'),
      'au.role as access_role',
      'au.availability as access_availability',
      'au.auto_offline as access_auto_offline',
      eb
        .case()
        .when('au.id', 'is not', null)
        .then(availabilityStatus('au'))
        .else('offline')
        .end()
        .as('access_availability_status'),
      sql<
        number[] | null
      >`(SELECT array_agg(im.inbox_id) FROM inbox_members im WHERE im.account_id = a.id AND im.user_id = u.id)`.as(
        'access_inbox_ids',
      ),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    owner_type: ownerType,
    owner_id: ownerId,
    session_idle: sessionIdle,
    access_account: account,
    access_role: role,
    access_availability: availability,
    access_auto_offline: autoOffline,
    access_availability_status: shownAvailability,
    access_inbox_ids: inboxIds,
    ...user
  } = row;
  if (ownerType === 'User') {
    if (user.id === null) return undefined;
    if (accountId === undefined) return { kind: 'user', user: user as User, sessionIdle };
    const access = account && {
      account: reviveRow<Account>(account),
      role: role ?? undefined,
      inboxIds: (inboxIds ?? []).map(Number), // bigint[] arrives as strings
      availability,
      autoOffline,
      availabilityStatus: shownAvailability as Availability,
    };
    return { kind: 'user', user: user as User, access, sessionIdle };
  }
  const owner = { ownerType, ownerId };
  if (owner.ownerType === 'AgentBot') {
    const bot = await db.selectFrom('agent_bots').selectAll().where('id', '=', owner.ownerId).executeTakeFirst();
    return bot && { kind: 'bot', bot };
  }
  return { kind: 'platform_app', platformAppId: owner.ownerId };
}

export async function findAccount(db: Db, accountId: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

export async function membershipRole(db: Db, accountId: number, userId: number): Promise<Role | undefined> {
  const row = await db
    .selectFrom('account_users')
    .select('role')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/**
 * The inboxes a bot acts in within an account (the ones it is attached to), or null when it may not act there
 * at all: a bot acts in an account it belongs to, or in one where it is attached to an inbox.
 */
export async function botInboxIds(db: Db, bot: AgentBot, accountId: number): Promise<number[] | null> {
  const attached = await db
    .selectFrom('agent_bot_inboxes')
    .select('inbox_id')
    .where('agent_bot_id', '=', bot.id)
    .where('account_id', '=', accountId)
    .execute();
  if (!attached.length && bot.account_id !== accountId) return null;
  return attached.map((row) => row.inbox_id);
}

export async function memberInboxIds(db: Db, accountId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('inbox_members')
    .select('inbox_id')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.inbox_id);
}
