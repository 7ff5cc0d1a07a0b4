import { t } from '../../../lib/i18n.ts';
import { HTTP_METHODS, type Step } from './flow-edit.ts';
import { ChoicesEditor, PairsEditor, RulesEditor } from './list-editors.tsx';
import { NumberInput, SelectInput, TargetSelect, TextInput } from './step-fields.tsx';
import { BodyInput } from './BodyInput.tsx';

type Props = { step: Step; stepIds: string[]; set(field: string, value: unknown): void };

/** The fields of each step kind, exactly those definition.ts gives it. */
export function KindFields({ step, stepIds, set }: Props) {
  const target = (field: string, value: string | undefined) => (
    <TargetSelect
      label={t(`flows.field.${field as 'next'}`)}
      value={value}
      stepIds={stepIds}
      onChange={(v) => set(field, v)}
    />
  );
  switch (step.kind) {
    case 'message':
    case 'ask':
      return (
        <>
          <TextInput
            label={t('flows.field.text')}
            value={step.text}
            multiline
            onChange={(v) => set('text', v)}
            hint={t('flows.hint.template')}
          />
          <TextInput label={t('flows.field.mediaUrl')} value={step.mediaUrl} onChange={(v) => set('mediaUrl', v)} />
          <ChoicesEditor
            choices={step.choices}
            withNext={step.kind === 'ask'}
            stepIds={stepIds}
            onChange={(v) => set('choices', v)}
          />
          <SelectInput
            label={t('flows.field.choiceStyle')}
            value={step.choiceStyle}
            options={['buttons', 'list'] as const}
            optional
            onChange={(v) => set('choiceStyle', v)}
          />
          {step.kind === 'ask' && (
            <>
              <TextInput label={t('flows.field.saveAs')} value={step.saveAs} onChange={(v) => set('saveAs', v)} />
              <NumberInput
                label={t('flows.field.timeoutSeconds')}
                value={step.timeoutSeconds}
                onChange={(v) => set('timeoutSeconds', v)}
              />
              {step.timeoutSeconds !== undefined && target('onTimeout', step.onTimeout)}
            </>
          )}
          {target('next', step.next)}
        </>
      );
    case 'branch':
      return (
        <>
          <RulesEditor rules={step.rules} stepIds={stepIds} onChange={(v) => set('rules', v)} />
          {target('default', step.default)}
        </>
      );
    case 'set':
      return (
        <>
          <SelectInput
            label={t('flows.field.target')}
            value={step.target}
            options={['contact', 'session', 'var'] as const}
            onChange={(v) => set('target', v)}
          />
          <TextInput label={t('flows.field.key')} value={step.key} onChange={(v) => set('key', v ?? '')} />
          <TextInput
            label={t('flows.field.value')}
            value={step.value ?? undefined}
            onChange={(v) => set('value', v ?? '')}
            hint={t('flows.hint.template')}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={step.value === null}
              onChange={(e) => set('value', e.target.checked ? null : '')}
            />
            {t('flows.field.removeKey')}
          </label>
          {target('next', step.next)}
        </>
      );
    case 'tag':
      return (
        <>
          <SelectInput
            label={t('flows.field.action')}
            value={step.action}
            options={['add', 'remove'] as const}
            onChange={(v) => set('action', v)}
          />
          <TextInput label={t('flows.field.tag')} value={step.tag} onChange={(v) => set('tag', v ?? '')} />
          {target('next', step.next)}
        </>
      );
    case 'http':
      return (
        <>
          <SelectInput
            label={t('flows.field.method')}
            value={step.method}
            options={HTTP_METHODS}
            onChange={(v) => set('method', v)}
          />
          <TextInput
            label={t('flows.field.url')}
            value={step.url}
            onChange={(v) => set('url', v ?? '')}
            hint={t('flows.hint.template')}
          />
          <PairsEditor legend={t('flows.field.headers')} pairs={step.headers} onChange={(v) => set('headers', v)} />
          <BodyInput value={step.body} onChange={(v) => set('body', v)} />
          <NumberInput
            label={t('flows.field.timeoutMs')}
            value={step.timeoutMs}
            onChange={(v) => set('timeoutMs', v)}
          />
          <PairsEditor legend={t('flows.field.map')} pairs={step.map} onChange={(v) => set('map', v)} />
          {target('next', step.next)}
          {target('onError', step.onError)}
        </>
      );
    case 'handoff':
      return (
        <>
          <TextInput
            label={t('flows.field.departmentId')}
            value={step.departmentId}
            onChange={(v) => set('departmentId', v)}
          />
          <TextInput label={t('flows.field.userId')} value={step.userId} onChange={(v) => set('userId', v)} />
          <TextInput label={t('flows.field.text')} value={step.text} multiline onChange={(v) => set('text', v)} />
        </>
      );
    case 'wait':
      return (
        <>
          <NumberInput label={t('flows.field.seconds')} value={step.seconds} onChange={(v) => set('seconds', v)} />
          {target('next', step.next)}
        </>
      );
    case 'complete':
      return <TextInput label={t('flows.field.text')} value={step.text} multiline onChange={(v) => set('text', v)} />;
  }
}
