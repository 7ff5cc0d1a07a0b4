import { Type, type Static } from 'typebox';
import { METRICS } from '../../../../domain/reports/metrics.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ReportTypeSchema = literals(['account', 'agent', 'inbox', 'label', 'team'] as const);
/** Unix seconds as Chatwoot reads them (`DateTime.strptime(x, '%s')`); empty means "not given". */
const UnixSeconds = Type.String({ pattern: '^(-?[0-9]{1,12})?$' });
const Flag = Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 10 })]));

const Common = {
  type: ReportTypeSchema,
  id: Type.Optional(Type.String({ maxLength: 2000 })),
  since: Type.Optional(UnixSeconds),
  until: Type.Optional(UnixSeconds),
  // Chatwoot falls back to day for anything it does not know.
  group_by: Type.Optional(Type.String({ maxLength: 20 })),
  business_hours: Flag,
  enable_business_hours: Flag,
  timezone_offset: Type.Optional(Type.Union([Type.Number({ minimum: -14, maximum: 14 }), Type.Literal('')])),
};

export const ReportQuery = Type.Object({ metric: literals(METRICS), ...Common });
export const SummaryQuery = Type.Object(Common);
export type ReportQueryType = Static<typeof SummaryQuery>;

export const PointSchema = Type.Object({
  value: Type.Number(),
  timestamp: Type.Integer(),
  count: Type.Optional(Type.Integer()),
});
export const ReportResponse = Type.Array(PointSchema);

const Seconds = Type.Union([Type.Number(), Type.Null()]);
const SummaryFields = {
  conversations_count: Type.Integer(),
  incoming_messages_count: Type.Integer(),
  outgoing_messages_count: Type.Integer(),
  avg_first_response_time: Seconds,
  avg_resolution_time: Seconds,
  resolutions_count: Type.Integer(),
  reply_time: Seconds,
};
export const SummaryResponse = Type.Object({ ...SummaryFields, previous: Type.Object(SummaryFields) });

const BotFields = { bot_resolutions_count: Type.Integer(), bot_handoffs_count: Type.Integer() };
export const BotSummaryResponse = Type.Object({ ...BotFields, previous: Type.Object(BotFields) });

export const ConversationsQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 20 })),
  user_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
const AgentMetrics = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  thumbnail: Type.String(),
  availability: Type.String(),
  metric: Type.Object({ open: Type.Integer(), unattended: Type.Integer() }),
});
export const ConversationsResponse = Type.Union([
  Type.Object({
    open: Type.Integer(),
    unattended: Type.Integer(),
    unassigned: Type.Integer(),
    pending: Type.Integer(),
  }),
  Type.Array(AgentMetrics),
]);
