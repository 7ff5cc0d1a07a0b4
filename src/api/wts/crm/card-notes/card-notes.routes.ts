import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { addNote, deleteNote, listNotes } from '../../../../domain/crm/notes.ts';
import { envelope, PageOf, PageQuery, pageOrder, paging } from '../../page.ts';
import { NoteSchema, presentNote } from '../../presenters/card.ts';
import { DateQuery, queryRange, Uuid } from '../../schema.ts';

const tags = ['WTS CRM cards'];
const CardParams = Type.Object({ cardId: Uuid });
const NoteParams = Type.Object({ cardId: Uuid, noteId: Uuid });
const ListQuery = Type.Object({
  ...PageQuery,
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
});
/** `PublicReqCreatePanelNoteDTO`. */
const CreateBody = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 20_000 })),
  fileUrls: Type.Optional(Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 20 })),
});

/** `/crm/v1/panel/card/{cardId}/note`: a card's notes, written by members. */
export default async function cardNoteRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/panel/card/:cardId/note',
    {
      config: { policy: 'crm.read' },
      schema: {
        tags,
        summary: 'List a card’s notes',
        params: CardParams,
        querystring: ListQuery,
        response: { 200: PageOf(NoteSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { account } = request.auth;
      const page = paging(q, { orderBy: 'createdAt', orderDirection: 'DESCENDING' });
      const { rows, total } = await listNotes(db, account.id, request.params.cardId, {
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
        ...pageOrder(page),
      });
      return envelope(
        rows.map((n) => presentNote(n, account.uuid)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/panel/card/:cardId/note',
    {
      config: { policy: 'crm.write' },
      schema: {
        tags,
        summary: 'Add a note to a card',
        params: CardParams,
        body: CreateBody,
        response: { 200: NoteSchema },
      },
    },
    async (request) =>
      presentNote(
        await addNote(db, request.auth.account.id, request.auth.user!.id, request.params.cardId, request.body ?? {}),
        request.auth.account.uuid,
      ),
  );

  app.delete(
    '/v1/panel/card/:cardId/note/:noteId',
    { config: { policy: 'crm.write' }, schema: { tags, summary: 'Delete a card’s note', params: NoteParams } },
    async (request, reply) => {
      await deleteNote(db, request.auth.account.id, request.params.cardId, request.params.noteId);
      return reply.status(200).send();
    },
  );
}
