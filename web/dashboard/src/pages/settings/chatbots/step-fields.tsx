import { Field } from '../../../components/settings-kit.tsx';
import { t } from '../../../lib/i18n.ts';

/** Controlled inputs of the step form; an emptied optional field is removed from the step (undefined). */

export function TextInput({
  label,
  value,
  onChange,
  multiline,
  hint,
}: {
  label: string;
  value: string | undefined;
  onChange(v: string | undefined): void;
  multiline?: boolean;
  hint?: string;
}) {
  const set = (v: string) => onChange(v === '' ? undefined : v);
  return (
    <Field label={label} hint={hint}>
      {multiline ? (
        <textarea rows={3} value={value ?? ''} onChange={(e) => set(e.target.value)} />
      ) : (
        <input value={value ?? ''} onChange={(e) => set(e.target.value)} />
      )}
    </Field>
  );
}

export function NumberInput({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      <input
        type="number"
        min={0}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </Field>
  );
}

export function SelectInput<T extends string>({
  label,
  value,
  options,
  onChange,
  optional,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange(v: T | undefined): void;
  optional?: boolean;
}) {
  return (
    <Field label={label}>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {(optional || value === undefined) && <option value="">{t('flows.none')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Which step comes next: any step of the flow, or none (the flow ends there, or the validator says it must not). */
export function TargetSelect({
  label,
  value,
  stepIds,
  onChange,
}: {
  label: string;
  value: string | undefined;
  stepIds: string[];
  onChange(v: string | undefined): void;
}) {
  return <SelectInput label={label} value={value} options={stepIds} onChange={onChange} optional />;
}
