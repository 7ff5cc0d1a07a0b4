import type { TestContext } from './context.ts';
import { wtsFixture } from './wts-fixture.ts';

/** Polls `read` until `ok` holds (or the time is up) and answers the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A WTS account (wtsFixture) plus helpers to save flows, send them and follow their dispatches. */
export async function chatbotFixture(ctx: TestContext, name = 'Acme') {
  const f = await wtsFixture(ctx, name);

  async function createBot(definition: unknown, botName = 'Order bot') {
    const res = await f.wts.post('/chat/v1/chatbot', { name: botName, definition });
    if (res.status !== 201) throw new Error(`chatbot create failed: ${res.status} ${res.text}`);
    return res.body as { id: string; key: string; version: number };
  }

  async function send(body: Record<string, unknown>) {
    return f.wts.post('/chat/v1/chatbot/send', body);
  }

  async function dispatch(id: string) {
    return (await f.wts.get(`/chat/v1/send/chatbot/${id}`)).body;
  }

  /** Waits for the dispatch to reach one of `statuses` (RUNNING with waitingFor counts as `WAITING_<FOR>`). */
  async function dispatchIn(id: string, statuses: string[], timeoutMs = 10_000) {
    const label = (d: any) => (d.status === 'RUNNING' && d.waitingFor ? `WAITING_${d.waitingFor}` : d.status);
    const d = await until(
      () => dispatch(id),
      (value) => statuses.includes(label(value)),
      timeoutMs,
    );
    if (!statuses.includes(label(d)))
      throw new Error(`dispatch ${id} is ${label(d)} (${d.statusDescription}), expected ${statuses.join('|')}`);
    return d;
  }

  async function messagesOf(displayId: number) {
    return (await f.api.get(`${f.base}/conversations/${displayId}/messages`)).body.payload as any[];
  }

  return { ...f, createBot, send, dispatch, dispatchIn, messagesOf };
}

export const SIMPLE_FLOW = {
  start: 'hello',
  steps: [
    { id: 'hello', kind: 'message', text: 'Hi {{contact.name}}, order {{session.metadata.order}}', next: 'ask' },
    { id: 'ask', kind: 'ask', text: 'Anything else?', saveAs: 'answer', next: 'bye' },
    { id: 'bye', kind: 'complete', text: 'Bye ({{answer}})' },
  ],
};
