import type { Db } from '../../db/pool.ts';
import type { Contact, Conversation } from '../../db/types.ts';
import type { FlowDefinition, HandoffStep, SetStep, Step, TagStep } from './definition.ts';
import { MAX_STEPS_PER_ACTIVATION } from './interpreter.ts';
import type { BotMessage } from './outgoing.ts';
import type { SandboxState, SandboxTurn } from './sandbox-types.ts';
import { handlerFor } from './steps/index.ts';
import { renderMessage } from './steps/messages.ts';
import type { StepContext, StepOutcome } from './steps/types.ts';
import { render } from './variables.ts';

/**
 * The builder's Test panel: a flow run in a sandbox that touches nothing real. Messages, asks, branches,
 * flow variables, HTTP requests and waits go through the engine's own step handlers; the steps that act on
 * the contact or the session (set contact/session, tag, handoff, complete) act on a pretend contact and
 * session and are reported as events. The client keeps the state between turns (it is only the sandbox's).
 */
export type { SandboxEvent, SandboxState, SandboxTurn } from './sandbox-types.ts';

const freshState = (): SandboxState => ({
  step: null,
  variables: {},
  contact: { name: 'Sandbox visitor', email: null, phone: null, fields: {}, tags: [] },
  session: { metadata: {} },
});

/** The pretend contact and session, shaped as the templates and branch rules read them. */
function scopeRows(state: SandboxState): { contact: Contact; conversation: Conversation } {
  const c = state.contact;
  const contact = {
    uuid: '00000000-0000-4000-8000-000000000000',
    name: c.name,
    email: c.email,
    phone_number: c.phone,
    identifier: null,
    custom_attributes: c.fields,
  };
  const conversation = {
    uuid: '00000000-0000-4000-8000-000000000001',
    display_id: 0,
    custom_attributes: state.session.metadata,
  };
  return { contact: contact as unknown as Contact, conversation: conversation as unknown as Conversation };
}

const CONTACT_COLUMNS: Record<string, 'name' | 'email' | 'phone'> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  phonenumber: 'phone',
};

/** Pretend versions of the steps that would change the contact or the session. */
function simulate(
  step: Step,
  ctx: StepContext,
  state: SandboxState,
  event: (text: string) => void,
): StepOutcome | undefined {
  const { scope } = ctx;
  if (step.kind === 'set' && step.target !== 'var') {
    const { key } = step as SetStep;
    const value = step.value === null ? null : render(step.value, scope);
    if (step.target === 'session') {
      if (value === null) delete state.session.metadata[key];
      else state.session.metadata[key] = value;
    } else {
      const column = CONTACT_COLUMNS[key.toLowerCase()];
      if (column === 'name') state.contact.name = value ?? '';
      else if (column) state.contact[column] = value;
      else if (value === null) delete state.contact.fields[key];
      else state.contact.fields[key] = value;
    }
    event(`would set ${step.target} ${key} = ${value === null ? '(removed)' : JSON.stringify(value)}`);
    return { kind: 'next', next: step.next ?? null };
  }
  if (step.kind === 'tag') {
    const tag = render((step as TagStep).tag, scope)
      .trim()
      .toLowerCase();
    const tags = state.contact.tags.filter((t) => t !== tag);
    state.contact.tags = step.action === 'add' ? [...tags, tag] : tags;
    event(`would ${step.action} tag "${tag}"`);
    return { kind: 'next', next: step.next ?? null };
  }
  if (step.kind === 'handoff') {
    const { departmentId, userId } = step as HandoffStep;
    const to = [departmentId && `department ${departmentId}`, userId && `agent ${userId}`]
      .filter(Boolean)
      .join(' and ');
    return { kind: 'end', reason: `would hand the session off to ${to}`, message: renderMessage(step, scope) };
  }
  if (step.kind === 'complete')
    return { kind: 'end', reason: 'would complete the session', message: renderMessage(step, scope) };
  return undefined;
}

export interface SandboxInput {
  state?: SandboxState;
  reply?: string;
}

/** Runs the flow from where `state` stopped (or from its start) until it asks, ends or fails. */
export async function runSandbox(
  definition: FlowDefinition,
  input: SandboxInput,
  options: { allowPrivateNetworks: boolean },
): Promise<SandboxTurn> {
  const state: SandboxState = structuredClone(input.state ?? freshState());
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const turn: SandboxTurn = { status: 'waiting', reason: null, messages: [], events: [], state };
  const rows = scopeRows(state);
  let stepId = state.step ?? definition.start;
  const event = (text: string) => turn.events.push({ step: stepId, text });
  const say = (message: BotMessage | undefined) => {
    if (message) turn.messages.push({ ...message, step: stepId });
  };
  const ctx = {
    // Only handlers that never reach the database run here (simulate() stands in for the others).
    db: undefined as unknown as Db,
    scope: { ...rows, variables: state.variables },
    allowPrivateNetworks: options.allowPrivateNetworks,
    say: async (message: BotMessage) => say(message),
  } as StepContext;
  const finish = (status: SandboxTurn['status'], reason: string) => {
    Object.assign(turn, { status, reason });
    state.step = null;
    return turn;
  };

  let step = steps.get(stepId);
  if (!step) return finish('failed', `step "${stepId}" is not in this flow`);
  let outcome: StepOutcome;
  if (state.step && step.kind === 'ask')
    outcome = await handlerFor(step).resume!(step, ctx, { kind: 'reply', text: input.reply ?? '', messageId: 0 });
  else outcome = await execute(step, ctx, state, event);

  for (let executed = 1; ; executed++) {
    say('message' in outcome ? outcome.message : undefined);
    Object.assign(rows, scopeRows(state));
    ctx.scope.contact = rows.contact;
    ctx.scope.conversation = rows.conversation;
    if (outcome.kind === 'waitReply') {
      state.step = stepId;
      return turn;
    }
    if (outcome.kind === 'end') return finish('finished', outcome.reason);
    if (outcome.kind === 'fail') return finish('failed', outcome.reason);
    if (outcome.kind === 'sleep') {
      event(`would wait ${outcome.seconds} s (the sandbox goes on at once)`);
      outcome = await handlerFor(step).resume!(step, ctx, { kind: 'timeout' });
      continue;
    }
    if (outcome.next === null) return finish('finished', 'the flow ended: the session would go to the agents');
    if (executed >= MAX_STEPS_PER_ACTIVATION)
      return finish('failed', `more than ${MAX_STEPS_PER_ACTIVATION} steps without waiting`);
    stepId = outcome.next;
    step = steps.get(stepId)!;
    outcome = await execute(step, ctx, state, event);
  }
}

async function execute(
  step: Step,
  ctx: StepContext,
  state: SandboxState,
  event: (text: string) => void,
): Promise<StepOutcome> {
  const simulated = simulate(step, ctx, state, event);
  if (simulated) return simulated;
  if (step.kind === 'http') {
    const outcome = await handlerFor(step).execute(step, ctx);
    const { http, httpError } = ctx.scope.variables as { http?: { status: number }; httpError?: string };
    event(`${step.method ?? 'GET'} ${render(step.url, ctx.scope)} → ${httpError ?? `answered ${http?.status}`}`);
    return outcome;
  }
  return handlerFor(step).execute(step, ctx);
}
