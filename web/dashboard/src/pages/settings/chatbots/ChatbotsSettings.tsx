import { useAccountData } from '../../../lib/account-data.tsx';
import { t } from '../../../lib/i18n.ts';
import { navigate } from '../../../lib/router.ts';
import {
  ConfirmDelete,
  Empty,
  ErrorNote,
  Field,
  Loading,
  PageHeader,
  SettingsForm,
  text,
  useAction,
  useLoad,
} from '../../../components/settings-kit.tsx';
import { flowApi } from './flow-api.ts';
import { FlowEditor } from './FlowEditor.tsx';
import '../../../styles/flows.css';

const FIRST_FLOW = {
  start: 'hello',
  steps: [{ id: 'hello', kind: 'complete' as const, text: 'Hello! How can we help?' }],
};

/** Settings → Chatbots: the account's flows (create, delete), and the builder for the one in the path. */
export function ChatbotsSettings({ sub }: { sub?: string }) {
  const { base, accountId } = useAccountData();
  const href = (id?: string) => `/app/accounts/${accountId}/settings/chatbots${id ? `/${id}` : ''}`;
  if (sub) return <FlowEditor key={sub} id={sub} onClose={() => navigate(href())} />;
  return <ChatbotList base={base} open={(id) => navigate(href(id))} />;
}

function ChatbotList({ base, open }: { base: string; open(id: string): void }) {
  const flows = flowApi(base);
  const list = useLoad(() => flows.list(), [base]);
  const create = useAction();
  const remove = useAction();
  const submit = (form: FormData) =>
    create.run(async () => {
      const bot = await flows.create(text(form, 'name') ?? '', FIRST_FLOW);
      open(bot.id);
    });
  const onDelete = (id: string) =>
    void remove.run(async () => {
      await flows.remove(id);
      list.reload();
    });
  return (
    <>
      <PageHeader title={t('flows.title')} intro={t('flows.intro')} />
      <div className="settings-split">
        <div>
          {list.error && <Empty>{list.error}</Empty>}
          {!list.data && !list.error && <Loading />}
          {list.data?.payload.length === 0 && <Empty>{t('flows.empty')}</Empty>}
          <ErrorNote error={remove.error} />
          <ul className="settings-list" aria-label={t('flows.list')}>
            {list.data?.payload.map((flow) => (
              <li key={flow.id}>
                <div className="item-main">
                  <strong>{flow.name}</strong>
                  <span className="subtle">
                    {t('flows.liveVersion', { n: flow.version })}
                    {flow.description ? ` · ${flow.description}` : ''}
                  </span>
                </div>
                <button
                  type="button"
                  className="link"
                  aria-label={t('settings.editNamed', { name: flow.name })}
                  onClick={() => open(flow.id)}
                >
                  {t('settings.edit')}
                </button>
                <ConfirmDelete name={flow.name} onConfirm={() => onDelete(flow.id)} />
              </li>
            ))}
          </ul>
        </div>
        <SettingsForm
          title={t('flows.new')}
          submitLabel={t('flows.create')}
          busy={create.busy}
          error={create.error}
          onSubmit={submit}
        >
          <Field label={t('flows.name')}>
            <input name="name" required maxLength={200} />
          </Field>
        </SettingsForm>
      </div>
    </>
  );
}
