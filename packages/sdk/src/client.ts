import type { Paths } from './paths.ts';
import type { PAGED_PATHS } from './paths.ts';
import { SwitchboardError } from './errors.ts';
import { isWtsPath, pageParam, readPage, type ItemOf } from './pages.ts';
import { retryDelay, sleep, type RetryOptions } from './retry.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type PathsFor<M extends Method> = { [P in keyof Paths]: M extends keyof Paths[P] ? P : never }[keyof Paths];
export type Operation<P extends keyof Paths, M extends Method> = M extends keyof Paths[P] ? Paths[P][M] : never;
export type PagedPath = (typeof PAGED_PATHS)[number] & PathsFor<'get'>;
export type ResponseOf<P extends keyof Paths, M extends Method> =
  Operation<P, M> extends { response: infer R } ? R : unknown;

/** What one call takes: path parameters (required when the path has any), query and JSON body. */
export type CallOptions<O> = (O extends { path: infer X } ? { path: X } : { path?: undefined }) &
  (O extends { query: infer Q } ? { query?: Partial<Q> } : { query?: undefined }) &
  (O extends { body?: infer B } ? { body?: B } : { body?: undefined }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

type OptionalIfEmpty<O> = O extends { path: unknown } ? [options: CallOptions<O>] : [options?: CallOptions<O>];

export interface ClientOptions {
  /** Where Switchboard answers, e.g. `https://support.example.com`. */
  baseUrl: string;
  /**
   * A user, bot or platform-app token. Chatwoot paths send it as `api_access_token`, WTS paths (`/core`,
   * `/chat`) as `Authorization: Bearer`.
   */
  token?: string;
  /** Any fetch (Node ≥ 20, browsers and edge runtimes have one); defaults to the global. */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Told of every retry before its wait. */
  onRetry?: (retry: { method: Method; path: string; status: number; attempt: number; delayMs: number }) => void;
  headers?: Record<string, string>;
}

function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null)
      throw new TypeError(`Switchboard SDK: path parameter "${name}" is missing for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) params.append(name, String(v));
    else if (value !== undefined && value !== null) params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

/** A typed client for Switchboard's Chatwoot and WTS APIs, with retries and paging. */
export class SwitchboardClient {
  readonly #options: ClientOptions;
  readonly #base: string;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#base = options.baseUrl.replace(/\/+$/, '');
  }

  /** One call of any documented operation; answers the parsed success body or throws SwitchboardError. */
  async request<P extends keyof Paths, M extends Method>(
    method: M,
    path: P,
    ...[options]: OptionalIfEmpty<Operation<P, M>>
  ): Promise<ResponseOf<P, M>> {
    const opts = (options ?? {}) as {
      path?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    };
    const url = this.#base + fillPath(path, opts.path) + queryString(opts.query);
    const headers: Record<string, string> = { accept: 'application/json', ...this.#options.headers, ...opts.headers };
    const { token } = this.#options;
    if (token) {
      if (isWtsPath(path)) headers.authorization = `Bearer ${token}`;
      else headers.api_access_token = token;
    }
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const send = this.#options.fetch ?? globalThis.fetch;
    for (let attempt = 0; ; attempt++) {
      const response = await send(url, { method: method.toUpperCase(), headers, body, signal: opts.signal });
      if (response.ok) return (await parseBody(response)) as ResponseOf<P, M>;
      const delayMs = retryDelay(response, attempt, this.#options.retry);
      if (delayMs === undefined)
        throw new SwitchboardError(
          method,
          path,
          response.status,
          await parseBody(response).catch(() => undefined),
          response.headers,
        );
      await response.body?.cancel();
      this.#options.onRetry?.({ method, path, status: response.status, attempt: attempt + 1, delayMs });
      await sleep(delayMs, opts.signal);
    }
  }

  get<P extends PathsFor<'get'>>(path: P, ...options: OptionalIfEmpty<Operation<P, 'get'>>) {
    return this.request('get', path, ...options);
  }
  post<P extends PathsFor<'post'>>(path: P, ...options: OptionalIfEmpty<Operation<P, 'post'>>) {
    return this.request('post', path, ...options);
  }
  put<P extends PathsFor<'put'>>(path: P, ...options: OptionalIfEmpty<Operation<P, 'put'>>) {
    return this.request('put', path, ...options);
  }
  patch<P extends PathsFor<'patch'>>(path: P, ...options: OptionalIfEmpty<Operation<P, 'patch'>>) {
    return this.request('patch', path, ...options);
  }
  delete<P extends PathsFor<'delete'>>(path: P, ...options: OptionalIfEmpty<Operation<P, 'delete'>>) {
    return this.request('delete', path, ...options);
  }

  /**
   * Every item of a paged list, page after page: `for await (const contact of client.paginate(path, {...}))`.
   * Starts at the query's page (`page` or `PageNumber`, 1 by default) and stops at the last page (WTS's
   * `hasMorePages`), at the total the list reports, at an empty page, or after `maxPages`.
   */
  async *paginate<P extends PagedPath>(
    path: P,
    ...[options]:
      | OptionalIfEmpty<Operation<P, 'get'>>
      | [options: CallOptions<Operation<P, 'get'>> & { maxPages?: number }]
  ): AsyncGenerator<ItemOf<ResponseOf<P, 'get'>>> {
    const opts = (options ?? {}) as { query?: Record<string, unknown>; maxPages?: number };
    const param = pageParam(path);
    let page = Number(opts.query?.[param] ?? 1);
    let seen = 0;
    for (let fetched = 0; fetched < (opts.maxPages ?? Infinity); fetched++, page++) {
      const body = await this.request(
        'get',
        path,
        ...([{ ...options, query: { ...opts.query, [param]: page } }] as unknown as OptionalIfEmpty<
          Operation<P, 'get'>
        >),
      );
      const { items, more, total } = readPage(body);
      for (const item of items) yield item as ItemOf<ResponseOf<P, 'get'>>;
      seen += items.length;
      if (items.length === 0 || more === false || (total !== undefined && more === undefined && seen >= total)) return;
    }
  }
}

export const createClient = (options: ClientOptions) => new SwitchboardClient(options);
