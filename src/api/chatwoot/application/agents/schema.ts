import { Type } from 'typebox';
import type { Availability } from '../../../../db/types.ts';
import { AgentSchema } from '../../presenters/agent.ts';

export const AgentParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Role = Type.Union([Type.Literal('agent'), Type.Literal('administrator')]);
/** The n8n node offers "available" where Chatwoot says "online". */
const AvailabilityInput = Type.Union([
  Type.Literal('online'),
  Type.Literal('busy'),
  Type.Literal('offline'),
  Type.Literal('available'),
]);
const Name = Type.String({ maxLength: 255 });

export function toAvailability(value: string | undefined): Availability | undefined {
  return value === 'available' ? 'online' : (value as Availability | undefined);
}

export const CreateAgentBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 255 }),
  name: Type.Optional(Name),
  role: Type.Optional(Role),
  availability: Type.Optional(AvailabilityInput),
  /** What the n8n node sends instead of `availability`. */
  availability_status: Type.Optional(AvailabilityInput),
  auto_offline: Type.Optional(Type.Boolean()),
});

export const UpdateAgentBody = Type.Object({
  name: Type.Optional(Name),
  role: Type.Optional(Role),
  availability: Type.Optional(AvailabilityInput),
  auto_offline: Type.Optional(Type.Boolean()),
});

export const BulkCreateBody = Type.Object({
  emails: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 100 }),
});

export const AgentList = Type.Array(AgentSchema);

/** Switchboard addition: the link an invited agent chooses their password with, and whether it was mailed. */
export const InvitationSchema = Type.Object({ invitation_url: Type.String(), mailed: Type.Boolean() });
export { AgentSchema };
