import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { formData, PNG_PIXEL } from '../../../../test/helpers/multipart.ts';
import { insertInbox } from '../../../domain/inboxes/repository.ts';

const ctx = await createTestContext({ PUBLIC_UPLOAD_MAX_FILE_BYTES: '2048' });
const db = ctx.database.db;
const acme = await ctx.account('Widget API Co');
const base = `/api/v1/accounts/${acme.account_id}`;
const site = await insertInbox(db, acme.account_id, { name: 'Site', channel_type: 'Channel::WebWidget' });
const strictSite = await insertInbox(db, acme.account_id, {
  name: 'Strict site',
  channel_type: 'Channel::WebWidget',
  channel: { hmac_mandatory: true },
});
const q = (inbox = site) => `?website_token=${inbox.identifier}`;
const hash = (identifier: string, inbox = site) =>
  crypto.createHmac('sha256', inbox.hmac_token).update(identifier).digest('hex');

/** A new visitor: the widget's config call, then a client sending its X-Auth-Token. */
async function visitor(inbox = site) {
  const config = await ctx.client().post(`/api/v1/widget/config${q(inbox)}`);
  expect(config.status).toBe(200);
  const token: string = config.body.website_channel_config.auth_token;
  return { token, contactId: config.body.contact.id as number, api: ctx.client(undefined, { 'x-auth-token': token }) };
}

