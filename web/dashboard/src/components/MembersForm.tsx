import { useAccountData } from '../lib/account-data.tsx';
import { t } from '../lib/i18n.ts';
import type { Agent } from '../lib/types.ts';
import { Avatar } from './Avatar.tsx';
import { Empty, Loading, SettingsForm, checkedIds, useAction, useLoad } from './settings-kit.tsx';

/** The agents of an inbox or a team: every agent of the account with a box ticked for each member; saved as the exact list. */
export function MembersForm({
  title,
  load,
  save,
  deps,
}: {
  title: string;
  load(): Promise<Agent[]>;
  save(userIds: number[]): Promise<unknown>;
  deps: readonly unknown[];
}) {
  const { agents } = useAccountData();
  const members = useLoad(load, deps);
  const action = useAction();
  if (members.error) return <Empty>{members.error}</Empty>;
  if (!members.data) return <Loading />;
  const current = new Set(members.data.map((m) => m.id));
  return (
    <SettingsForm
      key={[...current].join(',')}
      title={title}
      submitLabel={t('settings.members.save')}
      busy={action.busy}
      error={action.error}
      onSubmit={(form) => action.run(() => save(checkedIds(form, 'member')).then(members.reload))}
    >
      {agents.length ? (
        <fieldset className="member-list">
          <legend className="visually-hidden">{title}</legend>
          {agents.map((agent) => (
            <label key={agent.id} className="check">
              <input type="checkbox" name="member" value={agent.id} defaultChecked={current.has(agent.id)} />
              <Avatar name={agent.available_name} src={agent.thumbnail || undefined} size={22} />
              {agent.available_name} <span className="subtle">{agent.email}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <Empty>{t('settings.members.noAgents')}</Empty>
      )}
    </SettingsForm>
  );
}
