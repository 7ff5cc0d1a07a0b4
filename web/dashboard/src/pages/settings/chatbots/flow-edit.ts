import {
  targetsOf,
  type FlowDefinition,
  type Step,
  type StepKind,
} from '../../../../../../src/domain/chatbots/definition.ts';

export type { FlowDefinition, Step, StepKind };
export {
  STEP_KINDS,
  CONDITION_OPS,
  CONDITION_SOURCES,
  HTTP_METHODS,
} from '../../../../../../src/domain/chatbots/definition.ts';

/**
 * The builder's edits of a flow, as pure functions of the definition (the server's definition.ts is the one
 * description of steps: its kinds, fields and `targetsOf`, which names every edge).
 */

/** The outlets a step has on the canvas: one per field that names the next step, set or not. */
export function outletsOf(step: Step): string[] {
  switch (step.kind) {
    case 'branch':
      return [...(step.rules ?? []).map((_, i) => `rules[${i}].next`), 'default'];
    case 'ask':
      return [
        ...(step.choices ?? []).map((_, i) => `choices[${i}].next`),
        'next',
        ...(step.timeoutSeconds ? ['onTimeout'] : []),
      ];
    case 'http':
      return ['next', 'onError'];
    case 'handoff':
    case 'complete':
      return [];
    default:
      return ['next'];
  }
}

export function edgesOf(def: FlowDefinition): { id: string; source: string; field: string; target: string }[] {
  const ids = new Set(def.steps.map((s) => s.id));
  return def.steps.flatMap((step) =>
    targetsOf(step)
      .filter((t) => ids.has(t.target))
      .map((t) => ({ id: `${step.id}:${t.field}`, source: step.id, ...t })),
  );
}

/** A copy of `step` with the target field (`next`, `rules[0].next`, `choices[1].next`, …) set, or removed with undefined. */
export function withTarget(step: Step, field: string, target: string | undefined): Step {
  const copy = structuredClone(step) as unknown as Record<string, unknown>;
  const nested = /^(rules|choices)\[(\d+)\]\.next$/.exec(field);
  const holder = nested ? (copy[nested[1]] as Record<string, unknown>[])[Number(nested[2])] : copy;
  const key = nested ? 'next' : field;
  if (target === undefined) delete holder[key];
  else holder[key] = target;
  return copy as unknown as Step;
}

export function replaceStep(def: FlowDefinition, id: string, step: Step): FlowDefinition {
  return { ...def, steps: def.steps.map((s) => (s.id === id ? step : s)) };
}

const STARTERS: Record<StepKind, Record<string, unknown>> = {
  message: { text: 'Hello!' },
  ask: { text: 'What would you like?', saveAs: 'answer' },
  branch: { rules: [{ source: 'reply', op: 'equals', value: 'yes' }] },
  set: { target: 'var', key: 'name', value: '' },
  tag: { action: 'add', tag: 'lead' },
  http: { method: 'GET', url: 'https://' },
  handoff: { text: 'Passing you to a person' },
  wait: { seconds: 60 },
  complete: { text: 'Bye!' },
};

export function addStep(def: FlowDefinition, kind: StepKind): { def: FlowDefinition; id: string } {
  const taken = new Set(def.steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`${kind}_${n}`)) n++;
  const id = `${kind}_${n}`;
  const step = { id, kind, ...structuredClone(STARTERS[kind]) } as unknown as Step;
  return { def: { start: def.steps.length ? def.start : id, steps: [...def.steps, step] }, id };
}

/** Removes a step and every edge into it (the fields that named it are left unset, for the validator to point at). */
export function removeStep(def: FlowDefinition, id: string): FlowDefinition {
  const steps = def.steps
    .filter((s) => s.id !== id)
    .map((s) =>
      targetsOf(s)
        .filter((t) => t.target === id)
        .reduce((step, t) => withTarget(step, t.field, undefined), s),
    );
  return { start: def.start === id ? (steps[0]?.id ?? '') : def.start, steps };
}

/** Renames a step and every edge into it. */
export function renameStep(def: FlowDefinition, from: string, to: string): FlowDefinition {
  const steps = def.steps.map((s) => {
    const renamed = targetsOf(s)
      .filter((t) => t.target === from)
      .reduce((step, t) => withTarget(step, t.field, to), s);
    return renamed.id === from ? { ...renamed, id: to } : renamed;
  });
  return { start: def.start === from ? to : def.start, steps };
}

/** Rows of steps by their distance from the start (unreached ones last), for a first layout. */
export function layout(def: FlowDefinition): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>([[def.start, 0]]);
  const queue = [def.start];
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  while (queue.length) {
    const id = queue.shift()!;
    const step = byId.get(id);
    if (!step) continue;
    for (const { target } of targetsOf(step)) {
      if (!depth.has(target) && byId.has(target)) depth.set(target, depth.get(id)! + 1) && queue.push(target);
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, string[]>();
  for (const step of def.steps) {
    const row = depth.get(step.id) ?? last;
    rows.set(row, [...(rows.get(row) ?? []), step.id]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [row, ids] of rows)
    ids.forEach((id, i) => positions.set(id, { x: (i - (ids.length - 1) / 2) * 250, y: row * 150 }));
  return positions;
}

/** Server validation problems by step id (`definition.steps.<id>.<field>`), and those about the flow as a whole. */
export function problemsByStep(details: { attribute: string; message: string }[]): {
  steps: Map<string, string[]>;
  flow: string[];
} {
  const steps = new Map<string, string[]>();
  const flow: string[] = [];
  for (const { attribute, message } of details) {
    const id = /^definition\.steps\.([A-Za-z0-9_-]+)/.exec(attribute)?.[1];
    if (id) steps.set(id, [...(steps.get(id) ?? []), message]);
    else flow.push(message);
  }
  return { steps, flow };
}
