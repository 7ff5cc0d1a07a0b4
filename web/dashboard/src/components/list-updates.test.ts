import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../lib/types.ts';
import { applyFrame, type ListFilters } from './list-updates.ts';
import { mergeMessages } from './messages.ts';

const filters: ListFilters = {
  tab: 'all',
  status: 'open',
  sort: 'last_activity_at_desc',
  inboxId: '',
  teamId: '',
  label: '',
  priority: '',
  search: '',
};

function conversation(id: number, lastActivity: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    account_id: 1,
    inbox_id: 1,
    status: 'open',
    priority: null,
    labels: [],
    unread_count: 0,
    muted: false,
    last_activity_at: lastActivity,
    created_at: lastActivity,
    waiting_since: 0,
    snoozed_until: null,
    messages: [],
    meta: { sender: { id: 100 + id, name: `Contact ${id}` }, channel: 'Channel::Api' },
    ...extra,
  };
}

function message(id: number, conversationId: number, createdAt: number, extra: Partial<Message> = {}): Message {
  return {
    id,
    content: `m${id}`,
    conversation_id: conversationId,
    message_type: 0,
    content_type: 'text',
    status: 'sent',
    content_attributes: {},
    created_at: createdAt,
    private: false,
    ...extra,
  };
}

describe('live list updates', () => {
  const list = [conversation(1, 300), conversation(2, 200), conversation(3, 100)];

  it('a new message moves its conversation to the top and shows as its preview, with the unread count it carries', () => {
    const next = applyFrame(
      list,
      {
        event: 'message.created',
        data: { ...message(9, 3, 400), conversation: { unread_count: 2, last_activity_at: 400 } },
        seq: 1,
      },
      filters,
      7,
    );
    expect(next.map((c) => c.id)).toEqual([3, 1, 2]);
    expect(next[0]).toMatchObject({ unread_count: 2, last_activity_at: 400, last_non_activity_message: { id: 9 } });
  });

  it('an activity message does not replace the preview', () => {
    const withPreview = [conversation(1, 300, { last_non_activity_message: message(5, 1, 300) })];
    const next = applyFrame(
      withPreview,
      { event: 'message.created', data: message(6, 1, 301, { message_type: 2 }), seq: 2 },
      filters,
      7,
    );
    expect(next[0].last_non_activity_message?.id).toBe(5);
  });

  it('adds a conversation that now matches, drops one that no longer does (resolved, or assigned away from Mine)', () => {
    const added = applyFrame(list, { event: 'conversation.created', data: conversation(4, 500), seq: 3 }, filters, 7);
    expect(added.map((c) => c.id)).toEqual([4, 1, 2, 3]);
    const resolved = applyFrame(
      list,
      { event: 'conversation.status_changed', data: conversation(2, 200, { status: 'resolved' }), seq: 4 },
      filters,
      7,
    );
    expect(resolved.map((c) => c.id)).toEqual([1, 3]);
    const mine = [
      conversation(1, 300, { meta: { sender: { id: 1, name: 'x' }, channel: 'c', assignee: { id: 7, name: 'me' } } }),
    ];
    const away = applyFrame(
      mine,
      {
        event: 'assignee.changed',
        data: conversation(1, 300, {
          meta: { sender: { id: 1, name: 'x' }, channel: 'c', assignee: { id: 8, name: 'other' } },
        }),
        seq: 5,
      },
      { ...filters, tab: 'me' },
      7,
    );
    expect(away).toEqual([]);
  });

  it('never guesses search results: a new conversation is not added while searching, a listed one is updated', () => {
    const searching = { ...filters, search: 'parcel' };
    expect(
      applyFrame(list, { event: 'conversation.created', data: conversation(4, 500), seq: 6 }, searching, 7),
    ).toHaveLength(3);
    const updated = applyFrame(
      list,
      { event: 'conversation.updated', data: conversation(3, 100, { priority: 'high' }), seq: 7 },
      searching,
      7,
    );
    expect(updated.find((c) => c.id === 3)?.priority).toBe('high');
  });

  it('renames the contact on every row of theirs', () => {
    const next = applyFrame(list, { event: 'contact.updated', data: { id: 102, name: 'Renamed' }, seq: 8 }, filters, 7);
    expect(next.find((c) => c.id === 2)?.meta.sender.name).toBe('Renamed');
  });
});

describe('message history merging', () => {
  it('keeps each message once: the stored one replaces the copy being sent, the socket frame and the API answer merge', () => {
    const sending = message(-1, 1, 100, { echo_id: 'e1', message_type: 1 });
    let history = mergeMessages([message(1, 1, 90)], [sending]);
    history = mergeMessages(history, [message(2, 1, 100, { echo_id: 'e1', message_type: 1 })]); // socket frame
    history = mergeMessages(history, [message(2, 1, 100, { message_type: 1 })]); // API answer without echo_id
    expect(history.map((m) => [m.id, m.echo_id])).toEqual([
      [1, undefined],
      [2, 'e1'],
    ]);
  });

  it('orders by time, then id, with messages still being sent last within their second', () => {
    const history = mergeMessages(
      [],
      [message(-5, 1, 100, { echo_id: 'x' }), message(3, 1, 100), message(2, 1, 100), message(1, 1, 99)],
    );
    expect(history.map((m) => m.id)).toEqual([1, 2, 3, -5]);
  });
});
