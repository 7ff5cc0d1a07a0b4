import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import type { Agent } from '../../lib/types.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { MembersForm } from '../../components/MembersForm.tsx';
import { CheckField, Field, text } from '../../components/settings-kit.tsx';
import type { TeamJson } from './settings-types.ts';

/** Teams and who is in them. */
export function TeamsSettings() {
  const { base, reload } = useAccountData();
  return (
    <CrudPage<TeamJson>
      title={t('settings.teams.title')}
      intro={t('settings.teams.intro')}
      listLabel={t('settings.teams.list')}
      empty={t('settings.teams.empty')}
      load={() => api.get<TeamJson[]>(`${base}/teams`)}
      deps={[base]}
      itemName={(team) => team.name}
      row={(team) => (
        <>
          <strong>{team.name}</strong>
          {team.description && <span className="subtle">{team.description}</span>}
        </>
      )}
      remove={(team) => api.delete(`${base}/teams/${team.id}`)}
      Form={TeamForm}
      below={(team) => (
        <MembersForm
          title={t('settings.teams.members', { name: team.name })}
          deps={[team.id]}
          load={() => api.get<Agent[]>(`${base}/teams/${team.id}/team_members`)}
          save={(user_ids) => api.patch(`${base}/teams/${team.id}/team_members`, { user_ids })}
        />
      )}
      afterChange={reload}
    />
  );
}

function TeamForm(props: CrudFormProps<TeamJson>) {
  const { base } = useAccountData();
  const { item } = props;
  return (
    <CrudForm
      {...props}
      path={`${base}/teams`}
      title={item ? t('settings.teams.editTitle', { name: item.name }) : t('settings.teams.new')}
      submitLabel={item ? t('common.save') : t('settings.teams.create')}
      body={(form) => ({
        name: text(form, 'name') ?? '',
        description: text(form, 'description'),
        allow_auto_assign: form.has('allow_auto_assign'),
      })}
    >
      <Field label={t('settings.teams.name')} hint={t('settings.teams.nameHint')}>
        <input name="name" defaultValue={item?.name} required maxLength={255} />
      </Field>
      <Field label={t('settings.teams.description')}>
        <textarea name="description" rows={2} defaultValue={item?.description ?? ''} />
      </Field>
      <CheckField
        name="allow_auto_assign"
        label={t('settings.teams.autoAssign')}
        defaultChecked={item?.allow_auto_assign ?? true}
      />
    </CrudForm>
  );
}
