import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { Field, text } from '../../components/settings-kit.tsx';
import type { CannedJson } from './settings-types.ts';

/** Canned responses: a short code an agent types after / in the reply box, and the text it inserts. */
export function CannedSettings() {
  const { base, reload } = useAccountData();
  return (
    <CrudPage<CannedJson>
      title={t('settings.canned.title')}
      intro={t('settings.canned.intro')}
      listLabel={t('settings.canned.list')}
      empty={t('settings.canned.empty')}
      load={() => api.get<CannedJson[]>(`${base}/canned_responses`)}
      deps={[base]}
      itemName={(canned) => canned.short_code}
      row={(canned) => (
        <>
          <strong>/{canned.short_code}</strong>
          <span className="subtle clamp">{canned.content}</span>
        </>
      )}
      remove={(canned) => api.delete(`${base}/canned_responses/${canned.id}`)}
      Form={CannedForm}
      afterChange={reload}
    />
  );
}

function CannedForm(props: CrudFormProps<CannedJson>) {
  const { base } = useAccountData();
  const { item } = props;
  return (
    <CrudForm
      {...props}
      path={`${base}/canned_responses`}
      title={item ? t('settings.canned.editTitle', { name: item.short_code }) : t('settings.canned.new')}
      submitLabel={item ? t('common.save') : t('settings.canned.create')}
      body={(form) => ({ short_code: text(form, 'short_code') ?? '', content: text(form, 'content') ?? '' })}
    >
      <Field label={t('settings.canned.shortCode')} hint={t('settings.canned.shortCodeHint')}>
        <input name="short_code" defaultValue={item?.short_code} required maxLength={255} />
      </Field>
      <Field label={t('settings.canned.content')}>
        <textarea name="content" rows={5} defaultValue={item?.content} required />
      </Field>
    </CrudForm>
  );
}
