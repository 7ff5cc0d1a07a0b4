import { useCallback, useMemo, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { navigate } from '../../lib/router.ts';
import { useProfile } from '../../lib/session.tsx';
import { t, type StringKey } from '../../lib/i18n.ts';
import { ContactPanel } from '../../components/ContactPanel.tsx';
import { ConfirmAction, ErrorNote, useAction } from '../../components/settings-kit.tsx';
import { ContactsTable, contactName } from './ContactsTable.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { INITIAL_QUERY, isFiltered, SORTS, useContacts, type ContactQuery, type ContactRow } from './use-contacts.ts';
import '../../styles/contacts.css';

/**
 * The contacts of the account: search as you type, filters (label, has email, has phone), sort, and the
 * contact's panel beside the list (alone on a phone). Administrators also select contacts to merge or
 * delete them, and import or export CSV files; agents are not offered what the API would refuse them.
 * Loaded on first visit, so the inbox's first screen stays small.
 */
export default function ContactsPage({ contactId }: { contactId?: number }) {
  const { base, accountId, labels } = useAccountData();
  const profile = useProfile();
  const isAdmin = profile.accounts.find((a) => a.id === accountId)?.role === 'administrator';
  const [q, setQuery] = useState<ContactQuery>(INITIAL_QUERY);
  const list = useContacts(base, q);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<'merge' | 'import' | null>(null);
  const action = useAction();
  const href = (id?: number) => `/app/accounts/${accountId}/contacts${id ? `/${id}` : ''}`;

  const set = (change: Partial<ContactQuery>) => setQuery((current) => ({ ...current, ...change }));
  const open = useCallback((id: number) => navigate(`/app/accounts/${accountId}/contacts/${id}`), [accountId]);
  const toggle = useCallback(
    (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const picked = useMemo(() => list.items.filter((c) => selected.has(c.id)), [list.items, selected]);

  const forget = (ids: number[]) => {
    list.remove(ids);
    setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
    if (contactId && ids.includes(contactId)) navigate(href(), { replace: true });
  };

  const deleteContacts = (ids: number[]) =>
    void action.run(async () => {
      for (const id of ids) {
        await api.delete(`${base}/contacts/${id}`);
        forget([id]);
      }
    });

  const merged = (kept: ContactRow, mergedAwayId: number) => {
    setDialog(null);
    forget([mergedAwayId]);
    list.patch(kept.id, kept);
    setSelected(new Set());
    navigate(href(kept.id));
  };

  const openRow = list.items.find((c) => c.id === contactId);
  const filtered = isFiltered(q);
  const emptyText = filtered ? t('contacts.emptyFiltered') : isAdmin ? t('contacts.empty') : t('contacts.emptyAgent');
  return (
    <div className={`contacts-page${contactId ? ' has-open' : ''}`}>
      <section className="contacts-list" aria-label={t('contacts.title')}>
        <header className="contacts-toolbar">
          <div className="contacts-title">
            <h2>{t('contacts.title')}</h2>
            {list.count !== null && (
              <span className="count">
                {list.count === 1 ? t('contacts.countOne') : t('contacts.count', { n: list.count })}
              </span>
            )}
            {isAdmin && (
              <span className="contacts-transfer">
                <a className="button" href={`${base}/contacts/export`} download title={t('contacts.exportHint')}>
                  {t('contacts.export')}
                </a>
                <button type="button" onClick={() => setDialog('import')}>
                  {t('contacts.import')}
                </button>
              </span>
            )}
          </div>
          <input
            type="search"
            className="search"
            aria-label={t('contacts.search')}
            placeholder={t('contacts.search')}
            value={q.search}
            onChange={(e) => set({ search: e.target.value })}
          />
          <div className="filters">
            <select aria-label={t('contacts.label')} value={q.label} onChange={(e) => set({ label: e.target.value })}>
              <option value="">{t('contacts.anyLabel')}</option>
              {labels.map((l) => (
                <option key={l.id} value={l.title}>
                  {l.title}
                </option>
              ))}
            </select>
            <label className="check">
              <input type="checkbox" checked={q.hasEmail} onChange={(e) => set({ hasEmail: e.target.checked })} />
              {t('contacts.hasEmail')}
            </label>
            <label className="check">
              <input type="checkbox" checked={q.hasPhone} onChange={(e) => set({ hasPhone: e.target.checked })} />
              {t('contacts.hasPhone')}
            </label>
            <select aria-label={t('contacts.sort')} value={q.sort} onChange={(e) => set({ sort: e.target.value })}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`contacts.sort.${sort}` as StringKey)}
                </option>
              ))}
            </select>
            {filtered && (
              <button type="button" className="link" onClick={() => setQuery({ ...INITIAL_QUERY, sort: q.sort })}>
                {t('contacts.clearFilters')}
              </button>
            )}
          </div>
          {isAdmin && selected.size > 0 && (
            <div className="selection-bar" role="group" aria-label={t('contacts.selection')}>
              <span>{t('contacts.selected', { n: selected.size })}</span>
              <button
                type="button"
                disabled={picked.length !== 2}
                title={t('contacts.mergeHint')}
                onClick={() => setDialog('merge')}
              >
                {t('contacts.merge')}
              </button>
              <ConfirmAction
                className="danger"
                label={t('contacts.deleteSelected')}
                question={t('contacts.confirmDeleteSelected', { n: picked.length })}
                yes={t('contacts.yesDelete')}
                onConfirm={() => deleteContacts(picked.map((c) => c.id))}
              />
              <button type="button" className="link" onClick={() => setSelected(new Set())}>
                {t('contacts.clearSelection')}
              </button>
            </div>
          )}
          <ErrorNote error={action.error} />
        </header>
        {list.error && (
          <div className="banner error" role="alert">
            {list.error}{' '}
            <button type="button" className="link" onClick={list.reload}>
              {t('message.retry')}
            </button>
          </div>
        )}
        {!list.loading && !list.error && list.items.length === 0 && <p className="empty-state">{emptyText}</p>}
        {list.loading && list.items.length === 0 && <p className="empty-state">{t('contacts.loading')}</p>}
        <ContactsTable
          items={list.items}
          openId={contactId}
          selection={isAdmin ? selected : undefined}
          onOpen={open}
          onToggle={toggle}
          onNearEnd={list.loadMore}
        />
      </section>
      {contactId && (
        <ContactPanel
          key={contactId}
          contactId={contactId}
          onClose={() => navigate(href())}
          onChange={(change) => list.patch(contactId, change)}
          actions={
            isAdmin && (
              <div className="contact-admin">
                <ConfirmAction
                  className="danger"
                  yes={t('contacts.yesDelete')}
                  label={t('contacts.delete')}
                  question={t('contacts.confirmDelete', { name: openRow ? contactName(openRow) : `#${contactId}` })}
                  onConfirm={() => deleteContacts([contactId])}
                />
              </div>
            )
          }
        />
      )}
      {dialog === 'merge' && picked.length === 2 && (
        <MergeDialog base={base} pair={[picked[0], picked[1]]} onClose={() => setDialog(null)} onMerged={merged} />
      )}
      {dialog === 'import' && <ImportDialog base={base} onClose={() => setDialog(null)} onImported={list.reload} />}
    </div>
  );
}
