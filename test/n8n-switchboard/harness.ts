/**
 * Runs the n8n-nodes-switchboard nodes headlessly, the way n8n does, without n8n's server.
 *
 * What is n8n's own: the node and credential classes (imported from the package's TypeScript sources),
 * `n8n-workflow` — its NodeHelpers.getNodeParameters resolves each call's parameters exactly as the editor
 * saves them (defaults filled in, fields not displayed for the chosen resource/operation left out), its
 * Workflow's expression engine evaluates `={{ … }}` parameters against the input item (as in a saved
 * workflow: `$json`, `$now`, …), and its error classes. What is ours (n8n-core is not installed: 350 MB with LangChain and native Sentry
 * profiling): a small IExecuteFunctions / ILoadOptionsFunctions / IHookFunctions / IWebhookFunctions with
 * n8n-core's semantics for what the nodes use — getNodeParameter (throws on an unknown parameter without a
 * fallback), httpRequestWithAuthentication (the credential's authenticate(), `qs` with arrayFormat,
 * JSON bodies, returnFullResponse, ignoreHttpStatusErrors), getWorkflowStaticData('node'), getNodeWebhookUrl.
 * Every request goes over real HTTP to a listening Switchboard.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  IHttpRequestOptions,
  INode,
  INodeExecutionData,
  INodePropertyOptions,
  INodeType,
  INodeTypes,
} from 'n8n-workflow';
import { SwitchboardApi } from '../../packages/n8n-nodes-switchboard/credentials/SwitchboardApi.credentials.ts';
import { Switchboard } from '../../packages/n8n-nodes-switchboard/nodes/Switchboard/Switchboard.node.ts';
import { SwitchboardTrigger } from '../../packages/n8n-nodes-switchboard/nodes/SwitchboardTrigger/SwitchboardTrigger.node.ts';

export const credentialType = new SwitchboardApi();

export interface SentRequest {
  method: string;
  url: string;
}

/** n8n-core's helpers.httpRequest, over fetch: what the node asks for goes on the wire as n8n would put it. */
async function httpRequest(options: IHttpRequestOptions, log: SentRequest[]) {
  const url = new URL(options.url, options.baseURL);
  for (const [key, value] of Object.entries(options.qs ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (options.arrayFormat && options.arrayFormat !== 'repeat')
        throw new Error(`harness: arrayFormat ${options.arrayFormat} not implemented`);
      value.forEach((v) => url.searchParams.append(key, String(v)));
    } else url.searchParams.append(key, String(value));
  }
  const headers: Record<string, string> = {
    accept: 'application/json,text/*;q=0.99',
    ...(options.headers as Record<string, string>),
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  log.push({ method: options.method ?? 'GET', url: url.pathname + url.search });
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (options.json && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!options.ignoreHttpStatusErrors && response.status >= 400) {
    throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
      response: { status: response.status, data: parsed },
    });
  }
  if (options.returnFullResponse) {
    return {
      body: parsed,
      headers: Object.fromEntries(response.headers),
      statusCode: response.status,
      statusMessage: response.statusText,
    };
  }
  return parsed;
}

/** `={{$credentials.name}}`, the only expression form the credential's test request uses. */
function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
  if (!match) throw new Error(`harness: cannot resolve the expression ${value}`);
  return credentials[match[1]];
}

export interface Harness {
  credentials: ICredentialDataDecryptedObject;
  /** Every request the nodes sent, in order. */
  sent: SentRequest[];
  /** Runs the Switchboard node once over `items` with the parameters a user set (the rest at their defaults). */
  execute(parameters: IDataObject, items?: INodeExecutionData[]): Promise<any[]>;
  loadOptions(
    method: string,
    parameters?: IDataObject,
  ): Promise<Array<{ name: string; value: string | number | boolean }>>;
  /** The credential's own test request, authenticated as n8n does it; answers the HTTP status. */
  testCredential(): Promise<number>;
  /** The trigger node, its webhook served on loopback; `staticData` continues an earlier run's (same workflow). */
  trigger(parameters: IDataObject, staticData?: IDataObject): Promise<TriggerRun>;
}

export interface TriggerRun {
  url: string;
  staticData: IDataObject;
  /** What each accepted delivery emitted (workflowData[0][0].json), in order. */
  emitted: IDataObject[];
  /** Every delivery received: its headers and raw body, and the status answered. */
  responses: Array<{ status: number; deliveryId: string; headers: http.IncomingHttpHeaders; raw: string }>;
  checkExists(): Promise<boolean>;
  activate(): Promise<boolean>;
  deactivate(): Promise<boolean>;
  close(): Promise<void>;
}

const nodeStub = (type: string, parameters: IDataObject): INode => ({
  id: 'n8n-node-under-test',
  name: type === 'switchboard' ? 'Switchboard' : 'Switchboard Trigger',
  type: `n8n-nodes-switchboard.${type}`,
  typeVersion: 1,
  position: [0, 0],
  parameters: parameters as INode['parameters'],
  credentials: { switchboardApi: { id: '1', name: 'Switchboard account' } },
});

