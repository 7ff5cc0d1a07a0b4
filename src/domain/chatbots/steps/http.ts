import { AppError } from '../../../errors.ts';
import { checkWebhookUrl } from '../../webhooks/ssrf.ts';
import type { HttpStep } from '../definition.ts';
import { lookupPath, render, renderJson } from '../variables.ts';
import type { StepHandler } from './types.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Why a request step failed, for the run's reason and the `httpError` variable. */
export class HttpStepError extends Error {}

/** The body as text, refusing (without reading it all) one larger than MAX_RESPONSE_BYTES. */
async function readLimited(response: Response, what: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const tooLarge = () => new HttpStepError(`${what}: response larger than ${MAX_RESPONSE_BYTES} bytes`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_RESPONSE_BYTES) throw tooLarge();
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_RESPONSE_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpStepError) throw error;
    throw new HttpStepError(`${what}: ${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function request(step: HttpStep, ctx: Parameters<StepHandler<HttpStep>['execute']>[1]) {
  const url = render(step.url, ctx.scope);
  // The same guard as webhooks: no loopback or private networks unless the operator allows them.
  await checkWebhookUrl(url, ctx.allowPrivateNetworks, 'url').catch((error: AppError) => {
    throw new HttpStepError(`${url}: ${error.message}`);
  });
  const method = step.method ?? 'GET';
  const headers: Record<string, string> = { 'user-agent': 'Switchboard-Chatbot', accept: 'application/json' };
  for (const [name, value] of Object.entries(step.headers ?? {})) headers[name.toLowerCase()] = render(value, ctx.scope);
  let body: string | undefined;
  if (step.body !== undefined && method !== 'GET') {
    const rendered = renderJson(step.body, ctx.scope);
    body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(step.timeoutMs ?? DEFAULT_TIMEOUT_MS) }).catch(
    (error: Error) => {
      throw new HttpStepError(`${method} ${url}: ${error.name === 'TimeoutError' ? 'timed out' : error.message}`);
    },
  );
  const raw = await readLimited(response, `${method} ${url}`);
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
      for (const [name, path] of Object.entries(step.map ?? {})) vars[name] = path === '' || path === '.' ? result.body : lookupPath(result.body, path);
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
