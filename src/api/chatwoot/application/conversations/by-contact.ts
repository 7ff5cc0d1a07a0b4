import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { getContact } from '../../../../domain/contacts/repository.ts';
import { contactConversations } from '../../../../domain/conversations/repository.ts';
import { ConversationSchema } from './schema.ts';
import { presentConversations } from './present.ts';

export default async function contactConversationRoutes(app: App): Promise<void> {
  app.get(
    '/contacts/:id/conversations',
    {
      config: { policy: 'conversations.read' },
      schema: {
        tags: ['Contacts'],
        summary: "A contact's conversations, most recently active first (at most 20)",
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ payload: Type.Array(ConversationSchema) }) },
      },
    },
    async (request) => {
      const { db } = app.deps;
      const accountId = request.auth.account.id;
      const contact = await getContact(db, accountId, request.params.id);
      const conversations = await contactConversations(db, accountId, contact.id, request.auth.inboxIds);
      return { payload: await presentConversations(request, conversations) };
    },
  );
}
