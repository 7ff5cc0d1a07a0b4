import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Account, AccountUser, AgentBot, Role, User } from '../../db/types.ts';
import { hashPassword, randomToken, assertPasswordLength } from '../auth/secrets.ts';
import { issueToken } from '../auth/tokens.ts';
import { notFound, validation } from '../../errors.ts';
import { deleteBot, insertBot, removeBotAvatar, updateBot, type BotInput, type MintedBot } from '../bots/commands.ts';
import {
  ensurePermitted,
  findAppUser,
  getAppAccount,
  getAppBot,
  grant,
  mayAdoptUser,
  withMemberships,
  type UserWithMemberships,
} from './repository.ts';
import { definedFields } from '../fields.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface PlatformAccountInput {
  name?: string;
  locale?: string;
  domain?: string | null;
  support_email?: string | null;
  status?: 'active' | 'suspended';
  /** {flag: truthy} enables a feature, {flag: falsy} disables it. */
  features?: Record<string, unknown>;
  limits?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
}

const OFF: unknown[] = [false, null, undefined, '', 0, '0', 'false'];

/** Stored features hold the enabled flags only, so every view shows `{flag: true}` for what is on. */
function mergeFeatures(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, true> {
  const out: Record<string, true> = {};
  for (const [flag, on] of Object.entries(current)) if (on === true) out[flag] = true;
  for (const [flag, on] of Object.entries(changes)) {
    if (OFF.includes(on)) delete out[flag];
    else out[flag] = true;
  }
  return out;
}

function accountColumns(input: PlatformAccountInput, current?: Account) {
  const { features, limits, custom_attributes } = input;
  const name = input.name?.trim();
  if (name === '') throw validation("Name can't be blank", ['name']);
  const out: Record<string, unknown> = definedFields({ ...input, name }, [
    'name',
    'locale',
    'domain',
    'support_email',
    'status',
  ]);
  if (features) out.features = JSON.stringify(mergeFeatures(current?.features ?? {}, features));
  if (limits) out.limits = JSON.stringify(limits);
  if (custom_attributes) out.custom_attributes = JSON.stringify(custom_attributes);
  return out;
}

export async function createAppAccount(db: Db, appId: number, input: PlatformAccountInput): Promise<Account> {
  const { name, ...values } = accountColumns(input);
  if (typeof name !== 'string') throw validation("Name can't be blank", ['name']);
  return inTransaction(db, async (trx) => {
    const account = await trx
      .insertInto('accounts')
      .values({ ...values, name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await grant(trx, appId, 'Account', account.id);
    return account;
  });
}

export async function updateAppAccount(
  db: Db,
  appId: number,
  id: number,
  input: PlatformAccountInput,
): Promise<Account> {
  const current = await getAppAccount(db, appId, id);
  return db
    .updateTable('accounts')
    .set({ ...accountColumns(input, current), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the account and everything in it; its users stay (they may belong to other accounts). */
export async function deleteAppAccount(db: Db, appId: number, id: number): Promise<void> {
  await getAppAccount(db, appId, id);
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('platform_app_permissibles')
      .where('permissible_type', '=', 'Account')
      .where('permissible_id', '=', id)
      .execute();
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
  });
}

/**
 * Adds the user to the account, or changes the role of a member already there. The user too must be one the
 * app may act on: an app pulls no other app's user (or an account's own) into its accounts.
 */
export async function upsertAccountUser(
  db: Db,
  appId: number,
  accountId: number,
  input: { user_id: number; role?: Role },
): Promise<AccountUser> {
  await getAppAccount(db, appId, accountId);
  const user = await db.selectFrom('users').select('id').where('id', '=', input.user_id).executeTakeFirst();
  if (!user) throw validation('User must exist', ['user_id']);
  await ensurePermitted(db, appId, 'User', user.id);
  return db
    .insertInto('account_users')
    .values({ account_id: accountId, user_id: user.id, role: input.role ?? 'agent' })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'user_id'])
        .doUpdateSet({ role: input.role ? input.role : sql`account_users.role`, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function removeAccountUser(db: Db, appId: number, accountId: number, userId: number): Promise<void> {
  await getAppAccount(db, appId, accountId);
  const deleted = await db
    .deleteFrom('account_users')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound();
}

export interface PlatformBotInput extends BotInput {
  /** null makes a system-wide bot. */
  account_id?: number | null;
}

/** A bot may be placed only in an account the app may act on. */
async function checkBotAccount(db: Db, appId: number, accountId: number | null | undefined): Promise<void> {
  if (accountId === undefined || accountId === null) return;
  const account = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!account) throw validation('Account must exist', ['account_id']);
  await ensurePermitted(db, appId, 'Account', accountId);
}

export async function createAppBot(db: Db, appId: number, input: PlatformBotInput): Promise<MintedBot> {
  const { account_id = null, ...fields } = input;
  await checkBotAccount(db, appId, account_id);
  return inTransaction(db, async (trx) => {
    const minted = await insertBot(trx, account_id, fields);
    await grant(trx, appId, 'AgentBot', minted.bot.id);
    return minted;
  });
}

export async function updateAppBot(db: Db, appId: number, id: number, input: PlatformBotInput): Promise<AgentBot> {
  const bot = await getAppBot(db, appId, id);
  const { account_id, ...fields } = input;
  await checkBotAccount(db, appId, account_id);
  return updateBot(db, bot, fields, account_id);
}

export async function removeAppBotAvatar(db: Db, appId: number, id: number): Promise<AgentBot> {
  return removeBotAvatar(db, await getAppBot(db, appId, id));
}

export async function deleteAppBot(db: Db, appId: number, id: number): Promise<void> {
  return deleteBot(db, await getAppBot(db, appId, id));
}

export interface PlatformUserInput {
  name?: string;
  display_name?: string | null;
  email?: string;
  password?: string;
  custom_attributes?: Record<string, unknown>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function userColumns(input: PlatformUserInput) {
  const out: Record<string, unknown> = {};
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (!out.name) throw validation("Name can't be blank", ['name']);
  }
  if (input.display_name !== undefined) out.display_name = input.display_name;
  if (input.email !== undefined) {
    out.email = input.email.trim();
    if (!EMAIL.test(out.email as string)) throw validation('Email is invalid', ['email']);
  }
  if (input.password !== undefined) {
    assertPasswordLength(input.password);
    out.password_hash = await hashPassword(input.password);
  }
  return out;
}

/**
 * Creates a user, or adopts the existing user with that email when repository.ts mayAdoptUser allows it
 * (otherwise 422 Email has already been taken, as a new user with that email would get); either way the app
 * may act on the user from now on. A fresh token is minted (tokens are stored hashed, so an existing one
 * cannot be shown again).
 */
export async function createAppUser(
  db: Db,
  appId: number,
  input: PlatformUserInput,
): Promise<UserWithMemberships & { accessToken: string }> {
  if (!input.email) throw validation("Email can't be blank", ['email']);
  const values = await userColumns(input);
  const { user, accessToken } = await inTransaction(db, async (trx) => {
    let user = await trx
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', (values.email as string).toLowerCase()))
      .executeTakeFirst();
    if (user && !(await mayAdoptUser(trx, appId, user.id))) throw validation('Email has already been taken', ['email']);
    if (!user) {
      if (!values.name) throw validation("Name can't be blank", ['name']);
      user = await trx
        .insertInto('users')
        .values({
          ...(values as { name: string; email: string }),
          pubsub_token: randomToken(),
          custom_attributes: JSON.stringify(input.custom_attributes ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await grant(trx, appId, 'User', user.id);
    return { user, accessToken: await issueToken(trx, 'User', user.id) };
  });
  return { ...(await withMemberships(db, user)), accessToken };
}

/** custom_attributes are merged into the user's, not replaced. */
export async function updateAppUser(
  db: Db,
  appId: number,
  id: number,
  input: PlatformUserInput,
): Promise<UserWithMemberships> {
  await findAppUser(db, appId, id);
  const values = await userColumns(input);
  const merge = input.custom_attributes
    ? {
        custom_attributes: sql<
          Record<string, unknown>
        >`custom_attributes || ${JSON.stringify(input.custom_attributes)}::jsonb`,
      }
    : {};
  const user = await db
    .updateTable('users')
    .set({ ...values, ...merge, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return withMemberships(db, user);
}

export async function deleteAppUser(db: Db, appId: number, id: number): Promise<void> {
  await findAppUser(db, appId, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('access_tokens').where('owner_type', '=', 'User').where('owner_id', '=', id).execute();
    await trx
      .deleteFrom('platform_app_permissibles')
      .where('permissible_type', '=', 'User')
      .where('permissible_id', '=', id)
      .execute();
    await trx.deleteFrom('users').where('id', '=', id).execute();
  });
}

/** A new API token for the user, beside any they already have. */
export async function mintUserToken(db: Db, appId: number, id: number): Promise<{ user: User; accessToken: string }> {
  const user = await findAppUser(db, appId, id);
  return { user, accessToken: await issueToken(db, 'User', user.id) };
}

/**
 * The dashboard login link with a one-time token. The token is not yet redeemable: the dashboard's SSO
 * sign-in is still to be built.
 */
export async function ssoLoginUrl(db: Db, appId: number, id: number, publicUrl: string): Promise<string> {
  const user = await findAppUser(db, appId, id);
  const query = new URLSearchParams({ email: user.email, sso_auth_token: randomToken() });
  return `${publicUrl}/app/login?${query}`;
}
