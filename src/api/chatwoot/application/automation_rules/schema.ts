import { Type, type Static } from 'typebox';
import type { AutomationCall, AutomationRule, AutomationRun } from '../../../../db/types.ts';
import { FreeObject, Nullable, OrNull } from '../../presenters/schema-helpers.ts';
import { iso, unix } from '../../presenters/time.ts';
import { ActionFileSchema } from '../../presenters/action-file.ts';

const Condition = Type.Object(
  {
    attribute_key: Type.String({ minLength: 1, maxLength: 128 }),
    filter_operator: Type.String({ minLength: 1, maxLength: 64 }),
    values: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 100 })),
    query_operator: Type.Optional(OrNull(Type.String({ maxLength: 8 }))),
    custom_attribute_type: Type.Optional(OrNull(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: true },
);

const Action = Type.Object(
  {
    action_name: Type.String({ minLength: 1, maxLength: 64 }),
    action_params: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })),
  },
  { additionalProperties: true },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(OrNull(Type.String({ maxLength: 10_000 }))),
  event_name: Type.String({ minLength: 1, maxLength: 64 }),
  active: Type.Optional(Type.Boolean()),
  conditions: Type.Array(Condition, { maxItems: 50 }),
  actions: Type.Array(Action, { maxItems: 50 }),
};

export const CreateBody = Type.Object({ ...fields, conditions: Type.Optional(fields.conditions) });
export const UpdateBody = Type.Partial(Type.Object(fields));
export type CreateInput = Static<typeof CreateBody>;
export type UpdateInput = Static<typeof UpdateBody>;

export const RuleParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ListQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 0 })) });

export const RuleSchema = Type.Object({
  id: Type.Integer(),
  account_id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  event_name: Type.String(),
  conditions: Type.Array(FreeObject),
  actions: Type.Array(FreeObject),
  created_on: Type.Integer({ description: 'unix seconds' }),
  active: Type.Boolean(),
  files: Type.Optional(Type.Array(ActionFileSchema)),
});

export const ListResponse = Type.Object({ payload: Type.Array(RuleSchema) });
export const OneResponse = Type.Object({ payload: RuleSchema });

export function presentRule(
  rule: AutomationRule,
  files?: Static<typeof ActionFileSchema>[],
): Static<typeof RuleSchema> {
  return {
    id: rule.id,
    account_id: rule.account_id,
    name: rule.name,
    description: rule.description,
    event_name: rule.event_name,
    conditions: rule.conditions as unknown as Record<string, unknown>[],
    actions: rule.actions as unknown as Record<string, unknown>[],
    created_on: unix(rule.created_at),
    active: rule.active,
    ...(files?.length ? { files } : {}),
  };
}

const CallSchema = Type.Object({
  id: Type.Integer(),
  action_name: Type.String(),
  status: Type.String({ description: 'pending (retries left), succeeded, failed' }),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(Type.String()),
  last_status_code: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  attempt_log: Type.Array(FreeObject),
});

const RunSchema = Type.Object({
  id: Type.Integer(),
  event_name: Type.String(),
  status: Type.String({
    description: 'queued, running, succeeded, failed, skipped (conditions not met), cut (chain too deep)',
  }),
  depth: Type.Integer({
    description: '1 for a change by a person, bot or channel; n+1 for a change made by a rule of depth n',
  }),
  conversation_id: Nullable(Type.Integer({ description: 'display id' })),
  message_id: Nullable(Type.Integer()),
  actions: Type.Array(FreeObject),
  error: Nullable(Type.String()),
  created_at: Type.String(),
  finished_at: Nullable(Type.String()),
  calls: Type.Array(CallSchema),
});

export const RunsResponse = Type.Object({
  payload: Type.Array(RunSchema),
  meta: Type.Object({ current_page: Type.Integer() }),
});

export function presentRun(
  run: AutomationRun & { display_id: number | null },
  calls: AutomationCall[],
): Static<typeof RunSchema> {
  return {
    id: run.id,
    event_name: run.event_name,
    status: run.status,
    depth: run.depth,
    conversation_id: run.display_id,
    message_id: run.message_id,
    actions: run.action_log as unknown as Record<string, unknown>[],
    error: run.error,
    created_at: iso(run.created_at)!,
    finished_at: iso(run.finished_at),
    calls: calls.map((c) => ({
      id: c.id,
      action_name: c.action_name,
      status: c.status,
      attempts: c.attempts,
      next_attempt_at: c.status === 'pending' ? iso(c.next_attempt_at) : null,
      last_status_code: c.last_status_code,
      last_error: c.last_error,
      attempt_log: c.attempt_log as unknown as Record<string, unknown>[],
    })),
  };
}
