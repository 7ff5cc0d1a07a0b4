import { invalidRecord } from '../../errors.ts';

/** `http_request`'s one action parameter (beyond Chatwoot): what to send and what to keep of the answer. */
export interface HttpRequestParams {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Any JSON; `{{...}}` placeholders in its strings are filled per run (template.ts). Absent: no body. */
  body?: unknown;
  timeout_ms: number;
  /** `from`: a path into the JSON answer (`data.tier`, `$.items.0.id`); `to`: where the value goes. */
  response_mapping: ResponseMapping[];
}

export interface ResponseMapping {
  from: string;
  to: string;
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const MAX_TIMEOUT_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Targets a mapping may write: custom attributes of the conversation or the contact, or conversation labels. */
export const MAPPING_TARGET =
  /^(conversation\.custom_attributes\.[\w-]{1,64}|contact\.custom_attributes\.[\w-]{1,64}|conversation\.labels)$/;

const fail = (message: string) => invalidRecord('actions', `Automation action http_request: ${message}`);

/** Reads and checks the parameter (at save and again when a run builds the call). */
export function parseHttpRequestParams(actionParams: unknown[]): HttpRequestParams {
  const raw = actionParams[0];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw fail('action_params must be [{method, url, headers, body, timeout_ms, response_mapping}]');
  const p = raw as Record<string, unknown>;
  const method = String(p.method ?? 'POST').toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw fail(`method must be one of ${HTTP_METHODS.join(', ')}`);
  if (typeof p.url !== 'string' || !p.url.trim()) throw fail('url is required');
  const headers: Record<string, string> = {};
  if (p.headers !== undefined && p.headers !== null) {
    if (typeof p.headers !== 'object' || Array.isArray(p.headers)) throw fail('headers must be an object of strings');
    for (const [name, value] of Object.entries(p.headers)) {
      if (
        !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) ||
        /^(host|content-length|transfer-encoding|connection)$/i.test(name)
      )
        throw fail(`header ${name} cannot be set`);
      if (typeof value !== 'string' || /[\r\n]/.test(value)) throw fail(`header ${name} must be a one-line string`);
      headers[name] = value;
    }
  }
  const timeout = p.timeout_ms === undefined || p.timeout_ms === null ? DEFAULT_TIMEOUT_MS : Number(p.timeout_ms);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > MAX_TIMEOUT_MS)
    throw fail(`timeout_ms must be an integer from 100 to ${MAX_TIMEOUT_MS}`);
  const mappings: ResponseMapping[] = [];
  if (p.response_mapping !== undefined && p.response_mapping !== null) {
    if (!Array.isArray(p.response_mapping)) throw fail('response_mapping must be a list of {from, to}');
    for (const m of p.response_mapping as Record<string, unknown>[]) {
      if (!m || typeof m.from !== 'string' || typeof m.to !== 'string')
        throw fail('response_mapping must be a list of {from, to}');
      if (!MAPPING_TARGET.test(m.to))
        throw fail(
          `response_mapping target ${m.to} must be conversation.custom_attributes.KEY, contact.custom_attributes.KEY or conversation.labels`,
        );
      mappings.push({ from: m.from, to: m.to });
    }
  }
  return {
    method,
    url: p.url.trim(),
    headers,
    ...(p.body === undefined || p.body === null ? {} : { body: p.body }),
    timeout_ms: timeout,
    response_mapping: mappings,
  };
}

/** The value at a dotted path (`data.items.0.id`, an optional leading `$.`) of a JSON value, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  const steps = path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean);
  let current: unknown = root;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
