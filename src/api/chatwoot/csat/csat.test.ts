import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const db = ctx.database.db;
const f = await conversationFixture(ctx, 'Csat');
const other = await conversationFixture(ctx, 'CsatOther');
const agent = await ctx.member(f.account.account_id, 'agent', 'Csat Agent');
await db
  .insertInto('inbox_members')
  .values({ account_id: f.account.account_id, inbox_id: f.inbox.id, user_id: agent.userId })
  .execute();

/** A conversation assigned to the agent with a CSAT survey message in it. */
async function surveyed(fixture = f, assignee: number | null = agent.userId) {
  const conversation = await fixture.openConversation();
  if (assignee) {
    const assigned = await fixture.api.post(`${fixture.base}/conversations/${conversation.id}/assignments`, {
      assignee_id: assignee,
    });
    expect(assigned.status).toBe(200);
  }
  const sent = await fixture.api.post(`${fixture.base}/conversations/${conversation.id}/messages`, {
    content: 'Please rate the conversation',
    message_type: 'outgoing',
    content_type: 'input_csat',
  });
  expect(sent.status).toBe(200);
  const row = await db
    .selectFrom('conversations')
    .select(['id', 'uuid'])
    .where('uuid', '=', conversation.uuid)
    .executeTakeFirstOrThrow();
  return { conversation, message: sent.body, id: row.id, uuid: row.uuid };
}

const answer = (rating: unknown, feedback_message = '') => ({
  message: { submitted_values: { csat_survey_response: { rating, feedback_message } } },
});

describe('CSAT survey (public)', () => {
  it('shows the survey, stores the answer once per survey and lets the contact change it', async () => {
    const s = await surveyed();
    const shown = await ctx.client().get(`/public/api/v1/csat_survey/${s.uuid}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      id: s.message.id,
      csat_survey_response: null,
      inbox_avatar_url: null,
      conversation_id: s.id,
      created_at: expect.stringMatching(/Z$/),
    });
    const first = await ctx.client().put(`/public/api/v1/csat_survey/${s.uuid}`, answer(4, 'Good'));
    expect(first.status).toBe(200);
    expect(first.body.csat_survey_response).toMatchObject({
      rating: 4,
      feedback_message: 'Good',
      message_id: s.message.id,
      conversation_id: s.id,
      assigned_agent_id: agent.userId,
      contact_id: f.contact.id,
    });
    const second = await ctx.client().put(`/public/api/v1/csat_survey/${s.uuid}`, answer(5, 'Great'));
    expect(second.body.csat_survey_response).toMatchObject({
      id: first.body.csat_survey_response.id,
      rating: 5,
      feedback_message: 'Great',
    });
    expect(
      await db.selectFrom('csat_survey_responses').select('id').where('message_id', '=', s.message.id).execute(),
    ).toHaveLength(1);
    // The message keeps what was submitted, as Chatwoot's does.
    const message = await db
      .selectFrom('messages')
      .select('content_attributes')
      .where('id', '=', s.message.id)
      .executeTakeFirstOrThrow();
    expect(message.content_attributes).toMatchObject({ submitted_values: { csat_survey_response: { rating: 5 } } });
  });

  it('refuses a rating outside 1-5, an unknown conversation and an answer after 14 days', async () => {
    const s = await surveyed();
    for (const rating of [0, 6, 'great', 2.5]) {
      const res = await ctx.client().put(`/public/api/v1/csat_survey/${s.uuid}`, answer(rating));
      expect(res.status, String(rating)).toBe(422);
    }
    expect((await ctx.client().get('/public/api/v1/csat_survey/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await ctx.client().get('/public/api/v1/csat_survey/0')).status).toBe(404);
    await db
      .updateTable('messages')
      .set({ created_at: new Date(Date.now() - 20 * 86_400_000) })
      .where('id', '=', s.message.id)
      .execute();
    const late = await ctx.client().put(`/public/api/v1/csat_survey/${s.uuid}`, answer(3));
    expect(late).toMatchObject({ status: 422, body: { error: 'You cannot update the CSAT survey after 14 days' } });
  });

  it('opens the survey page: HTML for a browser, the survey JSON for an API client', async () => {
    const s = await surveyed();
    const html = await ctx.app.inject({
      method: 'GET',
      url: `/survey/responses/${s.uuid}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('How was your conversation?');
    const json = await ctx.app.inject({
      method: 'GET',
      url: `/survey/responses/${s.uuid}`,
      headers: { accept: 'application/json' },
    });
    expect(JSON.parse(json.body)).toMatchObject({
      id: s.message.id,
      conversation_id: s.id,
      csat_survey_response: null,
    });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/survey/responses/0', headers: { accept: 'application/json' } }))
        .statusCode,
    ).toBe(404);
  });

  it('stores an answer sent through the Client API message update too', async () => {
    const s = await surveyed();
    const path = `/public/api/v1/inboxes/${f.inbox.identifier}/contacts/${f.sourceId}/conversations/${s.conversation.id}/messages/${s.message.id}`;
    const res = await ctx.client().patch(path, {
      submitted_values: [{ name: 'csat', csat_survey_response: { rating: 1, feedback_message: 'Slow' } }],
    });
    expect(res.status).toBe(200);
    expect(
      await db
        .selectFrom('csat_survey_responses')
        .select(['rating', 'feedback_message'])
        .where('message_id', '=', s.message.id)
        .execute(),
    ).toEqual([{ rating: 1, feedback_message: 'Slow' }]);
  });
});

