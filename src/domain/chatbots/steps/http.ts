import { AppError } from '../../../errors.ts';
import { describeOutboundError, sendOutbound } from '../../webhooks/outbound.ts';
import type { HttpStep } from '../definition.ts';
import { lookupPath, render, renderJson } from '../variables.ts';
import type { StepHandler } from './types.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Why a request step failed, for the run's reason and the `httpError` variable. */
export class HttpStepError extends Error {}

async function request(step: HttpStep, ctx: Parameters<StepHandler<HttpStep>['execute']>[1]) {
  const url = render(step.url, ctx.scope);
  const method = step.method ?? 'GET';
  const headers: Record<string, string> = { 'user-agent': 'Switchboard-Chatbot', accept: 'application/json' };
  for (const [name, value] of Object.entries(step.headers ?? {}))
    headers[name.toLowerCase()] = render(value, ctx.scope);
  let body: string | undefined;
  if (step.body !== undefined && method !== 'GET') {
    const rendered = renderJson(step.body, ctx.scope);
    body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
    headers['content-type'] ??= 'application/json';
  }
  // The URL may be templated, so it is checked here, at each call, by the same guard as webhooks (no loopback or
  // private networks unless the operator allows them); the answer is read up to MAX_RESPONSE_BYTES.
  const response = await sendOutbound({
    url,
    method,
    headers,
    body,
    timeoutMs: step.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowPrivateNetworks: ctx.allowPrivateNetworks,
    maxResponseBytes: MAX_RESPONSE_BYTES,
  }).catch((error: Error) => {
    if (error instanceof AppError) throw new HttpStepError(`${url}: ${error.message}`);
    throw new HttpStepError(
      `${method} ${url}: ${error.name === 'TimeoutError' ? 'timed out' : describeOutboundError(error)}`,
    );
  });
  if (response.truncated) throw new HttpStepError(`${method} ${url}: response larger than ${MAX_RESPONSE_BYTES} bytes`);
  const raw = response.body.toString('utf8');
  let parsed: unknown = raw;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    // not JSON: mapped paths see the text itself
  }
  return { method, url, status: response.status, body: parsed };
}

/**
 * Calls an external URL and maps its JSON answer into flow variables (`map: {var: "dotted.path"}`, `http.status`
 * always). A failure (network, timeout, SSRF guard, 4xx/5xx) goes to `onError`, else fails the run.
 */
export const http: StepHandler<HttpStep> = {
  async execute(step, ctx) {
    const vars = ctx.scope.variables;
    try {
      const result = await request(step, ctx);
      vars.http = { status: result.status, body: result.body };
      for (const [name, path] of Object.entries(step.map ?? {}))
        vars[name] = path === '' || path === '.' ? result.body : lookupPath(result.body, path);
      if (result.status >= 400) throw new HttpStepError(`${result.method} ${result.url} answered ${result.status}`);
      delete vars.httpError;
      return { kind: 'next', next: step.next ?? null };
    } catch (error) {
      if (!(error instanceof HttpStepError)) throw error;
      vars.httpError = error.message;
      if (step.onError) return { kind: 'next', next: step.onError };
      return { kind: 'fail', reason: `HTTP step "${step.id}": ${error.message}` };
    }
  },
};
