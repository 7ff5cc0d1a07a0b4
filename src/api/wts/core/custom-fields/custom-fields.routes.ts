import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listDefinitions } from '../../../../domain/custom_attributes/repository.ts';
import { CustomFieldSchema, presentCustomField } from '../../presenters/custom-field.ts';
import { presentPanelField } from '../../presenters/panel.ts';
import { accountPanelFields } from '../../../../domain/crm/panels.ts';
import { Literals } from '../../schema.ts';

const Query = Type.Object({
  EntityType: Type.Optional(Literals(['CONTACT', 'PANEL'] as const)),
  NestedList: Type.Optional(Type.Boolean()),
});
const response = { 200: Type.Array(CustomFieldSchema) };

/**
 * WTS custom fields: CONTACT ones are the account's contact custom attribute definitions, PANEL ones the
 * CRM panels' fields (scopeId names the panel). Fields are flat: there are no groups to nest, so NestedList
 * changes nothing.
 */
export default async function customFieldRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const contactFields = async (accountId: number, companyId: string) =>
    (await listDefinitions(db, accountId, 'contact_attribute')).map((d, i) => presentCustomField(d, i + 1, companyId));

  const panelFields = async (accountId: number, companyId: string) => {
    const fields = await accountPanelFields(db, accountId);
    return fields.map((f) => presentPanelField(f, f.panel_uuid, companyId));
  };

  app.get(
    '/v1/custom-field',
    {
      config: { policy: 'custom_attributes.read' },
      schema: { tags: ['WTS Custom fields'], summary: 'List custom fields', querystring: Query, response },
    },
    async (request) =>
      request.query.EntityType === 'PANEL'
        ? panelFields(request.auth.account.id, request.auth.account.uuid)
        : contactFields(request.auth.account.id, request.auth.account.uuid),
  );

  app.get(
    '/v1/contact/custom-field',
    {
      config: { policy: 'custom_attributes.read' },
      schema: { tags: ['WTS Contacts'], summary: 'Contact custom fields', querystring: Query, response },
    },
    async (request) => contactFields(request.auth.account.id, request.auth.account.uuid),
  );
}
