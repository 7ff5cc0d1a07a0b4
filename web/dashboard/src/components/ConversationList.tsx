import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorText, query } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { useFrames, useRealtime } from '../lib/realtime.tsx';
import { t, type StringKey } from '../lib/i18n.ts';
import type { Conversation, ConversationPage, Counts } from '../lib/types.ts';
import { useProfile } from '../lib/session.tsx';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow.tsx';
import { VirtualList } from './VirtualList.tsx';
import { applyFrame, type ListFilters } from './list-updates.ts';
import type { Frame } from '../lib/cable.ts';

const TABS = [
  ['me', 'tabs.mine', 'mine_count'],
  ['unassigned', 'tabs.unassigned', 'unassigned_count'],
  ['all', 'tabs.all', 'all_count'],
] as const;
const STATUSES = ['open', 'pending', 'snoozed', 'resolved', 'all'] as const;
const SORTS = ['last_activity_at_desc', 'created_at_desc', 'priority_desc', 'waiting_since_asc'] as const;
const PRIORITIES = ['urgent', 'high', 'medium', 'low', 'none'] as const;
const PAGE = 50;

const INITIAL: ListFilters = {
  tab: 'me',
  status: 'open',
  sort: 'last_activity_at_desc',
  inboxId: '',
  teamId: '',
  label: '',
  priority: '',
  search: '',
};

