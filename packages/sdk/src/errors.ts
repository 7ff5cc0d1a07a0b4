/** A non-2xx answer: its status, the parsed body (either dialect's error shape) and headers. */
export class SwitchboardError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;

  constructor(method: string, path: string, status: number, body: unknown, headers: Headers) {
    super(`${method.toUpperCase()} ${path} answered ${status}: ${describe(body)}`);
    this.name = 'SwitchboardError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** Chatwoot answers `{error}`, `{message}` or `{errors: [...]}`; WTS answers `{text, key, ...}`. */
function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const text = b.text ?? b.error ?? b.message ?? b.errors;
    if (text !== undefined) return typeof text === 'string' ? text : JSON.stringify(text);
  }
  return typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body);
}
