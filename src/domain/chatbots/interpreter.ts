import type { Db } from '../../db/pool.ts';
import { AppError } from '../../errors.ts';
import { getContact } from '../contacts/repository.ts';
import type { Performer } from '../conversations/commands.ts';
import { releaseSession, resumeForBot } from './release.ts';
import { getConversationById } from '../conversations/repository.ts';
import type { FlowDefinition, Step } from './definition.ts';
import { sendBotMessage, type BotMessage } from './outgoing.ts';
import { chatbotById, getDefinition } from './repository.ts';
import { claimRun, finishRun, getRun, lockRunning, parkRun, saveProgress } from './runs.ts';
import { handlerFor } from './steps/index.ts';
import type { StepContext, StepOutcome } from './steps/types.ts';
import type { ChatbotRun } from './tables.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface EngineDeps {
  db: Db;
  allowPrivateNetworks: boolean;
  /** Wakes the run at `at` if it still waits with `token` (a delayed job). */
  scheduleWake(runId: number, token: number, at: Date): Promise<void>;
}

/** Steps one activation may execute before it must wait; the validator forbids loops without a wait, this is the backstop. */
export const MAX_STEPS_PER_ACTIVATION = 200;
/** Kinds that act through conversation commands and so need the session as it is now. */
const RELOAD_BEFORE: ReadonlySet<Step['kind']> = new Set(['set', 'tag', 'handoff', 'complete']);

/** The run was stopped (an agent took over) while a step executed: nothing more may be said or recorded. */
class RunStopped extends Error {}

export type ActivationResult = 'missing' | 'parked' | 'finished' | 'stopped';

/** Hands a session the bot leaves without a decision (flow ran out, or failed) to the people: open, bot released. */
async function releaseToHumans(ctx: StepContext) {
  if ((await getRun(ctx.db, ctx.run.id))?.status !== 'running') return;
  await releaseSession(ctx.db, ctx.run.account_id, ctx.scope.conversation.id, ctx.bot.agent_bot_id, ctx.performer);
}

/**
 * Advances one run as far as it goes now: executes steps until one parks it (ask, wait) or it ends. Called
 * by the job that a dispatch, a reply or a wake-up queued; the run row holds everything, so any process
 * can continue any run.
 */
