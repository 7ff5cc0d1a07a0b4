import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
  IDataObject,
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestMethods,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  JsonObject,
} from 'n8n-workflow';

export type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;
export type Query = Record<string, string | number | boolean | string[] | undefined>;

export const CREDENTIAL = 'switchboardApi';

async function baseUrl(ctx: Context): Promise<string> {
  const credentials = await ctx.getCredentials(CREDENTIAL);
  return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

/** Drops empty values so a field left blank in the node is not sent at all. */
function compact(query: Query | undefined): IDataObject | undefined {
  if (!query) return undefined;
  const out: IDataObject = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** The readable message of an error body: WTS's `text`, Chatwoot's `message` / `error` / `errors`. */
export function errorText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.text === 'string') return b.text;
  if (typeof b.message === 'string') return b.message;
  if (typeof b.error === 'string') return b.error;
  if (Array.isArray(b.errors)) return b.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(', ');
  return undefined;
}

/**
 * One authenticated request to Switchboard. Repeated query keys for arrays (`Status=A&Status=B`), as the WTS
 * n8n node sends them; a non-2xx answer becomes a NodeApiError carrying the server's own message.
 */
export async function request(
  ctx: Context,
  method: IHttpRequestMethods,
  path: string,
  options: { qs?: Query; body?: unknown } = {},
): Promise<any> {
  const req: IHttpRequestOptions = {
    method,
    url: (await baseUrl(ctx)) + path,
    qs: compact(options.qs),
    arrayFormat: 'repeat',
    json: true,
    returnFullResponse: true,
    ignoreHttpStatusErrors: true,
  };
  if (options.body !== undefined) req.body = options.body as IDataObject;
  const response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL, req);
  const status = Number(response.statusCode);
  if (status >= 200 && status < 300) return response.body === '' ? {} : response.body;
  const body =
    typeof response.body === 'object' && response.body !== null
      ? (response.body as JsonObject)
      : { body: String(response.body ?? '') };
  throw new NodeApiError(ctx.getNode(), body, {
    message: errorText(response.body) ?? `Switchboard answered ${status}`,
    httpCode: String(status),
  });
}

/** The Chatwoot dialect's account id: the credential's, or the token's own account (`/api/v1/profile`). */
export async function accountId(ctx: Context): Promise<number> {
  const credentials = await ctx.getCredentials(CREDENTIAL);
  const fixed = Number(credentials.accountId ?? 0);
  if (fixed > 0) return fixed;
  const profile = await request(ctx, 'GET', '/api/v1/profile');
  if (!profile?.account_id)
    throw new NodeOperationError(
      ctx.getNode(),
      'Set the Account ID in the credential: the token belongs to no account',
    );
  return Number(profile.account_id);
}

/** `/api/v1/accounts/<id><path>` in the credential's account. */
export async function accountRequest(
  ctx: Context,
  method: IHttpRequestMethods,
  path: string,
  options: { qs?: Query; body?: unknown } = {},
): Promise<any> {
  return request(ctx, method, `/api/v1/accounts/${await accountId(ctx)}${path}`, options);
}

/** Every item of a WTS page envelope `{items, hasMorePages, …}`, walking PageNumber up to `maxPages`. */
export async function wtsPages(ctx: Context, path: string, qs: Query, maxPages: number): Promise<IDataObject[]> {
  const items: IDataObject[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const envelope = await request(ctx, 'GET', path, { qs: { ...qs, PageNumber: page } });
    items.push(...((envelope.items ?? []) as IDataObject[]));
    if (!envelope.hasMorePages) break;
  }
  return items;
}
