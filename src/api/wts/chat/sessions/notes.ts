import type { App } from '../../../types.ts';
import { softDeleteMessage, getMessage } from '../../../../domain/messages/commands.ts';
import { getSessionMessage, reloadSessionMessage } from '../../sessions-app/messages.ts';
import { addSessionNote } from '../../../../domain/messages/api-send.ts';
import { validation } from '../../../../errors.ts';
import { envelope } from '../../page.ts';
import { presentMessage } from '../../presenters/message.ts';
import { IdParams } from '../../schema.ts';
import { MessageListQuery, MessagePage, MessageSchema, NoteBody } from './messages-schema.ts';
import { SessionParams } from './schema.ts';
import { pageOfSession } from './messages.ts';
import { sessionFor } from './present.ts';

const tags = ['WTS Session notes'];

/**
 * Session notes are the conversation's private notes: agents see them in Chatwoot too, contacts never.
 * WTS answers notes in its message shape (PublicMessageDTO), and so do we.
 */
export default async function sessionNoteRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/v1/session/:id/note',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List notes',
        params: SessionParams,
        querystring: MessageListQuery,
        response: { 200: MessagePage },
      },
    },
    async (request) => {
      const { rows, total, page } = await pageOfSession(request, 'note');
      return envelope(
        rows.map((r) => presentMessage(r, config.publicUrl)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/session/:id/note',
    {
      config: { policy: 'messages.create' },
      schema: { tags, summary: 'Add a note', params: SessionParams, body: NoteBody, response: { 200: MessageSchema } },
    },
    async (request) => {
      const { text = '', filesUrls = [], filesIds = [] } = request.body;
      if (filesIds.length)
        throw validation(`filesIds ${filesIds[0]} is not a file of this company: attach files by filesUrls`, [
          'filesIds',
        ]);
      const session = await sessionFor(request);
      const note = await addSessionNote(db, session, text, filesUrls, request.auth.user!.id);
      return presentMessage(await reloadSessionMessage(db, note), config.publicUrl);
    },
  );

  app.get(
    '/v1/session/note/:id',
    {
      config: { policy: 'messages.read' },
      schema: { tags, summary: 'Show a note', params: IdParams, response: { 200: MessageSchema } },
    },
    async (request) => {
      const note = await getSessionMessage(
        db,
        request.auth.account.id,
        request.params.id,
        'note',
        request.auth.inboxIds,
      );
      return presentMessage(note, config.publicUrl);
    },
  );

  app.delete(
    '/v1/session/note/:id',
    { config: { policy: 'messages.write' }, schema: { tags, summary: 'Delete a note', params: IdParams } },
    async (request, reply) => {
      const note = await getSessionMessage(
        db,
        request.auth.account.id,
        request.params.id,
        'note',
        request.auth.inboxIds,
      );
      await softDeleteMessage(db, await getMessage(db, note.account_id, note.conversation_id, note.id));
      return reply.code(200).send();
    },
  );
}
