import { Type } from 'typebox';
import { ConversationSchema } from '../../presenters/conversation.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';
import { CHATWOOT_STATUSES } from '../../../../domain/conversations/status.ts';
import { SORT_KEYS } from '../../../../domain/conversations/list.ts';
import { CustomFilterId, FilterCondition } from '../contacts/schema.ts';

export const ConversationParams = Type.Object({ conversation_id: Type.Integer({ minimum: 1 }) });
const Page = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const StatusName = Type.Union(CHATWOOT_STATUSES.map((s) => Type.Literal(s)));
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

export const ListQuery = Type.Object({
  status: Type.Optional(Type.Union([StatusName, Type.Literal('all')])),
  assignee_type: Type.Optional(Type.Union(['me', 'unassigned', 'assigned', 'all'].map((s) => Type.Literal(s)))),
  inbox_id: Type.Optional(Type.Integer({ minimum: 1 })),
  team_id: Type.Optional(Type.Integer({ minimum: 1 })),
  labels: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  page: Type.Optional(Page),
  sort_by: Type.Optional(Type.Union(SORT_KEYS.map((s) => Type.Literal(s)))),
  conversation_type: Type.Optional(Type.Union(['mention', 'participating', 'unattended'].map((s) => Type.Literal(s)))),
  source_id: Type.Optional(Type.String({ maxLength: 255 })),
  updated_within: Type.Optional(Type.Integer({ minimum: 1, maximum: 31_536_000 })),
  // Switchboard's additions (the dashboard uses them; Chatwoot clients never send them):
  /** Keyset paging: the page after this cursor (`meta.next_cursor` of the previous page). */
  after: Type.Optional(Type.String({ maxLength: 500 })),
  /** Page size for keyset paging (with it, the answer's meta carries `next_cursor`). */
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  priority: Type.Optional(Type.Union([...PRIORITIES, 'none'].map((s) => Type.Literal(s)))),
  /** Message text or the contact's name, email, phone number or identifier. */
  search: Type.Optional(Type.String({ maxLength: 500 })),
});

const Counts = {
  mine_count: Type.Integer(),
  assigned_count: Type.Integer(),
  unassigned_count: Type.Integer(),
  all_count: Type.Integer(),
};
const ThreeCounts = { mine_count: Type.Integer(), unassigned_count: Type.Integer(), all_count: Type.Integer() };

export const ListResponse = Type.Object({
  data: Type.Object({
    meta: Type.Object({ ...Counts, next_cursor: Type.Optional(Nullable(Type.String())) }),
    payload: Type.Array(ConversationSchema),
  }),
});
export const MetaResponse = Type.Object({ meta: Type.Object(Counts) });
/** `payload`, or `custom_filter_id` naming one of the caller's saved conversation filters (an explicit payload wins). */
export const FilterBody = Type.Object({
  payload: Type.Optional(Type.Array(FilterCondition, { minItems: 1, maxItems: 50 })),
  page: Type.Optional(Page),
  custom_filter_id: CustomFilterId,
});
export const FilterQuery = Type.Object({ page: Type.Optional(Page), custom_filter_id: CustomFilterId });
export const FilterResponse = Type.Object({ meta: Type.Object(ThreeCounts), payload: Type.Array(ConversationSchema) });

export const SearchConversationSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  created_at: Type.Integer(),
  contact: Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) }),
  inbox: Type.Object({ id: Type.Integer(), name: Type.String(), channel_type: Type.String() }),
  messages: Type.Array(
    Type.Object({
      content: Nullable(Type.String()),
      id: Type.Integer(),
      sender_name: Nullable(Type.String()),
      message_type: Type.Integer(),
      created_at: Type.Integer(),
    }),
  ),
  account_id: Type.Integer(),
});
export const SearchResponse = Type.Object({
  meta: Type.Object(ThreeCounts),
  payload: Type.Array(SearchConversationSchema),
});

export const InitialMessage = Type.Object(
  {
    content: Type.Optional(Nullable(Type.String({ maxLength: 150_000 }))),
    message_type: Type.Optional(Type.Union(['incoming', 'outgoing', 'template'].map((s) => Type.Literal(s)))),
    private: Type.Optional(Type.Boolean()),
    content_type: Type.Optional(Type.String({ maxLength: 40 })),
    content_attributes: Type.Optional(FreeObject),
    template_params: Type.Optional(FreeObject),
  },
  { additionalProperties: true },
);

/** unix seconds or a date string */
export const SnoozeTime = Type.Union([Type.Number(), Type.String({ maxLength: 64 })]);

export const CreateBody = Type.Object({
  source_id: Type.Optional(Type.String({ maxLength: 255 })),
  inbox_id: Type.Optional(Type.Integer({ minimum: 1 })),
  contact_id: Type.Optional(Type.Integer({ minimum: 1 })),
  additional_attributes: Type.Optional(FreeObject),
  custom_attributes: Type.Optional(FreeObject),
  status: Type.Optional(StatusName),
  assignee_id: Type.Optional(Type.Integer({ minimum: 1 })),
  team_id: Type.Optional(Type.Integer({ minimum: 1 })),
  snoozed_until: Type.Optional(Nullable(SnoozeTime)),
  message: Type.Optional(InitialMessage),
});

export const UpdateBody = Type.Object({
  priority: Type.Optional(Nullable(Type.Union([...PRIORITIES.map((p) => Type.Literal(p)), Type.Literal('')]))),
});

export const ToggleStatusBody = Type.Object({
  status: Type.Optional(StatusName),
  snoozed_until: Type.Optional(Nullable(SnoozeTime)),
});
export const ToggleStatusResponse = Type.Object({
  payload: Type.Object({
    success: Nullable(Type.Boolean()),
    conversation_id: Type.Integer(),
    current_status: Type.String(),
    snoozed_until: Nullable(Type.String()),
  }),
});
export const TogglePriorityBody = Type.Object({
  priority: Type.Optional(Nullable(Type.Union([...PRIORITIES.map((p) => Type.Literal(p)), Type.Literal('')]))),
});
export const TypingBody = Type.Object({
  typing_status: Type.Union([Type.Literal('on'), Type.Literal('off')]),
  is_private: Type.Optional(Type.Boolean()),
});
export const TranscriptBody = Type.Object({ email: Type.Optional(Type.String({ maxLength: 255 })) });
export const CustomAttributesBody = Type.Object({ custom_attributes: FreeObject });
export const CustomAttributesResponse = Type.Object({ custom_attributes: FreeObject });
/** n8n's untouched `[null]` arrives as no labels: like Chatwoot, that clears them. */
export const LabelsBody = Type.Object({
  labels: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 200 })),
});
export const LabelsResponse = Type.Object({ payload: Type.Array(Type.String()) });
export const AssignmentBody = Type.Object({
  assignee_id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  assignee_type: Type.Optional(Type.String({ maxLength: 40 })),
  team_id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
});
export const AttachmentsQuery = Type.Object({ page: Type.Optional(Page) });

export { ConversationSchema };
