import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listAgents } from '../../../../domain/sessions/directory.ts';
import { notFound } from '../../../../errors.ts';
import { AgentSchema, presentAgent } from '../../presenters/directory.ts';
import { IdParams } from '../../schema.ts';

const tags = ['WTS Agents'];

/** Account members as WTS agents, each with the departments (teams) they are in. */
export default async function agentRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/agent',
    { config: { policy: 'agents.list' }, schema: { tags, summary: 'List agents', response: { 200: Type.Array(AgentSchema) } } },
    async (request) => (await listAgents(db, request.auth.account.id)).map((a) => presentAgent(a, request.auth.account.uuid)),
  );

  app.get(
    '/v1/agent/:id',
    { config: { policy: 'agents.list' }, schema: { tags, summary: 'Show an agent', params: IdParams, response: { 200: AgentSchema } } },
    async (request) => {
      const agent = (await listAgents(db, request.auth.account.id)).find((a) => a.uuid === request.params.id);
      if (!agent) throw notFound('Agent');
      return presentAgent(agent, request.auth.account.uuid);
    },
  );
}
