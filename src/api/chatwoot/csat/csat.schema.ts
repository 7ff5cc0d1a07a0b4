import { Type, type Static } from 'typebox';
import type { CsatSurveyResponse, Message } from '../../../db/types.ts';
import { AgentSchema } from '../presenters/agent.ts';
import { ContactSchema } from '../presenters/contact.ts';
import { Nullable, SubmittedValues } from '../presenters/schema-helpers.ts';
import { iso } from '../presenters/time.ts';

const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 });
const UnixSeconds = Type.String({ pattern: '^(-?[0-9]{1,12})?$' });

export const CsatListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  since: Type.Optional(UnixSeconds),
  until: Type.Optional(UnixSeconds),
  user_ids: Type.Optional(Ids),
  inbox_id: Type.Optional(Type.Integer({ minimum: 1 })),
  team_id: Type.Optional(Type.Integer({ minimum: 1 })),
  rating: Type.Optional(
    Type.Union([
      Type.Integer({ minimum: 1, maximum: 5 }),
      Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { maxItems: 5 }),
    ]),
  ),
});
export type CsatListQueryType = Static<typeof CsatListQuery>;

export const CsatResponseSchema = Type.Object({
  id: Type.Integer(),
  rating: Type.Integer(),
  feedback_message: Nullable(Type.String()),
  account_id: Type.Integer(),
  message_id: Type.Integer(),
  contact: Type.Optional(ContactSchema),
  conversation_id: Type.Integer(),
  assigned_agent: Type.Optional(AgentSchema),
  created_at: Type.Integer(),
});
export const CsatListResponse = Type.Array(CsatResponseSchema);
export const CsatMetricsResponse = Type.Object({
  total_count: Type.Integer(),
  ratings_count: Type.Record(Type.String(), Type.Integer()),
  total_sent_messages_count: Type.Integer(),
});

// ---- the public survey (Chatwoot's csat_survey JSON) -------------------------------------------------------
export const SurveyParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const SurveyPageParams = Type.Object({ conversation_uuid: Type.String({ maxLength: 100 }) });
export const SurveyUpdateBody = Type.Object({ submitted_values: SubmittedValues });

const RawResponse = Type.Object({
  id: Type.Integer(),
  account_id: Type.Integer(),
  conversation_id: Type.Integer(),
  message_id: Type.Integer(),
  contact_id: Type.Integer(),
  assigned_agent_id: Nullable(Type.Integer()),
  rating: Type.Integer(),
  feedback_message: Nullable(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const SurveySchema = Type.Object({
  id: Type.Integer(),
  csat_survey_response: Nullable(RawResponse),
  inbox_avatar_url: Nullable(Type.String()),
  conversation_id: Type.Integer(),
  created_at: Type.String(),
});

/** The survey message as Chatwoot's survey page reads it: the answer is the raw record (or null before one). */
export function presentSurvey(
  message: Message,
  response: CsatSurveyResponse | null,
  inboxAvatarUrl: string | null,
): Static<typeof SurveySchema> {
  return {
    id: message.id,
    csat_survey_response: response && {
      id: response.id,
      account_id: response.account_id,
      conversation_id: response.conversation_id,
      message_id: response.message_id,
      contact_id: response.contact_id,
      assigned_agent_id: response.assigned_agent_id,
      rating: response.rating,
      feedback_message: response.feedback_message,
      created_at: iso(response.created_at)!,
      updated_at: iso(response.updated_at)!,
    },
    inbox_avatar_url: inboxAvatarUrl,
    conversation_id: message.conversation_id,
    created_at: iso(message.created_at)!,
  };
}
