import { expect } from 'vitest';
import type { TestContext } from '../helpers/context.ts';
import { wtsFixture } from '../helpers/wts-fixture.ts';

/** One conversation as both dialects must agree on it, in neither dialect's words. */
export interface NeutralState {
  status: 'open' | 'pending' | 'resolved';
  assigneeId: number | null;
  teamId: number | null;
  lastMessage: { content: string; outgoing: boolean; private: boolean } | null;
  contactLabels: string[];
}

/** The operations both dialects expose, each in its own dialect's requests; ids are the store's. */
export interface Dialect {
  name: 'Chatwoot' | 'WTS';
  /** Starts a conversation with the contact, with a first outgoing message. */
  open(contactId: number, text: string): Promise<number>;
  /** The conversations this dialect lists for the account (all statuses). */
  list(): Promise<number[]>;
  setStatus(conversationId: number, status: 'open' | 'resolved'): Promise<void>;
  assign(conversationId: number, userId: number): Promise<void>;
  transfer(conversationId: number, teamId: number): Promise<void>;
  message(conversationId: number, text: string): Promise<void>;
  note(conversationId: number, text: string): Promise<void>;
  tagContact(contactId: number, label: string): Promise<void>;
  /** The conversation as this dialect shows it. */
  read(conversationId: number): Promise<NeutralState>;
}

interface WtsMessage {
  text: string | null;
  direction: string;
  createdAt: string;
}

function ok(res: { status: number; text: string }, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(200);
}

