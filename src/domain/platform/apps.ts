import type { Db } from '../../db/pool.ts';
import { notFound, validation } from '../../errors.ts';
import { issueToken } from '../auth/tokens.ts';
import { inTransaction } from '../../db/transaction.ts';

/**
 * Platform apps are installation-level credentials, as in Chatwoot (where a super admin creates them): only
 * the operator mints them (the first start, `switchboard platform-app create`), never an account. An app acts
 * on the accounts, users and agent bots it created or was granted (platform_app_permissibles).
 */
export interface MintedPlatformApp {
  id: number;
  name: string;
  /** Shown once: only its digest is stored. */
  token: string;
}

export interface PlatformAppGrants {
  accountIds?: number[];
  userIds?: number[];
}

export async function createPlatformApp(
  db: Db,
  name: string,
  grants: PlatformAppGrants = {},
): Promise<MintedPlatformApp> {
  const trimmed = name.trim();
  if (!trimmed) throw validation("Name can't be blank", ['name']);
  const accountIds = [...new Set(grants.accountIds ?? [])];
  const userIds = [...new Set(grants.userIds ?? [])];
  return inTransaction(db, async (trx) => {
    if (accountIds.length) {
      const found = await trx.selectFrom('accounts').select('id').where('id', 'in', accountIds).execute();
      const missing = accountIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length) throw validation(`Account ${missing.join(', ')} does not exist`, ['account']);
    }
    const app = await trx
      .insertInto('platform_apps')
      .values({ name: trimmed })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const permissibles = [
      ...accountIds.map((id) => ({
        platform_app_id: app.id,
        permissible_type: 'Account' as const,
        permissible_id: id,
      })),
      ...userIds.map((id) => ({ platform_app_id: app.id, permissible_type: 'User' as const, permissible_id: id })),
    ];
    if (permissibles.length) await trx.insertInto('platform_app_permissibles').values(permissibles).execute();
    return { id: app.id, name: app.name, token: await issueToken(trx, 'PlatformApp', app.id) };
  });
}

export interface PlatformAppSummary {
  id: number;
  name: string;
  created_at: Date;
  accounts: number;
  users: number;
  agent_bots: number;
}

export async function listPlatformApps(db: Db): Promise<PlatformAppSummary[]> {
  const rows = await db
    .selectFrom('platform_apps as a')
    .leftJoin('platform_app_permissibles as p', 'p.platform_app_id', 'a.id')
    .select(['a.id', 'a.name', 'a.created_at'])
    .select((eb) => [
      eb.fn.count<string>('p.id').filterWhere('p.permissible_type', '=', 'Account').as('accounts'),
      eb.fn.count<string>('p.id').filterWhere('p.permissible_type', '=', 'User').as('users'),
      eb.fn.count<string>('p.id').filterWhere('p.permissible_type', '=', 'AgentBot').as('agent_bots'),
    ])
    .groupBy('a.id')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    accounts: Number(r.accounts),
    users: Number(r.users),
    agent_bots: Number(r.agent_bots),
  }));
}

/** Deletes the app, its tokens and its grants; what it created (accounts, users, bots) stays. */
export async function revokePlatformApp(db: Db, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('access_tokens').where('owner_type', '=', 'PlatformApp').where('owner_id', '=', id).execute();
    const deleted = await trx.deleteFrom('platform_apps').where('id', '=', id).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) throw notFound('Platform app');
  });
}
