import crypto from 'node:crypto';
import type { Inbox } from '../../db/types.ts';

/** What a widget's X-Auth-Token says, as Chatwoot's widget token does: which contact inbox it speaks for. */
export interface WidgetTokenClaims {
  source_id: string;
  inbox_id: number;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function sign(inbox: Pick<Inbox, 'hmac_token'>, unsigned: string): string {
  return crypto.createHmac('sha256', inbox.hmac_token).update(unsigned).digest('base64url');
}

/** A JWT (HS256) signed with the inbox's own secret, so a token is good for its inbox only. */
export function issueWidgetToken(inbox: Pick<Inbox, 'id' | 'hmac_token'>, sourceId: string): string {
  const unsigned = `${HEADER}.${base64url(JSON.stringify({ source_id: sourceId, inbox_id: inbox.id, iat: Math.floor(Date.now() / 1000) }))}`;
  return `${unsigned}.${sign(inbox, unsigned)}`;
}

/** The claims of a token issued for this inbox, or undefined for anything else (forged, other inbox, garbage). */
export function verifyWidgetToken(
  inbox: Pick<Inbox, 'id' | 'hmac_token'>,
  token: string | undefined,
): WidgetTokenClaims | undefined {
  const [header, payload, signature] = (token ?? '').split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = Buffer.from(sign(inbox, `${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Partial<WidgetTokenClaims>;
    if (typeof claims.source_id !== 'string' || claims.inbox_id !== inbox.id) return undefined;
    return { source_id: claims.source_id, inbox_id: claims.inbox_id };
  } catch {
    return undefined;
  }
}
