import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { freePort } from '../../../bench/startup.ts';
import { chatbotFixture } from '../../../test/helpers/chatbot-fixture.ts';

const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true, chatbots: true });
const guarded = await createTestContext({}, { worker: true, chatbots: true });

describe('chatbot steps', () => {
  it('delays, times an unanswered question out, and hands off to an agent (IN_PROGRESS)', async () => {
    const f = await chatbotFixture(ctx, 'Timeout');
    const agent = await ctx.member(f.account.account_id, 'agent', 'Ana');
    const bot = await f.createBot({
      start: 'pause',
      steps: [
        { id: 'pause', kind: 'wait', seconds: 1, next: 'ask' },
        { id: 'ask', kind: 'ask', text: 'Still there?', timeoutSeconds: 1, onTimeout: 'late', next: 'late' },
        {
          id: 'late',
          kind: 'handoff',
          userId: await f.userUuid(agent.userId),
          text: 'No answer: {{contact.name}}, Ana will write to you.',
        },
      ],
    });
    const started = Date.now();
    const sent = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511977776666' })).body;
    expect(await f.dispatchIn(sent.id, ['WAITING_DELAY'])).toMatchObject({
      currentStep: 'pause',
      waitUntil: expect.any(String),
    });
    await f.dispatchIn(sent.id, ['WAITING_REPLY'], 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const done = await f.dispatchIn(sent.id, ['COMPLETED'], 8000);
    expect(done).toMatchObject({ statusDescription: 'handed off to an agent', currentStep: 'late' });
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body).toMatchObject({
      status: 'IN_PROGRESS',
      userId: await f.userUuid(agent.userId),
    });
    const contents = (await f.messagesOf(Number(sent.session.number)))
      .filter((m) => m.message_type === 1)
      .map((m) => m.content);
    expect(contents).toEqual(['Still there?', 'No answer: +5511977776666, Ana will write to you.']);
  }, 20_000);

  it('branches on contact fields and session metadata, sets and tags, and sends choices and media', async () => {
    const f = await chatbotFixture(ctx, 'Branchy');
    const bot = await f.createBot({
      start: 'vip',
      steps: [
        {
          id: 'vip',
          kind: 'branch',
          default: 'regular',
          rules: [{ source: 'contact', key: 'plan', op: 'equals', value: 'GOLD', next: 'gold' }],
        },
        { id: 'regular', kind: 'complete', text: 'regular' },
        {
          id: 'gold',
          kind: 'set',
          target: 'contact',
          key: 'tier',
          value: '{{contact.fields.plan}}-{{session.metadata.region}}',
          next: 'untag',
        },
        { id: 'untag', kind: 'tag', action: 'remove', tag: 'lead', next: 'region' },
        {
          id: 'region',
          kind: 'branch',
          default: 'regular',
          rules: [{ source: 'session', key: 'region', op: 'matches', value: '^s(ou)?th$', next: 'menu' }],
        },
        {
          id: 'menu',
          kind: 'ask',
          text: 'Pick one',
          choiceStyle: 'list',
          saveAs: 'pick',
          next: 'photo',
          choices: [
            { title: 'Orders', value: 'orders' },
            { title: 'Billing', value: 'billing', next: 'regular' },
          ],
        },
        {
          id: 'photo',
          kind: 'message',
          mediaUrl: 'https://cdn.example.com/catalog/{{pick}}.png',
          text: 'Here: {{pick}}',
          next: 'done',
        },
        { id: 'done', kind: 'set', target: 'var', key: 'unused', value: 'x' },
      ],
    });
    await f.api.post(`${f.base}/contacts/${f.contact.id}/labels`, { labels: ['lead', 'newsletter'] });
    const sent = (
      await f.send({
        botId: bot.id,
        sessionId: (await f.openSession()).id,
        contactMetadata: { plan: 'gold' },
        sessionMetadata: { region: 'south' },
      })
    ).body;
    await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .select(['custom_attributes', 'labels'])
      .where('id', '=', f.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ custom_attributes: { plan: 'gold', tier: 'gold-south' }, labels: ['newsletter'] });
    const number = Number(sent.session.number);
    const menu = (await f.messagesOf(number)).find((m) => m.content === 'Pick one');
    expect(menu).toMatchObject({
      content_type: 'input_select',
      content_attributes: {
        items: [
          { title: 'Orders', value: 'orders' },
          { title: 'Billing', value: 'billing' },
        ],
      },
    });

    // the contact answers from the website widget's side (Chatwoot's Client API)
    const widget = `/public/api/v1/inboxes/${f.inbox.identifier}/contacts/${f.sourceId}/conversations/${number}/messages`;
    expect((await ctx.client().post(widget, { content: '1' })).status).toBe(200);
    // the flow ran out of steps without a handoff: the session goes to the people's queue
    await f.dispatchIn(sent.id, ['COMPLETED']);
    const photo = (await f.messagesOf(number)).find((m) => m.content === 'Here: orders');
    expect(photo.attachments).toEqual([
      expect.objectContaining({ file_type: 'image', data_url: 'https://cdn.example.com/catalog/orders.png' }),
    ]);
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body).toMatchObject({
      status: 'PENDING',
      botId: null,
    });
  });

  it('routes a failed HTTP call to onError, and fails the run (released to people) without one', async () => {
    const f = await chatbotFixture(ctx, 'Down');
    const dead = `http://127.0.0.1:${await freePort()}`;
    const withFallback = await f.createBot({
      start: 'call',
      steps: [
        {
          id: 'call',
          kind: 'http',
          method: 'POST',
          url: `${dead}/x`,
          body: { who: '{{contact.name}}' },
          timeoutMs: 2000,
          next: 'ok',
          onError: 'sorry',
        },
        { id: 'ok', kind: 'complete', text: 'ok' },
        { id: 'sorry', kind: 'ask', text: 'Our system is down ({{httpError}}). Try later?', next: 'ok' },
      ],
    });
    const a = (await f.send({ botId: withFallback.id, from: f.channelId, to: '+5511900000001' })).body;
    await f.dispatchIn(a.id, ['WAITING_REPLY']);
    expect((await f.messagesOf(Number(a.session.number))).at(-1).content).toMatch(
      /^Our system is down \(POST http:\/\/127\.0\.0\.1:\d+\/x: .+\)\. Try later\?$/,
    );

    const without = await f.createBot({
      start: 'call',
      steps: [{ id: 'call', kind: 'http', url: `${dead}/y`, timeoutMs: 2000 }],
    });
    const b = (await f.send({ botId: without.id, from: f.channelId, to: '+5511900000002' })).body;
    expect(await f.dispatchIn(b.id, ['FAILED'])).toMatchObject({
      failureReason: expect.stringContaining('HTTP step "call": GET'),
    });
    expect((await f.wts.get(`/chat/v1/session/${b.sessionId}`)).body.status).toBe('PENDING');
  });

  it('keeps HTTP steps off loopback and private networks unless the operator allows them', async () => {
    const f = await chatbotFixture(guarded, 'Guarded');
    const bot = await f.createBot({
      start: 'call',
      steps: [
        { id: 'call', kind: 'http', url: 'http://127.0.0.1:9/internal', next: 'ok' },
        { id: 'ok', kind: 'complete' },
      ],
    });
    const sent = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511900000003' })).body;
    expect(await f.dispatchIn(sent.id, ['FAILED'])).toMatchObject({
      failureReason: 'HTTP step "call": http://127.0.0.1:9/internal: Url points to a private or loopback network',
    });
  });
});
