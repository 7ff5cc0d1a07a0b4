import { t } from '../../../lib/i18n.ts';
import { CONDITION_OPS, CONDITION_SOURCES } from './flow-edit.ts';
import type { BranchRule, Choice } from '../../../../../../src/domain/chatbots/definition.ts';

/** Editors of a step's lists: choices, branch rules, and name → value pairs (HTTP headers, response map). */

function replaceAt<T>(list: T[], i: number, item: T | undefined): T[] {
  return item === undefined ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? item : x));
}

const unset = <T extends object>(item: T, key: keyof T, value: unknown): T => {
  const copy = { ...item } as Record<string, unknown>;
  if (value === '' || value === undefined) delete copy[key as string];
  else copy[key as string] = value;
  return copy as T;
};

function TargetCell({
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
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{t('flows.none')}</option>
      {stepIds.map((id) => (
        <option key={id} value={id}>
          → {id}
        </option>
      ))}
    </select>
  );
}

export function ChoicesEditor({
  choices,
  withNext,
  stepIds,
  onChange,
}: {
  choices: Choice[] | undefined;
  withNext: boolean;
  stepIds: string[];
  onChange(c: Choice[] | undefined): void;
}) {
  const list = choices ?? [];
  const set = (next: Choice[]) => onChange(next.length ? next : undefined);
  return (
    <fieldset className="flow-list">
      <legend>{t('flows.field.choices')}</legend>
      {list.map((choice, i) => (
        <div key={i} className="flow-list-row">
          <input
            aria-label={t('flows.choiceTitle', { n: i + 1 })}
            placeholder={t('flows.field.title')}
            value={choice.title}
            onChange={(e) => set(replaceAt(list, i, { ...choice, title: e.target.value }))}
          />
          <input
            aria-label={t('flows.choiceValue', { n: i + 1 })}
            placeholder={t('flows.field.value')}
            value={choice.value ?? ''}
            onChange={(e) => set(replaceAt(list, i, unset(choice, 'value', e.target.value)))}
          />
          {withNext && (
            <TargetCell
              label={t('flows.choiceNext', { n: i + 1 })}
              value={choice.next}
              stepIds={stepIds}
              onChange={(v) => set(replaceAt(list, i, unset(choice, 'next', v)))}
            />
          )}
          <button
            type="button"
            className="link danger"
            aria-label={t('flows.removeChoice', { n: i + 1 })}
            onClick={() => set(replaceAt(list, i, undefined))}
          >
            ✕
          </button>
        </div>
      ))}
      {list.length < 10 && (
        <button type="button" className="link" onClick={() => set([...list, { title: '' }])}>
          + {t('flows.addChoice')}
        </button>
      )}
    </fieldset>
  );
}

export function RulesEditor({
  rules,
  stepIds,
  onChange,
}: {
  rules: BranchRule[] | undefined;
  stepIds: string[];
  onChange(r: BranchRule[]): void;
}) {
  const list = rules ?? [];
  return (
    <fieldset className="flow-list">
      <legend>{t('flows.field.rules')}</legend>
      {list.map((rule, i) => (
        <div key={i} className="flow-list-row wrap-row">
          <select
            aria-label={t('flows.ruleSource', { n: i + 1 })}
            value={rule.source}
            onChange={(e) => onChange(replaceAt(list, i, { ...rule, source: e.target.value as BranchRule['source'] }))}
          >
            {CONDITION_SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          {rule.source !== 'reply' && (
            <input
              aria-label={t('flows.ruleKey', { n: i + 1 })}
              placeholder={t('flows.field.key')}
              value={rule.key ?? ''}
              onChange={(e) => onChange(replaceAt(list, i, unset(rule, 'key', e.target.value)))}
            />
          )}
          <select
            aria-label={t('flows.ruleOp', { n: i + 1 })}
            value={rule.op}
            onChange={(e) => onChange(replaceAt(list, i, { ...rule, op: e.target.value as BranchRule['op'] }))}
          >
            {CONDITION_OPS.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          {rule.op !== 'exists' && rule.op !== 'not_exists' && (
            <input
              aria-label={t('flows.ruleValue', { n: i + 1 })}
              placeholder={t('flows.field.value')}
              value={String(rule.value ?? '')}
              onChange={(e) => onChange(replaceAt(list, i, unset(rule, 'value', e.target.value)))}
            />
          )}
          <TargetCell
            label={t('flows.ruleNext', { n: i + 1 })}
            value={rule.next}
            stepIds={stepIds}
            onChange={(v) => onChange(replaceAt(list, i, unset(rule, 'next', v)))}
          />
          <button
            type="button"
            className="link danger"
            aria-label={t('flows.removeRule', { n: i + 1 })}
            onClick={() => onChange(replaceAt(list, i, undefined))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link"
        onClick={() => onChange([...list, { source: 'reply', op: 'equals', value: '' } as BranchRule])}
      >
        + {t('flows.addRule')}
      </button>
    </fieldset>
  );
}

export function PairsEditor({
  legend,
  pairs,
  onChange,
}: {
  legend: string;
  pairs: Record<string, string> | undefined;
  onChange(p: Record<string, string> | undefined): void;
}) {
  const list = Object.entries(pairs ?? {});
  const set = (next: [string, string][]) => onChange(next.length ? Object.fromEntries(next) : undefined);
  return (
    <fieldset className="flow-list">
      <legend>{legend}</legend>
      {list.map(([name, value], i) => (
        <div key={i} className="flow-list-row">
          <input
            aria-label={`${legend} ${i + 1}`}
            value={name}
            onChange={(e) => set(replaceAt(list, i, [e.target.value, value]))}
          />
          <input
            aria-label={`${legend} ${i + 1} ${t('flows.field.value')}`}
            value={value}
            onChange={(e) => set(replaceAt(list, i, [name, e.target.value]))}
          />
          <button type="button" className="link danger" onClick={() => set(replaceAt(list, i, undefined))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => set([...list, [`name${list.length + 1}`, '']])}>
        + {t('flows.addPair')}
      </button>
    </fieldset>
  );
}
