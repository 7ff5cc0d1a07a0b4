import type { Static } from 'typebox';
import type { Chatbot } from '../../../../domain/chatbots/repository.ts';
import type { Dispatch } from '../../../../domain/chatbots/runs.ts';
import { DISPATCH_STATUS } from '../../../../domain/chatbots/tables.ts';
import { iso } from '../../schema.ts';
import type { ChatbotSchema, DispatchSchema } from './schema.ts';

export function presentChatbot(bot: Chatbot, companyId: string): Static<typeof ChatbotSchema> {
  return {
    id: bot.uuid,
    key: bot.key,
    createdAt: iso(bot.created_at)!,
    updatedAt: iso(bot.updated_at)!,
    companyId,
    archived: false,
    name: bot.name,
    description: bot.description,
    type: 'Automation',
    channelIds: [],
    defaultDepartmentId: null,
    publishStatus: 'READY',
    automationUsage: ['Api'],
    version: bot.version,
  };
}

export function presentDispatch(run: Dispatch, companyId: string, publicUrl: string): Static<typeof DispatchSchema> {
  return {
    id: run.uuid,
    createdAt: iso(run.created_at)!,
    updatedAt: iso(run.updated_at)!,
    companyId,
    botId: run.bot_uuid,
    botKey: run.bot_key,
    botVersion: run.version,
    sessionId: run.session_uuid,
    contactId: run.contact_uuid,
    senderId: run.sender_id,
    status: DISPATCH_STATUS[run.status],
    statusDescription: run.reason,
    skipReason: run.status === 'skipped' ? run.reason : null,
    failureReason: run.status === 'failed' ? run.reason : null,
    waitingFor: run.status === 'waiting' ? 'REPLY' : run.status === 'sleeping' ? 'DELAY' : null,
    waitUntil: iso(run.wait_until),
    currentStep: run.current_step,
    stepsExecuted: run.steps_executed,
    startedAt: iso(run.started_at),
    finishedAt: iso(run.finished_at),
    statusUrl: `${publicUrl}/chat/v1/send/chatbot/${run.uuid}`,
    failedReason: run.status === 'failed' ? run.reason : null,
    sentAt: iso(run.started_at),
    callbackUrl: run.callback_url,
    waitReply: run.status === 'waiting',
  };
}
