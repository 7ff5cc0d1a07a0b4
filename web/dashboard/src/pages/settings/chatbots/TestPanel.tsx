import { useState, type FormEvent } from 'react';
import { useAccountData } from '../../../lib/account-data.tsx';
import { t } from '../../../lib/i18n.ts';
import { ErrorNote, useAction } from '../../../components/settings-kit.tsx';
import { flowApi, type SandboxState, type SandboxTurn } from './flow-api.ts';
import type { FlowDefinition } from './flow-edit.ts';

type Line = { from: 'bot' | 'you' | 'event'; text: string; choices?: string[] };

/** What a turn adds to the transcript: the bot's messages, then what it did (pretend changes, requests, the end). */
function linesOf(turn: SandboxTurn): Line[] {
  const lines: Line[] = turn.messages.map((m) => ({
    from: 'bot',
    text: [m.text, m.mediaUrl].filter(Boolean).join('\n'),
    choices: m.choices?.map((c) => c.title),
  }));
  lines.push(...turn.events.map((e): Line => ({ from: 'event', text: `${e.step}: ${e.text}` })));
  if (turn.status !== 'waiting') lines.push({ from: 'event', text: turn.reason ?? turn.status });
  return lines;
}

/**
 * The Test panel: the flow as it is in the editor (saved or not) runs on the server's sandbox, one reply at a
 * time; nothing real is touched (no contact, no conversation, no message). Variables show as they change.
 */
export function TestPanel({ def }: { def: FlowDefinition }) {
  const { base } = useAccountData();
  const [lines, setLines] = useState<Line[]>([]);
  const [state, setState] = useState<SandboxState | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [reply, setReply] = useState('');
  const action = useAction();
  const turn = (text?: string) =>
    void action.run(async () => {
      const result = await flowApi(base).sandbox(def, text === undefined ? undefined : (state ?? undefined), text);
      setLines((old) => [
        ...(text === undefined ? [] : old),
        ...(text === undefined ? [] : [{ from: 'you' as const, text }]),
        ...linesOf(result),
      ]);
      setState(result.state);
      setWaiting(result.status === 'waiting');
      setReply('');
    });
  const lastBot = lines.findLastIndex((line) => line.from === 'bot');
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (reply.trim()) turn(reply);
  };
  return (
    <section className="flow-test" aria-label={t('flows.tab.test')}>
      <div className="row-between">
        <p className="hint">{t('flows.testHint')}</p>
        <button type="button" className="primary" disabled={action.busy} onClick={() => turn()}>
          {t(state ? 'flows.restart' : 'flows.run')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      <ol className="flow-transcript" aria-label={t('flows.transcript')}>
        {lines.map((line, i) => (
          <li key={i} className={`from-${line.from}`}>
            <span>{line.text}</span>
            {line.choices && waiting && i === lastBot && (
              <span className="flow-choices">
                {line.choices.map((c) => (
                  <button key={c} type="button" onClick={() => turn(c)}>
                    {c}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
      {waiting && (
        <form className="flow-reply" onSubmit={send}>
          <input
            aria-label={t('flows.reply')}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            placeholder={t('flows.reply')}
          />
          <button type="submit" disabled={action.busy}>
            {t('flows.send')}
          </button>
        </form>
      )}
      {state && (
        <section aria-label={t('flows.variables')}>
          <h4>{t('flows.variables')}</h4>
          <pre className="flow-vars">
            {JSON.stringify({ vars: state.variables, contact: state.contact, session: state.session }, null, 2)}
          </pre>
        </section>
      )}
    </section>
  );
}
