import type { AppError } from '../../errors.ts';

/** Chatwoot's sign-in routes (devise-token-auth) answer errors as `{"success": false, "errors": [...]}`. */
export function deviseErrorBody(error: AppError): unknown {
  return { success: false, errors: [error.message] };
}

/** Chatwoot answers policy denials with 401, not 403: its quirk, kept on its wire only. */
const CHATWOOT_STATUS: Partial<Record<AppError['kind'], number>> = {
  forbidden: 401,
  bot_forbidden: 401,
  not_permissible: 401,
};

/** The HTTP status Chatwoot answers an error with. */
export function chatwootErrorStatus(error: AppError): number {
  return CHATWOOT_STATUS[error.kind] ?? error.status;
}

/** The one place catalogue errors become Chatwoot's error bodies (see wire-shapes §5). */
export function chatwootErrorBody(error: AppError): unknown {
  switch (error.kind) {
    case 'unauthenticated':
      return { errors: [error.message] };
    case 'validation':
      // Switchboard addition: `details` says what is wrong with each attribute when one message covers several.
      return error.attributeMessages
        ? {
            message: error.message,
            attributes: error.attributes,
            details: error.attributes.map((attribute, i) => ({ attribute, message: error.attributeMessages![i] })),
          }
        : { message: error.message, attributes: error.attributes };
    case 'invalid_record':
      return { error: { [error.attributes[0] ?? 'base']: [error.message] } };
    default:
      return { error: error.message };
  }
}

export const CHATWOOT_MESSAGES = {
  unauthenticated: 'You need to sign in or sign up before continuing.',
  invalidToken: 'Invalid Access Token',
  invalidPlatformToken: 'Invalid access_token',
  notMember: 'You are not authorized to access this account',
  botNotMember: 'Bot is not authorized to access this account',
  suspended: 'Account is suspended',
  botForbidden: 'Access to this endpoint is not authorized for bots',
  notPermissible: 'Non permissible resource',
  sessionExpired: 'Your session has expired, sign in again',
  csrfMissing: 'This request must carry the X-CSRF-Token of your session (sign in again if the page is old)',
} as const;
