import type { App } from '../../types.ts';
import type { Action } from '../../../domain/auth/policies.ts';
import { storeActionFile } from '../../../domain/action_files/action-files.ts';
import { unprocessable } from '../../../errors.ts';
import { isUploadedFile } from '../../multipart.ts';
import { AttachFileBody, AttachFileResponse } from '../presenters/action-file.ts';

/**
 * Chatwoot's `POST …/automation_rules/attach_file` and `…/macros/attach_file`: one multipart `attachment`, stored
 * as a blob whose id a send_attachment action then names (`action_params: [blob_id]`).
 */
export function attachFileRoute(app: App, path: string, policy: Action, tag: string): void {
  const { db } = app.deps;
  app.post(
    path,
    {
      config: { policy, uploadField: 'attachment' },
      schema: {
        tags: [tag],
        summary: 'Upload a file for a send_attachment action (multipart `attachment`)',
        body: AttachFileBody,
        response: { 200: AttachFileResponse },
      },
    },
    async (request) => {
      const file = request.body.attachment;
      if (!isUploadedFile(file) || file.size === 0) throw unprocessable('Attachment is blank', ['attachment']);
      const stored = await storeActionFile(db, request.auth.account.id, request.auth.user?.id ?? null, file);
      return { blob_key: stored.blob_key, blob_id: stored.id };
    },
  );
}
