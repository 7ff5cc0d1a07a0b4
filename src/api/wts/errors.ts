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

export function wtsErrorResponse(error: AppError): { status: number; body: WtsErrorBody } {
  const { status, key } = WTS_ERRORS[error.kind];
  const id = randomUUID();
  return {
    status,
    body: {
      id: { value: id, shortValue: id.slice(0, 8) },
      httpStatusCode: status,
      error: true,
      date: new Date().toISOString(),
      key,
      text: error.message,
      isUnsolvableError: false,
      errors: error.attributes.map((field, i) => ({ field, text: error.attributeMessages?.[i] ?? error.message })),
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
