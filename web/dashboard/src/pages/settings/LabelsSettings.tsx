import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { CheckField, Field, text } from '../../components/settings-kit.tsx';
import type { LabelJson } from './settings-types.ts';

/** Labels for conversations and contacts: title, description, colour, and whether the sidebar lists it. */
export function LabelsSettings() {
  const { base, reload } = useAccountData();
  return (
    <CrudPage<LabelJson>
      title={t('settings.labels.title')}
      intro={t('settings.labels.intro')}
      listLabel={t('settings.labels.list')}
      empty={t('settings.labels.empty')}
      load={() => api.get<{ payload: LabelJson[] }>(`${base}/labels`).then((r) => r.payload)}
      deps={[base]}
      itemName={(label) => label.title}
      row={(label) => (
        <>
          <strong>
            <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
            {label.title}
          </strong>
          {label.description && <span className="subtle">{label.description}</span>}
        </>
      )}
      remove={(label) => api.delete(`${base}/labels/${label.id}`)}
      Form={LabelForm}
      afterChange={reload}
    />
  );
}

function LabelForm(props: CrudFormProps<LabelJson>) {
  const { base } = useAccountData();
  const { item } = props;
  return (
    <CrudForm
      {...props}
      path={`${base}/labels`}
      title={item ? t('settings.labels.editTitle', { name: item.title }) : t('settings.labels.new')}
      submitLabel={item ? t('common.save') : t('settings.labels.create')}
      body={(form) => ({
        title: text(form, 'title') ?? '',
        description: text(form, 'description'),
        color: form.get('color'),
        show_on_sidebar: form.has('show_on_sidebar'),
      })}
    >
      <Field label={t('settings.labels.name')} hint={t('settings.labels.nameHint')}>
        <input name="title" defaultValue={item?.title} required maxLength={255} />
      </Field>
      <Field label={t('settings.labels.description')}>
        <input name="description" defaultValue={item?.description ?? ''} maxLength={1000} />
      </Field>
      <Field label={t('settings.labels.color')}>
        <input name="color" type="color" defaultValue={item?.color ?? '#1f93ff'} />
      </Field>
      <CheckField
        name="show_on_sidebar"
        label={t('settings.labels.sidebar')}
        defaultChecked={item?.show_on_sidebar ?? true}
      />
    </CrudForm>
  );
}
