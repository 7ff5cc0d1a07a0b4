import { randomBytes } from 'node:crypto';
import type { App } from '../types.ts';

/**
 * A per-process secret marking requests the server makes to itself (the MCP tools call the dialects' routes):
 * they were already counted once as the MCP request, so the rate limiter lets them through. Never leaves the process.
 */
export const INTERNAL_CALL_HEADER = 'x-switchboard-internal';
export const INTERNAL_CALL_SECRET = randomBytes(24).toString('hex');

export interface InternalResponse {
  status: number;
  body: unknown;
}

/**
 * One call to our own HTTP API with the MCP caller's token: the same authentication, account membership, policy
 * table, inbox scoping, domain commands and events as the Chatwoot (or WTS) client would get, in process.
 */
export async function callApi(
  app: App,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
): Promise<InternalResponse> {
  const response = await app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      [INTERNAL_CALL_HEADER]: INTERNAL_CALL_SECRET,
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    payload: payload ? JSON.stringify(payload) : undefined,
  });
  const text = response.body;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.statusCode, body };
}
