import { api } from '../../lib/api.ts';
import { useAccountData, type DashboardApp } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { Field, text } from '../../components/settings-kit.tsx';

/** Dashboard apps (Chatwoot's): a name and a page agents open beside a conversation. */
export function DashboardAppsSettings() {
  const { base, reload } = useAccountData();
  return (
    <CrudPage<DashboardApp>
      title={t('settings.apps.title')}
      intro={t('settings.apps.intro')}
      listLabel={t('settings.apps.list')}
      empty={t('settings.apps.empty')}
      load={() => api.get<DashboardApp[]>(`${base}/dashboard_apps`)}
      deps={[base]}
      itemName={(app) => app.title}
      row={(app) => (
        <>
          <strong>{app.title}</strong>
          <span className="subtle clamp">{app.content[0]?.url}</span>
        </>
      )}
      remove={(app) => api.delete(`${base}/dashboard_apps/${app.id}`)}
      Form={DashboardAppForm}
      afterChange={reload}
    />
  );
}

function DashboardAppForm(props: CrudFormProps<DashboardApp>) {
  const { base } = useAccountData();
  const { item } = props;
  return (
    <CrudForm
      {...props}
      path={`${base}/dashboard_apps`}
      title={item ? t('settings.apps.editTitle', { name: item.title }) : t('settings.apps.new')}
      submitLabel={item ? t('common.save') : t('settings.apps.create')}
      body={(form) => ({
        title: text(form, 'title') ?? '',
        content: [{ type: 'frame', url: text(form, 'url') ?? '' }],
      })}
    >
      <Field label={t('settings.apps.name')}>
        <input name="title" defaultValue={item?.title} required maxLength={255} />
      </Field>
      <Field label={t('settings.apps.url')} hint={t('settings.apps.urlHint')}>
        <input
          name="url"
          type="url"
          defaultValue={item?.content[0]?.url}
          required
          maxLength={2048}
          placeholder="https://"
        />
      </Field>
    </CrudForm>
  );
}