function readStored(key: string): Partial<ListFilters> {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function listPath(base: string, filters: ListFilters, after?: string): string {
  return `${base}/conversations${query({
    assignee_type: filters.tab,
    status: filters.status,
    sort_by: filters.sort,
    inbox_id: filters.inboxId,
    team_id: filters.teamId,
    'labels[]': filters.label,
    priority: filters.priority,
    search: filters.search.trim(),
    per_page: PAGE,
    after,
  })}`;
}

export function ConversationList({
  selectedId,
  onSelect,
  onItems,
  searchRef,
}: {
  selectedId?: number;
  onSelect(id: number): void;
  onItems(ids: number[]): void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { base, inboxes, teams, labels } = useAccountData();
  const { resyncs } = useRealtime();
  // The tab, status, sort and filters an agent last chose come back next time (the search does not).
  const storageKey = `${base}.conversation-filters`;
  const [filters, setFilters] = useState<ListFilters>(() => ({ ...INITIAL, ...readStored(storageKey), search: '' }));
  useEffect(
    () => localStorage.setItem(storageKey, JSON.stringify({ ...filters, search: undefined })),
    [storageKey, filters],
  );
  const [items, setItems] = useState<Conversation[]>([]);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const loadingMore = useRef(false);
  const me = useProfile().id;
  const generation = useRef(0);

  // Frames that arrive while a page loads are kept and applied on top of it: the page may have been read
  // before them, and replacing the list with it would undo them.
  const arrivedWhileLoading = useRef<Frame[] | null>(null);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    arrivedWhileLoading.current = [];
    try {
      const page = await api.get<ConversationPage>(listPath(base, filters));
      if (mine !== generation.current) return;
      const arrived = arrivedWhileLoading.current ?? [];
      setItems(arrived.reduce((list, frame) => applyFrame(list, frame, filters, me), page.data.payload));
      setCounts(page.data.meta);
      setNext(page.data.meta.next_cursor ?? null);
    } catch (caught) {
      if (mine === generation.current) setError(errorText(caught));
    } finally {
      if (mine === generation.current) {
        setLoading(false);
        arrivedWhileLoading.current = null;
      }
    }
  }, [base, filters, me]);

  // A new search waits for a pause in typing; every other filter change loads at once.
  useEffect(() => {
    const timer = setTimeout(load, filters.search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, resyncs]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore.current) return;
    loadingMore.current = true;
    const mine = generation.current;
    try {
      const page = await api.get<ConversationPage>(listPath(base, filters, next));
      if (mine !== generation.current) return;
      setItems((current) => {
        const seen = new Set(current.map((c) => c.id));
        return [...current, ...page.data.payload.filter((c) => !seen.has(c.id))];
      });
      setNext(page.data.meta.next_cursor ?? null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      loadingMore.current = false;
    }
  }, [base, filters, next]);

  // Counts follow events, a moment later and at most twice a second.
  const countsTimer = useRef<number | undefined>(undefined);
  const refreshCounts = useCallback(() => {
    clearTimeout(countsTimer.current);
    countsTimer.current = window.setTimeout(async () => {
      const result = await api
        .get<{ meta: Counts }>(
          `${base}/conversations/meta${query({ status: filters.status, inbox_id: filters.inboxId, team_id: filters.teamId, 'labels[]': filters.label, priority: filters.priority })}`,
        )
        .catch(() => null);
      if (result) setCounts(result.meta);
    }, 500);
  }, [base, filters]);

  useFrames((frame) => {
    const relevant =
      frame.event.startsWith('conversation.') ||
      ['message.created', 'message.updated', 'assignee.changed', 'team.changed', 'contact.updated'].includes(
        frame.event,
      );
    if (!relevant) return;
    if (frame.event === 'conversation.typing_on' || frame.event === 'conversation.typing_off') return;
    arrivedWhileLoading.current?.push(frame);
    setItems((current) => applyFrame(current, frame, filters, me));
    refreshCounts();
  });

  useEffect(() => onItems(items.map((c) => c.id)), [items, onItems]);
  useEffect(() => {
    if (selectedId)
      setItems((current) =>
        current.map((c) => (c.id === selectedId && c.unread_count ? { ...c, unread_count: 0 } : c)),
      );
  }, [selectedId]);

  const set = (change: Partial<ListFilters>) => setFilters((current) => ({ ...current, ...change }));
  const selectedIndex = items.findIndex((c) => c.id === selectedId);

  return (
    <section className="conversation-list" aria-label={t('list.label')}>
      <div className="list-header">
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder={t('filters.search')}
          aria-label={t('filters.search')}
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        <div className="tabs" role="tablist">
          {TABS.map(([tab, label, count]) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={filters.tab === tab}
              className={filters.tab === tab ? 'tab active' : 'tab'}
              onClick={() => set({ tab })}
            >
              {t(label)} <span className="count">{counts ? counts[count] : '…'}</span>
            </button>
          ))}
        </div>
        <div className="filters">
          <Select
            label={t('filters.status')}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={STATUSES.map((s) => [s, t(`status.${s}` as StringKey)])}
          />
          <Select
            label={t('filters.sort')}
            value={filters.sort}
            onChange={(sort) => set({ sort })}
            options={SORTS.map((s) => [s, t(`sort.${s}` as StringKey)])}
          />
          <Select
            label={t('filters.inbox')}
            value={filters.inboxId}
            onChange={(inboxId) => set({ inboxId })}
            options={[['', t('filters.any')], ...inboxes.map((i) => [String(i.id), i.name] as [string, string])]}
          />
          <Select
            label={t('filters.team')}
            value={filters.teamId}
            onChange={(teamId) => set({ teamId })}
            options={[['', t('filters.any')], ...teams.map((x) => [String(x.id), x.name] as [string, string])]}
          />
          <Select
            label={t('filters.label')}
            value={filters.label}
            onChange={(label) => set({ label })}
            options={[['', t('filters.any')], ...labels.map((l) => [l.title, l.title] as [string, string])]}
          />
          <Select
            label={t('filters.priority')}
            value={filters.priority}
            onChange={(priority) => set({ priority })}
            options={[
              ['', t('filters.any')],
              ...PRIORITIES.map((p) => [p, t(`priority.${p}` as StringKey)] as [string, string]),
            ]}
          />
        </div>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={load}>
            {t('message.retry')}
          </button>
        </div>
      )}
      {!loading && !items.length && !error && (
        <p className="empty-state">{filters.search ? t('list.emptySearch', { q: filters.search }) : t('list.empty')}</p>
      )}
      {loading && !items.length && <p className="empty-state">{t('list.loading')}</p>}
      <VirtualList
        items={items}
        rowHeight={ROW_HEIGHT}
        label={t('list.label')}
        onNearEnd={loadMore}
        scrollToIndex={selectedIndex}
        render={(conversation) => (
          <ConversationRow conversation={conversation} selected={conversation.id === selectedId} onSelect={onSelect} />
        )}
      />
    </section>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: (readonly [string, string])[];
}) {
  return (
    <label className="select">
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {v === '' ? `${label}: ${text}` : text}
          </option>
        ))}
      </select>
    </label>
  );
}