/** An account with an API inbox, an agent and a team, driven through both dialects. */
export async function twoDialects(ctx: TestContext, name: string) {
  const f = await wtsFixture(ctx, name);
  const db = ctx.database.db;
  const accountId = f.account.account_id;
  const agent = await ctx.member(accountId, 'agent', 'Sam Agent');
  await f.api.post(`${f.base}/inbox_members`, { inbox_id: f.inbox.id, user_ids: [f.account.user_id, agent.userId] });
  const team = (await f.api.post(`${f.base}/teams`, { name: `${name.toLowerCase()} sales` })).body;
  // WTS tags only with the company's own tags (Chatwoot takes any label): both dialects tag with these.
  for (const title of ['vip', 'churn-risk']) ok(await f.api.post(`${f.base}/labels`, { title }), 'label create');

  const uuidOf = async (table: 'conversations' | 'users' | 'teams' | 'contacts', id: number) =>
    (await db.selectFrom(table).select('uuid').where('id', '=', id).executeTakeFirstOrThrow()).uuid as string;
  const idOfUuid = async (table: 'conversations' | 'users' | 'teams', uuid: string | null) =>
    uuid === null
      ? null
      : ((await db.selectFrom(table).select('id').where('uuid', '=', uuid).executeTakeFirstOrThrow()).id as number);
  const displayIdOf = async (id: number) =>
    (await db.selectFrom('conversations').select('display_id').where('id', '=', id).executeTakeFirstOrThrow())
      .display_id;
  const idOfDisplayId = async (displayId: number) =>
    (
      await db
        .selectFrom('conversations')
        .select('id')
        .where('account_id', '=', accountId)
        .where('display_id', '=', displayId)
        .executeTakeFirstOrThrow()
    ).id;

  let phones = 0;
  /** A new contact with a phone number (WTS addresses contacts by number), made through Chatwoot. */
  async function newContact(): Promise<number> {
    const phone = `+5511977${String(Date.now() % 10_000).padStart(4, '0')}${String(phones++).padStart(2, '0')}`;
    const res = await f.api.post(`${f.base}/contacts`, {
      name: `Conformance ${phones}`,
      phone_number: phone,
      inbox_id: f.inbox.id,
    });
    ok(res, 'contact create');
    return res.body.payload.contact.id;
  }

  const chatwoot: Dialect = {
    name: 'Chatwoot',
    async open(contactId, text) {
      const res = await f.api.post(`${f.base}/conversations`, {
        inbox_id: f.inbox.id,
        contact_id: contactId,
        status: 'open',
        message: { content: text },
      });
      ok(res, 'conversation create');
      return idOfDisplayId(res.body.id);
    },
    async list() {
      const ids: number[] = [];
      for (const status of ['open', 'pending', 'resolved', 'snoozed']) {
        for (let page = 1; ; page++) {
          const res = await f.api.get(`${f.base}/conversations?status=${status}&assignee_type=all&page=${page}`);
          ok(res, 'conversation list');
          const payload = res.body.data.payload as { id: number }[];
          for (const c of payload) ids.push(await idOfDisplayId(c.id));
          if (payload.length < 25) break;
        }
      }
      return ids.sort((a, b) => a - b);
    },
    async setStatus(id, status) {
      ok(
        await f.api.post(`${f.base}/conversations/${await displayIdOf(id)}/toggle_status`, { status }),
        'toggle_status',
      );
    },
    async assign(id, userId) {
      ok(
        await f.api.post(`${f.base}/conversations/${await displayIdOf(id)}/assignments`, { assignee_id: userId }),
        'assign agent',
      );
    },
    async transfer(id, teamId) {
      ok(
        await f.api.post(`${f.base}/conversations/${await displayIdOf(id)}/assignments`, { team_id: teamId }),
        'assign team',
      );
    },
    async message(id, text) {
      ok(
        await f.api.post(`${f.base}/conversations/${await displayIdOf(id)}/messages`, {
          content: text,
          message_type: 'outgoing',
        }),
        'message',
      );
    },
    async note(id, text) {
      ok(
        await f.api.post(`${f.base}/conversations/${await displayIdOf(id)}/messages`, { content: text, private: true }),
        'note',
      );
    },
    async tagContact(contactId, label) {
      const current = (await f.api.get(`${f.base}/contacts/${contactId}/labels`)).body.payload as string[];
      ok(await f.api.post(`${f.base}/contacts/${contactId}/labels`, { labels: [...current, label] }), 'contact labels');
    },
    async read(id) {
      const displayId = await displayIdOf(id);
      const conversation = (await f.api.get(`${f.base}/conversations/${displayId}`)).body;
      const messages = (await f.api.get(`${f.base}/conversations/${displayId}/messages`)).body.payload as {
        content: string;
        message_type: number;
        private: boolean;
      }[];
      const last = messages.filter((m) => m.message_type === 0 || m.message_type === 1).at(-1);
      const contactId = conversation.meta.sender.id as number;
      const labels = (await f.api.get(`${f.base}/contacts/${contactId}/labels`)).body.payload as string[];
      return {
        status: conversation.status,
        assigneeId: conversation.meta.assignee?.id ?? null,
        teamId: conversation.meta.team?.id ?? null,
        lastMessage: last ? { content: last.content, outgoing: last.message_type === 1, private: last.private } : null,
        contactLabels: [...labels].sort(),
      };
    },
  };

  /** WTS session statuses in neutral words (an assignee tells IN_PROGRESS from PENDING, as in Chatwoot). */
  const FROM_WTS: Record<string, NeutralState['status']> = {
    STARTED: 'pending',
    PENDING: 'open',
    IN_PROGRESS: 'open',
    COMPLETED: 'resolved',
    HIDDEN: 'resolved',
  };

  const wts: Dialect = {
    name: 'WTS',
    async open(contactId, text) {
      const phone = (
        await db.selectFrom('contacts').select('phone_number').where('id', '=', contactId).executeTakeFirstOrThrow()
      ).phone_number;
      const res = await f.wts.post('/chat/v1/message/send', {
        from: f.channelId,
        to: phone,
        body: { text },
        options: { forceStartSession: true },
      });
      ok(res, 'message/send');
      return (await idOfUuid('conversations', res.body.sessionId))!;
    },
    async list() {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const res = await f.wts.get(`/chat/v2/session?PageNumber=${page}&PageSize=100`);
        ok(res, 'session list');
        for (const s of res.body.items as { id: string }[]) ids.push((await idOfUuid('conversations', s.id))!);
        if (!res.body.hasMorePages) break;
      }
      return ids.sort((a, b) => a - b);
    },
    async setStatus(id, status) {
      const newStatus = status === 'resolved' ? 'COMPLETED' : 'PENDING';
      ok(
        await f.wts.put(`/chat/v1/session/${await uuidOf('conversations', id)}/status`, { newStatus }),
        'session status',
      );
    },
    async assign(id, userId) {
      ok(
        await f.wts.put(`/chat/v1/session/${await uuidOf('conversations', id)}/assignee`, {
          userId: await uuidOf('users', userId),
        }),
        'session assignee',
      );
    },
    async transfer(id, teamId) {
      const body = { type: 'DEPARTMENT', newDepartmentId: await uuidOf('teams', teamId) };
      ok(await f.wts.put(`/chat/v1/session/${await uuidOf('conversations', id)}/transfer`, body), 'session transfer');
    },
    async message(id, text) {
      ok(
        await f.wts.post(`/chat/v1/session/${await uuidOf('conversations', id)}/message`, { text }),
        'session message',
      );
    },
    async note(id, text) {
      ok(await f.wts.post(`/chat/v1/session/${await uuidOf('conversations', id)}/note`, { text }), 'session note');
    },
    async tagContact(contactId, label) {
      ok(
        await f.wts.post(`/core/v1/contact/${await uuidOf('contacts', contactId)}/tags`, { tagNames: [label] }),
        'contact tags',
      );
    },
    async read(id) {
      const uuid = await uuidOf('conversations', id);
      const session = (await f.wts.get(`/chat/v1/session/${uuid}`)).body;
      const messages = (await f.wts.get(`/chat/v1/session/${uuid}/message?PageSize=100`)).body.items as WtsMessage[];
      const notes = (await f.wts.get(`/chat/v1/session/${uuid}/note?PageSize=100`)).body.items as WtsMessage[];
      const contact = (await f.wts.get(`/core/v1/contact/${session.contactId}?IncludeDetails=Tags`)).body;
      return {
        status: FROM_WTS[session.status],
        assigneeId: await idOfUuid('users', session.userId),
        teamId: await idOfUuid('teams', session.departmentId),
        lastMessage: lastOf(messages, notes),
        contactLabels: [...(contact.tagNames ?? contact.tagsName ?? [])].sort(),
      };
    },
  };

  /** WTS lists messages and notes apart; the neutral last message is the later of the two. */
  function lastOf(messages: WtsMessage[], notes: WtsMessage[]): NeutralState['lastMessage'] {
    const all = [...messages.map((m) => ({ ...m, private: false })), ...notes.map((m) => ({ ...m, private: true }))];
    const last = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
    return last ? { content: last.text ?? '', outgoing: last.direction === 'TO_HUB', private: last.private } : null;
  }

  return { f, agent, team, newContact, dialects: [chatwoot, wts] as const };
}
