import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** `/core/v1/tag` writes: WTS names and palette colours over the labels Chatwoot shows. */
const ctx = await createTestContext();
const db = ctx.database.db;

describe('GET /core/v1/tag/color', () => {
  it('lists the palette: names with their background and text colours, GRAY_600 among them', async () => {
    const f = await wtsFixture(ctx, 'Colors');
    const res = await f.wts.get('/core/v1/tag/color');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(54);
    expect(res.body).toContainEqual({
      color: 'GRAY_600',
      bgColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
      textColor: '#ffffff',
    });
    expect(res.body).toContainEqual(expect.objectContaining({ color: 'PURPLE_100', textColor: '#1f2937' }));
    expect(new Set(res.body.map((c: any) => c.bgColor)).size).toBe(54);
  });
});

describe('POST and PUT /core/v1/tag', () => {
  it('creates a tag with a spaced name: WTS sees the name, Chatwoot the slug title, one label', async () => {
    const f = await wtsFixture(ctx, 'Create');
    const created = await f.wts.post('/core/v1/tag', { name: 'Cliente VIP', color: 'BLUE_500' });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Cliente VIP',
      color: 'BLUE_500',
      bgColor: expect.stringMatching(/^#/),
    });
    const plain = await f.wts.post('/core/v1/tag', { name: 'lead' });
    expect(plain.body).toMatchObject({ name: 'lead', color: 'GRAY_600' });

    const labels = (await f.api.get(`${f.base}/labels`)).body.payload;
    expect(labels).toContainEqual(expect.objectContaining({ title: 'cliente-vip', color: created.body.bgColor }));
    expect((await f.wts.get('/core/v1/tag')).body.map((t: any) => t.name)).toEqual(['Cliente VIP', 'lead']);

    // the contact's tags by WTS name, and a Chatwoot label filter by title, meet on the same label
    const tagged = await f.wts.post(`/core/v1/contact/${f.contactId}/tags`, { tagNames: ['cliente vip'] });
    expect(tagged.status, tagged.text).toBe(200);
    const contact = (await f.wts.get(`/core/v1/contact/${f.contactId}`, { IncludeDetails: 'Tags' })).body;
    expect(contact).toMatchObject({ tagNames: ['Cliente VIP'], tagIds: [created.body.id] });
    expect((await f.api.get(`${f.base}/contacts/${f.contact.id}/labels`)).body.payload).toEqual(['cliente-vip']);

    // sessions filtered by the tag's WTS name find the conversations Chatwoot labelled with its title
    const session = await f.openSession();
    expect(
      (await f.api.post(`${f.base}/conversations/${session.displayId}/labels`, { labels: ['cliente-vip'] })).status,
    ).toBe(200);
    const listed = (await f.wts.get('/chat/v1/session', { TagsName: 'Cliente VIP' })).body;
    expect(listed.items.map((s: any) => s.id)).toEqual([session.id]);
  });

  it('renames and recolours: contacts follow, a rename through Chatwoot drops the WTS name', async () => {
    const f = await wtsFixture(ctx, 'Rename');
    const tag = (await f.wts.post('/core/v1/tag', { name: 'Em negociação', color: 'GREEN_300' })).body;
    await f.wts.post(`/core/v1/contact/${f.contactId}/tags`, { tagIds: [tag.id] });
    const renamed = await f.wts.put(`/core/v1/tag/${tag.id}`, { name: 'Negócio Fechado' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ id: tag.id, name: 'Negócio Fechado', color: 'GREEN_300' });
    expect((await f.api.get(`${f.base}/contacts/${f.contact.id}/labels`)).body.payload).toEqual(['negócio-fechado']);

    const label = await db.selectFrom('labels').select('id').where('uuid', '=', tag.id).executeTakeFirstOrThrow();
    expect((await f.api.patch(`${f.base}/labels/${label.id}`, { title: 'ganho' })).status).toBe(200);
    expect((await f.wts.get('/core/v1/tag')).body).toEqual([
      expect.objectContaining({ id: tag.id, name: 'ganho', color: 'GREEN_300' }),
    ]);
  });

  const refusals: [string, Record<string, unknown>, RegExp, string][] = [
    ['no letters', { name: ' !! ' }, /name !! needs at least one letter or digit/, 'name'],
    ['blank', { name: '  ' }, /name is required/, 'name'],
    ['colour outside the palette', { name: 'x', color: '#ff0000' }, /color #ff0000 is not a tag colour/, 'color'],
    [
      'a name another tag already slugs to',
      { name: 'Cliente  vip' },
      /name Cliente {2}vip is taken: the tag Cliente VIP/,
      'name',
    ],
  ];
  for (const [i, [label, body, message, field]] of refusals.entries()) {
    it(`refuses ${label}: 400 naming ${field}`, async () => {
      const f = await wtsFixture(ctx, `Refuse${i}`);
      await f.wts.post('/core/v1/tag', { name: 'Cliente VIP' });
      const res = await f.wts.post('/core/v1/tag', body);
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: true, errors: [{ field }] });
      expect(res.body.text).toMatch(message);
      expect((await f.wts.get('/core/v1/tag')).body).toHaveLength(1);
    });
  }

  it('an agent cannot write tags; another company cannot reach them', async () => {
    const f = await wtsFixture(ctx, 'Policy');
    const tag = (await f.wts.post('/core/v1/tag', { name: 'Mine' })).body;
    const agent = await ctx.member(f.account.account_id, 'agent', 'Ana');
    const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
    expect((await asAgent.post('/core/v1/tag', { name: 'Theirs' })).status).toBe(403);
    expect((await asAgent.get('/core/v1/tag')).status).toBe(200);
    const other = await wtsFixture(ctx, 'Other');
    expect((await other.wts.put(`/core/v1/tag/${tag.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await other.wts.delete(`/core/v1/tag/${tag.id}`)).status).toBe(404);
  });
});

describe('DELETE /core/v1/tag/:id', () => {
  it('refuses a tag on contacts without removeFromContacts; with it the contacts lose the tag (contact.updated)', async () => {
    const f = await wtsFixture(ctx, 'Delete');
    const tag = (await f.wts.post('/core/v1/tag', { name: 'Old Promo' })).body;
    await f.wts.post(`/core/v1/contact/${f.contactId}/tags`, { tagIds: [tag.id] });
    const refused = await f.wts.delete(`/core/v1/tag/${tag.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'removeFromContacts' }],
      text: expect.stringContaining('on 1 contact'),
    });
    expect((await f.wts.get('/core/v1/tag')).body).toHaveLength(1);

    const before = await db
      .selectFrom('events')
      .select(db.fn.max('seq').as('seq'))
      .where('account_id', '=', f.account.account_id)
      .executeTakeFirstOrThrow();
    const deleted = await f.wts.delete(`/core/v1/tag/${tag.id}?removeFromContacts=true`);
    expect(deleted.status, deleted.text).toBe(200);
    expect((await f.wts.get('/core/v1/tag')).body).toEqual([]);
    expect((await f.api.get(`${f.base}/contacts/${f.contact.id}/labels`)).body.payload).toEqual([]);
    const events = await db
      .selectFrom('events')
      .selectAll()
      .where('account_id', '=', f.account.account_id)
      .where('seq', '>', Number(before.seq))
      .execute();
    expect(events).toEqual([
      expect.objectContaining({
        name: 'contact.updated',
        contact_id: f.contact.id,
        data: { changed_attributes: { labels: { previous_value: ['old-promo'], current_value: [] } } },
      }),
    ]);

    const unused = (await f.wts.post('/core/v1/tag', { name: 'Unused' })).body;
    expect((await f.wts.delete(`/core/v1/tag/${unused.id}`)).status).toBe(200);
  });
});
