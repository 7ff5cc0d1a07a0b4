import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t, type StringKey } from '../../lib/i18n.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { Field, text } from '../../components/settings-kit.tsx';
import type { AttributeJson } from './settings-types.ts';

const MODELS = ['conversation_attribute', 'contact_attribute'] as const;
const DISPLAY_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'] as const;

const modelName = (model: string) => t(`settings.attributes.model.${model}` as StringKey);
const typeName = (type: string) => t(`settings.attributes.type.${type}` as StringKey);

/** Custom attribute definitions: the extra fields conversations and contacts carry, and how they are shown. */
export function AttributesSettings() {
  const { base } = useAccountData();
  return (
    <CrudPage<AttributeJson>
      title={t('settings.attributes.title')}
      intro={t('settings.attributes.intro')}
      listLabel={t('settings.attributes.list')}
      empty={t('settings.attributes.empty')}
      load={() => api.get<AttributeJson[]>(`${base}/custom_attribute_definitions`)}
      deps={[base]}
      itemName={(attribute) => attribute.attribute_display_name}
      row={(attribute) => (
        <>
          <strong>{attribute.attribute_display_name}</strong>
          <span className="subtle">
            {attribute.attribute_key} · {modelName(attribute.attribute_model)} ·{' '}
            {typeName(attribute.attribute_display_type)}
          </span>
        </>
      )}
      remove={(attribute) => api.delete(`${base}/custom_attribute_definitions/${attribute.id}`)}
      Form={AttributeForm}
    />
  );
}

/** "Order number" → "order_number", as a key suggestion while the key field is untouched. */
const keyFor = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function AttributeForm(props: CrudFormProps<AttributeJson>) {
  const { base } = useAccountData();
  const { item } = props;
  const [type, setType] = useState(item?.attribute_display_type ?? 'text');
  const [suggestedKey, setSuggestedKey] = useState(item?.attribute_key ?? '');
  const [keyTouched, setKeyTouched] = useState(Boolean(item));
  const body = (form: FormData) => {
    const values = String(form.get('attribute_values') ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return {
      attribute_display_name: text(form, 'attribute_display_name') ?? '',
      attribute_key: text(form, 'attribute_key') ?? '',
      attribute_model: form.get('attribute_model'),
      attribute_display_type: type,
      attribute_description: text(form, 'attribute_description'),
      attribute_values: type === 'list' ? values : [],
      regex_pattern: type === 'text' ? text(form, 'regex_pattern') : null,
    };
  };
  return (
    <CrudForm
      {...props}
      path={`${base}/custom_attribute_definitions`}
      title={
        item ? t('settings.attributes.editTitle', { name: item.attribute_display_name }) : t('settings.attributes.new')
      }
      submitLabel={item ? t('common.save') : t('settings.attributes.create')}
      body={body}
    >
      <Field label={t('settings.attributes.name')}>
        <input
          name="attribute_display_name"
          defaultValue={item?.attribute_display_name}
          required
          maxLength={255}
          onChange={(e) => keyTouched || setSuggestedKey(keyFor(e.target.value))}
        />
      </Field>
      <Field label={t('settings.attributes.key')} hint={t('settings.attributes.keyHint')}>
        <input
          name="attribute_key"
          value={suggestedKey}
          required
          maxLength={255}
          onChange={(e) => {
            setKeyTouched(true);
            setSuggestedKey(e.target.value);
          }}
        />
      </Field>
      <Field label={t('settings.attributes.modelLabel')}>
        <select name="attribute_model" defaultValue={item?.attribute_model ?? MODELS[0]}>
          {MODELS.map((model) => (
            <option key={model} value={model}>
              {modelName(model)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('settings.attributes.typeLabel')}>
        <select name="attribute_display_type" value={type} onChange={(e) => setType(e.target.value)}>
          {DISPLAY_TYPES.map((displayType) => (
            <option key={displayType} value={displayType}>
              {typeName(displayType)}
            </option>
          ))}
        </select>
      </Field>
      {type === 'list' && (
        <Field label={t('settings.attributes.values')} hint={t('settings.attributes.valuesHint')}>
          <input name="attribute_values" defaultValue={item?.attribute_values.map(String).join(', ')} required />
        </Field>
      )}
      {type === 'text' && (
        <Field label={t('settings.attributes.regex')} hint={t('settings.attributes.regexHint')}>
          <input name="regex_pattern" defaultValue={item?.regex_pattern ?? ''} />
        </Field>
      )}
      <Field label={t('settings.attributes.description')}>
        <input name="attribute_description" defaultValue={item?.attribute_description ?? ''} />
      </Field>
    </CrudForm>
  );
}
