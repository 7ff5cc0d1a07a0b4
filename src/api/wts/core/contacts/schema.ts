import { Type } from 'typebox';
import { CONTACT_FIELDS } from '../../sessions-app/contact-writes.ts';
import { CONTACT_STATUSES } from '../../sessions-app/contact-list.ts';
import { TAG_OPERATIONS } from '../../../../domain/labels/tag-refs.ts';
import { PageQuery } from '../../page.ts';
import { ContactDetailsQuery } from '../../presenters/contact.ts';
import { FreeObject, Literals, Uuid } from '../../schema.ts';

const Text = (maxLength = 255) => Type.Optional(Type.String({ maxLength }));
const TagRefs = {
  tagIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
  tagNames: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
};
const ContactFields = {
  name: Text(),
  phoneNumber: Text(32),
  email: Text(),
  instagram: Text(),
  annotation: Text(10_000),
  ...TagRefs,
  customFields: Type.Optional(FreeObject),
  metadata: Type.Optional(FreeObject),
};
const Field = Literals(CONTACT_FIELDS);

/** The portfolio the contact goes in (a contact has one), by id or name; an empty list (with `fields` Portfolio) takes it out. */
const PortfolioRefs = {
  portfolioIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
  portfolioNames: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
};
const NotHere = {
  ...PortfolioRefs,
  sequenceIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
};
const CreateOptions = Type.Optional(
  Type.Object({
    upsert: Type.Optional(Type.Boolean()),
    upsertFields: Type.Optional(Type.Array(Field, { maxItems: 20 })),
    upsertTagOperation: Type.Optional(Type.String({ maxLength: 32 })),
    getIfExists: Type.Optional(Type.Boolean()),
  }),
);

/** PublicReqCreateContactIndividualDTO with its options (upsert / getIfExists). */
export const CreateBody = Type.Object({ ...ContactFields, ...NotHere, options: CreateOptions });

/** PublicReqBatchCreateContactV2DTO: up to 100 contacts, saved over existing ones (same phone or email). */
export const BatchBody = Type.Object({
  items: Type.Array(Type.Object({ ...ContactFields, ...NotHere }), { minItems: 1, maxItems: 100 }),
  options: CreateOptions,
});

/** PublicReqUpdateContactDTO: `fields` lists what changes; without it, what the body carries. */
export const UpdateBody = Type.Object({
  fields: Type.Optional(Type.Array(Field, { maxItems: 20 })),
  ...ContactFields,
  ...PortfolioRefs,
  status: Type.Optional(Literals(CONTACT_STATUSES)),
  pictureUrl: Text(2048),
  options: Type.Optional(Type.Object({ tagsOperation: Type.Optional(Literals(TAG_OPERATIONS)) })),
});

/** PublicReqUpdateContactTagDTO. */
export const TagsBody = Type.Object({ ...TagRefs, operation: Type.Optional(Literals(TAG_OPERATIONS)) });

const DateFilter = Type.Optional(
  Type.Object({
    after: Type.Optional(Type.String({ maxLength: 64 })),
    before: Type.Optional(Type.String({ maxLength: 64 })),
  }),
);

/** PublicReqFilterContactDTO: paging in the body. */
export const FilterBody = Type.Object({
  pageNumber: PageQuery.PageNumber,
  pageSize: PageQuery.PageSize,
  orderBy: PageQuery.OrderBy,
  orderDirection: PageQuery.OrderDirection,
  createdAt: DateFilter,
  updatedAt: DateFilter,
  includeDetails: Type.Optional(ContactDetailsQuery),
  status: Type.Optional(Literals(CONTACT_STATUSES)),
  textFilter: Text(),
  name: Text(),
  phoneNumber: Text(32),
  email: Text(),
  instagram: Text(),
  ...TagRefs,
  origin: Type.Optional(Literals(['CREATED_BY_USER', 'CREATED_FROM_HUB', 'IMPORTED'] as const)),
  customFields: Type.Optional(FreeObject),
  metadata: Type.Optional(FreeObject),
});

export const PhoneParams = Type.Object({ phone: Type.String({ minLength: 1, maxLength: 32 }) });
export const IdOrPhoneParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ShowQuery = Type.Object({ IncludeDetails: Type.Optional(ContactDetailsQuery) });
