import { randomUUID } from 'node:crypto';
import type { AppError, ErrorKind } from '../../errors.ts';

/**
 * The one place catalogue errors become WTS error bodies.
 *
 * Shape: WTS answers every error (4xx and 5xx) with its `InternalException` envelope
 *   {id: {value, shortValue}, httpStatusCode, error: true, date, key, text, isUnsolvableError}
 * (flwchat reference, "Envelope de erro"); the WTS n8n node shows `response.data.text` to the user, so
 * `text` always carries the readable message. We add `errors: [{field, text}]` naming the offending
 * fields of a validation error, which WTS clients ignore.
 *
 * Statuses follow WTS, not Chatwoot's quirks: invalid input is 400 (WTS documents no 422), a policy
 * denial is 403 (Chatwoot says 401), a missing or unknown token 401.
 */
const WTS_ERRORS: Record<ErrorKind, { status: number; key: string }> = {
  bad_request: { status: 400, key: 'ERROR_BAD_REQUEST' },
  validation: { status: 400, key: 'ERROR_VALIDATION' },
  unprocessable: { status: 400, key: 'ERROR_VALIDATION' },
  invalid_record: { status: 400, key: 'ERROR_VALIDATION' },
  unauthenticated: { status: 401, key: 'ERROR_UNAUTHORIZED' },
  invalid_token: { status: 401, key: 'ERROR_UNAUTHORIZED' },
  not_account_member: { status: 401, key: 'ERROR_UNAUTHORIZED' },
  account_suspended: { status: 401, key: 'ERROR_UNAUTHORIZED' },
  forbidden: { status: 403, key: 'ERROR_FORBIDDEN' },
  bot_forbidden: { status: 403, key: 'ERROR_FORBIDDEN' },
  not_permissible: { status: 403, key: 'ERROR_FORBIDDEN' },
  operation_not_allowed: { status: 403, key: 'ERROR_FORBIDDEN' },
  not_found: { status: 404, key: 'ERROR_NOT_FOUND' },
  payload_too_large: { status: 413, key: 'ERROR_PAYLOAD_TOO_LARGE' },
  unsupported_media_type: { status: 415, key: 'ERROR_UNSUPPORTED_MEDIA_TYPE' },
  rate_limited: { status: 429, key: 'ERROR_TOO_MANY_REQUESTS' },
  unavailable: { status: 503, key: 'ERROR_SERVICE_UNAVAILABLE' },
  internal: { status: 500, key: 'ERROR_INTERNAL' },
};

export interface WtsErrorBody {
  id: { value: string; shortValue: string };
  httpStatusCode: number;
  error: true;
  date: string;
  key: string;
  text: string;
  isUnsolvableError: boolean;
  errors: { field: string; text: string }[];
}

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
/** Keys under these are the account's own (custom field keys, metadata keys): they keep their spelling. */
const FREE_KEYS = new Set([
  'customFields',
  'metadata',
  'custom_attributes',
  'additional_attributes',
  'parameters',
  'sessionMetadata',
  'contactMetadata',
]);

/** `contact_id` → `contactId`, `items[0].phone_number` → `items[0].phoneNumber`: WTS names fields in camelCase. */
export function wtsFieldName(name: string): string {
  const segments = name.split('.');
  return segments
    .map((segment, i) =>
      SNAKE.test(segment) && !FREE_KEYS.has(segments[i - 1]?.replace(/\[\d+\]$/, '') ?? '')
        ? segment.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
        : segment,
    )
    .join('.');
}

/** Rails' full-message endings (the Chatwoot dialect's wording, which the domain shares) and WTS's plain ones. */
const RAILS_ENDINGS: [RegExp, string][] = [
  [/ can't be blank$/, ' is required'],
  [/ has already been taken$/, ' is already in use'],
];

/**
 * A catalogue message as WTS clients read it. Domain errors are worded once, in Rails' style where Chatwoot
 * clients expect it ("Name can't be blank", attributes like `contact_id`); WTS clients get the field's own
 * camelCase name and a plain sentence ("name is required"). Messages already written for WTS pass unchanged.
 */
export function wtsErrorText(message: string, attributes: readonly string[]): string {
  let text = message;
  for (const [ending, plain] of RAILS_ENDINGS) {
    if (!ending.test(text)) continue;
    // Rails prefixes the humanized attribute ("Phone number can't be blank"): name the field instead.
    const subject = text.replace(ending, '');
    const field =
      attributes.find((a) => a.replace(/_/g, ' ').toLowerCase() === subject.toLowerCase()) ??
      (attributes.length === 1 ? attributes[0] : undefined);
    text = (field ? wtsFieldName(field) : subject) + plain;
  }
  // Any snake_case attribute the message names is written as WTS names it.
  for (const attribute of attributes) {
    const wts = wtsFieldName(attribute);
    if (wts !== attribute) text = text.split(attribute).join(wts);
  }
  return text;
}

export function wtsErrorResponse(error: AppError): { status: number; body: WtsErrorBody } {
  const { status, key } = WTS_ERRORS[error.kind];
  const id = randomUUID();
  const text = wtsErrorText(error.message, error.attributes);
  return {
    status,
    body: {
      id: { value: id, shortValue: id.slice(0, 8) },
      httpStatusCode: status,
      error: true,
      date: new Date().toISOString(),
      key,
      text,
      isUnsolvableError: false,
      errors: error.attributes.map((field, i) => ({
        field: wtsFieldName(field),
        text: error.attributeMessages?.[i] ? wtsErrorText(error.attributeMessages[i], [field]) : text,
      })),
    },
  };
}

export const WTS_MESSAGES = {
  unauthenticated: 'Access denied: send the API token in the Authorization header',
  invalidToken: 'Access denied: the API token is invalid or revoked',
  noCompany: 'Access denied: the token’s user belongs to no company',
  suspended: 'Access denied: the company is suspended',
  forbidden: 'You are not allowed to do this',
} as const;
