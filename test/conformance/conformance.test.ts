import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { twoDialects, type Dialect, type NeutralState } from './dialects.ts';

/**
 * One list of cases, run through both dialects (each case once written in Chatwoot's requests, once in
 * WTS's): whichever dialect made a change, the store ends in the same state and both dialects show it alike.
 */
const ctx = await createTestContext();
const { agent, team, newContact, dialects } = await twoDialects(ctx, 'Conformance');

interface Case {
  name: string;
  run(d: Dialect, conversationId: number, contactId: number): Promise<void>;
  expected: Partial<NeutralState>;
}

const cases: Case[] = [
  {
    name: 'open a conversation with a first message',
    run: async () => {},
    expected: {
      status: 'open',
      assigneeId: null,
      teamId: null,
      lastMessage: { content: 'hello', outgoing: true, private: false },
    },
  },
  { name: 'resolve it', run: (d, id) => d.setStatus(id, 'resolved'), expected: { status: 'resolved' } },
  {
    name: 'resolve, then reopen it',
    run: async (d, id) => {
      await d.setStatus(id, 'resolved');
      await d.setStatus(id, 'open');
    },
    expected: { status: 'open', assigneeId: null },
  },
  {
    name: 'assign an agent',
    run: (d, id) => d.assign(id, agent.userId),
    expected: { status: 'open', assigneeId: agent.userId },
  },
  {
    name: 'transfer to a team',
    run: (d, id) => d.transfer(id, team.id),
    expected: { status: 'open', teamId: team.id },
  },
  {
    name: 'reply',
    run: (d, id) => d.message(id, 'a reply'),
    expected: { lastMessage: { content: 'a reply', outgoing: true, private: false } },
  },
  {
    name: 'add a private note',
    run: (d, id) => d.note(id, 'a note'),
    expected: { lastMessage: { content: 'a note', outgoing: true, private: true } },
  },
  {
    name: 'tag the contact',
    run: async (d, _id, contactId) => {
      await d.tagContact(contactId, 'vip');
      await d.tagContact(contactId, 'churn-risk');
    },
    expected: { contactLabels: ['churn-risk', 'vip'] },
  },
];

describe.each(cases)('$name', (c) => {
  const results = new Map<string, NeutralState[]>();

  it.each(dialects.map((writer) => ({ writer })))(
    'through $writer.name: both dialects show the expected state',
    async ({ writer }) => {
      const contactId = await newContact();
      const conversationId = await writer.open(contactId, 'hello');
      await c.run(writer, conversationId, contactId);
      const seen = await Promise.all(dialects.map((reader) => reader.read(conversationId)));
      for (const [i, state] of seen.entries())
        expect(state, `read through ${dialects[i].name}`).toMatchObject(c.expected);
      expect(seen[1], 'WTS shows what Chatwoot shows').toEqual(seen[0]);
      results.set(writer.name, seen);
    },
  );

  it('ends in the same state whichever dialect made the change', () => {
    const [viaChatwoot, viaWts] = dialects.map((d) => results.get(d.name));
    expect(viaChatwoot && viaWts, 'both writers ran').toBeTruthy();
    expect(viaWts).toEqual(viaChatwoot);
  });
});

describe('list', () => {
  it('both dialects list the same conversations, whichever opened them', async () => {
    const contactId = await newContact();
    for (const writer of dialects) await writer.open(contactId, `listed via ${writer.name}`);
    const [chatwoot, wts] = await Promise.all(dialects.map((d) => d.list()));
    expect(chatwoot.length).toBeGreaterThanOrEqual(2);
    expect(wts).toEqual(chatwoot);
  });
});
