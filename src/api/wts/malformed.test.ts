import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { wtsFixture } from '../../../test/helpers/wts-fixture.ts';

/** Whatever a client sends to the WTS write endpoints, the answer is a 4xx in WTS's error envelope, never a 5xx. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { wts } = f;
const session = await f.openSession();
const contact = (await wts.post('/core/v1/contact', { name: 'Probe', phoneNumber: '+5511911110000' })).body;
await wts.post(`/chat/v1/session/${session.id}/note`, { text: 'n' });
const subscription = (
  await wts.post('/core/v1/webhook/subscription', {
    name: 's',
    url: 'https://hooks.example.com/s',
    events: ['SESSION_NEW'],
  })
).body;

const NASTY: unknown[] = [
  '{not json',
  '[]',
  'null',
  '"text"',
  {},
  {
    text: 42,
    to: [],
    body: 'x',
    name: { a: 1 },
    phoneNumber: true,
    email: 7,
    tagNames: 'vip',
    tagIds: ['not-a-uuid'],
    fields: 'Name',
    events: 'SESSION_NEW',
  },
  { text: 'x'.repeat(200_000) },
  { to: '+55', body: { text: 'x', fileUrl: 'http://' }, options: { forceStartSession: 'yes' } },
  { to: '\u0000', body: { text: '\u0000' }, department: { id: 'x' }, user: { email: 5 } },
  { fields: ['Name', 'Nope'], name: null, metadata: [], customFields: 'x', operation: 'ReplaceAll', tagNames: [null] },
  {
    pageNumber: 0,
    pageSize: 1000,
    orderDirection: 'UP',
    createdAt: { after: 'yesterday' },
    includeDetails: ['Everything'],
  },
  { pageNumber: 1, createdAt: { after: 'not a date' } },
  { refId: '00000000-0000-4000-8000-000000000000', text: 'x' },
  { fileId: '00000000-0000-4000-8000-000000000000' },
  { filesUrls: ['javascript:alert(1)'], filesIds: [] },
  { name: 'x', url: 'file:///etc/passwd', events: ['SESSION_NEW'] },
  { fields: ['Url'], url: 'http://127.0.0.1/x' },
];

const ENDPOINTS: [string, string][] = [
  ['POST', `/chat/v1/session/${session.id}/message`],
  ['POST', `/chat/v1/session/${session.id}/message/sync`],
  ['POST', `/chat/v1/session/${session.id}/note`],
  ['POST', '/chat/v1/message/send'],
  ['POST', '/chat/v1/message/send-sync'],
  ['POST', '/chat/v1/send/text'],
  ['POST', '/chat/v1/send/document'],
  ['POST', '/core/v1/contact'],
  ['PUT', `/core/v1/contact/${contact.id}`],
  ['PUT', '/core/v1/contact/phonenumber/5511911110000'],
  ['POST', `/core/v1/contact/${contact.id}/tags`],
  ['POST', '/core/v1/contact/phonenumber/5511911110000/tags'],
  ['POST', '/core/v1/contact/filter'],
  ['POST', '/core/v1/webhook/subscription'],
  ['PUT', `/core/v1/webhook/subscription/${subscription.id}`],
];

const GETS = [
  '/chat/v1/session/not-a-uuid/message',
  `/chat/v1/session/${session.id}/message?PageSize=0`,
  `/chat/v1/session/${session.id}/message?OrderBy=colour`,
  `/chat/v1/session/${session.id}/note?CreatedAt.After=tomorrow`,
  '/chat/v1/message',
  '/chat/v1/message?SessionId=nope',
  '/chat/v1/message/not-a-uuid',
  '/chat/v1/message/00000000-0000-4000-8000-000000000000/status',
  `/chat/v1/session/note/${session.id}`,
  '/core/v1/contact/phonenumber/%20',
  '/core/v1/contact/phonenumber/abc',
  '/core/v1/custom-field?EntityType=CARD',
  '/core/v1/webhook/subscription/not-a-uuid',
];

function expectWtsError(res: { status: number; body: any; text: string }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, what).toMatchObject({ error: true, httpStatusCode: res.status, text: expect.any(String) });
}

describe('malformed input', () => {
  for (const [method, path] of ENDPOINTS) {
    it(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`, async () => {
      for (const body of NASTY) {
        const payload = typeof body === 'string' ? body : JSON.stringify(body);
        const res = await ctx.app.inject({
          method: method as 'POST',
          url: path,
          headers: { authorization: `Bearer ${f.account.api_access_token}`, 'content-type': 'application/json' },
          payload,
        });
        const parsed = { status: res.statusCode, text: res.body, body: res.body ? JSON.parse(res.body) : undefined };
        if (res.statusCode < 300) continue; // a body that happens to be acceptable (e.g. {} on a filter) is fine
        expectWtsError(parsed, `${method} ${path} ${payload.slice(0, 80)}`);
      }
    });
  }

  it('bad ids and query values on reads', async () => {
    for (const path of GETS) expectWtsError(await wts.get(path), path);
  });

  it('only acceptable bodies were stored: a number as text is read as its digits (the app coerces scalars)', async () => {
    const messages = await wts.get(`/chat/v1/session/${session.id}/message`);
    expect(messages.body.items.map((m: any) => m.text)).toEqual(['42', '42']);
    const notes = await wts.get(`/chat/v1/session/${session.id}/note`);
    // the note endpoint knows no refId (unknown keys are dropped), so `{refId, text: 'x'}` is a fine note
    expect(notes.body.items.map((m: any) => m.text)).toEqual(['n', '42', 'x']);
  });
});
