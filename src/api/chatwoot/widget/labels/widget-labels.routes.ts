import type { App } from '../../../types.ts';
import { setLabels } from '../../../../domain/conversations/commands.ts';
import { currentConversation } from '../../../../domain/widget/visitor.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { requestVisitor } from '../visitor.ts';
import { WebsiteTokenQuery } from '../schema.ts';
import { AddLabelBody, LabelParams } from './schema.ts';

const tags = ['Widget API'];

/**
 * `$chatwoot.setLabel` / `removeLabel` on the visitor's current conversation. As in Chatwoot, only a label the
 * account has defined is added (a visitor cannot invent labels), and without a conversation nothing happens.
 */
export default async function widgetLabelRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.post(
    '/labels',
    {
      schema: {
        tags,
        summary: 'Add a label to the visitor’s conversation',
        security: [],
        querystring: WebsiteTokenQuery,
        body: AddLabelBody,
        response: { 204: Empty },
      },
    },
    async (request, reply) => {
      const visitor = await requestVisitor(request);
      const conversation = await currentConversation(db, visitor);
      const defined = await db
        .selectFrom('labels')
        .select('title')
        .where('account_id', '=', visitor.inbox.account_id)
        .where('title', '=', request.body.label)
        .executeTakeFirst();
      if (conversation && defined && !conversation.labels.includes(defined.title))
        await setLabels(db, conversation, [...conversation.labels, defined.title]);
      return sendEmpty(reply, 204);
    },
  );

  app.delete(
    '/labels/:id',
    {
      schema: {
        tags,
        summary: 'Remove a label from the visitor’s conversation',
        security: [],
        params: LabelParams,
        querystring: WebsiteTokenQuery,
        response: { 204: Empty },
      },
    },
    async (request, reply) => {
      const conversation = await currentConversation(db, await requestVisitor(request));
      if (conversation?.labels.includes(request.params.id))
        await setLabels(
          db,
          conversation,
          conversation.labels.filter((l) => l !== request.params.id),
        );
      return sendEmpty(reply, 204);
    },
  );
}
