import type {
  IDataObject,
  IHookFunctions,
  ILoadOptionsFunctions,
  INodePropertyOptions,
  INodeType,
  INodeTypeDescription,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { accountRequest, request } from '../Switchboard/api.ts';
import { firstSighting, validSignature } from './signature.ts';

const CHATWOOT_EVENTS = [
  'contact_created',
  'contact_updated',
  'conversation_created',
  'conversation_status_changed',
  'conversation_updated',
  'conversation_typing_on',
  'conversation_typing_off',
  'message_created',
  'message_updated',
  'webwidget_triggered',
];

interface Registration {
  dialect?: string;
  events?: string[];
  webhookId?: string | number;
  secret?: string;
  seen?: string[];
}

const chosenEvents = (ctx: IHookFunctions, dialect: string) =>
  ctx.getNodeParameter(dialect === 'wts' ? 'wtsEvents' : 'chatwootEvents') as string[];

const header = (headers: IDataObject, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
};

/** Unsubscribes (in the dialect it was made in) and forgets the registration. */
async function removeRegistration(ctx: IHookFunctions, data: Registration): Promise<void> {
  if (data.webhookId !== undefined) {
    if (data.dialect === 'wts')
      await request(ctx, 'DELETE', `/core/v1/webhook/subscription/${encodeURIComponent(String(data.webhookId))}`);
    else await accountRequest(ctx, 'DELETE', `/webhooks/${Number(data.webhookId)}`);
  }
  for (const key of ['webhookId', 'secret', 'dialect', 'events', 'seen'] as const) delete data[key];
}

/**
 * Starts a workflow on Switchboard's events. On activation it subscribes this workflow's webhook URL (a WTS
 * webhook subscription or a Chatwoot account webhook) and keeps the signing secret; on deactivation it
 * unsubscribes. Each delivery is checked against the secret and emitted once, by its delivery id.
 */
export class SwitchboardTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Switchboard Trigger',
    name: 'switchboardTrigger',
    icon: 'file:switchboard.svg',
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["dialect"]}}',
    description: 'Starts the workflow on Switchboard events (WTS or Chatwoot dialect)',
    defaults: { name: 'Switchboard Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'switchboardApi', required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties: [
      {
        displayName: 'Dialect',
        name: 'dialect',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'WTS (Session, Message, Contact Events)', value: 'wts' },
          { name: 'Chatwoot (Account Webhook Events)', value: 'chatwoot' },
        ],
        default: 'wts',
      },
      {
        displayName: 'Event Names or IDs',
        name: 'wtsEvents',
        type: 'multiOptions',
        typeOptions: { loadOptionsMethod: 'getWtsEvents' },
        default: ['MESSAGE_RECEIVED'],
        required: true,
        description:
          'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
        displayOptions: { show: { dialect: ['wts'] } },
      },
      {
        displayName: 'Events',
        name: 'chatwootEvents',
        type: 'multiOptions',
        options: CHATWOOT_EVENTS.map((e) => ({ name: e, value: e })),
        default: ['message_created'],
        required: true,
        displayOptions: { show: { dialect: ['chatwoot'] } },
      },
    ],
  };

  methods = {
    loadOptions: {
      async getWtsEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
        const events = (await request(this, 'GET', '/core/v1/webhook/event')) as Array<{
          event: string;
          description: string;
        }>;
        return events.map((e) => ({ name: e.event, value: e.event, description: e.description }));
      },
    },
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        const data = this.getWorkflowStaticData('node') as Registration;
        const dialect = this.getNodeParameter('dialect') as string;
        if (!data.webhookId || data.dialect !== dialect) return false;
        // Events changed since activation: n8n re-creates the subscription after this answers false.
        if (JSON.stringify(data.events ?? []) !== JSON.stringify(chosenEvents(this, dialect))) {
          await removeRegistration(this, data).catch(() => undefined);
          return false;
        }
        try {
          if (dialect === 'wts')
            await request(this, 'GET', `/core/v1/webhook/subscription/${encodeURIComponent(String(data.webhookId))}`);
          else await accountRequest(this, 'GET', `/webhooks/${Number(data.webhookId)}`);
          return true;
        } catch {
          delete data.webhookId;
          delete data.secret;
          return false;
        }
      },
      async create(this: IHookFunctions): Promise<boolean> {
        const data = this.getWorkflowStaticData('node') as Registration;
        const dialect = this.getNodeParameter('dialect') as string;
        const url = this.getNodeWebhookUrl('default') as string;
        const name = `n8n: ${this.getWorkflow().name ?? this.getWorkflow().id ?? 'workflow'}`.slice(0, 255);
        const events = chosenEvents(this, dialect);
        if (dialect === 'wts') {
          const subscription = await request(this, 'POST', '/core/v1/webhook/subscription', {
            body: { name, url, enabled: true, events },
          });
          Object.assign(data, { dialect, events, webhookId: subscription.id, secret: subscription.secret, seen: [] });
        } else {
          const answer = await accountRequest(this, 'POST', '/webhooks', {
            body: { webhook: { name, url, subscriptions: events } },
          });
          const webhook = answer.payload?.webhook ?? answer;
          Object.assign(data, { dialect, events, webhookId: webhook.id, secret: webhook.secret, seen: [] });
        }
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        const data = this.getWorkflowStaticData('node') as Registration;
        try {
          await removeRegistration(this, data);
        } catch {
          return false;
        }
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const data = this.getWorkflowStaticData('node') as Registration;
    const req = this.getRequestObject() as unknown as { rawBody?: Buffer | string; body: unknown };
    const headers = this.getHeaderData() as IDataObject;
    const raw = req.rawBody !== undefined ? req.rawBody.toString() : JSON.stringify(req.body);
    const res = this.getResponseObject();
    if (
      !validSignature(
        data.secret ?? '',
        header(headers, 'x-chatwoot-timestamp'),
        raw,
        header(headers, 'x-chatwoot-signature'),
      )
    ) {
      res.status(401).send('invalid signature');
      return { noWebhookResponse: true };
    }
    const deliveryId = header(headers, 'x-chatwoot-delivery');
    data.seen ??= [];
    if (deliveryId && !firstSighting(data.seen, deliveryId)) return { webhookResponse: 'duplicate delivery' };
    const body = this.getBodyData() as IDataObject;
    return { workflowData: [[{ json: { ...body, deliveryId } }]] };
  }
}
