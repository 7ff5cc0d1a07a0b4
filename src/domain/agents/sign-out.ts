import type { Db } from '../../db/pool.ts';
import { notFound, validation } from '../../errors.ts';
import { endAllSessions } from '../auth/sessions.ts';
import { findMember } from '../users/repository.ts';
import { belongsElsewhere } from './commands.ts';

/**
 * Ends every dashboard session of an agent, at an administrator's request. A session is the user's, not one
 * account's, so this is refused for someone who also works in other accounts (an administrator here must not
 * sign them out of work elsewhere); removing them from this account is the way there.
 */
export async function signOutAgent(db: Db, accountId: number, userId: number): Promise<void> {
  if (!(await findMember(db, accountId, userId))) throw notFound('Agent');
  if (await belongsElsewhere(db, accountId, userId)) {
    throw validation(
      'This user also belongs to other companies: they can only be signed out by removing them from this one',
      ['id'],
    );
  }
  await endAllSessions(db, userId);
}
