import type { App } from '../../../types.ts';
import { addInboxMembers, removeInboxMembers, setInboxMembers } from '../../../../domain/inboxes/commands.ts';
import { getInboxMembers } from '../../../../domain/inboxes/repository.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AgentPayload, InboxMemberParams, InboxMembersBody } from './schema.ts';

const tags = ['Inboxes'];

export default async function inboxMemberRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/inbox_members/:inbox_id',
    {
      config: { policy: 'inboxes.read' },
      schema: { tags, summary: 'Agents of an inbox', params: InboxMemberParams, response: { 200: AgentPayload } },
    },
    async (request) => {
      const { account, inboxIds } = request.auth;
      return { payload: (await getInboxMembers(db, account.id, request.params.inbox_id, inboxIds)).map(presentAgent) };
    },
  );

  app.post(
    '/inbox_members',
    {
      config: { policy: 'inboxes.manage' },
      schema: {
        tags,
        summary: 'Add agents to an inbox; answers every member',
        body: InboxMembersBody,
        response: { 200: AgentPayload },
      },
    },
    async (request) => {
      const { inbox_id, user_ids } = request.body;
      return { payload: (await addInboxMembers(db, request.auth.account.id, inbox_id, user_ids)).map(presentAgent) };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/inbox_members',
    config: { policy: 'inboxes.manage' },
    schema: {
      tags,
      summary: 'Set the exact agent list of an inbox',
      body: InboxMembersBody,
      response: { 200: AgentPayload },
    },
    handler: async (request) => {
      const { inbox_id, user_ids } = request.body;
      return { payload: (await setInboxMembers(db, request.auth.account.id, inbox_id, user_ids)).map(presentAgent) };
    },
  });

  app.delete(
    '/inbox_members',
    {
      config: { policy: 'inboxes.manage' },
      schema: { tags, summary: 'Remove agents from an inbox', body: InboxMembersBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      const { inbox_id, user_ids } = request.body;
      await removeInboxMembers(db, request.auth.account.id, inbox_id, user_ids);
      return sendEmpty(reply);
    },
  );
}
