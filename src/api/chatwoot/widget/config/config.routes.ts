import type { App } from '../../../types.ts';
import { contactInboxBySource, createAnonymousContact } from '../../../../domain/contacts/public.ts';
import { widgetInbox } from '../../../../domain/widget/events.ts';
import { issueWidgetToken, verifyWidgetToken } from '../../../../domain/widget/token.ts';
import { WidgetConfigSchema, WidgetQuery, presentWidgetConfig } from './schema.ts';

const tags = ['Widget API'];

/** The widget's first call: its contact (the one its X-Auth-Token names, or a new one) and a token for it. */
export default async function widgetConfigRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  app.post(
    '/config',
    {
      schema: {
        tags,
        summary: 'Widget configuration and the contact’s auth token',
        security: [],
        querystring: WidgetQuery,
        response: { 200: WidgetConfigSchema },
      },
    },
    async (request) => {
      const inbox = await widgetInbox(db, request.query.website_token);
      const claims = verifyWidgetToken(inbox, request.headers['x-auth-token'] as string | undefined);
      const known = claims ? await contactInboxBySource(db, inbox, claims.source_id).catch(() => undefined) : undefined;
      // A visitor without a valid token gets a contact of their own: the widget never hands out an existing one.
      const contactInbox = known ?? (await createAnonymousContact(db, inbox));
      return presentWidgetConfig(
        inbox,
        contactInbox,
        issueWidgetToken(inbox, contactInbox.source_id),
        config.publicUrl,
      );
    },
  );
}
