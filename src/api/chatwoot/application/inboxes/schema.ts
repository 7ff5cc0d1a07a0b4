import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { AgentSchema } from '../../presenters/agent.ts';
import { AgentBotSchema } from '../../presenters/agent_bot.ts';
import { InboxSchema } from '../../presenters/inbox.ts';
import { FreeObject, Nullable, OrNull } from '../../presenters/schema-helpers.ts';

export const InboxParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Text = (maxLength = 255) => Type.Optional(OrNull(Type.String({ maxLength })));
const Flag = Type.Optional(OrNull(Type.Boolean()));
const Settings = Type.Optional(Nullable(FreeObject));

const ChannelFields = {
  webhook_url: Text(2048),
  hmac_mandatory: Type.Optional(Type.Boolean()),
  additional_attributes: Type.Optional(FreeObject),
  website_url: Text(2048),
  widget_color: Text(32),
  welcome_title: Text(),
  welcome_tagline: Text(),
  reply_time: Type.Optional(
    Type.Union([Type.Literal('in_a_few_minutes'), Type.Literal('in_a_few_hours'), Type.Literal('in_a_day')]),
  ),
  pre_chat_form_enabled: Type.Optional(Type.Boolean()),
  pre_chat_form_options: Type.Optional(FreeObject),
  selected_feature_flags: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  continuity_via_email: Type.Optional(Type.Boolean()),
  allowed_domains: Text(2048),
  bot_token: Text(200),
  phone_number: Text(32),
  provider: Text(32),
  provider_config: Type.Optional(FreeObject),
  email: Text(320),
  imap_enabled: Type.Optional(Type.Boolean()),
  imap_address: Text(253),
  imap_port: Type.Optional(OrNull(Type.Integer({ minimum: 1, maximum: 65_535 }))),
  imap_login: Text(320),
  imap_password: Text(1024),
  imap_enable_ssl: Type.Optional(Type.Boolean()),
  smtp_enabled: Type.Optional(Type.Boolean()),
  smtp_address: Text(253),
  smtp_port: Type.Optional(OrNull(Type.Integer({ minimum: 1, maximum: 65_535 }))),
  smtp_login: Text(320),
  smtp_password: Text(1024),
  smtp_domain: Text(253),
  smtp_enable_starttls_auto: Type.Optional(Type.Boolean()),
  smtp_enable_ssl_tls: Type.Optional(Type.Boolean()),
  smtp_authentication: Text(32),
};

export const ChannelType = Type.Union([
  Type.Literal('api'),
  Type.Literal('web_widget'),
  Type.Literal('telegram'),
  Type.Literal('whatsapp'),
  Type.Literal('email'),
]);

const WorkingHour = Type.Object({
  day_of_week: Type.Integer({ minimum: 0, maximum: 6 }),
  closed_all_day: Type.Optional(Type.Boolean()),
  open_hour: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 23 }))),
  open_minutes: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 59 }))),
  close_hour: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 23 }))),
  close_minutes: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 59 }))),
  open_all_day: Type.Optional(Type.Boolean()),
});

const InboxFields = {
  /** Avatar uploads are not stored yet; the field is accepted so that clients sending it are not refused. */
  avatar: Type.Optional(Type.Unknown()),
  greeting_enabled: Flag,
  greeting_message: Text(10_000),
  enable_email_collect: Flag,
  csat_survey_enabled: Flag,
  csat_config: Settings,
  enable_auto_assignment: Flag,
  auto_assignment_config: Settings,
  working_hours_enabled: Flag,
  out_of_office_message: Text(10_000),
  timezone: Text(100),
  allow_messages_after_resolved: Flag,
  lock_to_single_conversation: Flag,
  sender_name_type: Type.Optional(Nullable(Type.Union([Type.Literal('friendly'), Type.Literal('professional')]))),
  business_name: Text(),
  working_hours: Type.Optional(Type.Array(WorkingHour, { maxItems: 7 })),
};

export const CreateInboxBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  ...InboxFields,
  channel: Type.Object({ type: ChannelType, ...ChannelFields }),
});

export const UpdateInboxBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  ...InboxFields,
  channel: Type.Optional(Type.Object(ChannelFields)),
});

/** Chatwoot's inbox endpoints read the text "null" as null, at the top level and inside `channel`. */
export async function nullTexts(request: FastifyRequest): Promise<void> {
  const nullify = (value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) if (item === 'null') record[key] = null;
  };
  nullify(request.body);
  nullify((request.body as { channel?: unknown } | undefined)?.channel);
}

export const InboxList = Type.Object({ payload: Type.Array(InboxSchema) });
export const DeletedInbox = Type.Object({ message: Type.String() });
export const TemplateSyncAnswer = Type.Object({ message: Type.String() });
export const AgentPayload = Type.Object({ payload: Type.Array(AgentSchema) });

export const AssignableQuery = Type.Object({
  inbox_ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 }),
});

export const InboxAgentBot = Type.Object({ agent_bot: Type.Optional(AgentBotSchema) });

export const SetAgentBotBody = Type.Object({ agent_bot: Type.Optional(OrNull(Type.Integer({ minimum: 0 }))) });

export { InboxSchema };