export function createHarness(credentials: ICredentialDataDecryptedObject): Harness {
  const sent: SentRequest[] = [];
  const authenticatedRequest = async (type: string, options: IHttpRequestOptions) => {
    if (type !== credentialType.name) throw new Error(`harness: unknown credential ${type}`);
    const authenticate = credentialType.authenticate as (
      c: ICredentialDataDecryptedObject,
      o: IHttpRequestOptions,
    ) => Promise<IHttpRequestOptions>;
    return httpRequest(await authenticate(credentials, options), sent);
  };

  /** The base every context shares: parameters resolved by n8n-workflow, credentials, the node, HTTP. */
  function context(
    nodeType: INodeType,
    type: string,
    raw: IDataObject,
    staticData: IDataObject = {},
    items: INodeExecutionData[] = [{ json: {} }],
  ) {
    const node = nodeStub(type, raw);
    const resolved =
      NodeHelpers.getNodeParameters(
        nodeType.description.properties,
        raw as INode['parameters'],
        true,
        false,
        node,
        nodeType.description,
      ) ?? {};
    const nodeTypes = {
      getByName: () => nodeType,
      getByNameAndVersion: () => nodeType,
      getKnownTypes: () => ({}),
    } as unknown as INodeTypes;
    const workflow = new Workflow({
      id: 'wf-1',
      name: 'Harness workflow',
      nodes: [node],
      connections: {},
      active: false,
      nodeTypes,
      staticData,
    });
    const evaluate = (value: unknown, itemIndex: number) =>
      workflow.expression.getParameterValue(value as never, null, 0, itemIndex, node.name, items, 'manual', {});
    return {
      getNode: () => node,
      getCredentials: async (name: string) => {
        if (name !== credentialType.name) throw new Error(`harness: unknown credential ${name}`);
        return credentials;
      },
      getNodeParameter(name: string, _itemIndex?: number, ...fallback: unknown[]) {
        const value = (resolved as IDataObject)[name];
        if (value !== undefined) return evaluate(value, _itemIndex ?? 0);
        if (fallback.length) return fallback[0];
        throw new Error(`Could not get parameter "${name}"`);
      },
      getWorkflowStaticData: () => staticData,
      getWorkflow: () => ({ id: 'wf-1', name: 'Harness workflow', active: true }),
      continueOnFail: () => false,
      helpers: {
        httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions) {
          return authenticatedRequest(type, options);
        },
        httpRequest: (options: IHttpRequestOptions) => httpRequest(options, sent),
      },
    };
  }

  const node = new Switchboard();
  const triggerNode = new SwitchboardTrigger();

  return {
    credentials,
    sent,
    async execute(parameters, items = [{ json: {} }]) {
      const ctx = {
        ...context(node, 'switchboard', parameters, {}, items),
        getInputData: () => items,
        getMode: () => 'manual',
      };
      const [out] = await node.execute!.call(ctx as never);
      return out.map((item) => item.json);
    },
    async loadOptions(method, parameters = {}) {
      type LoadOptions = Record<string, (this: unknown) => Promise<INodePropertyOptions[]>> | undefined;
      const fn =
        (node.methods?.loadOptions as LoadOptions)?.[method] ??
        (triggerNode.methods?.loadOptions as LoadOptions)?.[method];
      if (!fn) throw new Error(`neither node has a loadOptions method "${method}"`);
      return fn.call(context(node, 'switchboard', parameters) as never);
    },
    async testCredential() {
      const request = credentialType.test.request;
      const options: IHttpRequestOptions = {
        method: request.method ?? 'GET',
        baseURL: resolveCredentialExpression(request.baseURL, credentials) as string,
        url: request.url ?? '/',
        json: true,
        returnFullResponse: true,
        ignoreHttpStatusErrors: true,
      };
      const response = (await authenticatedRequest(credentialType.name, options)) as { statusCode: number };
      return response.statusCode;
    },
    async trigger(parameters, staticData = {}) {
      const emitted: IDataObject[] = [];
      const responses: TriggerRun['responses'] = [];
      // n8n's webhook server for this workflow: raw body kept (req.rawBody), JSON parsed, the node decides.
      const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          const rawBody = Buffer.concat(chunks);
          const body = rawBody.length ? JSON.parse(rawBody.toString()) : {};
          let status = 200;
          let sentByNode = false;
          const response = {
            status(code: number) {
              status = code;
              return response;
            },
            send(text: string) {
              sentByNode = true;
              res.statusCode = status;
              res.end(text);
            },
          };
          const ctx = {
            ...context(triggerNode, 'switchboardTrigger', parameters, staticData),
            getRequestObject: () => ({ rawBody, body, headers: req.headers }),
            getResponseObject: () => response,
            getHeaderData: () => req.headers,
            getBodyData: () => body,
            getMode: () => 'trigger',
          };
          try {
            const result = await triggerNode.webhook!.call(ctx as never);
            if (result.workflowData) emitted.push(...result.workflowData[0].map((i) => i.json));
            if (!sentByNode) {
              res.statusCode = 200;
              res.end(JSON.stringify({ message: result.webhookResponse ?? 'Workflow was started' }));
            }
          } catch (error) {
            status = 500;
            res.statusCode = 500;
            res.end(String(error));
          }
          responses.push({
            status: res.statusCode,
            deliveryId: String(req.headers['x-chatwoot-delivery'] ?? ''),
            headers: req.headers,
            raw: rawBody.toString(),
          });
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/harness/webhook`;
      const hooks = () => ({
        ...context(triggerNode, 'switchboardTrigger', parameters, staticData),
        getNodeWebhookUrl: () => url,
        getMode: () => 'trigger',
      });
      const methods = triggerNode.webhookMethods!.default;
      return {
        url,
        staticData,
        emitted,
        responses,
        checkExists: () => methods.checkExists.call(hooks() as never),
        activate: () => methods.create.call(hooks() as never),
        deactivate: () => methods.delete.call(hooks() as never),
        close: async () => {
          server.close();
          server.closeAllConnections();
        },
      };
    },
  };
}
