import { useId, useState, type FormEvent } from 'react';
import { api } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote, useAction } from '../../components/settings-kit.tsx';

interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { row: number; error: string }[];
}

/** Pick a CSV file, upload it (imported at once), then read what happened to each row that was not taken. */
export function ImportDialog({ base, onClose, onImported }: { base: string; onClose(): void; onImported(): void }) {
  const action = useAction();
  const [report, setReport] = useState<ImportReport | null>(null);
  const fileId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('import_file') as HTMLInputElement).files?.[0];
    if (!file) return action.setError(t('contacts.import.pick'));
    const form = new FormData();
    form.append('import_file', file);
    void action.run(async () => {
      setReport(await api.post<ImportReport>(`${base}/contacts/import`, undefined, { form }));
      onImported();
    });
  }

  return (
    <Dialog title={t('contacts.import.title')} onClose={onClose} className="import-dialog">
      {report ? (
        <div className="import-report">
          <p role="status">{t('contacts.import.summary', { ...report, skipped: report.skipped.length })}</p>
          {report.skipped.length > 0 && (
            <>
              <h3>{t('contacts.import.skippedTitle')}</h3>
              <ul aria-label={t('contacts.import.skippedTitle')}>
                {report.skipped.map((s) => (
                  <li key={s.row}>{t('contacts.import.row', s)}</li>
                ))}
              </ul>
            </>
          )}
          <div className="row-buttons">
            <button type="button" className="primary" onClick={onClose}>
              {t('contacts.import.done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} aria-busy={action.busy}>
          <p className="subtle" id={`${fileId}-hint`}>
            {t('contacts.import.hint')}
          </p>
          <label htmlFor={fileId}>{t('contacts.import.file')}</label>
          <input
            id={fileId}
            name="import_file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint`}
          />
          <ErrorNote error={action.error} />
          <div className="row-buttons">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={action.busy}>
              {action.busy ? t('contacts.import.busy') : t('contacts.import.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
