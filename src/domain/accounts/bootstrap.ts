import type { Db } from '../../db/pool.ts';
import { hashPassword, randomToken, assertPasswordLength } from '../auth/secrets.ts';
import { issueToken } from '../auth/tokens.ts';
import { validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface BootstrapInput {
  accountName?: string;
  email?: string;
  password?: string;
  name?: string;
}

export interface BootstrapResult {
  account_id: number;
  user_id: number;
  email: string;
  password: string;
  api_access_token: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

async function freeAdminEmail(db: Db): Promise<string> {
  const base = 'admin@switchboard.local';
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', base))
    .executeTakeFirst();
  return taken
    ? `admin-${randomToken(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}@switchboard.local`
    : base;
}

/**
 * Creates an account and its first administrator with a password and token. No platform app: those are the
 * installation operator's credentials (domain/platform/apps.ts), never an account's.
 */
export async function bootstrap(db: Db, input: BootstrapInput): Promise<BootstrapResult> {
  const email = input.email ?? (await freeAdminEmail(db));
  if (!EMAIL.test(email)) throw validation('Email is invalid', ['email']);
  const password = input.password ?? randomToken(12);
  assertPasswordLength(password);
  const passwordHash = await hashPassword(password);

  return inTransaction(db, async (trx) => {
    const account = await trx
      .insertInto('accounts')
      .values({ name: input.accountName ?? 'Switchboard' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({
        name: input.name ?? email.split('@')[0],
        email,
        password_hash: passwordHash,
        pubsub_token: randomToken(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('account_users')
      .values({ account_id: account.id, user_id: user.id, role: 'administrator' })
      .execute();
    return {
      account_id: account.id,
      user_id: user.id,
      email,
      password,
      api_access_token: await issueToken(trx, 'User', user.id),
    };
  });
}
