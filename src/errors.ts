/**
 * The one error catalogue. Every failure a client can see is one of these kinds; each dialect maps
 * kinds to its own error body in exactly one place (api/<dialect>/errors.ts).
 */
import { isStalePlan } from './db/prepared.ts';
export const ERROR_KINDS = {
  bad_request: 400,
  unauthenticated: 401,
  invalid_token: 401,
  not_account_member: 401,
  account_suspended: 401,
  forbidden: 403,
  bot_forbidden: 403,
  not_permissible: 403,
  operation_not_allowed: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  unprocessable: 422,
  /** A record failing its model's validation, answered per attribute (Chatwoot: {error: {attribute: [message]}}). */
  invalid_record: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** Fields the error is about, e.g. ["email"] for a duplicate email. */
  readonly attributes: string[];

  /** For rate_limited: when the client may try again (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  /** What is wrong with each of `attributes` (same order), when the message covers several; else the message serves. */
  readonly attributeMessages: string[] | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    attributes: string[] = [],
    options: { retryAfterSeconds?: number; attributeMessages?: string[] } = {},
  ) {
    super(message);
    this.kind = kind;
    this.attributes = attributes;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.attributeMessages = options.attributeMessages;
  }

  get status(): number {
    return ERROR_KINDS[this.kind];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} could not be found`);
export const validation = (message: string, attributes: string[] = [], attributeMessages?: string[]) =>
  new AppError('validation', message, attributes, { attributeMessages });
export const unprocessable = (message: string, attributes: string[] = []) =>
  new AppError('unprocessable', message, attributes);
/** A Rails-style model error: `attribute` is the field the message is about (conditions, actions, ...). */
export const invalidRecord = (attribute: string, message: string) =>
  new AppError('invalid_record', message, [attribute]);
export const forbidden = () => new AppError('forbidden', 'You are not authorized to do this action');

/** Unique constraints by name → the field they protect and the sentence a user reads. */
const UNIQUE_CONSTRAINTS: Record<string, { field: string; message: string }> = {
  users_email_key: { field: 'email', message: 'Email has already been taken' },
  contacts_email_key: { field: 'email', message: 'Email has already been taken' },
  contacts_phone_key: { field: 'phone_number', message: 'Phone number has already been taken' },
  contacts_identifier_key: { field: 'identifier', message: 'Identifier has already been taken' },
  contact_inboxes_inbox_id_source_id_key: { field: 'source_id', message: 'Source has already been taken' },
  teams_account_id_name_key: { field: 'name', message: 'Name has already been taken' },
  labels_account_id_title_key: { field: 'title', message: 'Title has already been taken' },
  canned_responses_account_id_short_code_key: { field: 'short_code', message: 'Short code has already been taken' },
  custom_attribute_definitions_account_id_attribute_model_attribute_key_key: {
    field: 'attribute_key',
    message: 'Attribute key has already been taken',
  },
  // PostgreSQL truncates generated names to 63 characters: this is the name the constraint above really has.
  custom_attribute_definitions_account_id_attribute_model_att_key: {
    field: 'attribute_key',
    message: 'Attribute key has already been taken',
  },
  account_users_account_id_user_id_key: { field: 'user_id', message: 'User has already been added to this account' },
  inbox_members_inbox_id_user_id_key: { field: 'user_id', message: 'User is already a member of this inbox' },
  webhooks_account_id_url_key: { field: 'url', message: 'Url has already been taken' },
  team_members_team_id_user_id_key: { field: 'user_id', message: 'User is already a member of this team' },
  portals_slug_key: { field: 'slug', message: 'Slug has already been taken' },
  portals_custom_domain_key: { field: 'custom_domain', message: 'Custom domain has already been taken' },
  portal_categories_portal_locale_slug_key: {
    field: 'slug',
    message: 'Slug has already been taken in this portal and locale',
  },
  portal_articles_portal_slug_key: { field: 'slug', message: 'Slug has already been taken in this portal' },
};

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  message: string;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '53300',
]);

/** Turns a PostgreSQL or connection error into a catalogue error; anything else stays internal. */
export function translateError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const pgError = error as PgError;
  const code = pgError?.code;
  if (code === '23505') {
    const known = pgError.constraint ? UNIQUE_CONSTRAINTS[pgError.constraint] : undefined;
    return known ? validation(known.message, [known.field]) : validation('Record has already been taken');
  }
  if (code === '23503') return validation('Referenced record does not exist');
  if (code === '23502')
    return validation(`${pgError.column ?? 'A required field'} can't be blank`, pgError.column ? [pgError.column] : []);
  if (code === '23514') return validation('A value is not allowed');
  if (code === '22001') return validation('A value is too long');
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22023') {
    return validation('A value is malformed');
  }
  if (code === '54000') return validation('A value is too large');
  // NUL (\u0000) is valid JSON but PostgreSQL text and jsonb cannot store it.
  if (code === '22021' || code === '22P05')
    return validation('A value contains a character that cannot be stored (NUL)');
  if (code === '54001') return validation('A value is nested too deeply');
  if (code && CONNECTION_ERRORS.has(code))
    return new AppError('unavailable', 'The database is unavailable, try again shortly');
  if (code === '40P01' || code === '40001')
    return new AppError('unavailable', 'The change met a concurrent one, try again');
  // A prepared statement met a table a newer process just migrated; the statement is prepared afresh next time.
  if (isStalePlan(error))
    return new AppError('unavailable', 'The database schema changed under this request, try again');
  // pg's own wording for a connection lost mid-request, e.g. between two statements of a transaction.
  if (
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable/i.test(
      pgError?.message ?? '',
    )
  ) {
    return new AppError('unavailable', 'The database is unavailable, try again shortly');
  }
  return new AppError('internal', 'Internal server error');
}
