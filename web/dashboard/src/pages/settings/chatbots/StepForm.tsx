import { useState } from 'react';
import { t } from '../../../lib/i18n.ts';
import { Field } from '../../../components/settings-kit.tsx';
import type { Step } from './flow-edit.ts';
import { KindFields } from './kind-fields.tsx';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The selected step's form: its id (renaming moves the edges), its kind's fields, start and remove. */
export function StepForm({
  step,
  isStart,
  stepIds,
  problems,
  onChange,
  onMakeStart,
  onRemove,
}: {
  step: Step;
  isStart: boolean;
  stepIds: string[];
  problems: string[];
  onChange(step: Step): void;
  onMakeStart(): void;
  onRemove(): void;
}) {
  const [id, setId] = useState(step.id);
  const idOk = id === step.id || (ID.test(id) && !stepIds.includes(id));
  const set = (field: string, value: unknown) => {
    const copy = { ...step } as Record<string, unknown>;
    if (value === undefined) delete copy[field];
    else copy[field] = value;
    onChange(copy as unknown as Step);
  };
  return (
    <form
      className="flow-step-form"
      aria-label={t('flows.stepForm', { id: step.id })}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="row-between">
        <h3>
          {t(`flows.kind.${step.kind}`)} <span className="subtle">· {step.id}</span>
        </h3>
        {isStart ? (
          <span className="flow-start">{t('flows.start')}</span>
        ) : (
          <button type="button" className="link" onClick={onMakeStart}>
            {t('flows.makeStart')}
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="form-error flow-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Field label={t('flows.field.id')} hint={idOk ? undefined : t('flows.hint.id')}>
        <input
          value={id}
          aria-invalid={!idOk}
          onChange={(e) => setId(e.target.value)}
          onBlur={() => idOk && id !== step.id && onChange({ ...step, id })}
        />
      </Field>
      <KindFields step={step} stepIds={stepIds} set={set} />
      <div className="row-buttons start">
        <button type="button" className="danger" onClick={onRemove}>
          {t('flows.removeStep', { id: step.id })}
        </button>
      </div>
    </form>
  );
}
