import { createContext, useContext, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import { navigate } from '../../lib/router.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import {
  Empty,
  ErrorNote,
  Field,
  Loading,
  OneTimeSecret,
  text,
  useAction,
  useLoad,
} from '../../components/settings-kit.tsx';
import type { AgentBotJson, ChatbotJson } from './settings-types.ts';

interface MintedToken {
  botName: string;
  token: string;
}

/** Where a freshly minted bot token goes: shown once above the list, never stored by the page. */
const TokenShown = createContext<(minted: MintedToken) => void>(() => {});

/** Agent bots (webhook bots: create, edit, delete, new token) and the chatbot flows, listed read-only. */
export function BotsSettings() {
  const { base } = useAccountData();
  const [minted, setMinted] = useState<MintedToken | null>(null);
  return (
    <TokenShown.Provider value={setMinted}>
      {minted && (
        <OneTimeSecret
          label={t('settings.bots.tokenOf', { name: minted.botName })}
          value={minted.token}
          note={t('settings.bots.tokenOnce')}
        />
      )}
      <CrudPage<AgentBotJson>
        title={t('settings.bots.title')}
        intro={t('settings.bots.intro')}
        listLabel={t('settings.bots.list')}
        empty={t('settings.bots.empty')}
        load={() => api.get<AgentBotJson[]>(`${base}/agent_bots`).then((bots) => bots.filter((bot) => !bot.system_bot))}
        deps={[base]}
        itemName={(bot) => bot.name}
        row={(bot) => (
          <>
            <strong>{bot.name}</strong>
            <span className="subtle wrap">{bot.outgoing_url || bot.description || ''}</span>
          </>
        )}
        remove={(bot) => api.delete(`${base}/agent_bots/${bot.id}`)}
        Form={BotForm}
        below={(bot) => <ResetToken key={bot.id} bot={bot} />}
      />
      <ChatbotFlows />
    </TokenShown.Provider>
  );
}

function BotForm(props: CrudFormProps<AgentBotJson>) {
  const { base } = useAccountData();
  const showToken = useContext(TokenShown);
  const { item } = props;
  return (
    <CrudForm
      {...props}
      path={`${base}/agent_bots`}
      title={item ? t('settings.bots.editTitle', { name: item.name }) : t('settings.bots.new')}
      submitLabel={item ? t('common.save') : t('settings.bots.create')}
      body={(form) => ({
        name: text(form, 'name') ?? '',
        description: text(form, 'description'),
        outgoing_url: text(form, 'outgoing_url'),
      })}
      onCreated={(created) => {
        const bot = created as AgentBotJson;
        if (bot.access_token) showToken({ botName: bot.name, token: bot.access_token });
      }}
    >
      <Field label={t('settings.bots.name')}>
        <input name="name" defaultValue={item?.name} required maxLength={255} />
      </Field>
      <Field label={t('settings.bots.url')} hint={t('settings.bots.urlHint')}>
        <input name="outgoing_url" type="url" defaultValue={item?.outgoing_url ?? ''} maxLength={2048} />
      </Field>
      <Field label={t('settings.bots.description')}>
        <textarea name="description" rows={2} defaultValue={item?.description ?? ''} />
      </Field>
    </CrudForm>
  );
}

function ResetToken({ bot }: { bot: AgentBotJson }) {
  const { base } = useAccountData();
  const showToken = useContext(TokenShown);
  const action = useAction();
  const reset = () =>
    void action.run(async () => {
      const fresh = await api.post<AgentBotJson>(`${base}/agent_bots/${bot.id}/reset_access_token`);
      if (fresh.access_token) showToken({ botName: fresh.name, token: fresh.access_token });
    });
  return (
    <section className="settings-form" aria-label={t('settings.bots.token')}>
      <h3>{t('settings.bots.token')}</h3>
      <p className="hint">{t('settings.bots.tokenHint')}</p>
      <ErrorNote error={action.error} />
      <div className="row-buttons start">
        <button type="button" disabled={action.busy} onClick={reset}>
          {t('settings.bots.resetToken', { name: bot.name })}
        </button>
      </div>
    </section>
  );
}

function ChatbotFlows() {
  const { base, accountId } = useAccountData();
  const builder = (id: string) => `/app/accounts/${accountId}/settings/chatbots/${id}`;
  const flows = useLoad(() => api.get<{ payload: ChatbotJson[]; meta: { count: number } }>(`${base}/chatbots`), [base]);
  return (
    <section className="settings-form flows" aria-labelledby="flows-title">
      <h3 id="flows-title">{t('settings.flows.title')}</h3>
      <p className="hint">{t('settings.flows.intro')}</p>
      {flows.error && <Empty>{flows.error}</Empty>}
      {!flows.data && !flows.error && <Loading />}
      {flows.data?.payload.length === 0 && <Empty>{t('settings.flows.empty')}</Empty>}
      <ul className="settings-list" aria-label={t('settings.flows.list')}>
        {flows.data?.payload.map((flow) => (
          <li key={flow.id}>
            <div className="item-main">
              <a href={builder(flow.id)} onClick={(e) => (e.preventDefault(), navigate(builder(flow.id)))}>
                <strong>{flow.name}</strong>
              </a>
              <span className="subtle">
                {t('settings.flows.version', { n: flow.version })} · {new Date(flow.updated_at).toLocaleDateString()}
                {flow.description ? ` · ${flow.description}` : ''}
              </span>
            </div>
            <code className="subtle">{flow.id}</code>
          </li>
        ))}
      </ul>
      {flows.data && flows.data.meta.count > flows.data.payload.length && (
        <p className="hint">{t('settings.flows.more', { n: flows.data.meta.count })}</p>
      )}
    </section>
  );
}
