import { Type } from 'typebox';
import { AgentSchema } from '../../presenters/agent.ts';

export const TeamParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Chatwoot's clients send `user_ids[]=1`; n8n sends the list as JSON text; both arrive here as an array. */
export const UserIdsBody = Type.Object({
  user_ids: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 }),
});

export const AgentList = Type.Array(AgentSchema);
