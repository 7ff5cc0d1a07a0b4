import { useState } from 'react';
import { Field } from '../../../components/settings-kit.tsx';
import { t } from '../../../lib/i18n.ts';

/** An HTTP step's body: JSON text, taken into the step once it parses (until then the last good value stays). */
export function BodyInput({ value, onChange }: { value: unknown; onChange(v: unknown): void }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [bad, setBad] = useState(false);
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') return (setBad(false), onChange(undefined));
    try {
      onChange(JSON.parse(next));
      setBad(false);
    } catch {
      setBad(true);
    }
  };
  return (
    <Field label={t('flows.field.body')} hint={bad ? t('flows.hint.badJson') : t('flows.hint.body')}>
      <textarea rows={4} className="mono" value={text} aria-invalid={bad} onChange={(e) => edit(e.target.value)} />
    </Field>
  );
}
