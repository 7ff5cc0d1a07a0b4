import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';

/** An HTTP step in the Test panel makes its request for real, under the same network guard as the engine. */
const receiver = await startReceiver(() => 201);
const definition = {
  start: 'order',
  steps: [
    { id: 'order', kind: 'ask', text: 'Order number?', saveAs: 'order', next: 'lookup' },
    {
      id: 'lookup',
      kind: 'http',
      method: 'POST',
      url: receiver.url,
      body: { order: '{{vars.order}}' },
      next: 'said',
      onError: 'failed',
    },
    { id: 'said', kind: 'complete', text: 'The shop answered {{http.status}}' },
    { id: 'failed', kind: 'complete', text: 'No answer: {{httpError}}' },
  ],
};

async function run(env: Record<string, string>) {
  const ctx = await createTestContext(env);
  const admin = await ctx.account('Http');
  const url = `/api/v1/accounts/${admin.account_id}/chatbots/sandbox`;
  const first = await admin.api.post(url, { definition });
  return (await admin.api.post(url, { definition, state: first.body.state, reply: 'A-17' })).body;
}

describe('the sandbox’s HTTP step', () => {
  it('sends the rendered request and shows the answer as an event and in the variables', async () => {
    const turn = await run({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(receiver.received.map((r) => r.body)).toEqual([{ order: 'A-17' }]);
    expect(turn.events).toEqual([{ step: 'lookup', text: `POST ${receiver.url} → answered 201` }]);
    expect(turn.state.variables.http).toEqual({ status: 201, body: 'ok' });
    expect(turn.messages).toEqual([{ step: 'said', text: 'The shop answered 201' }]);
  });

  it('is refused loopback like the engine unless the operator allows private networks, and goes to onError', async () => {
    const turn = await run({});
    expect(receiver.received).toHaveLength(1);
    expect(turn.events[0].text).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/hook → .*(private|loopback|not allowed)/i);
    expect(turn.messages[0].text).toMatch(/^No answer: /);
  });
});
