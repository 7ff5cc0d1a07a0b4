import type { Db } from '../../db/pool.ts';
import type { Availability, Role } from '../../db/types.ts';
import { notFound, translateError, validation } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { findMember, findUserByEmail, type Member } from '../users/repository.ts';
import { definedFields } from '../fields.ts';
import { inTransaction } from '../../db/transaction.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewAgent {
  email: string;
  name?: string;
  role?: Role;
  availability?: Availability;
  auto_offline?: boolean;
}

export interface AgentChanges {
  name?: string;
  /** The short name others see (`display_name`); null clears it. */
  display_name?: string | null;
  role?: Role;
  availability?: Availability;
  auto_offline?: boolean;
}

async function getMember(db: Db, accountId: number, userId: number): Promise<Member> {
  const member = await findMember(db, accountId, userId);
  if (!member) throw notFound();
  return member;
}

/**
 * Adds a user to the account: an unknown email becomes a new user without a password (they set one
 * later), a known one is the existing user joining (as Chatwoot does). Unset membership fields keep the table
 * defaults. Known and unknown emails answer alike (a missing name is the email's local part, as bulk_create
 * names), so adding agents tells nobody which emails have users elsewhere.
 */
export async function createAgent(
  db: Db,
  accountId: number,
  inviterId: number | null,
  input: NewAgent,
): Promise<Member> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw validation('Email is invalid', ['email']);
  const userId = await inTransaction(db, async (trx) => {
    let user = await findUserByEmail(trx, email);
    if (!user) {
      const name = input.name?.trim() || email.split('@')[0];
      user = await trx
        .insertInto('users')
        .values({ name, email, password_hash: null, pubsub_token: randomToken() })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else if (await findMember(trx, accountId, user.id)) {
      throw validation(`User with email ${email} is already part of the account`, ['email']);
    }
    await trx
      .insertInto('account_users')
      .values({
        account_id: accountId,
        user_id: user.id,
        inviter_id: inviterId,
        role: input.role ?? 'agent',
        ...(input.availability ? { availability: input.availability } : {}),
        ...(input.auto_offline === undefined ? {} : { auto_offline: input.auto_offline }),
      })
      .execute();
    return user.id;
  });
  return getMember(db, accountId, userId);
}

/** Invites each email as createAgent does, named after its local part; emails that fail are skipped. */
export async function bulkCreateAgents(
  db: Db,
  accountId: number,
  inviterId: number | null,
  emails: string[],
): Promise<Member[]> {
  const added: Member[] = [];
  for (const email of emails) {
    try {
      added.push(await createAgent(db, accountId, inviterId, { email, name: email.split('@')[0] }));
    } catch (error) {
      if (translateError(error).kind !== 'validation') throw error;
    }
  }
  return added;
}

/** Whether the user belongs to an account other than this one. */
export async function belongsElsewhere(db: Db, accountId: number, userId: number): Promise<boolean> {
  const other = await db
    .selectFrom('account_users')
    .select('id')
    .where('user_id', '=', userId)
    .where('account_id', '!=', accountId)
    .executeTakeFirst();
  return Boolean(other);
}

/**
 * Changes the user's membership of this account (role, availability, auto_offline), and renames the user (name,
 * display name) only when this account is the only one they belong to: a user is one person across accounts,
 * and an account that added them may not rename them everywhere. The name of a user shared with other accounts is left as it is.
 */
export async function updateAgent(db: Db, accountId: number, userId: number, changes: AgentChanges): Promise<Member> {
  await getMember(db, accountId, userId);
  const { name, display_name: displayName } = changes;
  if (name !== undefined && !name.trim()) throw validation("Name can't be blank", ['name']);
  await inTransaction(db, async (trx) => {
    if ((name !== undefined || displayName !== undefined) && !(await belongsElsewhere(trx, accountId, userId))) {
      await trx
        .updateTable('users')
        .set({
          ...(name === undefined ? {} : { name: name.trim() }),
          ...(displayName === undefined ? {} : { display_name: displayName?.trim() || null }),
          updated_at: new Date(),
        })
        .where('id', '=', userId)
        .execute();
    }
    const values = definedFields(changes, ['role', 'availability', 'auto_offline']);
    if (Object.keys(values).length) {
      await trx
        .updateTable('account_users')
        .set({ ...values, updated_at: new Date() })
        .where('account_id', '=', accountId)
        .where('user_id', '=', userId)
        .execute();
    }
  });
  return getMember(db, accountId, userId);
}

/**
 * Removes the user from the account: from its inboxes and teams, off its conversations (a bulk unassignment,
 * as Chatwoot's own removal does, so no per-conversation events), then the membership.
 */
export async function removeAgent(db: Db, accountId: number, userId: number): Promise<void> {
  await getMember(db, accountId, userId);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('inbox_members').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
    await trx.deleteFrom('team_members').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
    await trx
      .updateTable('conversations')
      .set({ assignee_id: null, updated_at: new Date() })
      .where('account_id', '=', accountId)
      .where('assignee_id', '=', userId)
      .execute();
    await trx.deleteFrom('account_users').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
  });
}
