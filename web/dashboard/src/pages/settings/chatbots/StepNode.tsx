import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { t } from '../../../lib/i18n.ts';
import { outletsOf, type Step } from './flow-edit.ts';

export type StepNodeData = { step: Step; isStart: boolean; problems: string[] };
export type StepNodeType = Node<StepNodeData, 'step'>;

/** What a step says or does, in a line. */
function summary(step: Step): string {
  switch (step.kind) {
    case 'branch':
      return t('flows.summary.rules', { n: step.rules?.length ?? 0 });
    case 'set':
      return `${step.target}.${step.key} = ${step.value ?? '∅'}`;
    case 'tag':
      return `${step.action} ${step.tag}`;
    case 'http':
      return `${step.method ?? 'GET'} ${step.url}`;
    case 'wait':
      return t('flows.summary.wait', { n: step.seconds });
    default:
      return step.text ?? '';
  }
}

/** An outlet's name on the canvas: a choice's title, a rule's number, or the field. */
function outletLabel(step: Step, field: string): string {
  const nested = /^(rules|choices)\[(\d+)\]\.next$/.exec(field);
  if (nested && step.kind === 'ask')
    return step.choices?.[Number(nested[2])]?.title || t('flows.outlet.choice', { n: Number(nested[2]) + 1 });
  if (nested) return t('flows.outlet.rule', { n: Number(nested[2]) + 1 });
  return t(`flows.outlet.${field as 'next' | 'default' | 'onTimeout' | 'onError'}`);
}

export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { step, isStart, problems } = data;
  const outlets = outletsOf(step);
  return (
    <div
      className={`flow-node${selected ? ' selected' : ''}${problems.length ? ' has-problem' : ''}`}
      data-testid={`step-${step.id}`}
    >
      <Handle type="target" position={Position.Top} />
      <div className="flow-node-head">
        <span className={`flow-kind kind-${step.kind}`}>{t(`flows.kind.${step.kind}`)}</span>
        <strong>{step.id}</strong>
        {isStart && <span className="flow-start">{t('flows.start')}</span>}
      </div>
      <div className="flow-node-text">{summary(step)}</div>
      {problems.length > 0 && (
        <ul className="flow-node-problems" role="alert" aria-label={t('flows.problemsOf', { id: step.id })}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {outlets.length > 0 && (
        <div className="flow-outlets">
          {outlets.map((field) => (
            <span key={field} className="flow-outlet">
              {outletLabel(step, field)}
              <Handle type="source" id={field} position={Position.Bottom} />
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
