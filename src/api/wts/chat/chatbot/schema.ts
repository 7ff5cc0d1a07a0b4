import { Type, type Static } from 'typebox';
import { PageOf, PageQuery } from '../../page.ts';
import { DateQuery, DateTime, FreeObject, Literals, Nullable } from '../../schema.ts';
import { SessionSchema } from '../../presenters/session.ts';
import { BATCH_LIMIT } from '../send/batch.ts';

/**
 * PublicChatbotDTO (`GET /chat/v1/chatbot`), plus what our flows add: `description`, `version`. Our bots are
 * flows started over the API: type Automation, automationUsage [Api], published (READY) once saved.
 */
export const ChatbotSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  archived: Type.Boolean(),
  name: Type.String(),
  description: Nullable(Type.String()),
  type: Type.String(),
  channelIds: Type.Array(Type.String()),
  defaultDepartmentId: Nullable(Type.String()),
  publishStatus: Type.String(),
  automationUsage: Type.Array(Type.String()),
  version: Type.Integer(),
});

/** One chatbot with its flow: the current version, or the one `Version` asks for. */
export const ChatbotDetailSchema = Type.Object({
  ...ChatbotSchema.properties,
  definition: FreeObject,
  definitionVersion: Type.Integer(),
  /** The key dispatch callbacks are signed with (`X-Chatwoot-Signature`, as webhooks are). */
  callbackSecret: Type.Optional(Type.String()),
  /** Every saved version; `live` marks the one new dispatches run (`version`). */
  versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), live: Type.Boolean() })),
});

export const ChatbotPage = PageOf(ChatbotSchema);

export const ListQuery = Type.Object({
  ...PageQuery,
  Name: Type.Optional(Type.String({ maxLength: 200 })),
  Types: Type.Optional(Type.Array(Literals(['Reactive', 'Automation'] as const))),
  'CreatedAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
});
export type ListParams = Static<typeof ListQuery>;

export const ChatbotParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ShowQuery = Type.Object({ Version: Type.Optional(Type.Integer({ minimum: 1 })) });

/** Our flows API: `definition` is the flow JSON (domain/chatbots/definition.ts), validated at save. */
export const CreateBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  definition: FreeObject,
});
export const UpdateBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  definition: Type.Optional(FreeObject),
  /** false: the changed flow is saved as a draft version; `POST /chat/v1/chatbot/:id/publish` makes it live. */
  publish: Type.Optional(Type.Boolean()),
});

/** Which saved version new dispatches run: a draft published, or an older one rolled back to. */
export const PublishBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });

/**
 * PublicReqSendBotDTO. Real clients differ (WTS's public API reference and its n8n node): the n8n node
 * sends only the options that are true, `botKey` (newer) or `botId` (older), and misspells session metadata
 * as `sessionMetada`; all are accepted. Required fields are checked by the domain so the error names them in
 * the n8n node's words. `options.hiddenSession` starts a session the dispatch creates HIDDEN (shown when the
 * contact replies); `callbackUrl` is POSTed the dispatch's outcomes (domain/chatbots/callbacks.ts).
 */
export const SendBody = Type.Object({
  botId: Type.Optional(Type.String({ maxLength: 64 })),
  botKey: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ maxLength: 200 })),
  to: Type.Optional(Type.String({ maxLength: 200 })),
  sessionId: Type.Optional(Type.String({ maxLength: 64 })),
  options: Type.Optional(
    Type.Object({
      skipIfBotInExecution: Type.Optional(Type.Boolean()),
      skipIfInProgress: Type.Optional(Type.Boolean()),
      forceStartSession: Type.Optional(Type.Boolean()),
      hiddenSession: Type.Optional(Type.Boolean()),
    }),
  ),
  sessionMetadata: Type.Optional(FreeObject),
  sessionMetada: Type.Optional(FreeObject),
  contactMetadata: Type.Optional(FreeObject),
  senderId: Type.Optional(Type.String({ maxLength: 200 })),
  callbackUrl: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type SendParams = Static<typeof SendBody>;

/**
 * A chatbot dispatch and its run. WTS documents `GET /chat/v1/send/chatbot/{id}` as the status of a queued
 * dispatch but not its body; this mirrors its async message send ({id, sessionId, status, statusUrl,
 * failureReason}). status: QUEUED, RUNNING (waitingFor REPLY or DELAY while parked), SKIPPED (skipReason),
 * COMPLETED, FAILED (failureReason), STOPPED (an agent took over; statusDescription says why).
 * The send answers the same object plus `session`, the PublicSessionDTO WTS's reference says it returns.
 * It carries the fields of the Send API's PublicRespSendMessageDTO too (`companyId`, `failedReason`, `sentAt`,
 * `callbackUrl`, `waitReply`), which `POST /chat/v1/send/chatbot` answers, in the dispatch's own statuses.
 */
export const DispatchSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  botId: Type.String(),
  botKey: Type.String(),
  botVersion: Type.Integer(),
  sessionId: Nullable(Type.String()),
  contactId: Nullable(Type.String()),
  senderId: Nullable(Type.String()),
  status: Type.String(),
  statusDescription: Nullable(Type.String()),
  skipReason: Nullable(Type.String()),
  failureReason: Nullable(Type.String()),
  waitingFor: Nullable(Type.String()),
  waitUntil: DateTime,
  currentStep: Nullable(Type.String()),
  stepsExecuted: Type.Integer(),
  startedAt: DateTime,
  finishedAt: DateTime,
  statusUrl: Type.String(),
  failedReason: Nullable(Type.String()),
  sentAt: DateTime,
  callbackUrl: Nullable(Type.String()),
  waitReply: Type.Boolean(),
});
export const SendResponse = Type.Object({ ...DispatchSchema.properties, session: Nullable(SessionSchema) });

/** PublicReqSendBotBatchDTO: one bot and channel, and per recipient a number (`to`) or a session. */
export const SendBatchBody = Type.Object({
  botKey: Type.String({ minLength: 1, maxLength: 64 }),
  from: Type.Optional(Type.String({ maxLength: 200 })),
  options: SendBody.properties.options,
  messages: Type.Array(
    Type.Object({
      to: Type.Optional(Type.String({ maxLength: 200 })),
      sessionId: Type.Optional(Type.String({ maxLength: 64 })),
      sessionMetadata: Type.Optional(FreeObject),
      contactMetadata: Type.Optional(FreeObject),
      senderId: Type.Optional(Type.String({ maxLength: 200 })),
      callbackUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    }),
    { minItems: 1, maxItems: BATCH_LIMIT },
  ),
});
export const DispatchesSchema = Type.Object({ results: Type.Array(DispatchSchema) });
