import { assignAgent, changeStatus } from '../../conversations/commands.ts';
import type { AskStep, CompleteStep, MessageStep } from '../definition.ts';
import type { BotMessage } from '../outgoing.ts';
import { render, type FlowScope } from '../variables.ts';
import type { StepHandler } from './types.ts';

export function renderMessage(
  step: { text?: string; mediaUrl?: string; choices?: AskStep['choices']; choiceStyle?: AskStep['choiceStyle'] },
  scope: FlowScope,
): BotMessage | undefined {
  const text = step.text ? render(step.text, scope) : undefined;
  const mediaUrl = step.mediaUrl ? render(step.mediaUrl, scope) : undefined;
  const choices = step.choices?.map((c) => ({
    ...c,
    title: render(c.title, scope),
    value: c.value === undefined ? undefined : render(c.value, scope),
  }));
  if (!text && !mediaUrl && !choices?.length) return undefined;
  return { text, mediaUrl, choices, choiceStyle: step.choiceStyle };
}

export const message: StepHandler<MessageStep> = {
  async execute(step, ctx) {
    return { kind: 'next', next: step.next ?? null, message: renderMessage(step, ctx.scope) };
  },
};

/** The choice a reply picks: its number ("2"), its title or its value, ignoring case and spaces. */
function pickChoice(step: AskStep, reply: string) {
  const text = reply.trim().toLowerCase();
  const choices = step.choices ?? [];
  if (/^\d+$/.test(text) && choices[Number(text) - 1]) return choices[Number(text) - 1];
  return choices.find((c) => c.title.trim().toLowerCase() === text || (c.value ?? '').trim().toLowerCase() === text);
}

/** Asks, parks the run until the contact replies (or the timeout), then saves the reply and moves on. */
export const ask: StepHandler<AskStep> = {
  async execute(step, ctx) {
    return { kind: 'waitReply', timeoutSeconds: step.timeoutSeconds, message: renderMessage(step, ctx.scope) };
  },
  async resume(step, ctx, input) {
    if (input.kind === 'timeout') return { kind: 'next', next: step.onTimeout ?? null };
    const choice = pickChoice(step, input.text);
    const value = choice ? (choice.value ?? choice.title) : input.text;
    ctx.scope.variables.reply = input.text;
    if (step.saveAs) ctx.scope.variables[step.saveAs] = value;
    return { kind: 'next', next: choice?.next ?? step.next };
  },
};

/** Says goodbye (if it has a text) and completes the session (resolved = WTS COMPLETED). */
export const complete: StepHandler<CompleteStep> = {
  async execute(step, ctx) {
    const goodbye = renderMessage(step, ctx.scope);
    if (goodbye) await ctx.say(goodbye);
    let current = ctx.scope.conversation;
    if (current.assignee_agent_bot_id) current = await assignAgent(ctx.db, current, null, ctx.performer);
    if (current.status !== 'resolved' && current.status !== 'hidden')
      current = await changeStatus(ctx.db, current, 'resolved', ctx.performer);
    ctx.scope.conversation = current;
    return { kind: 'end', reason: 'completed the session' };
  },
};
