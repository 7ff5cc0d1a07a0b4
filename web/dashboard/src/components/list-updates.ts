import type { Frame } from '../lib/cable.ts';
import type { Conversation, Message } from '../lib/types.ts';

export interface ListFilters {
  tab: 'me' | 'unassigned' | 'all';
  status: string;
  sort: string;
  inboxId: string;
  teamId: string;
  label: string;
  priority: string;
  search: string;
}

const RANK: Record<string, number> = { urgent: 4, high: 3, medium: 2, low: 1 };
const rank = (c: Conversation) => RANK[c.priority ?? ''] ?? 0;
const waiting = (c: Conversation) => (c.waiting_since ? c.waiting_since : Infinity);

/** The list's order, as the server sorts it (domain/conversations/list.ts), for rows that changed live. */
export function compareFor(sort: string): (a: Conversation, b: Conversation) => number {
  switch (sort) {
    case 'created_at_desc':
      return (a, b) => b.created_at - a.created_at || b.id - a.id;
    case 'priority_desc':
      return (a, b) => rank(b) - rank(a) || b.last_activity_at - a.last_activity_at || b.id - a.id;
    case 'waiting_since_asc':
      return (a, b) => waiting(a) - waiting(b) || a.id - b.id;
    default:
      return (a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id;
  }
}

/** Whether a conversation belongs in the list the filters describe (search results are never guessed). */
export function matchesFilters(c: Conversation, f: ListFilters, userId: number): boolean {
  if (f.search.trim()) return false;
  if (f.status !== 'all' && c.status !== f.status) return false;
  const assignee = c.meta.assignee ?? null;
  if (f.tab === 'me' && assignee?.id !== userId) return false;
  if (f.tab === 'unassigned' && assignee) return false;
  if (f.inboxId && c.inbox_id !== Number(f.inboxId)) return false;
  if (f.teamId && c.meta.team?.id !== Number(f.teamId)) return false;
  if (f.label && !c.labels.includes(f.label)) return false;
  if (f.priority && (f.priority === 'none' ? c.priority !== null : c.priority !== f.priority)) return false;
  return true;
}

const MESSAGE_ACTIVITY = 2;

/** The list after one realtime frame: rows updated in place, moved to where they now sort, added or dropped. */
export function applyFrame(items: Conversation[], frame: Frame, filters: ListFilters, userId: number): Conversation[] {
  const compare = compareFor(filters.sort);
  if (frame.event === 'message.created' || frame.event === 'message.updated') {
    const message = frame.data as Message & { conversation?: { unread_count?: number; last_activity_at?: number } };
    const index = items.findIndex((c) => c.id === message.conversation_id);
    if (index < 0) return items;
    const current = items[index];
    const updated: Conversation = {
      ...current,
      messages: [message],
      last_non_activity_message:
        message.message_type === MESSAGE_ACTIVITY ? current.last_non_activity_message : message,
      last_activity_at:
        frame.event === 'message.created'
          ? Math.max(current.last_activity_at, message.conversation?.last_activity_at ?? message.created_at)
          : current.last_activity_at,
      unread_count: message.conversation?.unread_count ?? current.unread_count,
    };
    return [...items.slice(0, index), updated, ...items.slice(index + 1)].sort(compare);
  }
  if (frame.event === 'contact.updated') {
    const contact = frame.data as Conversation['meta']['sender'];
    return items.map((c) =>
      c.meta.sender.id === contact.id ? { ...c, meta: { ...c.meta, sender: { ...c.meta.sender, ...contact } } } : c,
    );
  }
  const conversation = frame.data as Conversation;
  if (typeof conversation?.id !== 'number' || !conversation.meta) return items;
  const index = items.findIndex((c) => c.id === conversation.id);
  const merged = index >= 0 ? { ...items[index], ...conversation } : conversation;
  const rest = index >= 0 ? [...items.slice(0, index), ...items.slice(index + 1)] : items;
  const keep = matchesFilters(merged, filters, userId) || (index >= 0 && filters.search.trim() !== '');
  return keep ? [...rest, merged].sort(compare) : rest;
}
