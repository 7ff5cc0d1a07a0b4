/**
 * The requests the real n8n ChatWoot node (`@devlikeapro/n8n-nodes-chatwoot`) sends, built from its own
 * installed description: what n8n's RoutingNode and axios put on the wire for each operation (every
 * displayed field with its default, JSON bodies parsed, JSON query params sent as raw text).
 * Adapted from the reverse-engineering notes in /tmp/n8nnode (extract.mjs, REQUESTS.md).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PKG = '@devlikeapro/n8n-nodes-chatwoot';
const pkgJsonPath = require.resolve(`${PKG}/package.json`);
const pkgDir = path.dirname(pkgJsonPath);
const pkgJson = require(pkgJsonPath);

// The OpenAPI builder logs through pino with a worker-thread transport; replace it by a silent logger.
const fromBuilder = createRequire(require.resolve('@devlikeapro/n8n-openapi-node', { paths: [pkgDir] }));
const pinoPath = fromBuilder.resolve('pino');
const silent: any = () => ({ info() {}, warn() {}, error() {}, debug() {} });
silent.default = silent;
require.cache[pinoPath] = {
  id: pinoPath,
  filename: pinoPath,
  loaded: true,
  exports: silent,
  children: [],
  paths: [],
} as any;

const firstClass = (mod: any): any => Object.values(mod).find((v) => typeof v === 'function');
const NodeClass = firstClass(require(path.join(pkgDir, pkgJson.n8n.nodes[0])));
const CredentialClass = firstClass(require(path.join(pkgDir, pkgJson.n8n.credentials[0])));
export const description: any = new NodeClass().description;
export const credential: any = new CredentialClass();

export interface Param {
  name: string;
  location: 'path' | 'query' | 'body' | 'none';
  property: string | null;
  type: string;
  default: any;
  parsesJson: boolean;
}

export interface Operation {
  resource: string;
  operation: string;
  method: string;
  /** OpenAPI-style template, e.g. `/api/v1/accounts/{account_id}/contacts`. */
  url: string;
  params: Param[];
}

export interface NodeRequest {
  method: string;
  path: string;
  queryString: string;
  headers: Record<string, string>;
  body: any;
}

const stripEq = (s: string) => (s.startsWith('=') ? s.slice(1) : s);
const PARAM_EXPR = /\{\{\s*\$parameter\[\s*["']([^"']+)["']\s*\]\s*\}\}/g;

function shownFor(prop: any, resource: string, operation: string): boolean {
  const show = prop.displayOptions?.show;
  if (!show) return true;
  return Object.entries(show).every(([key, values]: [string, any]) => {
    const value = key === 'resource' ? resource : key === 'operation' ? operation : undefined;
    return value !== undefined && values.includes(value);
  });
}

function toParam(field: any, pathVars: string[]): Param {
  if (field.type === 'collection' || field.type === 'fixedCollection') {
    throw new Error(`unexpected ${field.type} ${field.name}: this harness assumes flat parameters`);
  }
  const send = field.routing?.send;
  const location = send ? (send.type === 'body' ? 'body' : 'query') : pathVars.includes(field.name) ? 'path' : 'none';
  return {
    name: field.name,
    location,
    property: send?.property ?? (location === 'path' ? field.name : null),
    type: field.type,
    default: field.default,
    parsesJson: typeof send?.value === 'string' && send.value.includes('JSON.parse'),
  };
}

function collectOperations(): Operation[] {
  const props: any[] = description.properties;
  const resourceProp = props.find((p) => p.name === 'resource' && p.type === 'options');
  const out: Operation[] = [];
  for (const opProp of props.filter((p) => p.name === 'operation' && p.type === 'options')) {
    for (const resource of opProp.displayOptions.show.resource as string[]) {
      for (const option of opProp.options) {
        const request = option.routing.request;
        const expr = stripEq(request.url);
        const pathVars = [...expr.matchAll(PARAM_EXPR)].map((m) => m[1]);
        const params = props
          .filter((f) => f !== resourceProp && !(f.name === 'operation' && f.type === 'options'))
          .filter((f) => f.type !== 'notice' && shownFor(f, resource, option.value))
          .map((f) => toParam(f, pathVars));
        out.push({
          resource,
          operation: option.value,
          method: request.method ?? 'GET',
          url: expr.replace(PARAM_EXPR, '{$1}'),
          params,
        });
      }
    }
  }
  return out;
}

