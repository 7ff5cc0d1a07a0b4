import { Type } from 'typebox';
import { AgentSchema } from '../../presenters/agent.ts';
import { ContactPushSchema } from '../../presenters/contact.ts';
import { MessageSchema } from '../../presenters/message.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

export const ConversationParams = Type.Object({ conversation_id: Type.Integer({ minimum: 1 }) });
export const MessageParams = Type.Object({
  conversation_id: Type.Integer({ minimum: 1 }),
  message_id: Type.Integer({ minimum: 1 }),
});

export const ListQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  after: Type.Optional(Type.Integer({ minimum: 1 })),
  filter_internal_messages: Type.Optional(Type.Boolean()),
});

export const ListResponse = Type.Object({
  meta: Type.Object({
    labels: Type.Array(Type.String()),
    additional_attributes: FreeObject,
    contact: ContactPushSchema,
    assignee: Type.Optional(AgentSchema),
    agent_last_seen_at: Nullable(Type.String()),
    assignee_last_seen_at: Nullable(Type.String()),
  }),
  payload: Type.Array(MessageSchema),
});

export const CreateBody = Type.Object(
  {
    content: Type.Optional(Nullable(Type.String({ maxLength: 150_000 }))),
    message_type: Type.Optional(Type.Union(['outgoing', 'incoming', 'template'].map((t) => Type.Literal(t)))),
    private: Type.Optional(Type.Boolean()),
    content_type: Type.Optional(
      Type.Union(
        [
          'text',
          'input_text',
          'input_textarea',
          'input_email',
          'input_select',
          'cards',
          'form',
          'article',
          'incoming_email',
          'input_csat',
          'integrations',
          'sticker',
        ].map((t) => Type.Literal(t)),
      ),
    ),
    content_attributes: Type.Optional(FreeObject),
    template_params: Type.Optional(FreeObject),
    echo_id: Type.Optional(Type.String({ maxLength: 255 })),
    source_id: Type.Optional(Type.String({ maxLength: 255 })),
    campaign_id: Type.Optional(Type.Integer()),
    external_created_at: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 64 })])),
    sender_type: Type.Optional(Type.String({ maxLength: 40 })),
    sender_id: Type.Optional(Type.Integer({ minimum: 1 })),
    cc_emails: Type.Optional(Type.String({ maxLength: 2000 })),
    bcc_emails: Type.Optional(Type.String({ maxLength: 2000 })),
    to_emails: Type.Optional(Type.String({ maxLength: 2000 })),
    attachments: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 15 })),
  },
  { additionalProperties: true },
);

export const UpdateBody = Type.Object({
  status: Type.Union(['sent', 'delivered', 'read', 'failed'].map((s) => Type.Literal(s))),
  external_error: Type.Optional(Type.String({ maxLength: 2000 })),
});

export { MessageSchema };
