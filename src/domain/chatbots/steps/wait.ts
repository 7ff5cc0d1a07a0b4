import type { WaitStep } from '../definition.ts';
import type { StepHandler } from './types.ts';

/** Parks the run for `seconds` (a job wakes it, across restarts), then goes on. */
export const wait: StepHandler<WaitStep> = {
  async execute(step) {
    return { kind: 'sleep', seconds: step.seconds };
  },
  async resume(step) {
    return { kind: 'next', next: step.next ?? null };
  },
};
