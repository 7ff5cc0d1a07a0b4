import type { Db } from '../../db/pool.ts';
import { unprocessable } from '../../errors.ts';
import { invitationMail } from '../auth/password-mail.ts';
import { INVITATION_TTL_MS, issueResetLink, resetLinkUrl } from '../auth/password-reset.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Member } from '../users/repository.ts';

export interface Invitation {
  url: string;
  mailed: boolean;
}

/**
 * Whether this account may hand out a link that sets the member's password: only while they have none and
 * belong to no other account (the account made them and is all they are; anyone else uses "forgot password").
 */
async function invitable(db: Db, accountId: number, member: Member): Promise<boolean> {
  if (member.confirmed) return false;
  const elsewhere = await db
    .selectFrom('account_users')
    .select('id')
    .where('user_id', '=', member.id)
    .where('account_id', '!=', accountId)
    .executeTakeFirst();
  return !elsewhere;
}

/**
 * A new invitation link for an agent who has not chosen a password yet (any earlier link stops working),
 * mailed when the server sends mail. Refused for anyone else.
 */
export async function inviteAgent(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  accountId: number,
  accountName: string,
  member: Member,
  inviter: string | null,
): Promise<Invitation> {
  if (!(await invitable(db, accountId, member))) {
    throw unprocessable(
      `${member.email} has already chosen a password or belongs to other accounts: they can use "Forgot your password?"`,
      ['email'],
    );
  }
  const token = await issueResetLink(db, member.id, INVITATION_TTL_MS);
  if (!token) throw unprocessable('The agent could not be found', ['id']);
  const url = resetLinkUrl(publicUrl, token);
  if (!mailer.configured) return { url, mailed: false };
  await mailer.send(invitationMail(member.email, url, inviter, accountName));
  return { url, mailed: true };
}

/** After an agent is added: the invitation mail, when there is one to send and a server to send it. Never throws. */
export async function inviteNewAgent(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  accountId: number,
  accountName: string,
  member: Member,
  inviter: string | null,
  log: { warn(o: object, m: string): void },
): Promise<void> {
  if (!mailer.configured || !(await invitable(db, accountId, member))) return;
  try {
    await inviteAgent(db, mailer, publicUrl, accountId, accountName, member, inviter);
  } catch (err) {
    log.warn({ err, userId: member.id }, 'agent invitation mail failed; an administrator can send it again');
  }
}
