import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { useProfile } from '../../lib/session.tsx';
import { t } from '../../lib/i18n.ts';
import type { Agent } from '../../lib/types.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { useState } from 'react';
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
} from '../../components/settings-kit.tsx';

const ROLES = ['agent', 'administrator'] as const;

function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`settings.agents.role.${role}`)}
    </option>
  ));
}

/** The account's people: add one with a role, change a role, remove someone from the account. */
export function AgentsSettings() {
  const { base, reload: reloadAccount } = useAccountData();
  const me = useProfile();
  const agents = useLoad(() => api.get<Agent[]>(`${base}/agents`), [base]);
  const rowAction = useAction();
  const addAction = useAction();

  const changed = () => {
    agents.reload();
    reloadAccount();
  };
  const setRole = (agent: Agent, role: string) =>
    void rowAction.run(() => api.patch(`${base}/agents/${agent.id}`, { role }).then(changed));
  const remove = (agent: Agent) => void rowAction.run(() => api.delete(`${base}/agents/${agent.id}`).then(changed));
  const [invitation, setInvitation] = useState<{ email: string; url: string; mailed: boolean } | null>(null);
  const invite = (agent: Agent) =>
    void rowAction.run(() =>
      api
        .post<{ invitation_url: string; mailed: boolean }>(`${base}/agents/${agent.id}/invitation`)
        .then((answer) => setInvitation({ email: agent.email, url: answer.invitation_url, mailed: answer.mailed })),
    );
  const add = (form: FormData) =>
    addAction.run(() =>
      api
        .post(`${base}/agents`, {
          name: text(form, 'name') ?? undefined,
          email: text(form, 'email') ?? '',
          role: form.get('role'),
        })
        .then(changed),
    );

  return (
    <>
      <PageHeader title={t('settings.agents.title')} intro={t('settings.agents.intro')} />
      <div className="settings-split">
        <div>
          {agents.error && <Empty>{agents.error}</Empty>}
          {!agents.data && !agents.error && <Loading />}
          <ErrorNote error={rowAction.error} />
          {invitation && <InvitationNote {...invitation} />}
          <ul className="settings-list" aria-label={t('settings.agents.list')}>
            {agents.data?.map((agent) => (
              <li key={agent.id}>
                <Avatar
                  name={agent.available_name}
                  src={agent.thumbnail || undefined}
                  size={28}
                  status={agent.availability_status}
                />
                <div className="item-main">
                  <strong>{agent.available_name}</strong>
                  <span className="subtle">{agent.email}</span>
                  {!agent.confirmed && <span className="subtle">{t('settings.agents.pending')}</span>}
                </div>
                {!agent.confirmed && (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('settings.agents.inviteLinkOf', { name: agent.available_name })}
                    disabled={rowAction.busy}
                    onClick={() => invite(agent)}
                  >
                    {t('settings.agents.inviteLink')}
                  </button>
                )}
                <select
                  aria-label={t('settings.agents.roleOf', { name: agent.available_name })}
                  value={agent.role}
                  disabled={rowAction.busy}
                  onChange={(e) => setRole(agent, e.target.value)}
                >
                  <RoleOptions />
                </select>
                {agent.id !== me.id && (
                  <ConfirmDelete name={agent.available_name} onConfirm={() => remove(agent)} verb="remove" />
                )}
              </li>
            ))}
          </ul>
          {agents.data?.length === 1 && <Empty>{t('settings.agents.onlyYou')}</Empty>}
        </div>
        <SettingsForm
          title={t('settings.agents.add')}
          submitLabel={t('settings.agents.addSubmit')}
          busy={addAction.busy}
          error={addAction.error}
          onSubmit={add}
          resetOnSuccess
        >
          <Field label={t('settings.agents.name')}>
            <input name="name" maxLength={255} autoComplete="off" />
          </Field>
          <Field label={t('settings.agents.email')}>
            <input name="email" type="email" required maxLength={255} autoComplete="off" />
          </Field>
          <Field label={t('settings.agents.roleLabel')}>
            <select name="role" defaultValue="agent">
              <RoleOptions />
            </select>
          </Field>
          <p className="hint">{t('settings.agents.passwordHint')}</p>
        </SettingsForm>
      </div>
    </>
  );
}

/** A fresh invitation link, shown once so an administrator can pass it on when no mail goes out. */
function InvitationNote({ email, url, mailed }: { email: string; url: string; mailed: boolean }) {
  return (
    <div className="invitation-note" role="status">
      <p>{t(mailed ? 'settings.agents.inviteMailed' : 'settings.agents.inviteNotMailed', { email })}</p>
      <input
        readOnly
        value={url}
        aria-label={t('settings.agents.inviteLinkOf', { name: email })}
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}
