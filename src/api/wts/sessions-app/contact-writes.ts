import { sql } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import type { Contact } from '../../../db/types.ts';
import { AppError, validation } from '../../../errors.ts';
import { createContact, saveContact } from '../../../domain/contacts/commands.ts';
import { getContact } from '../../../domain/contacts/repository.ts';
import { cleanContactFields } from '../../../domain/contacts/validation.ts';
import { listDefinitions } from '../../../domain/custom_attributes/repository.ts';
import { portfolioNamed, setContactPortfolio } from '../../../domain/portfolios/commands.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { applyTagOperation, resolveTags, type TagOperation } from '../../../domain/labels/tag-refs.ts';

/** The WTS contact fields (`PublicReqCreateContactDTO` / `PublicReqUpdateContactDTO`). */
export interface WtsContactInput {
  name?: string;
  phoneNumber?: string;
  email?: string;
  instagram?: string;
  annotation?: string;
  pictureUrl?: string;
  status?: 'ACTIVE' | 'ARCHIVED' | 'BLOCKED';
  tagIds?: string[];
  tagNames?: string[];
  customFields?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** The portfolio the contact goes in (one: a contact has one owner), by id or by name. */
  portfolioIds?: string[];
  portfolioNames?: string[];
}

export const CONTACT_FIELDS = [
  'Name',
  'PhoneNumber',
  'Email',
  'Instagram',
  'Annotation',
  'Tags',
  'Status',
  'CustomFields',
  'PictureUrl',
  'Portfolio',
  'SequenceIds',
  'Utm',
  'Metadata',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
const UNSUPPORTED: readonly ContactField[] = ['SequenceIds', 'Utm'];

/** Which fields a body without `fields` changes: the ones it carries. */
function fieldsGiven(input: WtsContactInput): ContactField[] {
  const given: [ContactField, unknown][] = [
    ['Name', input.name],
    ['PhoneNumber', input.phoneNumber],
    ['Email', input.email],
    ['Instagram', input.instagram],
    ['Annotation', input.annotation],
    ['PictureUrl', input.pictureUrl],
    ['Status', input.status],
    ['Tags', input.tagIds ?? input.tagNames],
    ['CustomFields', input.customFields],
    ['Metadata', input.metadata],
    ['Portfolio', input.portfolioIds ?? input.portfolioNames],
  ];
  return given.filter(([, value]) => value !== undefined).map(([field]) => field);
}

/** WTS phone numbers come in any formatting; we store E.164. */
export function phoneOf(value: string | undefined, field = 'phoneNumber'): string | null {
  if (!value?.trim()) return null;
  try {
    return cleanContactFields({ phone_number: `+${value.replace(/\D/g, '')}` }).phone_number ?? null;
  } catch {
    throw validation(`${field} ${value} is not a valid phone number`, [field]);
  }
}

/** Custom field values for defined contact fields only: WTS ignores keys that name no field. */
async function definedFieldValues(
  db: Db,
  accountId: number,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const keys = new Set((await listDefinitions(db, accountId, 'contact_attribute')).map((d) => d.attribute_key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));
}

/** Metadata semantics: keys are added or replaced, a null value removes its key. */
function mergeValues(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The column values the listed fields set on `current` (a new contact's current is empty). */
async function columnsFor(
  db: Db,
  accountId: number,
  current: Contact | undefined,
  input: WtsContactInput,
  fields: readonly ContactField[],
  tagOperation: TagOperation,
) {
  const unsupported = fields.filter((f) => UNSUPPORTED.includes(f));
  if (unsupported.length)
    throw validation(`fields ${unsupported.join(', ')} cannot be changed here (no sequences or UTM)`, ['fields']);
  if (fields.includes('Status') && input.status === 'ARCHIVED')
    throw validation('status ARCHIVED is not supported: use ACTIVE or BLOCKED', ['status']);
  const has = (field: ContactField) => fields.includes(field);
  const additional = { ...((current?.additional_attributes ?? {}) as Record<string, any>) };
  if (has('Annotation')) additional.description = input.annotation ?? null;
  if (has('Instagram'))
    additional.social_profiles = {
      ...(additional.social_profiles ?? {}),
      instagram: input.instagram?.replace(/^@/, '') ?? null,
    };
  let custom = (current?.custom_attributes ?? {}) as Record<string, unknown>;
  if (has('CustomFields') && input.customFields)
    custom = mergeValues(custom, await definedFieldValues(db, accountId, input.customFields));
  if (has('Metadata') && input.metadata) custom = mergeValues(custom, input.metadata);
  const values: Record<string, unknown> = {
    ...(has('Name') ? { name: input.name?.trim() ?? '' } : {}),
    ...(has('PhoneNumber') ? { phone_number: phoneOf(input.phoneNumber) } : {}),
    ...(has('Email') ? { email: cleanContactFields({ email: input.email ?? null }).email ?? null } : {}),
    ...(has('PictureUrl') ? { avatar_url: input.pictureUrl || null } : {}),
    ...(has('Status') && input.status ? { blocked: input.status === 'BLOCKED' } : {}),
    ...(has('Annotation') || has('Instagram') ? { additional_attributes: additional } : {}),
    ...(has('CustomFields') || has('Metadata') ? { custom_attributes: custom } : {}),
  };
  if (has('Tags'))
    values.labels = applyTagOperation(current?.labels ?? [], await resolveTags(db, accountId, input), tagOperation);
  return values;
}

/** The portfolio the listed fields put the contact in: `undefined` when they leave it alone, `null` for none. */
async function portfolioFor(
  db: Db,
  accountId: number,
  input: WtsContactInput,
  fields: readonly ContactField[],
): Promise<number | null | undefined> {
  if (!fields.includes('Portfolio')) return undefined;
  return portfolioNamed(
    db,
    accountId,
    { ids: input.portfolioIds, names: input.portfolioNames },
    { ids: 'portfolioIds', names: 'portfolioNames' },
  );
}

/** Changes the fields `fields` lists (or, without it, the fields the body carries) on a contact. */
export async function updateWtsContact(
  db: Db,
  accountId: number,
  contactId: number,
  input: WtsContactInput,
  options: { fields?: readonly ContactField[]; tagOperation?: TagOperation } = {},
): Promise<Contact> {
  const current = await getContact(db, accountId, contactId);
  const fields = options.fields ?? fieldsGiven(input);
  const values = await columnsFor(db, accountId, current, input, fields, options.tagOperation ?? 'InsertIfNotExists');
  const portfolio = await portfolioFor(db, accountId, input, fields);
  return inTransaction(db, async (trx) => {
    const saved = Object.keys(values).length ? await saveContact(trx, current, values) : current;
    if (portfolio !== undefined) await setContactPortfolio(trx, accountId, saved.id, portfolio);
    return saved;
  });
}

/** The contact with the same phone number, else the same email, if the company has one. */
async function existingContact(db: Db, accountId: number, input: WtsContactInput): Promise<Contact | undefined> {
  const phone = phoneOf(input.phoneNumber);
  const email = input.email?.trim() ? cleanContactFields({ email: input.email }).email : null;
  if (!phone && !email) return undefined;
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) =>
      eb.or([...(phone ? [eb('phone_number', '=', phone)] : []), ...(email ? [eb('email', '=', email)] : [])]),
    )
    .orderBy(sql`(phone_number IS NOT DISTINCT FROM ${phone}) DESC`)
    .orderBy('id')
    .executeTakeFirst();
}

export interface CreateOptions {
  upsert?: boolean;
  upsertFields?: ContactField[];
  upsertTagOperation?: string;
  getIfExists?: boolean;
}

const TAG_OPERATION_NAMES: Record<string, TagOperation> = {
  INSERTIFNOTEXISTS: 'InsertIfNotExists',
  DELETEIFEXISTS: 'DeleteIfExists',
  REPLACEALL: 'ReplaceAll',
};

/**
 * WTS contact creation. A contact with the same phone number or email is a conflict unless the options say
 * otherwise: `getIfExists` answers it unchanged, `upsert` updates it (the `upsertFields`, or every field
 * given; tags by `upsertTagOperation`, ReplaceAll by default). Answers the contact and whether it is new.
 */
export async function createWtsContact(
  db: Db,
  accountId: number,
  input: WtsContactInput,
  options: CreateOptions = {},
): Promise<{ contact: Contact; created: boolean }> {
  const existing = await existingContact(db, accountId, input);
  if (existing) {
    if (options.getIfExists) return { contact: existing, created: false };
    if (options.upsert) {
      const tagOperation = TAG_OPERATION_NAMES[(options.upsertTagOperation ?? 'REPLACEALL').toUpperCase()];
      if (!tagOperation)
        throw validation(`options.upsertTagOperation must be one of: InsertIfNotExists, DeleteIfExists, ReplaceAll`, [
          'options.upsertTagOperation',
        ]);
      const fields = options.upsertFields?.length ? options.upsertFields : fieldsGiven(input);
      return {
        contact: await updateWtsContact(db, accountId, existing.id, input, { fields, tagOperation }),
        created: false,
      };
    }
    const field =
      existing.phone_number && existing.phone_number === phoneOf(input.phoneNumber) ? 'phoneNumber' : 'email';
    throw validation(
      `A contact with this ${field} already exists: send options.upsert or options.getIfExists to use it`,
      [field],
    );
  }
  const values = await columnsFor(db, accountId, undefined, input, fieldsGiven(input), 'ReplaceAll');
  const portfolio = await portfolioFor(db, accountId, input, fieldsGiven(input));
  const { labels, ...columns } = values as Record<string, unknown> & { labels?: string[] };
  return inTransaction(db, async (trx) => {
    const { contact } = await createContact(trx, accountId, columns as never);
    if (portfolio) await setContactPortfolio(trx, accountId, contact.id, portfolio);
    // Chatwoot's contact create takes no labels: the tags are a second, recorded change.
    return { contact: labels?.length ? await saveContact(trx, contact, { labels }) : contact, created: true };
  });
}

/**
 * Saves up to 100 contacts (WTS's batch): each one new, or the existing contact with its phone number or email
 * updated (unless `getIfExists`). Every item is checked before any is saved, so a bad item (its error names
 * `items[i].field`) saves none. Answers the contacts in the items' order.
 */
export async function saveWtsContacts(
  db: Db,
  accountId: number,
  items: WtsContactInput[],
  options: CreateOptions = {},
): Promise<Contact[]> {
  for (const [i, item] of items.entries()) {
    try {
      await columnsFor(db, accountId, undefined, item, fieldsGiven(item), 'ReplaceAll');
      await portfolioFor(db, accountId, item, fieldsGiven(item));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = error.attributes[0] ?? 'item';
      throw validation(`items[${i}]: ${error.message}`, [`items[${i}].${field}`]);
    }
  }
  return inTransaction(db, async (trx) => {
    const saved: Contact[] = [];
    for (const item of items)
      saved.push((await createWtsContact(trx, accountId, item, { upsert: true, ...options })).contact);
    return saved;
  });
}
