import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { ActionFile } from '../../db/types.ts';
import { actionFileByKey } from '../../domain/action_files/action-files.ts';
import { sendStoredFile } from './attachments.ts';

const Params = Type.Object({ key: Type.String({ maxLength: 64 }), filename: Type.String({ maxLength: 500 }) });

/** A rule's or macro's file, by its blob key (random: the credential, as Chatwoot's blob URLs are signed). */
export function actionFileUrl(publicUrl: string, file: Pick<ActionFile, 'blob_key' | 'filename'>): string {
  return `${publicUrl}/action_files/${file.blob_key}/${encodeURIComponent(file.filename)}`;
}

export async function actionFileRoutes(app: App): Promise<void> {
  const { db, storage } = app.deps;
  app.get('/action_files/:key/:filename', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const file = await actionFileByKey(db, request.params.key);
    const stored = file ? await storage.get(file.storage_key) : undefined;
    if (!file || !stored) return reply.status(404).send({ error: 'Resource could not be found' });
    return sendStoredFile(reply, file, stored);
  });
}