export const operations: Operation[] = collectOperations();

export function findOperation(resource: string, operation: string): Operation {
  const op = operations.find((o) => o.resource === resource && o.operation === operation);
  if (!op) throw new Error(`the node has no operation ${resource} / ${operation}`);
  return op;
}

/** Headers n8n puts on every request of this node (requestDefaults + the credential's generic auth + axios). */
export function nodeHeaders(accessToken: string): Record<string, string> {
  return {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Api-Access-Token': accessToken,
    'User-Agent': 'n8n',
    'Accept-Encoding': 'gzip, compress, deflate, br',
  };
}

// axios's default params serializer
const encode = (x: unknown) =>
  encodeURIComponent(String(x)).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');

/**
 * The request the node sends for `op` when the user sets `values` (n8n parameter name -> value as typed in
 * the UI; JSON-typed fields as text) and leaves everything else at its default.
 */
export function buildRequest(
  op: Operation,
  values: Record<string, any> = {},
  { accessToken = '<token>' } = {},
): NodeRequest {
  const value = (p: Param) => (Object.hasOwn(values, p.name) ? values[p.name] : p.default);
  const urlPath = op.url.replace(/\{([^}]+)\}/g, (_, name) => {
    const p = op.params.find((x) => x.name === name);
    return String(p ? value(p) : undefined);
  });
  const query: Record<string, any> = {};
  const body: Record<string, any> = {};
  for (const p of op.params) {
    if (p.location !== 'query' && p.location !== 'body') continue;
    const v = value(p);
    const sent = p.parsesJson ? JSON.parse(v) : v;
    (p.location === 'query' ? query : body)[p.property as string] = sent;
  }
  const queryString = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((e) => [`${k}[]`, e]) : [[k, v]]))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return {
    method: op.method,
    path: '/' + urlPath.replace(/^\/+/, ''),
    queryString,
    headers: nodeHeaders(accessToken),
    body: Object.keys(body).length ? body : null, // n8n drops an empty {} body
  };
}

/** The credential test: `GET {url}/api`, through the same request defaults and auth. */
export function credentialTestRequest(accessToken: string): NodeRequest {
  return {
    method: credential.test.request.method ?? 'GET',
    path: credential.test.request.url,
    queryString: '',
    headers: nodeHeaders(accessToken),
    body: null,
  };
}

export interface NodeResponse {
  status: number;
  body: any;
  text: string;
  headers: Record<string, unknown>;
  /** false when the body is neither empty nor valid JSON */
  json: boolean;
}

/** Sends a built request to the in-process app exactly as n8n would (same headers, JSON body or none). */
export async function send(app: any, request: NodeRequest): Promise<NodeResponse> {
  const response = await app.inject({
    method: request.method,
    url: request.path + (request.queryString ? `?${request.queryString}` : ''),
    headers: request.headers,
    ...(request.body === null ? {} : { payload: JSON.stringify(request.body) }),
  });
  let body: any;
  let json = true;
  if (response.body) {
    try {
      body = JSON.parse(response.body);
    } catch {
      json = false;
    }
  }
  return { status: response.statusCode, body, text: response.body, headers: response.headers, json };
}

/** Builds and sends in one step. */
export function call(
  app: any,
  accessToken: string,
  resource: string,
  operation: string,
  values: Record<string, any> = {},
) {
  return send(app, buildRequest(findOperation(resource, operation), values, { accessToken }));
}
