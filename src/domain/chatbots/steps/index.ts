import type { Step, StepKind } from '../definition.ts';
import { branch } from './branch.ts';
import { set, tag } from './contact.ts';
import { handoff } from './handoff.ts';
import { http } from './http.ts';
import { ask, complete, message } from './messages.ts';
import type { StepHandler } from './types.ts';
import { wait } from './wait.ts';

/** The interpreter of each step kind. */
export const STEP_HANDLERS: Record<StepKind, StepHandler<any>> = {
  message,
  ask,
  branch,
  set,
  tag,
  http,
  handoff,
  wait,
  complete,
};

export function handlerFor(step: Step): StepHandler<Step> {
  return STEP_HANDLERS[step.kind];
}
