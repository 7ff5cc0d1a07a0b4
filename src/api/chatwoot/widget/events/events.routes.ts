import type { App } from '../../../types.ts';
import { triggerWidget, widgetContactInbox, widgetInbox } from '../../../../domain/widget/events.ts';
import { browserInfo, browserLanguage } from '../../../../domain/widget/browser.ts';
import { WidgetEventBody, WidgetEventQuery } from './schema.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';

const tags = ['Widget API'];

/**
 * `POST /api/v1/widget/events?website_token=…` with the contact's X-Auth-Token: the widget was opened.
 * What the widget sent in event_info (initiated_at, referer, ...) is kept, and the server adds what
 * Chatwoot adds: widget_language, browser_language and browser.
 */
export default async function widgetEventRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'The visitor opened the widget (webwidget.triggered)',
        security: [],
        querystring: WidgetEventQuery,
        body: WidgetEventBody,
        response: { 204: Empty },
      },
    },
    async (request, reply) => {
      const inbox = await widgetInbox(db, request.query.website_token);
      const contactInbox = await widgetContactInbox(db, inbox, request.headers['x-auth-token'] as string | undefined);
      await triggerWidget(db, contactInbox, {
        ...request.body.event_info,
        widget_language: request.query.locale ?? null,
        browser_language: browserLanguage(request.headers['accept-language']),
        browser: browserInfo(request.headers['user-agent']),
      });
      return sendEmpty(reply, 204);
    },
  );
}
