import { assignAgent, changeStatus } from '../../conversations/commands.ts';
import { transferSession } from '../../conversations/handover.ts';
import { memberByUuid, teamByUuid } from '../../accounts/public-ids.ts';
import type { HandoffStep } from '../definition.ts';
import { renderMessage } from './messages.ts';
import type { StepHandler } from './types.ts';

/**
 * Hands the session to people, through the same commands agents use (so both dialects and webhooks see
 * it): to a department's queue (open, no agent = WTS PENDING) and/or to an agent (open, assigned =
 * IN_PROGRESS). The run ends here.
 */
export const handoff: StepHandler<HandoffStep> = {
  async execute(step, ctx) {
    const { conversation } = ctx.scope;
    const accountId = conversation.account_id;
    const team = step.departmentId ? await teamByUuid(ctx.db, accountId, step.departmentId, 'departmentId') : undefined;
    const member = step.userId ? await memberByUuid(ctx.db, accountId, step.userId, 'userId') : undefined;
    const text = renderMessage(step, ctx.scope);
    if (text) await ctx.say(text);
    let current = await transferSession(ctx.db, conversation, { team, member }, ctx.performer);
    if (!member) {
      if (current.assignee_agent_bot_id) current = await assignAgent(ctx.db, current, null, ctx.performer);
      if (current.status !== 'open') current = await changeStatus(ctx.db, current, 'open', ctx.performer);
    }
    ctx.scope.conversation = current;
    return { kind: 'end', reason: member ? 'handed off to an agent' : 'handed off to a department' };
  },
};
