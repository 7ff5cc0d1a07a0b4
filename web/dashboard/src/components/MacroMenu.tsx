import { useRef, useState } from 'react';
import { api, errorText } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { isStringKey, t } from '../lib/i18n.ts';
import type { Conversation } from '../lib/types.ts';

interface Macro {
  id: number;
  name: string;
  visibility: string;
  actions: { action_name: string; action_params: unknown[] }[];
}

/** What a macro does, in words: its actions in order ("add labels, send a message, resolve"). */
function summary(macro: Macro): string {
  return macro.actions
    .map(({ action_name: name }) => {
      const key = `macros.action.${name}`;
      return isStringKey(key) ? t(key) : name.replace(/_/g, ' ');
    })
    .join(', ');
}

/**
 * Runs one of the agent's macros (their personal ones and the account's global ones) on this conversation, as
 * Chatwoot's macro menu does: `POST /macros/:id/execute`. The run happens on the server after the answer; what it
 * changes (labels, assignee, messages, status) reaches the view through the realtime connection like any change.
 * The list is read each time the menu opens, so macros created meanwhile show up.
 */
export function MacroMenu({ conversation, onError }: { conversation: Conversation; onError(message: string): void }) {
  const { base } = useAccountData();
  const menu = useRef<HTMLDetailsElement>(null);
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  function toggled() {
    if (!menu.current?.open) return;
    setRunning(null);
    api.get<{ payload: Macro[] }>(`${base}/macros`).then(
      (list) => setMacros(list.payload),
      (caught) => onError(errorText(caught)),
    );
  }

  async function run(macro: Macro) {
    try {
      await api.post(`${base}/macros/${macro.id}/execute`, { conversation_ids: [conversation.id] });
      setRunning(macro.name);
    } catch (caught) {
      onError(errorText(caught));
    }
  }

  return (
    <details className="macro-menu" ref={menu} onToggle={toggled}>
      <summary>{t('macros.title')}</summary>
      <div className="menu" role="group" aria-label={t('macros.title')}>
        {macros === null && <p className="subtle">{t('macros.loading')}</p>}
        {macros?.length === 0 && <p className="subtle">{t('macros.empty')}</p>}
        {macros?.map((macro) => (
          <button
            key={macro.id}
            type="button"
            className="macro"
            aria-label={t('macros.run', { name: macro.name })}
            onClick={() => void run(macro)}
          >
            <strong>{macro.name}</strong>
            <span className="subtle">
              {summary(macro)}
              {macro.visibility === 'personal' ? ` · ${t('macros.personal')}` : ''}
            </span>
          </button>
        ))}
        {running && (
          <p className="subtle" role="status">
            {t('macros.running', { name: running })}
          </p>
        )}
      </div>
    </details>
  );
}
