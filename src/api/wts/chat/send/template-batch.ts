import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { inTransaction } from '../../../../db/transaction.ts';
import { FreeObject } from '../../schema.ts';
import { BATCH_LIMIT, eachItem } from './batch.ts';
import { presentSendReceipt, SendReceiptsSchema } from './receipt.ts';
import { sendTyped } from './send-typed.ts';
import { SendOptions, toQuickSend } from './typed-send.ts';

/**
 * PublicReqSendTemplateBatchDTO: one channel (`from`), one template, and per recipient its number, parameters,
 * media file, client id and session metadata. `options` (user, department, enableBot…) apply to every session
 * the batch starts. A per-message `callbackUrl` has no counterpart here (subscribe to MESSAGE_UPDATED instead).
 */
const TemplateBatchBody = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 255 }),
  templateId: Type.String({ minLength: 1, maxLength: 255 }),
  options: SendOptions,
  messages: Type.Array(
    Type.Object({
      to: Type.String({ minLength: 1, maxLength: 255 }),
      parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      fileIdOrUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
      senderId: Type.Optional(Type.String({ maxLength: 255 })),
      sessionMetadata: Type.Optional(FreeObject),
    }),
    { minItems: 1, maxItems: BATCH_LIMIT },
  ),
});

/** `POST /chat/v1/send/template/batch`: a template to up to 100 numbers, all sent or (one refused) none. */
export default async function templateBatchRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  app.post(
    '/v1/send/template/batch',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags: ['WTS Messages'],
        summary: 'Send a message template to up to 100 numbers',
        body: TemplateBatchBody,
        response: { 200: SendReceiptsSchema },
      },
    },
    async (request) => {
      const { from, templateId, options, messages } = request.body;
      const rows = await inTransaction(db, (trx) =>
        eachItem(messages, ({ sessionMetadata, ...item }) =>
          sendTyped(trx, request, toQuickSend({ ...item, from, templateId, options }), sessionMetadata),
        ),
      );
      return { results: rows.map((row) => presentSendReceipt(row, request.auth.account.uuid, config.publicUrl)) };
    },
  );
}
