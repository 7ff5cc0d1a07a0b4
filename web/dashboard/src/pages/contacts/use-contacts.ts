import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorText, query } from '../../lib/api.ts';
import { useFrames, useRealtime } from '../../lib/realtime.tsx';
import type { Contact } from '../../lib/types.ts';

/** A contact as the list shows it. */
export type ContactRow = Contact;

export interface ContactQuery {
  search: string;
  label: string;
  hasEmail: boolean;
  hasPhone: boolean;
  sort: string;
}

export const SORTS = ['-last_activity_at', 'name', '-created_at'] as const;
export const INITIAL_QUERY: ContactQuery = { search: '', label: '', hasEmail: false, hasPhone: false, sort: SORTS[0] };
/** Chatwoot's contact lists answer 15 a page. */
const PAGE_SIZE = 15;

interface Page {
  meta: { count: number | null };
  payload: ContactRow[];
}

/** Chatwoot's filter conditions for what the page's filters ask. */
function conditions(q: ContactQuery) {
  const list: Record<string, unknown>[] = [];
  if (q.label) list.push({ attribute_key: 'labels', filter_operator: 'equal_to', values: [q.label] });
  if (q.hasEmail) list.push({ attribute_key: 'email', filter_operator: 'is_present', values: [] });
  if (q.hasPhone) list.push({ attribute_key: 'phone_number', filter_operator: 'is_present', values: [] });
  return list.map((condition) => ({ ...condition, query_operator: 'and' }));
}

/** The list, the search or the filter endpoint, whichever the query needs; the filter takes the search too. */
function fetchPage(base: string, q: ContactQuery, page: number): Promise<Page> {
  const search = q.search.trim();
  const common = { page, sort: q.sort, include_labels: true };
  const payload = conditions(q);
  if (payload.length) return api.post<Page>(`${base}/contacts/filter${query({ ...common, q: search })}`, { payload });
  if (search)
    return api.get<Page>(`${base}/contacts/search${query({ ...common, q: search, include_contact_inboxes: false })}`);
  return api.get<Page>(`${base}/contacts${query({ ...common, include_contact_inboxes: false })}`);
}

export const isFiltered = (q: ContactQuery) => Boolean(q.search.trim() || q.label || q.hasEmail || q.hasPhone);

/**
 * The contacts matching a query, a page at a time as the list scrolls. A new search waits for a pause in
 * typing; other changes load at once. Edits made here (or seen on the socket) patch the loaded rows.
 */
export function useContacts(base: string, q: ContactQuery) {
  const [items, setItems] = useState<ContactRow[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const { resyncs } = useRealtime();
  const state = useRef({ page: 1, done: false, busy: false, run: 0 });

  useEffect(() => {
    const run = ++state.current.run;
    state.current = { page: 1, done: false, busy: true, run };
    setLoading(true);
    setError(null);
    const timer = setTimeout(
      () =>
        fetchPage(base, q, 1)
          .then(
            (page) => {
              if (run !== state.current.run) return;
              setItems(page.payload);
              setCount(page.meta.count);
              state.current.done = page.payload.length < PAGE_SIZE;
            },
            (caught) => run === state.current.run && setError(errorText(caught)),
          )
          .finally(() => {
            if (run !== state.current.run) return;
            state.current.busy = false;
            setLoading(false);
          }),
      q.search ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [base, q, generation, resyncs]);

  const loadMore = useCallback(async () => {
    const current = state.current;
    if (current.done || current.busy) return;
    current.busy = true;
    try {
      const page = await fetchPage(base, q, current.page + 1);
      if (current !== state.current) return;
      current.page += 1;
      current.done = page.payload.length < PAGE_SIZE;
      setItems((rows) => {
        const seen = new Set(rows.map((r) => r.id));
        return [...rows, ...page.payload.filter((r) => !seen.has(r.id))];
      });
    } catch (caught) {
      if (current === state.current) setError(errorText(caught));
    } finally {
      current.busy = false;
    }
  }, [base, q]);

  const patch = useCallback(
    (id: number, change: Partial<ContactRow>) =>
      setItems((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r))),
    [],
  );
  const shown = useRef(items);
  shown.current = items;
  /** Takes contacts off the list (deleted here, merged away, or deleted elsewhere as the socket tells). */
  const remove = useCallback((ids: number[]) => {
    const present = ids.filter((id) => shown.current.some((r) => r.id === id));
    if (!present.length) return;
    setItems((rows) => rows.filter((r) => !present.includes(r.id)));
    setCount((n) => (n === null ? n : Math.max(0, n - present.length)));
  }, []);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useFrames((frame) => {
    const id = Number(frame.data.id);
    if (frame.event === 'contact.deleted') remove([id]);
    if (frame.event === 'contact.updated') {
      const { name, email, phone_number, identifier, thumbnail } = frame.data as ContactRow;
      patch(id, { name, email, phone_number, identifier, thumbnail });
    }
  });

  return { items, count, loading, error, loadMore, patch, remove, reload };
}
