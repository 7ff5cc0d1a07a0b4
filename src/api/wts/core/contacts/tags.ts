import type { Static } from 'typebox';
import type { App } from '../../../types.ts';
import { updateWtsContact } from '../../sessions-app/contact-writes.ts';
import { getContactByPhone, getContactByUuid } from '../../sessions-app/contact-list.ts';
import { validation } from '../../../../errors.ts';
import { ContactSchema } from '../../presenters/contact.ts';
import { IdOrPhoneParams, PhoneParams, TagsBody } from './schema.ts';
import { presentWritten } from './writes.ts';
import { isUuid } from '../../../../domain/uuid.ts';

/** `POST …/tags`: InsertIfNotExists (the default), DeleteIfExists or ReplaceAll on the contact's tags. */
export default async function contactTagRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const schema = { tags: ['WTS Contacts'], summary: 'Change tags', body: TagsBody, response: { 200: ContactSchema } };

  const changeTags = async (accountId: number, contactId: number, body: Static<typeof TagsBody>) => {
    if (!body.tagIds?.length && !body.tagNames?.length && body.operation !== 'ReplaceAll')
      throw validation('tagIds or tagNames is required', ['tagNames']);
    return updateWtsContact(
      db,
      accountId,
      contactId,
      { tagIds: body.tagIds, tagNames: body.tagNames ?? [] },
      { fields: ['Tags'], tagOperation: body.operation ?? 'InsertIfNotExists' },
    );
  };

  // WTS documents `{id}` here as "the contact's id or phone number".
  app.post(
    '/v1/contact/:id/tags',
    { config: { policy: 'contacts.write' }, schema: { ...schema, params: IdOrPhoneParams } },
    async (request) => {
      const accountId = request.auth.account.id;
      const { id } = request.params;
      const contact = isUuid(id)
        ? await getContactByUuid(db, accountId, id)
        : await getContactByPhone(db, accountId, id);
      return presentWritten(request, await changeTags(accountId, contact.id, request.body));
    },
  );

  app.post(
    '/v1/contact/phonenumber/:phone/tags',
    { config: { policy: 'contacts.write' }, schema: { ...schema, params: PhoneParams } },
    async (request) => {
      const accountId = request.auth.account.id;
      const contact = await getContactByPhone(db, accountId, request.params.phone);
      return presentWritten(request, await changeTags(accountId, contact.id, request.body));
    },
  );
}