describe('CSAT survey responses (Application API)', () => {
  it('lists the account’s answers with contact and agent, filters them and counts them per rating', async () => {
    await db.deleteFrom('csat_survey_responses').where('account_id', '=', f.account.account_id).execute();
    const sent = Number(
      (
        await db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', f.account.account_id)
          .where('content_type', '=', 'input_csat')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const good = await surveyed();
    const bad = await surveyed(f, null);
    await ctx.client().put(`/public/api/v1/csat_survey/${good.uuid}`, answer(5, 'Great'));
    await ctx.client().put(`/public/api/v1/csat_survey/${bad.uuid}`, answer(2));
    const theirs = await surveyed(other, other.account.user_id);
    await ctx.client().put(`/public/api/v1/csat_survey/${theirs.uuid}`, answer(5));

    const list = await f.api.get(`${f.base}/csat_survey_responses`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body[1]).toEqual({
      id: expect.any(Number),
      rating: 5,
      feedback_message: 'Great',
      account_id: f.account.account_id,
      message_id: good.message.id,
      contact: expect.objectContaining({ id: f.contact.id, name: 'Jane Roe' }),
      conversation_id: good.conversation.id,
      assigned_agent: expect.objectContaining({ id: agent.userId, name: 'Csat Agent', role: 'agent' }),
      created_at: expect.any(Number),
    });
    expect(list.body[0]).not.toHaveProperty('assigned_agent');
    expect((await f.api.get(`${f.base}/csat_survey_responses?rating=5`)).body.map((r: any) => r.message_id)).toEqual([
      good.message.id,
    ]);
    expect(
      (await f.api.get(`${f.base}/csat_survey_responses?user_ids[]=${agent.userId}`)).body.map(
        (r: any) => r.message_id,
      ),
    ).toEqual([good.message.id]);
    const metrics = await f.api.get(`${f.base}/csat_survey_responses/metrics`);
    expect(metrics.body).toEqual({
      total_count: 2,
      ratings_count: { '2': 1, '5': 1 },
      total_sent_messages_count: sent + 2,
    });
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect(
      (await f.api.get(`${f.base}/csat_survey_responses/metrics?since=${future}&until=${future + 60}`)).body,
    ).toEqual({ total_count: 0, ratings_count: {}, total_sent_messages_count: 0 });
  });

  it('is for administrators and refuses bad filters', async () => {
    expect(await agent.api.get(`${f.base}/csat_survey_responses`)).toMatchObject({
      status: 401,
      body: { error: 'You are not authorized to do this action' },
    });
    expect((await agent.api.get(`${f.base}/csat_survey_responses/metrics`)).status).toBe(401);
    expect((await f.api.get(`${f.base}/csat_survey_responses?rating=7`)).status).toBe(422);
    expect((await f.api.get(`${f.base}/csat_survey_responses?since=soon&until=1`)).status).toBe(422);
  });
});

describe('CSAT survey sent on resolve', () => {
  it('sends one input_csat template when an inbox with surveys resolves a conversation, none otherwise', async () => {
    const g = await conversationFixture(ctx, 'CsatResolve');
    const surveys = async (displayId: number) => {
      const list = await g.api.get(`${g.base}/conversations/${displayId}/messages`);
      return list.body.payload.filter((m: any) => m.content_type === 'input_csat');
    };
    const plain = await g.openConversation();
    expect((await g.api.post(`${g.base}/conversations/${plain.id}/toggle_status`, { status: 'resolved' })).status).toBe(
      200,
    );
    expect(await surveys(plain.id)).toEqual([]);

    expect((await g.api.patch(`${g.base}/inboxes/${g.inbox.id}`, { csat_survey_enabled: true })).status).toBe(200);
    const c = await g.openConversation();
    await g.incoming(c.id, 'Thanks!');
    expect((await g.api.post(`${g.base}/conversations/${c.id}/toggle_status`, { status: 'resolved' })).status).toBe(
      200,
    );
    const [survey] = await surveys(c.id);
    expect(survey).toMatchObject({
      content: 'Please rate the conversation',
      message_type: 3,
      content_type: 'input_csat',
    });
    expect((await g.api.post(`${g.base}/conversations/${c.id}/toggle_status`, { status: 'open' })).status).toBe(200);
    expect((await g.api.post(`${g.base}/conversations/${c.id}/toggle_status`, { status: 'resolved' })).status).toBe(
      200,
    );
    expect(await surveys(c.id)).toHaveLength(1);
    // The contact answers it on the survey page's API.
    const uuid = (
      await db
        .selectFrom('conversations')
        .select('uuid')
        .where('account_id', '=', g.account.account_id)
        .where('display_id', '=', c.id)
        .executeTakeFirstOrThrow()
    ).uuid;
    expect((await ctx.client().put(`/public/api/v1/csat_survey/${uuid}`, answer(5))).body).toMatchObject({
      id: survey.id,
      csat_survey_response: { rating: 5 },
    });
  });
});

describe('CSAT answers and contact merges', () => {
  it('keeps a merged contact’s answers, now the base contact’s', async () => {
    const h = await conversationFixture(ctx, 'CsatMerge');
    const s = await surveyed(h, null);
    await ctx.client().put(`/public/api/v1/csat_survey/${s.uuid}`, answer(4));
    const base = (await h.api.post(`${h.base}/contacts`, { name: 'Base', email: 'base-csat@example.com' })).body.payload
      .contact;
    const merged = await h.api.post(`${h.base}/actions/contact_merge`, {
      base_contact_id: base.id,
      mergee_contact_id: h.contact.id,
    });
    expect(merged.status).toBe(200);
    const list = (await h.api.get(`${h.base}/csat_survey_responses`)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ rating: 4, contact: { id: base.id } });
  });
});
