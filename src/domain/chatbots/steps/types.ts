import type { Db } from '../../../db/pool.ts';
import type { Performer } from '../../conversations/commands.ts';
import type { Step } from '../definition.ts';
import type { BotMessage } from '../outgoing.ts';
import type { Chatbot } from '../repository.ts';
import type { ChatbotRun, RunInput } from '../tables.ts';
import type { FlowScope } from '../variables.ts';

/**
 * What a step decided. The interpreter persists it: a message goes out in the same transaction that
 * records the run's progress, so a crash never sends a message twice nor loses one.
 */
export type StepOutcome =
  | { kind: 'next'; next: string | null; message?: BotMessage }
  | { kind: 'waitReply'; timeoutSeconds?: number; message?: BotMessage }
  | { kind: 'sleep'; seconds: number }
  | { kind: 'end'; reason: string; message?: BotMessage }
  | { kind: 'fail'; reason: string };

export interface StepContext {
  db: Db;
  run: ChatbotRun;
  bot: Chatbot;
  /** Mutable: steps change variables and replace contact/conversation after commands. */
  scope: FlowScope;
  performer: Performer;
  allowPrivateNetworks: boolean;
  /** Sends a message now, in a transaction that checks the run still runs (steps that act after speaking). */
  say(message: BotMessage): Promise<void>;
}

export interface StepHandler<S extends Step = Step> {
  execute(step: S, ctx: StepContext): Promise<StepOutcome>;
  /** For steps that park the run: where it goes when woken with `input`. */
  resume?(step: S, ctx: StepContext, input: RunInput): Promise<StepOutcome>;
}
