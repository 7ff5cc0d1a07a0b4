import { deleteInAccount, updateInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { CannedResponse } from '../../db/types.ts';
import { validation } from '../../errors.ts';

export interface CannedResponseInput {
  short_code?: string;
  content?: string;
}

function columns(input: CannedResponseInput): CannedResponseInput {
  const out: CannedResponseInput = {};
  if (input.short_code !== undefined) {
    out.short_code = input.short_code.trim();
    if (!out.short_code) throw validation("Short code can't be blank", ['short_code']);
  }
  if (input.content !== undefined) {
    if (!input.content.trim()) throw validation("Content can't be blank", ['content']);
    out.content = input.content;
  }
  return out;
}

export async function createCannedResponse(
  db: Db,
  accountId: number,
  input: CannedResponseInput,
): Promise<CannedResponse> {
  const { short_code, content } = columns(input);
  if (short_code === undefined) throw validation("Short code can't be blank", ['short_code']);
  if (content === undefined) throw validation("Content can't be blank", ['content']);
  return db
    .insertInto('canned_responses')
    .values({ account_id: accountId, short_code, content })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCannedResponse(
  db: Db,
  accountId: number,
  id: number,
  input: CannedResponseInput,
): Promise<CannedResponse> {
  return updateInAccount(db, 'canned_responses', accountId, id, columns(input));
}

export async function deleteCannedResponse(db: Db, accountId: number, id: number): Promise<void> {
  await deleteInAccount(db, 'canned_responses', accountId, id);
}
