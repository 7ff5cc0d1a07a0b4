import { Type, type Static } from 'typebox';
import type { PortfolioContactRow, PortfolioRow } from '../../../../domain/portfolios/repository.ts';
import { PageQuery } from '../../page.ts';
import { DateQuery, iso, Literals, Nullable, Uuid } from '../../schema.ts';

/** PublicPortfolioDTO, plus the owner Switchboard routes to: `userId` (an agent) or `departmentId`. */
export const PortfolioSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  active: Type.Boolean(),
  companyId: Type.String(),
  name: Type.String(),
  automaticAttribution: Type.Boolean(),
  expirationDurationInMonths: Nullable(Type.Integer()),
  contactsCount: Nullable(Type.Integer()),
  type: Type.String(),
  departments: Nullable(Type.Array(Type.Object({ departmentId: Type.String(), userIds: Type.Array(Type.String()) }))),
  userId: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
});

export const PORTFOLIO_DETAILS = ['Departments', 'ContactCount'] as const;

export const PortfolioListQuery = Type.Object({
  ...PageQuery,
  IncludeDetails: Type.Optional(Type.Array(Literals(PORTFOLIO_DETAILS), { maxItems: 5 })),
  'CreatedAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
});

/** Beyond WTS (which manages portfolios in its dashboard only): an administrator's create and update. */
export const PortfolioBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  userId: Type.Optional(Nullable(Uuid)),
  departmentId: Type.Optional(Nullable(Uuid)),
});
export const PortfolioUpdateBody = Type.Partial(PortfolioBody);

/** PublicRequestContactPortfolioDTO. */
export const PortfolioContactBody = Type.Object({
  contactId: Type.Optional(Nullable(Uuid)),
  phoneNumber: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
});

/** PublicRequestContactsPortfolioDTO: the contacts by id and/or phone number. */
export const PortfolioContactsBody = Type.Object({
  // Lists stay plain arrays (a `null` is dropped as "not given" by the dialect's input reader).
  contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 1000 })),
  phoneNumbers: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 1000 })),
});

/** The contacts list takes WTS's `Page` (its own name here) as well as the dialect's `PageNumber`. */
export const PortfolioContactsQuery = Type.Object({
  ...PageQuery,
  Page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  ContactIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
});

export const PortfolioContactSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  active: Type.Boolean(),
  companyId: Type.String(),
  portfolioId: Type.String(),
  contactId: Type.String(),
  contactDetails: Type.Object({
    id: Type.String(),
    name: Nullable(Type.String()),
    phonenumber: Nullable(Type.String()),
    phonenumberFormatted: Nullable(Type.String()),
    instagram: Nullable(Type.String()),
    nameMessenger: Nullable(Type.String()),
    email: Nullable(Type.String()),
    annotation: Nullable(Type.String()),
  }),
});

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

export function presentPortfolio(
  p: PortfolioRow,
  companyId: string,
  details: ReadonlySet<string>,
): Static<typeof PortfolioSchema> {
  return {
    id: p.uuid,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    active: true,
    companyId,
    name: p.name,
    automaticAttribution: Boolean(p.user_uuid || p.team_uuid),
    expirationDurationInMonths: null,
    contactsCount: details.has('ContactCount') ? p.contacts_count : null,
    type: p.team_uuid ? 'MULTIPLE' : 'SINGLE',
    departments: details.has('Departments') ? (p.team_uuid ? [{ departmentId: p.team_uuid, userIds: [] }] : []) : null,
    userId: p.user_uuid,
    departmentId: p.team_uuid,
  };
}

export function presentPortfolioContact(
  row: PortfolioContactRow,
  companyId: string,
): Static<typeof PortfolioContactSchema> {
  const attrs = (row.additional_attributes ?? {}) as Record<string, any>;
  return {
    id: row.uuid,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    active: true,
    companyId,
    portfolioId: row.portfolio_uuid,
    contactId: row.contact_uuid,
    contactDetails: {
      id: row.contact_uuid,
      name: text(row.name),
      phonenumber: row.phone_number,
      phonenumberFormatted: row.phone_number,
      instagram: text(attrs.social_profiles?.instagram),
      nameMessenger: null,
      email: row.email,
      annotation: text(attrs.description),
    },
  };
}
