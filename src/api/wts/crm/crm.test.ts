import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../test/helpers/receiver.ts';
import { wtsFixture } from '../../../../test/helpers/wts-fixture.ts';

/** WTS CRM panels and cards over HTTP, on real PostgreSQL, with the event worker delivering card webhooks. */
const ctx = await createTestContext(
  {
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_WINDOW_MS: '60000',
    WEBHOOK_TIMEOUT_MS: '2000',
  },
  { worker: true },
);
const db = ctx.database.db;
const f = await wtsFixture(ctx, 'Acme');
const { wts } = f;
const agent = await ctx.member(f.account.account_id, 'agent', 'Paula Agent');
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
const agentUuid = await f.userUuid(agent.userId);
const other = await wtsFixture(ctx, 'Globex');

const cardCount = async () =>
  Number(
    (
      await db
        .selectFrom('crm_cards')
        .select(db.fn.countAll().as('n'))
        .where('account_id', '=', f.account.account_id)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function panel(body: Record<string, unknown>, client = wts) {
  const res = await client.post('/crm/v1/panel', body);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const sales = await panel({
  title: 'Vendas Brasil',
  type: 'SALES',
  steps: [{ title: 'Lead' }, { title: 'Proposta' }, { title: 'Fechado' }],
  customFields: [
    { name: 'Origem', type: 'SINGLESELECT', options: ['Site', 'Indicação'] },
    { name: 'Data da visita', type: 'DATE' },
    { name: 'Quantidade', key: 'qtd', type: 'INTEGER' },
  ],
});
const [lead, proposal, closed] = sales.steps;
await f.api.post(`${f.base}/labels`, { title: 'vip', color: '#ff0000' });
const vip = (await wts.get('/core/v1/tag')).body.find((t: any) => t.name === 'vip');

describe('panels', () => {
  it('an administrator creates a panel with steps and fields; everyone reads it in WTS’s shape', async () => {
    expect(sales).toMatchObject({
      title: 'Vendas Brasil',
      type: 'SALES',
      key: 'VB',
      scope: 'COMPANY',
      archived: false,
      companyId: f.companyId,
      stepTitles: ['Lead', 'Proposta', 'Fechado'],
    });
    expect(sales.steps.map((s: any) => [s.title, s.isInitial, s.isFinal])).toEqual([
      ['Lead', true, false],
      ['Proposta', false, false],
      ['Fechado', false, true],
    ]);
    expect(sales.steps[0].fields.map((x: any) => x.key)).toEqual(
      expect.arrayContaining(['Title', 'origem', 'data_da_visita', 'qtd']),
    );

    const shown = await asAgent.get(`/crm/v1/panel/${sales.id}`, {
      IncludeDetails: ['Steps', 'StepsCardCount', 'Tags'],
    });
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body.steps[0]).toMatchObject({
      id: lead.id,
      panelId: sales.id,
      cardCount: 0,
      overdueCardCount: 0,
      fields: null,
    });
    expect(shown.body.tags).toEqual([expect.objectContaining({ id: vip.id, name: 'vip', panelId: sales.id })]);
    expect((await wts.get(`/crm/v1/panel/${sales.id}`)).body).toMatchObject({
      steps: null,
      tags: null,
      stepTitles: ['Lead', 'Proposta', 'Fechado'],
    });

    const fields = await asAgent.get(`/crm/v1/panel/${sales.id}/custom-fields`, { NestedList: true });
    expect(fields.body.map((x: any) => [x.key, x.type, x.entityType, x.scopeId])).toEqual([
      ['origem', 'SINGLESELECT', 'PANEL', sales.id],
      ['data_da_visita', 'DATE', 'PANEL', sales.id],
      ['qtd', 'INTEGER', 'PANEL', sales.id],
    ]);
    expect(fields.body[0].options.map((o: any) => o.name)).toEqual(['Site', 'Indicação']);
    const all = await wts.get('/core/v1/custom-field', { EntityType: 'PANEL' });
    expect(all.body.map((x: any) => x.key)).toEqual(['origem', 'data_da_visita', 'qtd']);
  });

  it('lists panels in the page envelope, at v1 and v2, with Title and Type filters', async () => {
    const g = await wtsFixture(ctx, 'Pages');
    for (const title of ['Suporte', 'Onboarding', 'Vendas'])
      await panel({ title, type: title === 'Vendas' ? 'SALES' : 'MANAGEMENT', steps: [{ title: 'A' }] }, g.wts);
    const first = await g.wts.get('/crm/v2/panel', { PageSize: 2 });
    expect(first.body).toMatchObject({
      pageNumber: 1,
      pageSize: 2,
      totalItems: 3,
      totalPages: 2,
      hasMorePages: true,
      orderBy: 'createdAt',
    });
    expect(first.body.items.map((p: any) => p.title)).toEqual(['Suporte', 'Onboarding']);
    const second = await g.wts.get('/crm/v1/panel', { PageSize: 2, PageNumber: 2 });
    expect(second.body).toMatchObject({ hasMorePages: false, items: [expect.objectContaining({ title: 'Vendas' })] });
    expect((await g.wts.get('/crm/v1/panel', { Type: 'SALES' })).body.items.map((p: any) => p.title)).toEqual([
      'Vendas',
    ]);
    expect(
      (await g.wts.get('/crm/v1/panel', { Title: 'board', OrderBy: 'title' })).body.items.map((p: any) => p.title),
    ).toEqual(['Onboarding']);
    expect((await g.wts.get('/crm/v1/panel', { OrderBy: 'nope' })).body).toMatchObject({
      httpStatusCode: 400,
      errors: [{ field: 'OrderBy' }],
    });
    // another company sees none of them
    expect((await f.wts.get('/crm/v1/panel', { Title: 'Onboarding' })).body.totalItems).toBe(0);
  });

  it('administrators manage panels, steps and fields; agents’ tokens are refused there', async () => {
    const p = await panel({ title: 'Temp', steps: [{ title: 'One' }] });
    const forbidden = [
      await asAgent.post('/crm/v1/panel', { title: 'Agent panel' }),
      await asAgent.put(`/crm/v1/panel/${p.id}`, { title: 'x' }),
      await asAgent.delete(`/crm/v1/panel/${p.id}`),
      await asAgent.post(`/crm/v1/panel/${p.id}/step`, { title: 'x' }),
      await asAgent.put(`/crm/v1/panel/${p.id}/step/${p.steps[0].id}`, { title: 'x' }),
      await asAgent.delete(`/crm/v1/panel/${p.id}/step/${p.steps[0].id}`),
      await asAgent.post(`/crm/v1/panel/${p.id}/custom-fields`, { name: 'x', type: 'STRING' }),
    ];
    for (const res of forbidden)
      expect(res.body).toMatchObject({ httpStatusCode: 403, error: true, key: 'ERROR_FORBIDDEN' });
    expect((await wts.get('/crm/v1/panel', { Title: 'Agent panel' })).body.totalItems).toBe(0);

    const step = await wts.post(`/crm/v1/panel/${p.id}/step`, { title: 'Two' });
    expect(step.body).toMatchObject({ title: 'Two', position: 2, isFinal: true, cardCount: 0 });
    expect(
      (await wts.put(`/crm/v1/panel/${p.id}/step/${step.body.id}`, { title: 'Zero', position: 0 })).body,
    ).toMatchObject({ title: 'Zero', isInitial: true });
    expect((await wts.put(`/crm/v1/panel/${p.id}`, { title: 'Renamed', archived: true })).body).toMatchObject({
      title: 'Renamed',
      archived: true,
      stepTitles: ['Zero', 'One'],
    });
    const added = await wts.post(`/crm/v1/panel/${p.id}/custom-fields`, [{ name: 'Cidade', type: 'STRING' }]);
    expect(added.body.map((x: any) => x.key)).toEqual(['cidade']);
    expect(
      (await wts.post(`/crm/v1/panel/${p.id}/custom-fields`, { name: 'Cidade', type: 'STRING' })).body,
    ).toMatchObject({ httpStatusCode: 400, errors: [{ field: 'customFields' }] });

    // a step with cards is not deleted; an empty one is
    await wts.post('/crm/v1/panel/card', { stepId: p.steps[0].id, title: 'Keeps the step' });
    expect((await wts.delete(`/crm/v1/panel/${p.id}/step/${p.steps[0].id}`)).body).toMatchObject({
      httpStatusCode: 400,
      errors: [{ field: 'stepId' }],
    });
    expect((await wts.delete(`/crm/v1/panel/${p.id}/step/${step.body.id}`)).status).toBe(200);
    expect((await wts.delete(`/crm/v1/panel/${p.id}`)).status).toBe(200);
    expect((await wts.get(`/crm/v1/panel/${p.id}`)).status).toBe(404);
  });

  it('refuses bad panel input in the WTS envelope, storing nothing', async () => {
    const before = (await wts.get('/crm/v1/panel')).body.totalItems;
    for (const body of [
      { steps: [{ title: 'x' }] },
      { title: 'Bad type', type: 'KANBAN' },
      { title: 'Bad field', customFields: [{ name: 'Escolha', type: 'SINGLESELECT' }] },
      {
        title: 'Twice',
        customFields: [
          { name: 'a', type: 'STRING' },
          { name: 'A', type: 'TEXT' },
        ],
      },
      { title: 'Bad step', steps: [{ title: '' }] },
    ]) {
      const res = await wts.post('/crm/v1/panel', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 400, text: expect.any(String) });
    }
    expect((await wts.get('/crm/v1/panel')).body.totalItems).toBe(before);
  });
});

describe('cards', () => {
  it('creates a card linking contacts, a session, tags, value, due date and custom fields', async () => {
    const session = await f.openSession();
    // an agent links only sessions of the inboxes they serve
    const hidden = await asAgent.post('/crm/v1/panel/card', { stepId: lead.id, title: 'x', sessionId: session.id });
    expect(hidden.body).toMatchObject({ httpStatusCode: 400, errors: [{ field: 'sessionId' }] });
    const res = await wts.post('/crm/v1/panel/card', {
      stepId: lead.id,
      title: 'Jane — plano anual',
      description: 'Pediu proposta',
      contactIds: [f.contactId],
      sessionId: session.id,
      tagNames: ['VIP'],
      monetaryAmount: 1500.5,
      dueDate: '2020-01-02T10:00:00Z',
      responsibleUserId: agentUuid,
      customFields: { origem: 'Site', qtd: 'three', desconhecido: 1, data_da_visita: '2026-12-24' },
      metadata: { crmId: 42 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      companyId: f.companyId,
      panelId: sales.id,
      panelTitle: 'Vendas Brasil',
      stepId: lead.id,
      stepTitle: 'Lead',
      stepPhase: 'INITIAL',
      title: 'Jane — plano anual',
      description: 'Pediu proposta',
      key: 'VB-1',
      number: 1,
      position: 1,
      dueDate: '2020-01-02T10:00:00.000Z',
      isOverdue: true,
      tagIds: [vip.id],
      sessionId: session.id,
      monetaryAmount: 1500.5,
      responsibleUserId: agentUuid,
      responsibleUser: { id: agentUuid, name: 'Paula Agent' },
      contactIds: [f.contactId],
      contacts: [{ id: f.contactId, name: 'Jane Roe' }],
      // an unknown key and a value of the wrong type are ignored, as WTS documents
      customFields: { origem: 'Site', data_da_visita: '2026-12-24' },
      metadata: { crmId: 42 },
      status: 'OPEN',
      archived: false,
    });
    expect((await wts.get(`/crm/v2/panel/card/${res.body.id}`, { IncludeDetails: ['Contacts'] })).body).toEqual(
      res.body,
    );
    const shown = await wts.get(`/crm/v1/panel/${sales.id}`, { IncludeDetails: ['StepsCardCount'] });
    expect(shown.body.steps[0]).toMatchObject({ cardCount: 1, overdueCardCount: 1, monetaryAmount: 1500.5 });
    expect(shown.body.overdueCardCount).toBe(1);
  });

  it('lists a panel’s cards with paging and the WTS filters', async () => {
    const p = await panel({ title: 'Filtros', steps: [{ title: 'A' }, { title: 'B' }] });
    const [a, b] = p.steps;
    const make = async (body: Record<string, unknown>) =>
      (await wts.post('/crm/v2/panel/card', { stepId: a.id, ...body })).body;
    const one = await make({ title: 'Alpha deal', contactIds: [f.contactId] });
    const two = await make({ title: 'Beta deal', stepId: b.id, responsibleUserId: agentUuid });
    const three = await make({ title: 'Gamma', description: 'alpha mentioned', status: 'WON' });
    const list = (query: Record<string, unknown>) => wts.get('/crm/v1/panel/card', { PanelId: p.id, ...query });

    const page = await list({ PageSize: 2 });
    expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalItems: 3, totalPages: 2, hasMorePages: true });
    expect(page.body.items.map((c: any) => c.id)).toEqual([one.id, two.id]);
    expect((await list({ PageSize: 2, PageNumber: 2 })).body.items.map((c: any) => c.id)).toEqual([three.id]);
    expect(
      (await list({ OrderBy: 'title', OrderDirection: 'DESCENDING' })).body.items.map((c: any) => c.title),
    ).toEqual(['Gamma', 'Beta deal', 'Alpha deal']);
    const ids = async (query: Record<string, unknown>) => (await list(query)).body.items.map((c: any) => c.id);
    expect(await ids({ StepId: b.id })).toEqual([two.id]);
    expect(await ids({ ContactId: f.contactId })).toEqual([one.id]);
    expect(await ids({ ResponsibleUserId: agentUuid })).toEqual([two.id]);
    expect(await ids({ Statuses: ['WON', 'LOST'] })).toEqual([three.id]);
    expect(await ids({ TextFilter: 'alpha' })).toEqual([one.id, three.id]);
    expect(await ids({ 'CreatedAt.After': '2999-01-01' })).toEqual([]);
    // an id of nothing (or of another company) filters to nothing
    expect(await ids({ StepId: other.contactId })).toEqual([]);
    expect((await wts.get('/crm/v1/panel/card')).body).toMatchObject({ httpStatusCode: 400 });
  });

  it('lists cards and panels with a fixed number of SQL statements however many there are', async () => {
    const g = await wtsFixture(ctx, 'Counted');
    const p = await panel({ title: 'Contado', steps: [{ title: 'A' }, { title: 'B' }] }, g.wts);
    const settled = async () => {
      // the event worker shares the pool: wait until it has nothing left to do with this company's events
      for (let i = 0; i < 400; i++) {
        const pending = await db
          .selectFrom('events')
          .select('id')
          .where('account_id', '=', g.account.account_id)
          .where('dispatched_at', 'is', null)
          .executeTakeFirst();
        if (!pending) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('events were not dispatched in 10 s');
    };
    const statements = async (path: string, query: Record<string, unknown>) => {
      await settled();
      const before = ctx.database.counter.count;
      expect((await g.wts.get(path, query)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    const add = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          g.wts.post('/crm/v1/panel/card', { stepId: p.steps[i % 2].id, title: `c${i}`, contactIds: [g.contactId] }),
        ),
      );
    await add(1);
    const cards = await statements('/crm/v1/panel/card', { PanelId: p.id, PageSize: 50 });
    const panels = await statements('/crm/v1/panel', {
      IncludeDetails: ['Steps', 'StepsCardCount', 'StepsFields', 'Tags'],
    });
    await add(6);
    await panel({ title: 'Mais um', steps: [{ title: 'X' }] }, g.wts);
    expect(await statements('/crm/v1/panel/card', { PanelId: p.id, PageSize: 50 })).toBe(cards);
    expect(
      await statements('/crm/v1/panel', { IncludeDetails: ['Steps', 'StepsCardCount', 'StepsFields', 'Tags'] }),
    ).toBe(panels);
  });

  it('moves and updates a card by the listed fields (v1, v2 and v3), tags by operation', async () => {
    const card = (
      await wts.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Mover', tagIds: [vip.id], monetaryAmount: 10 })
    ).body;
    await f.api.post(`${f.base}/labels`, { title: 'hot', color: '#00ff00' });
    const hot = (await wts.get('/core/v1/tag')).body.find((t: any) => t.name === 'hot');

    const moved = await asAgent.put(`/crm/v2/panel/card/${card.id}`, {
      fields: ['stepId', 'MonetaryAmount'],
      stepId: proposal.id,
      monetaryAmount: 20,
      title: 'not listed',
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({
      stepId: proposal.id,
      stepTitle: 'Proposta',
      stepPhase: 'NONE',
      monetaryAmount: 20,
      title: 'Mover',
    });
    const tagged = await wts.put(`/crm/v3/panel/card/${card.id}`, {
      fields: ['TagIds'],
      tagIds: [hot.id],
      options: { upsertTagOperation: 'InsertIfNotExists' },
    });
    expect(tagged.body.tagIds.sort()).toEqual([vip.id, hot.id].sort());
    // without `fields`, what the body carries changes
    const updated = await wts.put(`/crm/v1/panel/card/${card.id}`, {
      title: 'Renomeado',
      customFields: { qtd: 3 },
      metadata: { a: 1 },
    });
    expect(updated.body).toMatchObject({
      title: 'Renomeado',
      customFields: { qtd: 3 },
      metadata: { a: 1 },
      stepId: proposal.id,
    });
    const cleared = await wts.put(`/crm/v2/panel/card/${card.id}`, {
      fields: ['DueDate', 'MonetaryAmount', 'Archived'],
      archived: true,
    });
    expect(cleared.body).toMatchObject({ dueDate: null, monetaryAmount: null, status: 'ARCHIVED', archived: true });
    expect((await wts.put(`/crm/v2/panel/card/${card.id}`, { fields: ['Status'], status: 'WON' })).body.status).toBe(
      'WON',
    );
  });

  it('duplicates a card to another panel, archiving the original and copying notes', async () => {
    const target = await panel({
      title: 'Pós-venda',
      steps: [{ title: 'Entrada' }],
      customFields: [{ name: 'Origem', type: 'STRING' }],
    });
    const card = (
      await wts.post('/crm/v1/panel/card', {
        stepId: closed.id,
        title: 'Cliente fechado',
        contactIds: [f.contactId],
        customFields: { origem: 'Site', qtd: 2 },
        monetaryAmount: 99,
      })
    ).body;
    await wts.post(`/crm/v1/panel/card/${card.id}/note`, { text: 'Assinou' });
    const copy = await asAgent.post(`/crm/v1/panel/card/${card.id}/duplicate`, {
      copyToStepId: target.steps[0].id,
      options: { fields: ['Contacts', 'CustomFields', 'Notes'], archiveOriginalCard: true },
    });
    expect(copy.status, copy.text).toBe(200);
    expect(copy.body).toMatchObject({
      panelId: target.id,
      stepId: target.steps[0].id,
      key: 'PV-1',
      number: 1,
      title: 'Cliente fechado',
      contactIds: [f.contactId],
      customFields: { origem: 'Site' },
      monetaryAmount: null,
      status: 'OPEN',
    });
    expect(copy.body.id).not.toBe(card.id);
    expect((await wts.get(`/crm/v1/panel/card/${card.id}`)).body.status).toBe('ARCHIVED');
    expect((await wts.get(`/crm/v1/panel/card/${copy.body.id}/note`)).body.items.map((n: any) => n.text)).toEqual([
      'Assinou',
    ]);
    const same = await wts.post(`/crm/v2/panel/card/${copy.body.id}/duplicate`, {});
    expect(same.body).toMatchObject({ stepId: target.steps[0].id, number: 2, contactIds: [f.contactId] });
  });

  it('refuses bad card input in the WTS envelope, storing and changing nothing', async () => {
    const card = (await wts.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Intacto' })).body;
    const before = await cardCount();
    const bad: [Record<string, unknown>, string][] = [
      [{ stepId: lead.id }, 'title'],
      [{ title: 'no step' }, 'stepId'],
      [{ stepId: 'not-a-uuid', title: 'x' }, 'stepId'],
      [{ stepId: other.channelId, title: 'x' }, 'stepId'],
      [{ stepId: lead.id, title: 'x', contactIds: [other.contactId] }, 'contactIds'],
      [{ stepId: lead.id, title: 'x', tagNames: ['nope'] }, 'tagNames'],
      [{ stepId: lead.id, title: 'x', dueDate: 'tomorrow' }, 'dueDate'],
      [
        { stepId: lead.id, title: 'x', responsibleUserId: await other.userUuid(other.account.user_id) },
        'responsibleUserId',
      ],
      [{ stepId: lead.id, title: 'x', monetaryAmount: 'a lot' }, 'monetaryAmount'],
    ];
    for (const [body, field] of bad) {
      const res = await wts.post('/crm/v1/panel/card', body);
      expect(res.status, `${JSON.stringify(body)}: ${res.text}`).toBe(400);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 400, key: expect.stringMatching(/^ERROR_/) });
      expect(JSON.stringify(res.body.errors) + res.body.text).toContain(field);
    }
    expect(await cardCount()).toBe(before);
    const updates: Record<string, unknown>[] = [
      { fields: ['Nonsense'] },
      { fields: ['StepId'], stepId: (await panel({ title: 'Outro', steps: [{ title: 'X' }] })).steps[0].id },
      { fields: ['Title'], title: '' },
      { sessionId: (await other.openSession()).id },
    ];
    for (const body of updates)
      expect((await wts.put(`/crm/v2/panel/card/${card.id}`, body)).status, JSON.stringify(body)).toBe(400);
    expect((await wts.get(`/crm/v1/panel/card/${card.id}`)).body).toMatchObject({
      title: 'Intacto',
      stepId: lead.id,
      sessionId: null,
      updatedAt: card.updatedAt,
    });
  });
});

describe('notes', () => {
  it('adds, lists (paged, newest first) and deletes a card’s notes', async () => {
    const card = (await wts.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Com notas' })).body;
    const first = await asAgent.post(`/crm/v1/panel/card/${card.id}/note`, { text: 'Ligar amanhã' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      companyId: f.companyId,
      panelId: sales.id,
      cardId: card.id,
      userId: agentUuid,
      text: 'Ligar amanhã',
      files: [],
      isFromPublicApi: true,
    });
    const second = await wts.post(`/crm/v1/panel/card/${card.id}/note`, {
      text: 'Proposta',
      fileUrls: ['https://files.example.com/p/proposta.pdf'],
    });
    expect(second.body.files).toEqual([
      { id: null, name: 'proposta.pdf', publicUrl: 'https://files.example.com/p/proposta.pdf' },
    ]);
    const page = await wts.get(`/crm/v1/panel/card/${card.id}/note`, { PageSize: 1 });
    expect(page.body).toMatchObject({
      totalItems: 2,
      totalPages: 2,
      hasMorePages: true,
      items: [expect.objectContaining({ id: second.body.id })],
    });
    expect((await wts.post(`/crm/v1/panel/card/${card.id}/note`, {})).body).toMatchObject({
      httpStatusCode: 400,
      errors: [{ field: 'text' }],
    });
    expect((await wts.post(`/crm/v1/panel/card/${card.id}/note`, { fileUrls: ['javascript:alert(1)'] })).status).toBe(
      400,
    );

    const elsewhere = (await wts.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Outro card' })).body;
    expect((await wts.delete(`/crm/v1/panel/card/${elsewhere.id}/note/${first.body.id}`)).status).toBe(404);
    expect((await asAgent.delete(`/crm/v1/panel/card/${card.id}/note/${first.body.id}`)).status).toBe(200);
    expect((await wts.get(`/crm/v1/panel/card/${card.id}/note`)).body.items.map((n: any) => n.id)).toEqual([
      second.body.id,
    ]);
  });
});

describe('isolation', () => {
  it('answers 404 for another company’s panels, cards and notes, and changes none of them', async () => {
    const card = (await wts.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Secreto' })).body;
    const note = (await wts.post(`/crm/v1/panel/card/${card.id}/note`, { text: 'segredo' })).body;
    const o = other.wts;
    const answers = [
      await o.get(`/crm/v1/panel/${sales.id}`),
      await o.get(`/crm/v1/panel/${sales.id}/custom-fields`),
      await o.put(`/crm/v1/panel/${sales.id}`, { title: 'Hacked' }),
      await o.delete(`/crm/v1/panel/${sales.id}`),
      await o.post(`/crm/v1/panel/${sales.id}/step`, { title: 'Hacked' }),
      await o.put(`/crm/v1/panel/${sales.id}/step/${lead.id}`, { title: 'Hacked' }),
      await o.delete(`/crm/v1/panel/${sales.id}/step/${lead.id}`),
      await o.post(`/crm/v1/panel/${sales.id}/custom-fields`, { name: 'Hacked', type: 'STRING' }),
      await o.get('/crm/v1/panel/card', { PanelId: sales.id }),
      await o.get(`/crm/v1/panel/card/${card.id}`),
      await o.put(`/crm/v2/panel/card/${card.id}`, { title: 'Hacked' }),
      await o.post(`/crm/v1/panel/card/${card.id}/duplicate`, {}),
      await o.get(`/crm/v1/panel/card/${card.id}/note`),
      await o.post(`/crm/v1/panel/card/${card.id}/note`, { text: 'Hacked' }),
      await o.delete(`/crm/v1/panel/card/${card.id}/note/${note.id}`),
    ];
    for (const res of answers) expect(res.body).toMatchObject({ httpStatusCode: 404, error: true });
    expect((await wts.get(`/crm/v1/panel/card/${card.id}`)).body).toMatchObject({ title: 'Secreto' });
    expect((await wts.get(`/crm/v1/panel/card/${card.id}/note`)).body.totalItems).toBe(1);
    expect((await wts.get(`/crm/v1/panel/${sales.id}`)).body).toMatchObject({
      title: 'Vendas Brasil',
      stepTitles: ['Lead', 'Proposta', 'Fechado'],
    });
    // B's step in A's body: refused, nothing created in either company
    const before = await cardCount();
    expect((await o.post('/crm/v1/panel/card', { stepId: lead.id, title: 'Cross' })).status).toBe(400);
    expect(await cardCount()).toBe(before);
    expect((await o.get('/crm/v1/panel')).body.totalItems).toBe(0);
  });
});

describe('webhooks', () => {
  it('fires PANEL_CARD_NEW, PANEL_CARD_STEP_CHANGE and PANEL_CARD_UPDATE in the WTS envelope', async () => {
    const g = await wtsFixture(ctx, 'Hooked');
    const receiver = await startReceiver();
    const events = (await g.wts.get('/core/v1/webhook/event')).body.map((e: any) => e.event);
    expect(events).toEqual(expect.arrayContaining(['PANEL_CARD_NEW', 'PANEL_CARD_UPDATE', 'PANEL_CARD_STEP_CHANGE']));
    const sub = await g.wts.post('/core/v1/webhook/subscription', {
      name: 'crm',
      url: receiver.url,
      events: ['PANEL_CARD_NEW', 'PANEL_CARD_UPDATE', 'PANEL_CARD_STEP_CHANGE'],
    });
    expect(sub.status, sub.text).toBe(200);
    const p = await panel({ title: 'Funil', steps: [{ title: 'Novo' }, { title: 'Ganho' }] }, g.wts);
    const card = (
      await g.wts.post('/crm/v1/panel/card', { stepId: p.steps[0].id, title: 'Webhook', monetaryAmount: 5 })
    ).body;
    await receiver.waitFor((r) => r.some((x) => x.body.eventType === 'PANEL_CARD_NEW'));
    await g.wts.put(`/crm/v2/panel/card/${card.id}`, { fields: ['StepId'], stepId: p.steps[1].id });
    await g.wts.put(`/crm/v2/panel/card/${card.id}`, { fields: ['MonetaryAmount'], monetaryAmount: 7 });
    // nothing changed: no event
    await g.wts.put(`/crm/v2/panel/card/${card.id}`, { fields: ['MonetaryAmount'], monetaryAmount: 7 });
    await receiver.waitFor((r) => r.filter((x) => x.body.eventType === 'PANEL_CARD_UPDATE').length >= 2);

    const byType = (type: string) => receiver.received.filter((x) => x.body.eventType === type).map((x) => x.body);
    expect(byType('PANEL_CARD_NEW')).toEqual([
      expect.objectContaining({
        date: expect.any(String),
        changeMetadata: null,
        content: expect.objectContaining({ id: card.id, title: 'Webhook', panelId: p.id, companyId: g.companyId }),
      }),
    ]);
    const [move] = byType('PANEL_CARD_STEP_CHANGE');
    expect(move.changeMetadata).toMatchObject({
      stepId: { previousValue: p.steps[0].id, currentValue: p.steps[1].id },
    });
    expect(move.content).toMatchObject({ id: card.id });
    const updates = byType('PANEL_CARD_UPDATE');
    expect(updates.map((u) => Object.keys(u.changeMetadata).sort())).toEqual([['stepId'], ['monetaryAmount']]);
    expect(updates[1].changeMetadata.monetaryAmount).toEqual({ previousValue: 5, currentValue: 7 });
    // the card events reach no Chatwoot webhook names and no other company
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select('event_name')
      .where('account_id', '=', g.account.account_id)
      .execute();
    expect(deliveries.map((d) => d.event_name).sort()).toEqual([
      'PANEL_CARD_NEW',
      'PANEL_CARD_STEP_CHANGE',
      'PANEL_CARD_UPDATE',
      'PANEL_CARD_UPDATE',
    ]);
  });
});
