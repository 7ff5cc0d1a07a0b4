import { useEffect, useRef } from 'react';
import { t, type StringKey } from '../lib/i18n.ts';

export const SHORTCUTS: [string, StringKey][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['e', 'shortcuts.resolve'],
  ['a', 'shortcuts.assignMe'],
  ['r', 'shortcuts.reply'],
  ['/', 'shortcuts.search'],
  ['?', 'shortcuts.help'],
];

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose} onClick={(e) => e.target === dialog.current && dialog.current?.close()}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl className="shortcuts">
        {SHORTCUTS.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
