import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { createConversation, markSeen } from '../../domain/conversations/commands.ts';
import { createMessage } from '../../domain/messages/commands.ts';
import { buildPlan, conversationLengths, KIND, LONG_CONVERSATION_MESSAGES } from './plan.ts';
import { createRandom } from './random.ts';
import { seedAccount } from './index.ts';
import { LABELS } from './vocabulary.ts';

const ctx = await createTestContext();
const url = ctx.config.databaseUrl!;
const { pool } = ctx.database;
const account = await ctx.account('Seeded');
const seeded = await seedAccount(url, { accountId: account.account_id, conversations: 200, messages: 2_000, seed: 7 });
const accountId = account.account_id;
const base = `/api/v1/accounts/${accountId}`;

const one = async <T = Record<string, number>>(text: string, params: unknown[] = [accountId]) =>
  (await pool.query(text, params)).rows[0] as T;

describe('seed plan', () => {
  it('spreads exactly the asked number of messages, with a long tail and one very long conversation', () => {
    const { lengths, long } = conversationLengths(createRandom(1), 100_000, 1_000_000);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(Math.min(...lengths)).toBe(1);
    expect(long).toHaveLength(5);
    for (const i of long) expect(lengths[i]).toBe(LONG_CONVERSATION_MESSAGES);
    const ordinary = [...lengths].filter((_, i) => !long.includes(i)).sort((a, b) => a - b);
    expect(ordinary[Math.floor(ordinary.length / 2)]).toBeLessThan(10); // median below the mean: a long tail
    expect(ordinary.at(-1)).toBeGreaterThan(100);
  });

  it('is reproducible from its seed and refuses impossible sizes', () => {
    const a = buildPlan({ conversations: 50, messages: 400, seed: 3, now: 1_800_000_000_000 });
    const b = buildPlan({ conversations: 50, messages: 400, seed: 3, now: 1_800_000_000_000 });
    expect(Array.from(a.messages.kind)).toEqual(Array.from(b.messages.kind));
    expect(Array.from(a.messages.time)).toEqual(Array.from(b.messages.time));
    expect(() => buildPlan({ conversations: 10, messages: 5 })).toThrow(/at least --conversations/);
  });

  it('keeps each conversation in time order and before now', () => {
    const now = 1_800_000_000_000;
    const plan = buildPlan({ conversations: 300, messages: 3_000, seed: 5, now });
    const { conversation, time, order } = plan.messages;
    for (let m = 1; m < plan.messages.count; m++)
      if (conversation[m] === conversation[m - 1]) expect(time[m]).toBeGreaterThan(time[m - 1]);
    for (let o = 1; o < order.length; o++) expect(time[order[o]]).toBeGreaterThanOrEqual(time[order[o - 1]]);
    expect(Math.max(...time)).toBeLessThan(now);
    const kinds = Array.from(plan.messages.kind);
    const share = (k: number) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share(KIND.incoming) + share(KIND.outgoing)).toBeGreaterThan(0.75);
    expect(share(KIND.note)).toBeGreaterThan(0.01);
  });
});

