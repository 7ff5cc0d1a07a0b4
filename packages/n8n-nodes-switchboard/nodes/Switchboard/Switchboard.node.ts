import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { loadOptions } from './load-options.ts';
import { chatbot } from './resources/chatbot.ts';
import { contact, conversation, inbox, label, message } from './resources/chatwoot.ts';
import { session } from './resources/session.ts';
import type { Resource } from './resources/shared.ts';
import { agent, department, tag, wtsContact } from './resources/wts-directory.ts';

/** WTS dialect first (sessions, chatbots, its directory), then the Chatwoot dialect. */
const RESOURCES: Resource[] = [
  session,
  chatbot,
  wtsContact,
  tag,
  department,
  agent,
  conversation,
  message,
  contact,
  label,
  inbox,
];
const byValue = new Map(RESOURCES.map((r) => [r.value, r]));

export class Switchboard implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Switchboard',
    name: 'switchboard',
    icon: 'file:switchboard.svg',
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Sessions, chatbots and contacts (WTS dialect); conversations, messages and labels (Chatwoot dialect)',
    defaults: { name: 'Switchboard' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    usableAsTool: true,
    credentials: [{ name: 'switchboardApi', required: true }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        default: 'session',
        options: RESOURCES.map((r) => ({ name: r.name, value: r.value, description: r.description })),
      },
      ...RESOURCES.flatMap((r) => r.properties),
    ],
  };

  methods = { loadOptions };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const out: INodeExecutionData[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        const resource = this.getNodeParameter('resource', i) as string;
        const operation = this.getNodeParameter('operation', i) as string;
        const run = byValue.get(resource)?.operations[operation];
        if (!run)
          throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, {
            itemIndex: i,
          });
        const result = await run(this, i);
        for (const json of Array.isArray(result) ? result : [result])
          out.push({ json: json as IDataObject, pairedItem: { item: i } });
      } catch (error) {
        if (this.continueOnFail()) {
          out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
          continue;
        }
        throw error;
      }
    }
    return [out];
  }
}
