import { Type } from 'typebox';
import { ContactInboxSchema, ContactSchema } from '../../presenters/contact.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

export const ContactParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const NoteParams = Type.Object({ id: Type.Integer({ minimum: 1 }), note_id: Type.Integer({ minimum: 1 }) });

const Page = Type.Integer({ minimum: 0, maximum: 1_000_000 });

const Sort = Type.Optional(Type.String({ maxLength: 40 }));
/** A Switchboard addition (the dashboard's list shows them): each contact's `labels`. Chatwoot's JSON has none. */
const IncludeLabels = Type.Optional(Type.Boolean());
const Search = Type.Optional(Type.String({ maxLength: 500 }));

export const ListQuery = Type.Object({
  page: Type.Optional(Page),
  sort: Sort,
  labels: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
  include_contact_inboxes: Type.Optional(Type.Boolean()),
  include_labels: IncludeLabels,
});

export const SearchQuery = Type.Object({
  q: Search,
  page: Type.Optional(Page),
  sort: Sort,
  include_contact_inboxes: Type.Optional(Type.Boolean()),
  include_labels: IncludeLabels,
});

export const FilterCondition = Type.Object(
  {
    attribute_key: Type.String({ maxLength: 255 }),
    filter_operator: Type.String({ maxLength: 40 }),
    values: Type.Optional(Type.Unknown()),
    query_operator: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    attribute_model: Type.Optional(Type.String({ maxLength: 40 })),
    custom_attribute_type: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: true },
);

/** One of the caller's saved filters (custom_filters), by id: its query stands in for `payload` (beyond Chatwoot). */
export const CustomFilterId = Type.Optional(
  Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[0-9]{1,18}$' })]),
);
/** `payload`, or `custom_filter_id` naming a saved filter (an explicit payload wins). */
export const FilterBody = Type.Object({
  payload: Type.Optional(Type.Array(FilterCondition, { minItems: 1, maxItems: 50 })),
  page: Type.Optional(Page),
  custom_filter_id: CustomFilterId,
});
export const FilterQuery = Type.Object({ page: Type.Optional(Page) });
/** Chatwoot's filter sorts as its list does; `q` (a Switchboard addition) narrows it as the search would. */
export const ContactFilterQuery = Type.Object({
  page: Type.Optional(Page),
  sort: Sort,
  q: Search,
  include_labels: IncludeLabels,
  custom_filter_id: CustomFilterId,
});

const ExportFields = {
  label: Type.Optional(Type.String({ maxLength: 255 })),
  column_names: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 300 })),
};
export const ExportQuery = Type.Object(ExportFields);
/** Chatwoot's export body: the columns, a label and a filter payload (as POST /contacts/filter takes). */
export const ExportBody = Type.Object({
  ...ExportFields,
  payload: Type.Optional(Type.Array(FilterCondition, { maxItems: 50 })),
});

/** Multipart, Chatwoot's field name; the file itself is checked by the route (a JSON body has none). */
export const ImportBody = Type.Object({ import_file: Type.Optional(Type.Unknown()) });
export const ImportResponse = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Array(Type.Object({ row: Type.Integer(), error: Type.String() })),
});

const ContactFields = {
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phone_number: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  identifier: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  blocked: Type.Optional(Type.Boolean()),
  avatar_url: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  additional_attributes: Type.Optional(FreeObject),
  custom_attributes: Type.Optional(FreeObject),
};

export const CreateBody = Type.Object({
  ...ContactFields,
  inbox_id: Type.Optional(Type.Integer({ minimum: 1 })),
  source_id: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
});
export const UpdateBody = Type.Object(ContactFields);

export const ListResponse = Type.Object({
  meta: Type.Object({ count: Nullable(Type.Integer()), current_page: Type.Union([Type.Integer(), Type.String()]) }),
  payload: Type.Array(ContactSchema),
});

export const ContactPayload = Type.Object({ payload: ContactSchema });

export const CreateResponse = Type.Object({
  payload: Type.Object({
    contact: ContactSchema,
    contact_inbox: Type.Object({ inbox: Nullable(FreeObject), source_id: Nullable(Type.String()) }),
  }),
});

/** n8n's untouched `[null]` arrives as no labels: like Chatwoot, that clears them. */
export const LabelsBody = Type.Object({
  labels: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 200 })),
});
export const LabelsResponse = Type.Object({ payload: Type.Array(Type.String()) });

export const DestroyAttributesBody = Type.Object({
  custom_attributes: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 200 }),
});

export const ContactInboxBody = Type.Object({
  inbox_id: Type.Integer({ minimum: 1 }),
  source_id: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  hmac_verified: Type.Optional(Type.Boolean()),
});
export { ContactInboxSchema };
export const ContactableInboxesResponse = Type.Object({
  payload: Type.Array(Type.Object({ source_id: Nullable(Type.String()), inbox: FreeObject })),
});

export const NoteBody = Type.Object({ content: Type.String({ minLength: 1, maxLength: 100_000 }) });
export const NoteSchema = Type.Object({
  id: Type.Integer(),
  content: Type.String(),
  account_id: Nullable(Type.Integer()),
  contact_id: Nullable(Type.Integer()),
  user: Nullable(FreeObject),
  created_at: Type.Integer(),
  updated_at: Type.Integer(),
});
