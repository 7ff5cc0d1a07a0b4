import { Type, type Static } from 'typebox';
import type { ActionFile } from '../../../db/types.ts';
import { actionFileUrl } from '../../system/action-files.ts';

/** Chatwoot's `file_base_data` of a rule's or macro's files (shown only when it has some). */
export const ActionFileSchema = Type.Object({
  id: Type.Integer(),
  automation_rule_id: Type.Optional(Type.Integer()),
  macro_id: Type.Optional(Type.Integer()),
  file_type: Type.String(),
  account_id: Type.Integer(),
  file_url: Type.String(),
  blob_id: Type.Integer(),
  filename: Type.String(),
});

export function presentActionFile(file: ActionFile, publicUrl: string): Static<typeof ActionFileSchema> {
  return {
    id: file.id,
    ...(file.macro_id ? { macro_id: file.macro_id } : { automation_rule_id: file.automation_rule_id ?? 0 }),
    file_type: file.content_type,
    account_id: file.account_id,
    file_url: actionFileUrl(publicUrl, file),
    blob_id: file.id,
    filename: file.filename,
  };
}

/** `files` for each owner that has any, keyed by owner id. */
export function filesByOwner(
  files: ActionFile[],
  column: 'automation_rule_id' | 'macro_id',
  publicUrl: string,
): Map<number, Static<typeof ActionFileSchema>[]> {
  const out = new Map<number, Static<typeof ActionFileSchema>[]>();
  for (const file of files) {
    const owner = file[column];
    if (owner === null) continue;
    out.set(owner, [...(out.get(owner) ?? []), presentActionFile(file, publicUrl)]);
  }
  return out;
}

/** The response of attach_file (Chatwoot: the new blob's key and id, to put in send_attachment's params). */
export const AttachFileResponse = Type.Object({ blob_key: Type.String(), blob_id: Type.Integer() });
export const AttachFileBody = Type.Object({ attachment: Type.Optional(Type.Unknown()) });
