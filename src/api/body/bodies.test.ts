import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { wtsFixture } from '../../../test/helpers/wts-fixture.ts';
import { formData, PNG_PIXEL } from '../../../test/helpers/multipart.ts';

/**
 * Issue 14: request bodies read the way Rails reads them, on every route of both dialects — no body is
 * "no fields", a form body is the object JSON would give, one `attachments[]` file is a list of one.
 */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Bodies');
const token = f.account.api_access_token;
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;
const visitor = (await ctx.client().post(`${inboxPath}/contacts`, { name: 'Visitor' })).body;
const FORM = 'application/x-www-form-urlencoded';

function inject(
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: string | Buffer,
) {
  return ctx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

describe('an empty body is no fields', () => {
  it('creates a Client API conversation from a request without a body', async () => {
    const res = await inject('POST', `${inboxPath}/contacts/${visitor.source_id}/conversations`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inbox_id: f.inbox.id, status: 'open' });
  });

  it('creates it from Content-Length 0 with a JSON content type, and from an empty form', async () => {
    for (const type of ['application/json', FORM]) {
      const res = await inject(
        'POST',
        `${inboxPath}/contacts/${visitor.source_id}/conversations`,
        { 'content-type': type, 'content-length': '0' },
        '',
      );
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
    }
  });

  it('still validates what is required: a contact with no fields is refused with a 4xx', async () => {
    const res = await inject('POST', `${f.base}/labels`, { api_access_token: token });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toHaveProperty('message');
  });
});

describe('form bodies (application/x-www-form-urlencoded)', () => {
  it('creates an Application API contact from bracketed fields, with nested custom attributes', async () => {
    const body =
      'contact[name]=Jane+Form&contact[email]=jane-form%40example.com&contact[custom_attributes][plan]=gold&contact[custom_attributes][seats]=3';
    const res = await inject('POST', `${f.base}/contacts`, { api_access_token: token, 'content-type': FORM }, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().payload.contact).toMatchObject({
      name: 'Jane Form',
      email: 'jane-form@example.com',
      custom_attributes: { plan: 'gold', seats: '3' },
    });
  });

  it('reads labels[]=a&labels[]=b as a list, and message[content] under its wrapper', async () => {
    const c = await f.openConversation();
    const labels = await inject(
      'POST',
      `${f.base}/conversations/${c.id}/labels`,
      { api_access_token: token, 'content-type': FORM },
      'labels[]=vip&labels[]=billing',
    );
    expect(labels.statusCode, labels.body).toBe(200);
    expect([...labels.json().payload].sort()).toEqual(['billing', 'vip']);
    const message = await inject(
      'POST',
      `${f.base}/conversations/${c.id}/messages`,
      { api_access_token: token, 'content-type': `${FORM}; charset=UTF-8` },
      'message[content]=hi+%C3%A9t%C3%A9&message[private]=true',
    );
    expect(message.statusCode, message.body).toBe(200);
    expect(message.json()).toMatchObject({ content: 'hi été', private: true });
  });

  it('drops prototype keys and answers over-deep or over-wide forms with 400 in the dialect shape', async () => {
    const proto = await inject(
      'POST',
      `${f.base}/contacts`,
      { api_access_token: token, 'content-type': FORM },
      'name=Proto&__proto__[admin]=1&constructor[prototype][x]=1',
    );
    expect(proto.statusCode, proto.body).toBe(200);
    expect(proto.json().payload.contact.name).toBe('Proto');
    const deep = `${'a'.repeat(1)}${'[b]'.repeat(40)}=1`;
    const tooDeep = await inject(
      'POST',
      `${f.base}/contacts`,
      { api_access_token: token, 'content-type': FORM },
      `name=Deep&${deep}`,
    );
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json()).toEqual({ error: expect.stringMatching(/nested at most 32 levels/) });
    const wide = Array.from({ length: 1100 }, (_, i) => `k${i}=1`).join('&');
    const tooWide = await inject('POST', `${f.base}/contacts`, { api_access_token: token, 'content-type': FORM }, wide);
    expect(tooWide.statusCode).toBe(400);
  });

  it('works on WTS routes too, with errors in the WTS shape', async () => {
    const wtsHeaders = { authorization: `Bearer ${token}`, 'content-type': FORM };
    for (const name of ['lead', 'hot'])
      expect((await inject('POST', '/core/v1/tag', wtsHeaders, `name=${name}`)).statusCode).toBe(200);
    const created = await inject(
      'POST',
      '/core/v1/contact',
      wtsHeaders,
      'name=Wts+Form&phoneNumber=5511987654321&tagNames[]=lead&tagNames[]=hot',
    );
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ name: 'Wts Form' });
    const shown = await ctx.app.inject({
      method: 'GET',
      url: `/core/v1/contact/${created.json().id}?IncludeDetails=Tags`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect([...shown.json().tagNames].sort()).toEqual(['hot', 'lead']);
    const deep = await inject('POST', '/core/v1/contact', wtsHeaders, `name=x&${'a'.concat('[b]'.repeat(40))}=1`);
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ error: true, httpStatusCode: 400, text: expect.stringMatching(/nested/) });
  });
});

