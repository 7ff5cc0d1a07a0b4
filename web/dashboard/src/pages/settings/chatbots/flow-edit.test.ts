import { describe, expect, it } from 'vitest';
import { flowProblems } from '../../../../../../src/domain/chatbots/validate.ts';
import {
  addStep,
  edgesOf,
  layout,
  outletsOf,
  problemsByStep,
  removeStep,
  renameStep,
  withTarget,
  type FlowDefinition,
  type Step,
} from './flow-edit.ts';

const flow: FlowDefinition = {
  start: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'ask',
      text: 'Sales or support?',
      choices: [{ title: 'Sales', next: 'sales' }, { title: 'Support' }],
      next: 'check',
    },
    {
      id: 'check',
      kind: 'branch',
      rules: [{ source: 'reply', op: 'contains', value: 'urgent', next: 'sales' }],
      default: 'bye',
    },
    { id: 'sales', kind: 'message', text: 'A seller will call', next: 'bye' },
    { id: 'bye', kind: 'complete', text: 'Bye' },
  ],
};

describe('the builder’s flow edits', () => {
  it('names an outlet for every field that can point at a next step, and an edge for each one set', () => {
    expect(outletsOf(flow.steps[0])).toEqual(['choices[0].next', 'choices[1].next', 'next']);
    expect(outletsOf(flow.steps[1])).toEqual(['rules[0].next', 'default']);
    expect(outletsOf(flow.steps[3])).toEqual([]);
    expect(edgesOf(flow).map((e) => e.id)).toEqual([
      'menu:choices[0].next',
      'menu:next',
      'check:rules[0].next',
      'check:default',
      'sales:next',
    ]);
  });

  it('sets and clears a target field without touching the step it was given', () => {
    const menu = flow.steps[0];
    const linked = withTarget(menu, 'choices[1].next', 'bye') as Step & { choices: { next?: string }[] };
    expect(linked.choices[1].next).toBe('bye');
    expect((menu as typeof linked).choices[1].next).toBeUndefined();
    expect(withTarget(flow.steps[1], 'default', undefined)).not.toHaveProperty('default');
  });

  it('removes a step with the edges into it (the validator then names the fields left empty), and renames one with its edges', () => {
    const removed = removeStep(flow, 'sales');
    expect(removed.steps.map((s) => s.id)).toEqual(['menu', 'check', 'bye']);
    expect(edgesOf(removed).map((e) => e.target)).not.toContain('sales');
    expect(flowProblems(removed).map((p) => p.field)).toEqual(['definition.steps.check.rules[0].next']);

    const renamed = renameStep(flow, 'bye', 'goodbye');
    expect(flowProblems(renamed)).toEqual([]);
    expect(
      edgesOf(renamed)
        .filter((e) => e.target === 'goodbye')
        .map((e) => e.id),
    ).toEqual(['check:default', 'sales:next']);
  });

  it('adds steps with fresh ids, lays steps out by distance from the start, and sorts the server’s problems by step', () => {
    const { def, id } = addStep(addStep(flow, 'wait').def, 'wait');
    expect(id).toBe('wait_2');
    expect(def.steps.at(-1)).toEqual({ id: 'wait_2', kind: 'wait', seconds: 60 });
    const rows = layout(def);
    expect([
      rows.get('menu')!.y,
      rows.get('check')!.y,
      rows.get('sales')!.y,
      rows.get('bye')!.y,
      rows.get('wait_1')!.y,
    ]).toEqual([0, 150, 150, 300, 450]);
    const sorted = problemsByStep([
      { attribute: 'definition.steps.wait_1', message: 'unreachable' },
      { attribute: 'definition.start', message: 'no start' },
    ]);
    expect([...sorted.steps]).toEqual([['wait_1', ['unreachable']]]);
    expect(sorted.flow).toEqual(['no start']);
  });
});
