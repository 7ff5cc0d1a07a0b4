import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote, useAction } from '../../components/settings-kit.tsx';
import { contactName } from './ContactsTable.tsx';
import type { ContactRow } from './use-contacts.ts';

/**
 * Merging two contacts, said plainly before it happens: which one stays, and that the other's conversations,
 * notes and labels move over before it is deleted (Chatwoot's contact_merge, administrators only).
 */
export function MergeDialog({
  base,
  pair,
  onClose,
  onMerged,
}: {
  base: string;
  pair: [ContactRow, ContactRow];
  onClose(): void;
  onMerged(kept: ContactRow, mergedAwayId: number): void;
}) {
  const [keptId, setKeptId] = useState(pair[0].id);
  const action = useAction();
  const kept = pair.find((c) => c.id === keptId)!;
  const other = pair.find((c) => c.id !== keptId)!;
  const names = { base: contactName(kept), mergee: contactName(other) };

  const merge = () =>
    void action.run(async () => {
      const merged = await api.post<ContactRow>(`${base}/actions/contact_merge`, {
        base_contact_id: kept.id,
        mergee_contact_id: other.id,
      });
      onMerged({ ...merged, labels: [...new Set([...(kept.labels ?? []), ...(other.labels ?? [])])] }, other.id);
    });

  return (
    <Dialog title={t('contacts.merge.title')} onClose={onClose} className="merge-dialog">
      <fieldset className="merge-choice">
        <legend>{t('contacts.merge.keep')}</legend>
        {pair.map((contact) => (
          <label key={contact.id} className="check">
            <input type="radio" name="kept" checked={contact.id === keptId} onChange={() => setKeptId(contact.id)} />
            <span>
              <strong>{contactName(contact)}</strong>
              <span className="subtle">
                {' '}
                {[contact.email, contact.phone_number, contact.identifier].filter(Boolean).join(' · ')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="merge-explain">{t('contacts.merge.explain', names)}</p>
      <ErrorNote error={action.error} />
      <div className="row-buttons">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={action.busy} onClick={merge}>
          {t('contacts.merge.submit', names)}
        </button>
      </div>
    </Dialog>
  );
}
