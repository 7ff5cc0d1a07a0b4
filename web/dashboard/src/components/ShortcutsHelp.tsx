import { t, type StringKey } from '../lib/i18n.ts';
import { Dialog } from './Dialog.tsx';

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
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
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
      <button type="button" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </Dialog>
  );
}
