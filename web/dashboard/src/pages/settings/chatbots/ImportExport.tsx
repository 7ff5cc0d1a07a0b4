import { useRef, useState, type ChangeEvent } from 'react';
import { t } from '../../../lib/i18n.ts';
import type { FlowDefinition } from './flow-edit.ts';

/** A flow as a JSON file: exported as the editor holds it, imported into the editor (the server checks it at save). */
export function ImportExport({
  name,
  def,
  onImport,
}: {
  name: string;
  def: FlowDefinition;
  onImport(def: FlowDefinition): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(def, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `${name.replace(/[^\w-]+/g, '-') || 'flow'}.flow.json`,
    });
    link.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as FlowDefinition;
      if (!parsed || typeof parsed.start !== 'string' || !Array.isArray(parsed.steps)) throw new Error('shape');
      setError(null);
      onImport(parsed);
    } catch {
      setError(t('flows.importBad'));
    }
  };
  return (
    <>
      <button type="button" onClick={exportFile}>
        {t('flows.export')}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        {t('flows.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('flows.importFile')}
        onChange={importFile}
      />
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
