import type { Db } from '../../db/pool.ts';
import type { ActionFile, AutomationAction } from '../../db/types.ts';
import { inTransaction } from '../../db/transaction.ts';
import { randomToken } from '../auth/secrets.ts';
import { claimStorageKeys } from '../attachments/orphans.ts';
import type { ReceivedFile } from '../attachments/upload.ts';

/**
 * Files of send_attachment actions (Chatwoot's attach_file → blob id → `action_params: [blob_id]`). An upload is
 * stored unclaimed; saving a rule or macro whose send_attachment names it makes it that owner's (Chatwoot's
 * `files.attach`), and it goes with its owner. Only the owner's own files are sent (a clone names the
 * original's blobs but owns none, and, as in Chatwoot, sends nothing).
 */
export type FileOwner = { automation_rule_id: number } | { macro_id: number };

export const SEND_ATTACHMENT = 'send_attachment';

export async function storeActionFile(
  db: Db,
  accountId: number,
  userId: number | null,
  file: ReceivedFile,
): Promise<ActionFile> {
  return inTransaction(db, async (trx) => {
    await claimStorageKeys(trx, [file.storageKey]);
    return trx
      .insertInto('action_files')
      .values({
        account_id: accountId,
        blob_key: randomToken(16),
        filename: file.filename,
        content_type: file.contentType,
        byte_size: file.size,
        checksum: file.checksum,
        storage_key: file.storageKey,
        uploaded_by_id: userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** The blob ids a send_attachment names: numbers or digit strings, one or several. */
export function blobIdsOf(params: unknown[]): number[] {
  return params
    .map((p) => (typeof p === 'string' && /^\d+$/.test(p.trim()) ? Number(p) : p))
    .filter((p): p is number => Number.isInteger(p) && (p as number) > 0);
}

const ownerColumn = (owner: FileOwner) => ('macro_id' in owner ? 'macro_id' : 'automation_rule_id');
const ownerId = (owner: FileOwner) => ('macro_id' in owner ? owner.macro_id : owner.automation_rule_id);

/** After a rule or macro is saved: the unclaimed files of the account its send_attachment actions name become its own. */
export async function claimActionFiles(
  db: Db,
  accountId: number,
  owner: FileOwner,
  actions: Pick<AutomationAction, 'action_name' | 'action_params'>[],
): Promise<void> {
  const ids = actions.filter((a) => a.action_name === SEND_ATTACHMENT).flatMap((a) => blobIdsOf(a.action_params ?? []));
  if (!ids.length) return;
  await db
    .updateTable('action_files')
    .set('macro_id' in owner ? { macro_id: owner.macro_id } : { automation_rule_id: owner.automation_rule_id })
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .where('automation_rule_id', 'is', null)
    .where('macro_id', 'is', null)
    .execute();
}

/** The owners' files, for their JSON (one statement for a page of rules or macros). */
export async function filesOfOwners(
  db: Db,
  accountId: number,
  column: 'automation_rule_id' | 'macro_id',
  ids: number[],
): Promise<ActionFile[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('action_files')
    .selectAll()
    .where('account_id', '=', accountId)
    .where(column, 'in', ids)
    .orderBy('id')
    .execute();
}

/** The files a send_attachment of this owner may send: named by the action and owned by it. */
export async function ownedFiles(db: Db, accountId: number, owner: FileOwner, ids: number[]): Promise<ActionFile[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('action_files')
    .selectAll()
    .where('account_id', '=', accountId)
    .where(ownerColumn(owner), '=', ownerId(owner))
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** Served by its blob key (the credential in its URL). */
export function actionFileByKey(db: Db, blobKey: string): Promise<ActionFile | undefined> {
  return db.selectFrom('action_files').selectAll().where('blob_key', '=', blobKey).executeTakeFirst();
}

/** Uploads no rule or macro claimed within `graceMs` go (their objects to the storage sweeper, by trigger). */
export async function removeUnclaimedActionFiles(db: Db, graceMs: number): Promise<number> {
  const result = await db
    .deleteFrom('action_files')
    .where('automation_rule_id', 'is', null)
    .where('macro_id', 'is', null)
    .where('created_at', '<', new Date(Date.now() - graceMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
