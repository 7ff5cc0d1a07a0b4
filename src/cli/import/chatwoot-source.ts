// Reading an account out of a running Chatwoot (or anything speaking its Application API) with a user token.
import { Readable } from 'node:stream';

export interface SourceOptions {
  url: string;
  token: string;
  accountId: number;
  /** Tests and benches pass their own; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export class SourceError extends Error {}

// Chatwoot pages: contacts 15, conversations 25, messages 20 older per `before`.
const MAX_PAGES = 100_000;

export class ChatwootSource {
  readonly base: string;
  readonly accountPath: string;
  readonly #token: string;
  readonly #fetch: typeof fetch;

  constructor(options: SourceOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.accountPath = `/api/v1/accounts/${options.accountId}`;
    this.#token = options.token;
    this.#fetch = options.fetch ?? fetch;
  }

  /** Names the source in import_mappings: the same installation and account resumes the same import. */
  get key(): string {
    return `${this.base}${this.accountPath}`;
  }

  async #get(path: string, query: Record<string, string | number> = {}): Promise<any> {
    const url = new URL(this.base + this.accountPath + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const response = await this.#request(url);
    const text = await response.text();
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      throw new SourceError(`GET ${url.pathname} answered something that is not JSON`);
    }
  }

  async #request(url: URL, redirects = 5): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.#fetch(url, {
          headers: { api_access_token: this.#token, accept: 'application/json' },
          redirect: redirects ? 'follow' : 'manual',
        });
      } catch (error) {
        if (attempt < 3) continue;
        throw new SourceError(`Cannot reach ${url.origin}: ${(error as Error).message}`);
      }
      if (response.ok) return response;
      if ((response.status === 429 || response.status >= 500) && attempt < 4) {
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt * attempt));
        continue;
      }
      const hint = response.status === 401 ? ' (is the token a user access token of that account?)' : '';
      throw new SourceError(`GET ${url.pathname} answered ${response.status}${hint}`);
    }
  }

  async account(): Promise<{ name?: string }> {
    return (await this.#get('')) ?? {};
  }

  async inboxes(): Promise<any[]> {
    return (await this.#get('/inboxes'))?.payload ?? [];
  }

  async agents(): Promise<any[]> {
    return (await this.#get('/agents')) ?? [];
  }

  async teams(): Promise<any[]> {
    return (await this.#get('/teams')) ?? [];
  }

  async teamMembers(teamId: number): Promise<any[]> {
    return (await this.#get(`/teams/${teamId}/team_members`)) ?? [];
  }

  async inboxMembers(inboxId: number): Promise<any[]> {
    return (await this.#get(`/inbox_members/${inboxId}`))?.payload ?? [];
  }

  async labels(): Promise<any[]> {
    return (await this.#get('/labels'))?.payload ?? [];
  }

  async customAttributeDefinitions(): Promise<any[]> {
    const [contact, conversation] = await Promise.all([
      this.#get('/custom_attribute_definitions', { attribute_model: 1 }),
      this.#get('/custom_attribute_definitions', { attribute_model: 0 }),
    ]);
    const seen = new Set<number>();
    return [...(conversation ?? []), ...(contact ?? [])].filter((row) => !seen.has(row.id) && seen.add(row.id));
  }

  async cannedResponses(): Promise<any[]> {
    return (await this.#get('/canned_responses')) ?? [];
  }

  /** One contact with its contact inboxes. */
  async contact(id: number): Promise<any> {
    return (await this.#get(`/contacts/${id}`, { include_contact_inboxes: 'true' }))?.payload;
  }

  /** Contacts page by page (15 each), with their contact inboxes. */
  async *contacts(): AsyncGenerator<any[]> {
    for (let page = 1; page < MAX_PAGES; page++) {
      const body = await this.#get('/contacts', { page, include_contact_inboxes: 'true', sort: 'created_at' });
      const rows: any[] = body?.payload ?? [];
      if (!rows.length) return;
      yield rows;
    }
  }

  /** Conversations of every status, page by page (25 each), oldest activity last. */
  async *conversations(): AsyncGenerator<any[]> {
    for (let page = 1; page < MAX_PAGES; page++) {
      const body = await this.#get('/conversations', {
        status: 'all',
        assignee_type: 'all',
        page,
        sort_by: 'created_at_asc',
      });
      const rows: any[] = body?.data?.payload ?? [];
      if (!rows.length) return;
      yield rows;
    }
  }

  /** Every message of a conversation, oldest first: the latest 20, then 20 older per `before` cursor. */
  async messages(conversationDisplayId: number): Promise<any[]> {
    const all: any[] = [];
    let before: number | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.#get(`/conversations/${conversationDisplayId}/messages`, before ? { before } : {});
      const rows: any[] = body?.payload ?? [];
      if (!rows.length) break;
      all.push(...rows);
      const oldest = Math.min(...rows.map((row) => Number(row.id)));
      if (before !== undefined && oldest >= before) break;
      before = oldest;
    }
    const seen = new Set<number>();
    return all.filter((row) => !seen.has(row.id) && seen.add(row.id)).sort((a, b) => a.id - b.id);
  }

  /**
   * An attachment's bytes from its data_url (an app URL that redirects to storage), as a stream. Redirects are
   * followed by hand so the token goes to the source's own origin only, never to a storage host.
   */
  async download(dataUrl: string): Promise<{ body: Readable; contentType?: string }> {
    let url = new URL(dataUrl, this.base);
    for (let hop = 0; hop < 5; hop++) {
      const sameOrigin = url.origin === new URL(this.base).origin;
      const response = await this.#fetch(url, {
        headers: sameOrigin ? { api_access_token: this.#token } : {},
        redirect: 'manual',
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new SourceError(`Attachment ${url.pathname} answered ${response.status}`);
      }
      return {
        body: Readable.fromWeb(response.body as any),
        contentType: response.headers.get('content-type') ?? undefined,
      };
    }
    throw new SourceError(`Attachment ${dataUrl} redirects too often`);
  }
}
