import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { assignAgent, assignBot, assignTeam, setLabels } from '../../../../domain/conversations/commands.ts';
import { conversationAttachments } from '../../../../domain/messages/attachments.ts';
import { findMember } from '../../../../domain/users/repository.ts';
import { AgentSchema, presentAgent } from '../../presenters/agent.ts';
import { AgentBotSlimSchema } from '../../presenters/conversation.ts';
import { attachmentUrl } from '../../../system/attachments.ts';
import { presentSenderPush } from '../../presenters/message.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';
import { TeamRecordSchema, presentTeamRecord } from '../../presenters/team.ts';
import { unix } from '../../presenters/time.ts';
import { pageNumber } from '../contacts/pages.ts';
import { AssignmentBody, AttachmentsQuery, ConversationParams, LabelsBody, LabelsResponse } from './schema.ts';
import { conversationFor, performerOf } from './present.ts';

const tags = ['Conversations'];
const params = ConversationParams;

const AttachmentsResponse = Type.Object({
  meta: Type.Object({ total_count: Type.Integer() }),
  payload: Type.Array(
    Type.Object({
      message_id: Type.Integer(),
      thumb_url: Type.String(),
      data_url: Type.String(),
      file_size: Type.Integer(),
      file_type: Type.String(),
      extension: Nullable(Type.String()),
      width: Nullable(Type.Integer()),
      height: Nullable(Type.Integer()),
      created_at: Type.Integer(),
      sender: Nullable(FreeObject),
    }),
  ),
});

export default async function conversationRelations(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.post(
    '/conversations/:conversation_id/assignments',
    {
      config: { policy: 'assignments.create' },
      schema: {
        tags,
        summary: 'Assign an agent, a bot or a team',
        params,
        body: AssignmentBody,
        response: { 200: Type.Union([AgentSchema, AgentBotSlimSchema, TeamRecordSchema, Type.Null()]) },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const body = request.body;
      const performer = performerOf(request);
      if ('assignee_id' in body || !('team_id' in body)) {
        if (body.assignee_type === 'AgentBot' && body.assignee_id) {
          const bot = await assignBot(db, conversation, body.assignee_id);
          if (bot)
            return {
              id: bot.id,
              name: bot.name,
              description: bot.description,
              thumbnail: bot.avatar_url ?? '',
              outgoing_url: bot.outgoing_url,
              bot_type: bot.bot_type,
            };
          await assignAgent(db, conversation, null, performer);
          return null;
        }
        const updated = await assignAgent(db, conversation, body.assignee_id ?? null, performer);
        const member = updated.assignee_id
          ? await findMember(db, conversation.account_id, updated.assignee_id)
          : undefined;
        return member ? presentAgent(member) : null;
      }
      const team = await assignTeam(db, conversation, body.team_id ?? null, performer);
      return team ? presentTeamRecord(team) : null;
    },
  );

  app.get(
    '/conversations/:conversation_id/labels',
    {
      config: { policy: 'conversations.read' },
      schema: { tags, summary: 'Labels of a conversation', params, response: { 200: LabelsResponse } },
    },
    async (request) => ({ payload: (await conversationFor(request)).labels }),
  );

  app.post(
    '/conversations/:conversation_id/labels',
    {
      config: { policy: 'conversations.write' },
      schema: { tags, summary: 'Replace the labels', params, body: LabelsBody, response: { 200: LabelsResponse } },
    },
    async (request) => ({ payload: await setLabels(db, await conversationFor(request), request.body.labels ?? []) }),
  );

  app.get(
    '/conversations/:conversation_id/attachments',
    {
      config: { policy: 'conversations.read' },
      schema: {
        tags,
        summary: 'Attachments, newest first',
        params,
        querystring: AttachmentsQuery,
        response: { 200: AttachmentsResponse },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const { total, items } = await conversationAttachments(db, conversation, pageNumber(request.query.page));
      return {
        meta: { total_count: total },
        payload: items.map(({ attachment, sender }) => {
          const url = attachmentUrl(config.publicUrl, attachment);
          return {
            message_id: attachment.message_id,
            thumb_url: attachment.file_type === 'image' ? url : '',
            data_url: url,
            file_size: attachment.file_size,
            file_type: attachment.file_type,
            extension: attachment.extension,
            width: attachment.width,
            height: attachment.height,
            created_at: unix(attachment.created_at),
            sender: presentSenderPush(sender) ?? null,
          };
        }),
      };
    },
  );
}
