import { validation } from '../../errors.ts';
import { unsafePatternReason } from '../safe-regex.ts';
import {
  CONDITION_OPS,
  CONDITION_SOURCES,
  HTTP_METHODS,
  STEP_KINDS,
  targetsOf,
  WAITING_KINDS,
  type FlowDefinition,
  type Step,
} from './definition.ts';

export interface FlowProblem {
  /** Where: `definition.steps.<id>.<field>` (or `definition.<field>`). */
  field: string;
  message: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_STEPS = 500;

type Check = (step: Record<string, any>, problem: (field: string, message: string) => void) => void;

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';

function checkChoices(step: Record<string, any>, problem: (field: string, message: string) => void) {
  if (step.choices === undefined) return;
  if (!Array.isArray(step.choices) || step.choices.length === 0 || step.choices.length > 10) {
    return problem('choices', 'must be a list of 1 to 10 choices');
  }
  step.choices.forEach((c: any, i: number) => {
    if (!c || !isText(c.title)) problem(`choices[${i}].title`, 'is required');
    if (c && !optionalText(c.value)) problem(`choices[${i}].value`, 'must be a string');
  });
  if (step.choiceStyle !== undefined && !['buttons', 'list'].includes(step.choiceStyle))
    problem('choiceStyle', 'must be buttons or list');
}

function checkSendable(step: Record<string, any>, problem: (field: string, message: string) => void) {
  if (!optionalText(step.text)) problem('text', 'must be a string');
  if (step.mediaUrl !== undefined && !/^https?:\/\/\S+$/i.test(String(step.mediaUrl)))
    problem('mediaUrl', 'must be an http(s) URL');
  checkChoices(step, problem);
}

/** Field checks per step kind; the graph is checked afterwards, for every kind alike. */
const CHECKS: Record<(typeof STEP_KINDS)[number], Check> = {
  message(step, problem) {
    checkSendable(step, problem);
    if (!isText(step.text) && !step.mediaUrl) problem('text', 'a message needs a text or a mediaUrl');
  },
  ask(step, problem) {
    checkSendable(step, problem);
    if (step.saveAs !== undefined && !VARIABLE.test(String(step.saveAs)))
      problem('saveAs', 'must be a variable name (letters, digits, _)');
    if (
      step.timeoutSeconds !== undefined &&
      !(Number.isInteger(step.timeoutSeconds) && step.timeoutSeconds >= 1 && step.timeoutSeconds <= 30 * 86400)
    ) {
      problem('timeoutSeconds', 'must be a whole number of seconds from 1 to 2592000 (30 days)');
    }
    if (step.onTimeout !== undefined && step.timeoutSeconds === undefined) problem('onTimeout', 'needs timeoutSeconds');
    if (step.next === undefined) problem('next', 'is required: the step after the reply');
  },
  branch(step, problem) {
    if (!Array.isArray(step.rules) || step.rules.length === 0) return problem('rules', 'must be a non-empty list');
    step.rules.forEach((rule: any, i: number) => {
      if (!rule || !CONDITION_SOURCES.includes(rule.source))
        problem(`rules[${i}].source`, `must be one of ${CONDITION_SOURCES.join(', ')}`);
      if (!rule || !CONDITION_OPS.includes(rule.op))
        problem(`rules[${i}].op`, `must be one of ${CONDITION_OPS.join(', ')}`);
      if (rule && rule.source !== 'reply' && !isText(rule.key))
        problem(`rules[${i}].key`, `is required for source ${rule.source}`);
      if (rule && !['exists', 'not_exists'].includes(rule.op) && rule.value === undefined)
        problem(`rules[${i}].value`, `is required for op ${rule.op}`);
      if (rule?.op === 'matches' && rule.value !== undefined) {
        const reason = unsafePatternReason(String(rule.value), { ignoreCase: true });
        if (reason) problem(`rules[${i}].value`, reason);
      }
      if (rule && rule.next === undefined) problem(`rules[${i}].next`, 'is required');
    });
    if (step.default === undefined) problem('default', 'is required: the step when no rule matches');
  },
  set(step, problem) {
    if (!['contact', 'session', 'var'].includes(step.target)) problem('target', 'must be contact, session or var');
    if (!isText(step.key)) problem('key', 'is required');
    else if (step.target === 'var' && !VARIABLE.test(step.key))
      problem('key', 'must be a variable name (letters, digits, _)');
    if (step.value !== null && typeof step.value !== 'string')
      problem('value', 'must be a string (a template) or null');
  },
  tag(step, problem) {
    if (!['add', 'remove'].includes(step.action)) problem('action', 'must be add or remove');
    if (!isText(step.tag)) problem('tag', 'is required');
  },
  http(step, problem) {
    if (step.method !== undefined && !HTTP_METHODS.includes(step.method))
      problem('method', `must be one of ${HTTP_METHODS.join(', ')}`);
    if (!isText(step.url) || !/^https?:\/\//i.test(step.url))
      problem('url', 'must be an http(s) URL (it may hold {{variables}})');
    if (
      step.headers !== undefined &&
      (typeof step.headers !== 'object' ||
        Array.isArray(step.headers) ||
        Object.values(step.headers).some((v) => typeof v !== 'string'))
    ) {
      problem('headers', 'must be an object of strings');
    }
    if (
      step.timeoutMs !== undefined &&
      !(Number.isInteger(step.timeoutMs) && step.timeoutMs >= 100 && step.timeoutMs <= 30_000)
    )
      problem('timeoutMs', 'must be 100 to 30000');
    if (step.map !== undefined) {
      if (typeof step.map !== 'object' || Array.isArray(step.map))
        problem('map', 'must be an object: variable -> response path');
      else
        for (const [name, path] of Object.entries(step.map)) {
          if (!VARIABLE.test(name)) problem(`map.${name}`, 'must be a variable name (letters, digits, _)');
          if (typeof path !== 'string') problem(`map.${name}`, 'must be a dotted path into the response');
        }
    }
  },
  handoff(step, problem) {
    if (step.departmentId === undefined && step.userId === undefined)
      problem('departmentId', 'a handoff needs a departmentId or a userId');
    for (const field of ['departmentId', 'userId']) {
      if (step[field] !== undefined && !/^[0-9a-f-]{36}$/i.test(String(step[field]))) problem(field, 'must be a uuid');
    }
    if (!optionalText(step.text)) problem('text', 'must be a string');
  },
  wait(step, problem) {
    if (!(Number.isInteger(step.seconds) && step.seconds >= 1 && step.seconds <= 30 * 86400))
      problem('seconds', 'must be a whole number of seconds from 1 to 2592000');
  },
  complete(step, problem) {
    if (!optionalText(step.text)) problem('text', 'must be a string');
  },
};

/** A cycle of steps that never waits (for a reply or a delay) would spin forever: find one, if any. */
function cycleWithoutWait(steps: Map<string, Step>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const step = steps.get(id);
    if (!step || WAITING_KINDS.has(step.kind)) return undefined;
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const { target } of targetsOf(step)) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of steps.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every problem of a definition, each naming the step and field it is about. */
export function flowProblems(input: unknown): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const def = input as Partial<FlowDefinition> | undefined;
  if (!def || typeof def !== 'object' || Array.isArray(def))
    return [{ field: 'definition', message: 'definition must be an object with start and steps' }];
  if (!Array.isArray(def.steps) || def.steps.length === 0)
    return [{ field: 'definition.steps', message: 'definition.steps must be a non-empty list' }];
  if (def.steps.length > MAX_STEPS)
    return [{ field: 'definition.steps', message: `definition.steps may hold at most ${MAX_STEPS} steps` }];

  const steps = new Map<string, Step>();
  def.steps.forEach((raw, index) => {
    const step = raw as Record<string, any>;
    const where = step && typeof step.id === 'string' ? `step "${step.id}"` : `steps[${index}]`;
    const problem = (field: string, message: string) =>
      problems.push({
        field: `definition.steps.${step?.id ?? index}.${field}`,
        message: `${where}: ${field} ${message}`,
      });
    if (!step || typeof step !== 'object')
      return problems.push({ field: `definition.steps.${index}`, message: `steps[${index}]: must be an object` });
    if (typeof step.id !== 'string' || !ID.test(step.id)) return problem('id', 'must be 1-64 letters, digits, _ or -');
    if (steps.has(step.id)) return problem('id', 'is used by more than one step');
    if (!STEP_KINDS.includes(step.kind))
      return problem('kind', `"${String(step.kind)}" is not a step kind (${STEP_KINDS.join(', ')})`);
    steps.set(step.id, step as Step);
    CHECKS[step.kind as Step['kind']](step, problem);
  });
  if (problems.length) return problems;

  if (typeof def.start !== 'string' || !steps.has(def.start)) {
    problems.push({ field: 'definition.start', message: `start "${String(def.start)}" is not a step of this flow` });
  }
  for (const step of steps.values()) {
    for (const { field, target } of targetsOf(step)) {
      if (!steps.has(target))
        problems.push({
          field: `definition.steps.${step.id}.${field}`,
          message: `step "${step.id}": ${field} "${target}" is not a step of this flow`,
        });
    }
  }
  if (problems.length) return problems;

  const reached = new Set<string>([def.start!]);
  const queue = [def.start!];
  while (queue.length) {
    for (const { target } of targetsOf(steps.get(queue.shift()!)!)) {
      if (!reached.has(target)) reached.add(target) && queue.push(target);
    }
  }
  for (const id of steps.keys()) {
    if (!reached.has(id))
      problems.push({
        field: `definition.steps.${id}`,
        message: `step "${id}" is unreachable from start "${def.start}"`,
      });
  }
  const cycle = cycleWithoutWait(steps);
  if (cycle) {
    problems.push({
      field: `definition.steps.${cycle[0]}`,
      message: `steps ${cycle.map((id) => `"${id}"`).join(' -> ')} loop without an ask or wait step: the bot would never stop`,
    });
  }
  return problems;
}

/** A definition fit to save, or a validation error listing every problem (the WTS body names each field). */
export function validateFlow(input: unknown): FlowDefinition {
  const problems = flowProblems(input);
  if (problems.length) {
    throw validation(
      `Invalid chatbot flow: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => p.field),
      problems.map((p) => p.message),
    );
  }
  return input as FlowDefinition;
}