describe('seeded database', () => {
  it('has the asked counts, every row in the account, uuids filled', async () => {
    expect(seeded.rows.conversations).toBe(200);
    expect(seeded.rows.messages).toBe(2_000);
    const counts = await one(`SELECT
      (SELECT count(*) FROM conversations WHERE account_id = $1)::int AS conversations,
      (SELECT count(*) FROM messages WHERE account_id = $1)::int AS messages,
      (SELECT count(*) FROM contacts WHERE account_id = $1)::int AS contacts,
      (SELECT count(*) FROM contact_inboxes WHERE account_id = $1)::int AS contact_inboxes,
      (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.account_id = $1 AND (c.account_id <> m.account_id OR c.inbox_id <> m.inbox_id))::int AS crossed,
      (SELECT count(*) FROM conversations WHERE account_id = $1 AND uuid IS NULL)::int + (SELECT count(*) FROM messages WHERE account_id = $1 AND uuid IS NULL)::int AS missing_uuids`);
    expect(counts).toEqual({
      conversations: 200,
      messages: 2_000,
      contacts: seeded.rows.contacts,
      contact_inboxes: seeded.rows.contactInboxes,
      crossed: 0,
      missing_uuids: 0,
    });
  });

  it('numbers conversations 1..n without gaps and moves last_display_id', async () => {
    const { rows } = await pool.query(
      'SELECT display_id FROM conversations WHERE account_id = $1 ORDER BY display_id',
      [accountId],
    );
    expect(rows.map((r) => r.display_id)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await one('SELECT last_display_id FROM accounts WHERE id = $1')).toEqual({ last_display_id: 200 });
    const created = await pool.query('SELECT created_at FROM conversations WHERE account_id = $1 ORDER BY display_id', [
      accountId,
    ]);
    const times = created.rows.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps every conversation aggregate consistent with its messages', async () => {
    const broken = await pool.query(
      `SELECT c.display_id FROM conversations c
       LEFT JOIN LATERAL (SELECT id, created_at FROM messages WHERE conversation_id = c.id ORDER BY id DESC LIMIT 1) last ON true
       WHERE c.account_id = $1 AND (
         c.messages_count <> (SELECT count(*) FROM messages WHERE conversation_id = c.id)
         OR c.last_message_id IS DISTINCT FROM last.id
         OR c.last_activity_at IS DISTINCT FROM last.created_at
         OR c.last_non_activity_message_id IS DISTINCT FROM (SELECT max(id) FROM messages WHERE conversation_id = c.id AND message_type <> 2 AND NOT private)
         OR c.unread_incoming_count <> (SELECT count(*) FROM messages WHERE conversation_id = c.id AND message_type = 0
                                        AND created_at > coalesce(c.agent_last_seen_at, '-infinity'))
         OR c.first_reply_created_at IS DISTINCT FROM (SELECT min(created_at) FROM messages WHERE conversation_id = c.id
                                                        AND message_type IN (1, 3) AND NOT private AND sender_type IS NOT NULL))`,
      [accountId],
    );
    expect(broken.rows).toEqual([]);
    const unread = await one(
      'SELECT sum(unread_incoming_count)::int AS unread, count(*) FILTER (WHERE unread_incoming_count > 0)::int AS with_unread FROM conversations WHERE account_id = $1',
    );
    expect(unread.with_unread).toBeGreaterThan(0);
  });

  it('keeps contacts unique and links every conversation to its contact inbox', async () => {
    const contacts =
      await one(`SELECT count(email)::int AS emails, count(DISTINCT lower(email))::int AS distinct_emails,
      count(phone_number)::int AS phones, count(DISTINCT phone_number)::int AS distinct_phones,
      count(identifier)::int AS identifiers, count(DISTINCT identifier)::int AS distinct_identifiers FROM contacts WHERE account_id = $1`);
    expect(contacts.emails).toBe(contacts.distinct_emails);
    expect(contacts.phones).toBe(contacts.distinct_phones);
    expect(contacts.identifiers).toBe(contacts.distinct_identifiers);
    expect(contacts.emails).toBeGreaterThan(0);
    const unlinked =
      await one(`SELECT count(*)::int AS n FROM conversations c LEFT JOIN contact_inboxes ci ON ci.id = c.contact_inbox_id
      WHERE c.account_id = $1 AND (ci.id IS NULL OR ci.contact_id <> c.contact_id OR ci.inbox_id <> c.inbox_id OR ci.account_id <> $1)`);
    expect(unlinked.n).toBe(0);
    const stale =
      await one(`SELECT count(*)::int AS n FROM contacts ct WHERE ct.account_id = $1 AND ct.last_activity_at IS DISTINCT FROM
      (SELECT max(created_at) FROM messages WHERE account_id = $1 AND message_type = 0 AND sender_type = 'Contact' AND sender_id = ct.id)`);
    expect(stale.n).toBe(0);
  });

  it('draws conversation labels from the labels table', async () => {
    const { rows } = await pool.query('SELECT title FROM labels WHERE account_id = $1', [accountId]);
    expect(rows.map((r) => r.title).sort()).toEqual([...LABELS].sort());
    const unknown = await one(`SELECT count(*)::int AS n FROM conversations c, unnest(c.labels) l
      WHERE c.account_id = $1 AND NOT EXISTS (SELECT 1 FROM labels WHERE account_id = $1 AND title = l)`);
    expect(unknown.n).toBe(0);
    expect(
      (await one(`SELECT count(*)::int AS n FROM conversations WHERE account_id = $1 AND labels <> '{}'`)).n,
    ).toBeGreaterThan(50);
  });

  it('mixes message types: mostly incoming and outgoing, some private notes and activity', async () => {
    const types = await one(`SELECT count(*) FILTER (WHERE message_type = 0)::int AS incoming,
      count(*) FILTER (WHERE message_type = 1 AND NOT private)::int AS outgoing,
      count(*) FILTER (WHERE private)::int AS notes, count(*) FILTER (WHERE message_type = 2)::int AS activity
      FROM messages WHERE account_id = $1`);
    expect(types.incoming + types.outgoing).toBeGreaterThan(1_500);
    expect(types.notes).toBeGreaterThan(10);
    expect(types.activity).toBeGreaterThan(10);
  });

  it('serves the list, search and messages through the API', async () => {
    const list = await account.api.get(`${base}/conversations`, { status: 'all' });
    expect(list.status).toBe(200);
    expect(list.body.data.payload).toHaveLength(25);
    expect(list.body.data.meta.all_count).toBe(200);
    const open = await account.api.get(`${base}/conversations`, { status: 'open', page: 1 });
    const openCount = await one(
      `SELECT count(*)::int AS n FROM conversations WHERE account_id = $1 AND status = 'open'`,
    );
    expect(open.body.data.meta.all_count).toBe(openCount.n);

    const label = await account.api.get(`${base}/conversations`, { status: 'all', labels: ['support'] });
    expect(label.body.data.payload.length).toBeGreaterThan(0);
    for (const c of label.body.data.payload) expect(c.labels).toContain('support');

    for (const { token, messages } of seeded.rareTokens) {
      expect(messages).toBeGreaterThanOrEqual(1);
      const search = await account.api.get(`${base}/conversations/search`, { q: token });
      expect(search.status).toBe(200);
      const expected = await one(
        `SELECT count(DISTINCT conversation_id)::int AS n FROM messages WHERE account_id = $1 AND content ILIKE $2`,
        [accountId, `%${token}%`],
      );
      expect(search.body.meta.all_count).toBe(expected.n);
      expect(search.body.payload.length).toBe(Math.min(25, expected.n));
      for (const hit of search.body.payload)
        expect(hit.messages.some((m: { content: string }) => m.content.includes(token))).toBe(true);
    }

    const longest = seeded.longestConversations[0];
    const page = await account.api.get(`${base}/conversations/${longest.displayId}/messages`);
    expect(page.status).toBe(200);
    expect(page.body.payload).toHaveLength(20);
    const ids = page.body.payload.map((m: { id: number }) => m.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    const newest = await one('SELECT last_message_id FROM conversations WHERE account_id = $1 AND display_id = $2', [
      accountId,
      longest.displayId,
    ]);
    expect(ids.at(-1)).toBe(newest.last_message_id);
  });

  it('seeds a second account with foreign-key checks on, numbering its own conversations', async () => {
    const second = await ctx.account('Second');
    const result = await seedAccount(url, {
      accountId: second.account_id,
      conversations: 30,
      messages: 150,
      seed: 8,
      foreignKeyChecks: true,
      jobs: 1,
    });
    expect(result.foreignKeyChecks).toBe(true);
    const row = await one(
      `SELECT min(display_id)::int AS first, max(display_id)::int AS last, count(*)::int AS n FROM conversations WHERE account_id = $1`,
      [second.account_id],
    );
    expect(row).toEqual({ first: 1, last: 30, n: 30 });
    expect((await one('SELECT count(*)::int AS n FROM conversations WHERE account_id = $1')).n).toBe(200);
  });
});

// Last: the replay adds conversations and messages to the account.
describe('seeded aggregates against the app', () => {
  it('computes the aggregates the app computes when the same messages arrive one by one', async () => {
    const { rows: picks } = await pool.query(
      `(SELECT * FROM conversations WHERE account_id = $1 AND agent_last_seen_at IS NOT NULL AND unread_incoming_count > 0 ORDER BY messages_count DESC LIMIT 3)
       UNION ALL (SELECT * FROM conversations WHERE account_id = $1 AND agent_last_seen_at IS NULL ORDER BY messages_count DESC LIMIT 3)
       UNION ALL (SELECT * FROM conversations WHERE account_id = $1 AND status = 'resolved' ORDER BY messages_count DESC LIMIT 2)`,
      [accountId],
    );
    expect(picks.length).toBeGreaterThanOrEqual(6);
    const { db } = ctx.database;
    for (const seededConversation of picks) {
      const { rows: messages } = await pool.query('SELECT * FROM messages WHERE conversation_id = $1 ORDER BY id', [
        seededConversation.id,
      ]);
      let replay = await createConversation(db, accountId, {
        inboxId: seededConversation.inbox_id,
        contactId: seededConversation.contact_id,
        status: 'open',
      });
      const seenAt = seededConversation.agent_last_seen_at?.getTime();
      let seen = false;
      for (const m of messages) {
        if (seenAt !== undefined && !seen && m.created_at.getTime() > seenAt) {
          replay = await markSeen(db, replay, undefined);
          seen = true;
        }
        const sender = m.sender_type ? { type: m.sender_type, id: Number(m.sender_id) } : null;
        replay = (
          await createMessage(db, replay, {
            messageType: m.message_type,
            content: m.content,
            private: m.private,
            sender,
            createdAt: m.created_at,
          })
        ).conversation;
      }
      if (seenAt !== undefined && !seen) replay = await markSeen(db, replay, undefined);
      const lastContent = async (id: number | null) =>
        id ? (await one('SELECT content FROM messages WHERE id = $1', [id])).content : null;
      const view = async (c: typeof replay, createdAt: Date) => ({
        messages_count: c.messages_count,
        unread_incoming_count: c.unread_incoming_count,
        last_activity_at: c.last_activity_at.getTime(),
        first_reply_created_at: c.first_reply_created_at?.getTime() ?? null,
        // Until the first reply waiting_since is the creation time, which differs between the two copies.
        waiting_since:
          c.waiting_since?.getTime() === createdAt.getTime() ? 'since creation' : (c.waiting_since?.getTime() ?? null),
        last_message: await lastContent(c.last_message_id),
        last_non_activity_message: await lastContent(c.last_non_activity_message_id),
      });
      expect(await view(seededConversation, seededConversation.created_at)).toEqual(
        await view(replay, replay.created_at),
      );
    }
  });
});