describe('widget API: contact', () => {
  it('shows and updates the visitor’s own contact', async () => {
    const v = await visitor();
    expect((await v.api.get(`/api/v1/widget/contact${q()}`)).body).toMatchObject({
      id: v.contactId,
      has_email: false,
      has_name: false,
    });
    const updated = await v.api.patch(`/api/v1/widget/contact${q()}`, {
      name: 'Ada',
      email: 'ada@example.com',
      custom_attributes: { plan: 'pro', seat: 3 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: v.contactId, name: 'Ada', email: 'ada@example.com' });
    const trimmed = await v.api.post(`/api/v1/widget/contact/destroy_custom_attributes${q()}`, {
      custom_attributes: ['seat'],
    });
    expect(trimmed.body.custom_attributes).toEqual({ plan: 'pro' });
  });

  it('refuses a forged or missing X-Auth-Token and a wrong website token, storing nothing', async () => {
    const v = await visitor();
    const forged = v.token.slice(0, -4) + 'AAAA';
    expect(
      (
        await ctx
          .client(undefined, { 'x-auth-token': forged })
          .patch(`/api/v1/widget/contact${q()}`, { name: 'Mallory' })
      ).status,
    ).toBe(401);
    expect((await ctx.client().get(`/api/v1/widget/contact${q()}`)).status).toBe(401);
    expect((await v.api.get('/api/v1/widget/contact?website_token=nope')).status).toBe(404);
    // A token for one inbox is no good in another.
    expect((await v.api.get(`/api/v1/widget/contact${q(strictSite)}`)).status).toBe(401);
    const contact = await db
      .selectFrom('contacts')
      .select('name')
      .where('id', '=', v.contactId)
      .executeTakeFirstOrThrow();
    expect(contact.name).not.toBe('Mallory');
  });

  it('set_user with a valid identifier_hash joins the identified contact and verifies the visitor', async () => {
    const known = (await acme.api.post(`${base}/contacts`, { name: 'Known Customer', identifier: 'user-42' })).body
      .payload.contact;
    const v = await visitor();
    const res = await v.api.patch(`/api/v1/widget/contact/set_user${q()}`, {
      identifier: 'user-42',
      identifier_hash: hash('user-42'),
      email: 'known@example.com',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: known.id, email: 'known@example.com', pubsub_token: expect.any(String) });
    const ci = await db
      .selectFrom('contact_inboxes')
      .selectAll()
      .where('inbox_id', '=', site.id)
      .where('contact_id', '=', known.id)
      .executeTakeFirstOrThrow();
    expect(ci.hmac_verified).toBe(true);
    // The same token now speaks for the known contact.
    expect((await v.api.get(`/api/v1/widget/contact${q()}`)).body).toMatchObject({
      id: known.id,
      identifier: 'user-42',
    });
  });

  it('set_user refuses a wrong identifier_hash, and a missing one where the inbox enforces it', async () => {
    const v = await visitor();
    const wrong = await v.api.patch(`/api/v1/widget/contact/set_user${q()}`, {
      identifier: 'user-43',
      identifier_hash: hash('someone-else'),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toMatch(/HMAC failed/);
    const strict = await visitor(strictSite);
    expect(
      (await strict.api.patch(`/api/v1/widget/contact/set_user${q(strictSite)}`, { identifier: 'user-44' })).status,
    ).toBe(401);
    expect(
      (
        await strict.api.patch(`/api/v1/widget/contact/set_user${q(strictSite)}`, {
          identifier: 'user-44',
          identifier_hash: hash('user-44', strictSite),
        })
      ).status,
    ).toBe(200);
    expect(
      await db.selectFrom('contacts').select('id').where('identifier', '=', 'user-43').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('set_user without a hash never takes over another contact; a second identity gets a new contact and token', async () => {
    await acme.api.post(`${base}/contacts`, { name: 'Victim', identifier: 'victim-1', email: 'victim@example.com' });
    const v = await visitor();
    const first = await v.api.patch(`/api/v1/widget/contact/set_user${q()}`, {
      identifier: 'victim-1',
      name: 'Not the victim',
    });
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(v.contactId);
    expect(first.body.widget_auth_token).toBeUndefined();
    const second = await v.api.patch(`/api/v1/widget/contact/set_user${q()}`, { identifier: 'other-2' });
    expect(second.body.id).not.toBe(v.contactId);
    expect(second.body.widget_auth_token).toEqual(expect.any(String));
  });
});

describe('widget API: conversations, messages and labels', () => {
  it('starts a conversation with the pre-chat details and the first message, then lists and answers it', async () => {
    const v = await visitor();
    expect((await v.api.get(`/api/v1/widget/conversations${q()}`)).body).toEqual({});
    expect((await v.api.get(`/api/v1/widget/messages${q()}`)).body).toEqual([]);
    expect((await v.api.post(`/api/v1/widget/conversations/toggle_typing${q()}`, { typing_status: 'on' })).status).toBe(
      404,
    );
    const started = await v.api.post(`/api/v1/widget/conversations${q()}`, {
      contact: { name: 'Pre Chat', email: 'not-an-email' },
      message: { content: 'Hello from the widget', timestamp: 'now', referer_url: 'https://shop.example/' },
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'open',
      messages: [{ content: 'Hello from the widget', message_type: 0 }],
    });
    const contact = await db.selectFrom('contacts').selectAll().where('id', '=', v.contactId).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Pre Chat', email: null });

    // The agent sees it through the Application API and answers.
    const id = started.body.id;
    const agentView = await acme.api.get(`${base}/conversations/${id}`);
    expect(agentView.body.meta.sender.id).toBe(v.contactId);
    expect(agentView.body.additional_attributes).toMatchObject({ referer: 'https://shop.example/' });
    await acme.api.post(`${base}/conversations/${id}/messages`, { content: 'Hi, how can we help?' });
    await acme.api.post(`${base}/conversations/${id}/messages`, { content: 'internal', private: true });

    const sent = await v.api.post(`/api/v1/widget/messages${q()}`, {
      message: { content: 'Where is my order?', echo_id: 'e1' },
    });
    expect(sent.body).toMatchObject({ content: 'Where is my order?', conversation_id: id, message_type: 0 });
    const messages = (await v.api.get(`/api/v1/widget/messages${q()}`)).body;
    expect(messages.map((m: { content: string }) => m.content)).toEqual([
      'Hello from the widget',
      'Hi, how can we help?',
      'Where is my order?',
    ]);
    expect((await v.api.get(`/api/v1/widget/conversations${q()}`)).body).toEqual({
      id,
      inbox_id: site.id,
      status: 'open',
    });
    expect((await v.api.post(`/api/v1/widget/conversations/toggle_typing${q()}`, { typing_status: 'on' })).status).toBe(
      200,
    );
    expect((await v.api.post(`/api/v1/widget/conversations/update_last_seen${q()}`)).status).toBe(200);

    // Labels: only those the account defined.
    await acme.api.post(`${base}/labels`, { title: 'vip' });
    expect((await v.api.post(`/api/v1/widget/labels${q()}`, { label: 'vip' })).status).toBe(204);
    expect((await v.api.post(`/api/v1/widget/labels${q()}`, { label: 'made-up' })).status).toBe(204);
    expect((await acme.api.get(`${base}/conversations/${id}/labels`)).body.payload).toEqual(['vip']);
    expect((await v.api.delete(`/api/v1/widget/labels/vip${q()}`)).status).toBe(204);
    expect((await acme.api.get(`${base}/conversations/${id}/labels`)).body.payload).toEqual([]);

    expect((await v.api.get(`/api/v1/widget/conversations/toggle_status${q()}`)).status).toBe(200);
    expect((await acme.api.get(`${base}/conversations/${id}`)).body.status).toBe('resolved');
  });

  it('opens the conversation with the first message when there is none, and takes attachments as a form', async () => {
    const v = await visitor();
    const form = formData({ 'message[content]': 'see picture', 'message[timestamp]': 'now' }, [
      { field: 'message[attachments][]', filename: 'pixel.png', type: 'image/png', body: PNG_PIXEL },
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/widget/messages${q()}`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, 'x-auth-token': v.token },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ content: 'see picture', attachments: [{ file_type: 'image' }] });
    expect((await v.api.get(`/api/v1/widget/conversations${q()}`)).body.id).toBe(res.json().conversation_id);
  });

  it('refuses an oversized attachment with 413, storing no message', async () => {
    const v = await visitor();
    const form = formData({ 'message[content]': 'big file' }, [
      { field: 'message[attachments][]', filename: 'big.bin', body: Buffer.alloc(4096, 1) },
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/widget/messages${q()}`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, 'x-auth-token': v.token },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/bytes/);
    expect((await v.api.get(`/api/v1/widget/conversations${q()}`)).body).toEqual({});
  });

  it('answers a bot’s choices with submitted_values, only on the visitor’s own messages', async () => {
    const v = await visitor();
    const started = await v.api.post(`/api/v1/widget/conversations${q()}`, { message: { content: 'hi' } });
    const choice = await acme.api.post(`${base}/conversations/${started.body.id}/messages`, {
      content: 'Pick one',
      content_type: 'input_select',
      content_attributes: {
        items: [
          { title: 'Sales', value: 'sales' },
          { title: 'Support', value: 'support' },
        ],
      },
    });
    const answered = await v.api.patch(`/api/v1/widget/messages/${choice.body.id}${q()}`, {
      message: { submitted_values: [{ title: 'Support', value: 'support' }] },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.content_attributes.submitted_values).toEqual([{ title: 'Support', value: 'support' }]);
    const stranger = await visitor();
    expect(
      (
        await stranger.api.patch(`/api/v1/widget/messages/${choice.body.id}${q()}`, {
          message: { submitted_values: [] },
        })
      ).status,
    ).toBe(404);
  });
});
