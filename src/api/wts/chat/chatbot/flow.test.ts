import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cleanUpAfterFile, closeServer } from '../../../../../test/helpers/cleanup.ts';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { chatbotFixture, until } from '../../../../../test/helpers/chatbot-fixture.ts';
import { injectClient, startInstance } from '../../../../../test/helpers/instance.ts';

const ENV = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
const ctx = await createTestContext(ENV);

/** The shop's order API the flow's HTTP step calls, on loopback. */
async function startOrderApi() {
  const calls: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    calls.push({ url: req.url!, headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: req.url!.split('/').pop(), status: 'shipped', delivery: { eta: 'tomorrow' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanUpAfterFile(() => closeServer(server));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

function orderFlow(apiUrl: string, departmentId: string) {
  return {
    start: 'lookup',
    steps: [
      {
        id: 'lookup',
        kind: 'http',
        method: 'GET',
        url: `${apiUrl}/orders/{{session.metadata.order}}`,
        headers: { 'x-shop-key': 'k-{{contact.phone}}' },
        map: { orderStatus: 'status', eta: 'delivery.eta' },
        next: 'remember',
        onError: 'humans',
      },
      { id: 'remember', kind: 'set', target: 'session', key: 'orderStatus', value: '{{orderStatus}}', next: 'label' },
      { id: 'label', kind: 'tag', action: 'add', tag: 'order-{{orderStatus}}', next: 'tell' },
      {
        id: 'tell',
        kind: 'message',
        text: 'Order {{session.metadata.order}} is {{orderStatus}}, arriving {{eta}}.',
        next: 'ask',
      },
      {
        id: 'ask',
        kind: 'ask',
        text: 'Talk to a person?',
        saveAs: 'wantsHuman',
        timeoutSeconds: 3600,
        onTimeout: 'bye',
        next: 'bye',
        choices: [
          { title: 'Yes', value: 'yes', next: 'humans' },
          { title: 'No', value: 'no' },
        ],
      },
      { id: 'humans', kind: 'handoff', departmentId, text: 'Passing you to our support team.' },
      { id: 'bye', kind: 'complete', text: 'Bye!' },
    ],
  };
}

describe('a chatbot flow across a restart', () => {
  it('calls an HTTP API, waits for the reply through a restart, then hands off to a department (both dialects see it)', async () => {
    const f = await chatbotFixture(ctx, 'Shop');
    const api = await startOrderApi();
    const team = (await f.api.post(`${f.base}/teams`, { name: 'Support' })).body;
    const departmentId = (
      await f.wts.get(
        `/core/v1/department/${(await ctx.database.db.selectFrom('teams').select('uuid').where('id', '=', team.id).executeTakeFirstOrThrow()).uuid}`,
      )
    ).body.id;
    const bot = await f.createBot(orderFlow(api.url, departmentId));

    let instance = await startInstance(ctx.config.databaseUrl!, ENV);
    onTestFinished(() => instance.stop());
    const sent = (
      await f.send({ botKey: bot.key, from: f.channelId, to: '+5511988887777', sessionMetada: { order: 'A-17' } })
    ).body;
    expect(sent).toMatchObject({ status: 'QUEUED', session: { status: 'STARTED' } });
    const number = Number(sent.session.number);

    const waiting = await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    expect(waiting).toMatchObject({ currentStep: 'ask', stepsExecuted: 5 });
    expect(api.calls).toEqual([
      expect.objectContaining({
        url: '/orders/A-17',
        headers: expect.objectContaining({ 'x-shop-key': 'k-+5511988887777' }),
      }),
    ]);
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body).toMatchObject({
      status: 'STARTED',
      metadata: { order: 'A-17', orderStatus: 'shipped' },
    });
    expect((await f.api.get(`${f.base}/conversations/${number}`)).body.status).toBe('pending');
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .select('labels')
      .where('uuid', '=', sent.contactId)
      .executeTakeFirstOrThrow();
    expect(contact.labels).toEqual(['order-shipped']);

    // The process goes away while the flow waits; the contact answers while nothing runs.
    await instance.stop();
    await f.incoming(number, 'yes'); // nothing runs the flow now (this file's own server has no chatbot engine)
    expect(await f.dispatch(sent.id)).toMatchObject({ status: 'RUNNING', waitingFor: 'REPLY' });

    // A new process on the same database picks the reply up from the outbox and finishes the flow.
    instance = await startInstance(ctx.config.databaseUrl!, ENV);
    const headers = { authorization: `Bearer ${f.account.api_access_token}` };
    const wts = injectClient(instance.app, headers);
    const chatwoot = injectClient(instance.app, { api_access_token: f.account.api_access_token });
    const done = await until(
      () => wts.get(`/chat/v1/send/chatbot/${sent.id}`),
      (res) => res.body.status === 'COMPLETED',
    );
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      statusDescription: 'handed off to a department',
      currentStep: 'humans',
      stepsExecuted: 7,
    });

    const session = (await wts.get(`/chat/v1/session/${sent.sessionId}`)).body;
    expect(session).toMatchObject({ status: 'PENDING', departmentId, userId: null, botId: null });
    const conversation = (await chatwoot.get(`${f.base}/conversations/${number}`)).body;
    expect(conversation).toMatchObject({ status: 'open', meta: { team: { id: team.id } } });
    const said = (await chatwoot.get(`${f.base}/conversations/${number}/messages`)).body.payload
      .filter((m: any) => m.message_type !== 2)
      .map((m: any) => m.content);
    expect(said).toEqual([
      'Order A-17 is shipped, arriving tomorrow.',
      'Talk to a person?',
      'yes',
      'Passing you to our support team.',
    ]);
    const conversationId = (
      await ctx.database.db
        .selectFrom('conversations')
        .select('id')
        .where('uuid', '=', sent.sessionId)
        .executeTakeFirstOrThrow()
    ).id;
    const statusChanges = await ctx.database.db
      .selectFrom('events')
      .select('data')
      .where('conversation_id', '=', conversationId)
      .where('name', '=', 'conversation.status_changed')
      .orderBy('id')
      .execute();
    expect(statusChanges.map((e: any) => e.data.changed_attributes.status.current_value).at(-1)).toBe('open');
  }, 30_000);
});