export async function advanceRun(deps: EngineDeps, runId: number): Promise<ActivationResult> {
  const { db } = deps;
  const run = await claimRun(db, runId);
  if (!run) return 'missing';
  if (!run.conversation_id || !run.contact_id) {
    await finishRun(db, run.id, 'failed', 'the run has no session');
    return 'finished';
  }
  const [bot, definition, contact, loaded] = await Promise.all([
    chatbotById(db, run.chatbot_id),
    getDefinition(db, run.chatbot_id, run.version) as Promise<FlowDefinition>,
    getContact(db, run.account_id, run.contact_id),
    getConversationById(db, run.account_id, run.conversation_id),
  ]);
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const performer: Performer = { type: 'AgentBot', id: bot.agent_bot_id, name: bot.name };
  const conversationId = run.conversation_id;
  const conversation =
    run.input?.kind === 'reply' ? await resumeForBot(db, loaded, bot.agent_bot_id, performer) : loaded;

  /**
   * Sends `message` (if any) and records `write` in one transaction holding the run while it still runs; with
   * nothing to send, the guarded write alone. A write that finds the run no longer running means it was stopped.
   */
  const commit = async (message: BotMessage | undefined, write: (q: Db) => Promise<boolean | number | undefined>) => {
    const recorded = message
      ? await inTransaction(db, async (trx) => {
          if (!(await lockRunning(trx, run.id))) return false;
          // The run's own row first: the message's event takes the account's event lock, held until commit.
          const written = await write(trx);
          await sendBotMessage(trx, conversationId, bot.agent_bot_id, message);
          return written;
        })
      : await write(db);
    if (recorded === false || recorded === undefined) throw new RunStopped();
    return recorded;
  };

  const ctx: StepContext = {
    db,
    run,
    bot,
    performer,
    allowPrivateNetworks: deps.allowPrivateNetworks,
    scope: { contact, conversation, variables: { ...(run.variables as Record<string, unknown>) } },
    say: async (message) => {
      await commit(message, async () => true);
    },
  };

  let stepId = run.current_step ?? definition.start;
  /** Pure steps (branches, variables) since the last write: re-executing them after a crash changes nothing. */
  let unsaved = 0;
  try {
    let step = steps.get(stepId);
    let outcome = await firstOutcome(run, steps, stepId, ctx);
    for (let executed = 1; ; executed++) {
      const variables = ctx.scope.variables;
      const counted = 1 + unsaved;
      unsaved = 0;
      switch (outcome.kind) {
        case 'next':
          if (outcome.next === null) {
            await commit(outcome.message, (q) => saveProgress(q, run.id, { variables }));
            await releaseToHumans(ctx);
            await commit(undefined, (q) =>
              finishRun(q, run.id, 'completed', 'the flow ended', { stepsExecuted: counted }),
            );
            return 'finished';
          }
          stepId = outcome.next;
          if (!outcome.message && step && isPure(step)) unsaved = counted;
          else
            await commit(outcome.message, (q) =>
              saveProgress(q, run.id, { currentStep: stepId, variables, stepsExecuted: counted, input: null }),
            );
          break;
        case 'waitReply':
        case 'sleep': {
          const seconds = outcome.kind === 'sleep' ? outcome.seconds : outcome.timeoutSeconds;
          const until = seconds ? new Date(Date.now() + seconds * 1000) : null;
          const status = outcome.kind === 'sleep' ? 'sleeping' : 'waiting';
          const message = outcome.kind === 'waitReply' ? outcome.message : undefined;
          const token = await commit(message, (q) =>
            parkRun(q, run.id, status, until, { currentStep: stepId, variables, stepsExecuted: counted, input: null }),
          );
          if (until) await deps.scheduleWake(run.id, Number(token), until);
          return 'parked';
        }
        case 'end': {
          const { reason, message } = outcome;
          await commit(message, (q) =>
            finishRun(q, run.id, 'completed', reason, { currentStep: stepId, variables, stepsExecuted: counted }),
          );
          return 'finished';
        }
        case 'fail': {
          const { reason } = outcome;
          await releaseToHumans(ctx);
          await commit(undefined, (q) =>
            finishRun(q, run.id, 'failed', reason, { currentStep: stepId, variables, stepsExecuted: counted }),
          );
          return 'finished';
        }
      }
      if (executed >= MAX_STEPS_PER_ACTIVATION) {
        await releaseToHumans(ctx);
        await commit(undefined, (q) =>
          finishRun(q, run.id, 'failed', `more than ${MAX_STEPS_PER_ACTIVATION} steps without waiting`),
        );
        return 'finished';
      }
      step = steps.get(stepId)!;
      outcome = await execute(step, ctx);
    }
  } catch (error) {
    if (error instanceof RunStopped) return 'stopped';
    // A step the data made impossible (a department since deleted, a contact field refused) fails the run;
    // anything else (the database away) is left to the job's retry.
    if (error instanceof AppError && error.kind !== 'unavailable' && error.kind !== 'internal') {
      await releaseToHumans(ctx).catch(() => {});
      await finishRun(db, run.id, 'failed', `step "${stepId}": ${error.message}`);
      return 'finished';
    }
    throw error;
  }
}

/** Steps whose only effect is on the run's own variables. */
function isPure(step: Step): boolean {
  return step.kind === 'branch' || (step.kind === 'set' && step.target === 'var');
}

async function execute(step: Step, ctx: StepContext): Promise<StepOutcome> {
  if (RELOAD_BEFORE.has(step.kind))
    ctx.scope.conversation = await getConversationById(ctx.db, ctx.run.account_id, ctx.scope.conversation.id);
  return handlerFor(step).execute(step, ctx);
}

/** A run woken from a wait resumes the step it parked in; any other starts (or restarts) its current step. */
async function firstOutcome(
  run: ChatbotRun,
  steps: Map<string, Step>,
  stepId: string,
  ctx: StepContext,
): Promise<StepOutcome> {
  const step = steps.get(stepId);
  if (!step) return { kind: 'fail', reason: `step "${stepId}" is not in version ${run.version}` };
  const handler = handlerFor(step);
  // No step yet: the run was parked for the contact's first reply (a message sent with botKey); the flow starts now.
  if (run.input?.kind === 'reply' && run.current_step === null) ctx.scope.variables.reply = run.input.text;
  else if (run.input && handler.resume) return handler.resume(step, ctx, run.input);
  return execute(step, ctx);
}