describe('multipart with one file', () => {
  const onePng = [{ filename: 'one.png', type: 'image/png', body: PNG_PIXEL }];

  it('takes a single file on the Application API, as attachments[], attachments or message[attachments][]', async () => {
    const c = await f.openConversation();
    const cases: { fields: Record<string, string>; field: string }[] = [
      { fields: { content: 'one file' }, field: 'attachments[]' },
      { fields: { content: 'one plain file' }, field: 'attachments' },
      { fields: { 'message[content]': 'wrapped', 'message[private]': 'true' }, field: 'message[attachments][]' },
    ];
    for (const { fields, field } of cases) {
      const { payload, contentType } = formData(fields, [{ ...onePng[0], field }]);
      const res = await inject(
        'POST',
        `${f.base}/conversations/${c.id}/messages`,
        { api_access_token: token, 'content-type': contentType },
        payload,
      );
      expect(res.statusCode, `${field}: ${res.body}`).toBe(200);
      expect(res.json().attachments, field).toHaveLength(1);
    }
  });

  it('takes a single attachments[] file on the Client API, with bracketed text fields', async () => {
    const conversation = (await ctx.client().post(`${inboxPath}/contacts/${visitor.source_id}/conversations`, {})).body;
    const { payload, contentType } = formData({ 'message[content]': 'from the visitor' }, onePng);
    const res = await inject(
      'POST',
      `${inboxPath}/contacts/${visitor.source_id}/conversations/${conversation.id}/messages`,
      { 'content-type': contentType },
      payload,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ content: 'from the visitor' });
    expect(res.json().attachments).toHaveLength(1);
  });
});

describe('form bodies and cross-site posts', () => {
  it('signs in with a form, and a cookie session still needs its CSRF token for a form post (a CORS-simple type)', async () => {
    const member = await ctx.member(f.account.account_id, 'agent', 'Form Agent');
    const email = (
      await ctx.database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', member.userId)
        .executeTakeFirstOrThrow()
    ).email;
    const signedIn = await inject(
      'POST',
      '/auth/sign_in',
      { 'content-type': FORM },
      `email=${encodeURIComponent(email)}&password=password123`,
    );
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = [signedIn.headers['set-cookie']]
      .flat()
      .filter(Boolean)
      .map((c) => String(c).split(';')[0])
      .join('; ');
    expect(cookie).not.toBe('');
    const forged = await inject(
      'POST',
      `${f.base}/contacts`,
      { cookie, 'content-type': FORM, origin: 'https://evil.example' },
      'name=Forged',
    );
    expect(forged.statusCode).toBe(401);
    const csrf = String(signedIn.headers['x-csrf-token']);
    const own = await inject(
      'POST',
      `${f.base}/contacts`,
      { cookie, 'content-type': FORM, 'x-csrf-token': csrf },
      'name=Own+form',
    );
    expect(own.statusCode, own.body).toBe(200);
    const crossSiteSignIn = await inject(
      'POST',
      '/auth/sign_in',
      { 'content-type': FORM, origin: 'https://evil.example' },
      `email=${encodeURIComponent(email)}&password=password123`,
    );
    expect(crossSiteSignIn.statusCode).toBe(401);
  });
});
