import { expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { until } from '../../../../../test/helpers/chatbot-fixture.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/**
 * A contact's reply ends its enrolments in stop-on-reply sequences when the message is dispatched (the outbox,
 * run by the event worker here), not when the next step falls due: the steps below are an hour away and no
 * sequence runner is started, so only the reply can stop them.
 */
const ctx = await createTestContext({}, { worker: true });
const f = await wtsFixture(ctx, 'Acme');
const { wts } = f;

const create = async (body: Record<string, unknown>) => {
  const res = await wts.post('/chat/v1/sequence', {
    name: 'Follow-up',
    channelId: f.channelId,
    steps: [{ delaySeconds: 3600, text: 'in an hour' }],
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const enrolment = async (sequenceId: string) =>
  (await wts.get(`/chat/v2/sequence/${sequenceId}/contact`, { ContactId: f.contactId })).body.items[0];

it('the reply stops the stop-on-reply enrolment at once; a sequence that does not stop on reply goes on', async () => {
  const session = await f.openSession();
  const stops = await create({ name: 'Stops', stopOnReply: true });
  const goesOn = await create({ name: 'Goes on', stopOnReply: false });
  for (const s of [stops, goesOn])
    expect((await wts.post(`/chat/v1/sequence/${s.id}/contact`, { contactId: f.contactId })).status).toBe(200);
  expect(await enrolment(stops.id)).toMatchObject({ status: 'ACTIVE', nextStepAt: expect.any(String) });

  // An agent's message and a private note are not replies.
  await f.api.post(`${f.base}/conversations/${session.displayId}/messages`, { content: 'Olá!' });
  await f.api.post(`${f.base}/conversations/${session.displayId}/messages`, { content: 'nota', private: true });
  await f.incoming(session.displayId, 'pode parar, obrigado');

  const stopped = await until(
    () => enrolment(stops.id),
    (e) => e.status !== 'ACTIVE',
    8000,
  );
  expect(stopped).toMatchObject({
    status: 'STOPPED',
    active: false,
    stopReason: 'the contact replied',
    nextStepAt: null,
  });
  // Same event, same transaction: by now the other sequence's fate is decided.
  expect(await enrolment(goesOn.id)).toMatchObject({
    status: 'ACTIVE',
    active: true,
    nextStep: 0,
    nextStepAt: expect.any(String),
  });
});

it('messages that are not the contact’s leave a stop-on-reply enrolment active', async () => {
  const session = await f.openSession();
  const s = await create({ name: 'Quiet', stopOnReply: true });
  expect((await wts.post(`/chat/v1/sequence/${s.id}/contact`, { contactId: f.contactId })).status).toBe(200);
  await f.api.post(`${f.base}/conversations/${session.displayId}/messages`, { content: 'agent only' });
  await f.api.post(`${f.base}/conversations/${session.displayId}/messages`, { content: 'nota', private: true });
  // Wait until the outbox has dispatched those messages' events: then their effect (none) is final.
  await until(
    () =>
      ctx.database.db
        .selectFrom('events')
        .select('id')
        .where('account_id', '=', f.account.account_id)
        .where('dispatched_at', 'is', null)
        .execute(),
    (rows) => rows.length === 0,
    8000,
  );
  expect(await enrolment(s.id)).toMatchObject({ status: 'ACTIVE' });
});
