import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { mergeContacts } from '../../../../domain/contacts/commands.ts';
import { contactInboxesFor } from '../../../../domain/contacts/repository.ts';
import { ContactSchema, presentContact } from '../../presenters/contact.ts';

const MergeBody = Type.Object({
  base_contact_id: Type.Integer({ minimum: 1 }),
  mergee_contact_id: Type.Integer({ minimum: 1 }),
});

export default async function actionRoutes(app: App): Promise<void> {
  app.post(
    '/actions/contact_merge',
    {
      config: { policy: 'contacts.merge' },
      schema: {
        tags: ['Contacts'],
        summary: 'Merge two contacts (the mergee is deleted; administrators only)',
        body: MergeBody,
        response: { 200: ContactSchema },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const { base_contact_id, mergee_contact_id } = request.body;
      const contact = await mergeContacts(app.deps.db, accountId, base_contact_id, mergee_contact_id);
      const inboxes = await contactInboxesFor(app.deps.db, accountId, [contact.id]);
      return presentContact(contact, inboxes.get(contact.id) ?? []);
    },
  );
}
