import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { request } from '../api.ts';
import {
  keyValueField,
  keyValues,
  operationField,
  pickerField,
  requiredString,
  showFor,
  type Resource,
} from './shared.ts';

const R = 'chatbot';

/** Where a dispatch stops moving on its own (GET /chat/v1/send/chatbot/{id}: QUEUED → RUNNING → one of these). */
const FINISHED = ['COMPLETED', 'FAILED', 'SKIPPED', 'STOPPED'];

const properties: INodeProperties[] = [
  operationField(
    R,
    [
      { name: 'Get Dispatch', value: 'getDispatch', action: 'Get the status of a chatbot dispatch' },
      { name: 'Send', value: 'send', action: 'Send a chatbot' },
      { name: 'Wait for Outcome', value: 'waitForOutcome', action: 'Wait for a chatbot dispatch to finish' },
    ],
    'send',
  ),
  // Send (seed 004)
  {
    displayName: 'Session ID',
    name: 'sessionId',
    type: 'string',
    default: '',
    description: 'The session to run the bot in (optional)',
    displayOptions: showFor(R, ['send']),
  },
  pickerField('Bots Name or ID', 'botId', 'getBots', showFor(R, ['send']), { required: true }),
  pickerField('From Name or ID', 'from', 'getChannels', showFor(R, ['send']), {
    required: true,
    hint: 'The channel the bot writes from',
  }),
  {
    displayName: 'To',
    name: 'to',
    type: 'string',
    default: '',
    required: true,
    placeholder: '+5511999999999',
    description: "The recipient's phone number or username",
    displayOptions: showFor(R, ['send']),
  },
  {
    displayName: 'Force Start Session',
    name: 'forceStartSession',
    type: 'boolean',
    default: false,
    displayOptions: showFor(R, ['send']),
  },
  {
    displayName: 'Skip If Bot In Execution',
    name: 'skipIfBotInExecution',
    type: 'boolean',
    default: false,
    description: 'Whether to send nothing when another chatbot is running for the contact',
    displayOptions: showFor(R, ['send']),
  },
  {
    displayName: 'Skip If In Progress',
    name: 'skipIfInProgress',
    type: 'boolean',
    default: false,
    description: 'Whether to send nothing when the contact has a session in progress',
    displayOptions: showFor(R, ['send']),
  },
  keyValueField('Session Metadata', 'sessionMetadata', 'Metadata to add to the session', showFor(R, ['send'])),
  keyValueField('Contacts Metadata', 'contactMetadata', 'Metadata to add to the contact', showFor(R, ['send'])),

  // Get Dispatch / Wait for Outcome
  {
    displayName: 'Dispatch ID',
    name: 'dispatchId',
    type: 'string',
    default: '',
    required: true,
    description: 'The `id` Send answered',
    displayOptions: showFor(R, ['getDispatch', 'waitForOutcome']),
  },
  {
    displayName: 'Stop When Waiting for a Reply',
    name: 'untilWaiting',
    type: 'boolean',
    default: true,
    description: 'Whether a bot parked on a question (RUNNING, waitingFor REPLY) counts as an outcome',
    displayOptions: showFor(R, ['waitForOutcome']),
  },
  {
    displayName: 'Timeout (Seconds)',
    name: 'timeout',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 600 },
    default: 60,
    displayOptions: showFor(R, ['waitForOutcome']),
  },
  {
    displayName: 'Poll Interval (Milliseconds)',
    name: 'pollInterval',
    type: 'number',
    typeOptions: { minValue: 50, maxValue: 60000 },
    default: 1000,
    displayOptions: showFor(R, ['waitForOutcome']),
  },
];

/**
 * Seed 004: a bot, a channel and a recipient are required (refused in the WTS node's words); only the options
 * that are true are sent, as the WTS node does.
 */
async function send(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
  const botId = requiredString(ctx, 'botId', i, 'Choose a bot', 'Fill in the Bots field');
  const from = requiredString(ctx, 'from', i, 'Choose channel', 'Fill in the From field');
  const to = requiredString(ctx, 'to', i, 'Set an Instagram number or username for sending', 'Fill in the To field');
  const options: IDataObject = {};
  for (const flag of ['forceStartSession', 'skipIfBotInExecution', 'skipIfInProgress'])
    if (ctx.getNodeParameter(flag, i, false)) options[flag] = true;
  const sessionId = String(ctx.getNodeParameter('sessionId', i, '') ?? '').trim();
  const body: IDataObject = { botId, from, to, options };
  if (sessionId) body.sessionId = sessionId;
  const sessionMetadata = keyValues(ctx.getNodeParameter('sessionMetadata', i, {}) as IDataObject);
  const contactMetadata = keyValues(ctx.getNodeParameter('contactMetadata', i, {}) as IDataObject);
  if (sessionMetadata) body.sessionMetadata = sessionMetadata;
  if (contactMetadata) body.contactMetadata = contactMetadata;
  return request(ctx, 'POST', '/chat/v1/chatbot/send', { body });
}

const dispatchPath = (ctx: IExecuteFunctions, i: number) =>
  `/chat/v1/send/chatbot/${encodeURIComponent(requiredString(ctx, 'dispatchId', i, 'Fill in the field Dispatch ID'))}`;

/** Polls the dispatch until it finishes (or parks on a question, when asked), or fails at the timeout. */
async function waitForOutcome(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
  const path = dispatchPath(ctx, i);
  const untilWaiting = ctx.getNodeParameter('untilWaiting', i, true) as boolean;
  const timeoutMs = Number(ctx.getNodeParameter('timeout', i, 60)) * 1000;
  const interval = Number(ctx.getNodeParameter('pollInterval', i, 1000));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dispatch = await request(ctx, 'GET', path);
    if (
      FINISHED.includes(dispatch.status) ||
      (untilWaiting && dispatch.status === 'RUNNING' && dispatch.waitingFor === 'REPLY')
    )
      return dispatch;
    if (Date.now() + interval > deadline) {
      throw new NodeOperationError(
        ctx.getNode(),
        `The chatbot dispatch is still ${dispatch.status} after ${timeoutMs / 1000} s`,
        { itemIndex: i },
      );
    }
    await sleep(interval);
  }
}

export const chatbot: Resource = {
  value: R,
  name: 'Chatbot',
  description: 'Start WTS chatbots and follow their dispatches',
  properties,
  operations: {
    send,
    getDispatch: async (ctx, i) => request(ctx, 'GET', dispatchPath(ctx, i)),
    waitForOutcome,
  },
};
