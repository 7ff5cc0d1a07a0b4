import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import {
  addPortfolioContacts,
  createPortfolio,
  deletePortfolio,
  removePortfolioContacts,
  updatePortfolio,
  type PortfolioInput,
} from '../../../../domain/portfolios/commands.ts';
import {
  contactIdsOf,
  getPortfolio,
  listPortfolioContacts,
  listPortfolios,
} from '../../../../domain/portfolios/repository.ts';
import { memberIdsByUuid, teamIdsByUuid } from '../../../../domain/teams/membership-sync.ts';
import { notFound } from '../../../../errors.ts';
import { envelope, PageOf, pageOrder, paging } from '../../page.ts';
import { IdParams, queryRange } from '../../schema.ts';
import { ownValue } from '../../../../domain/own.ts';
import {
  PORTFOLIO_DETAILS,
  PortfolioBody,
  PortfolioContactBody,
  PortfolioContactSchema,
  PortfolioContactsBody,
  PortfolioContactsQuery,
  PortfolioListQuery,
  PortfolioSchema,
  PortfolioUpdateBody,
  presentPortfolio,
  presentPortfolioContact,
} from './schema.ts';

const tags = ['WTS Portfolios'];
const ORDER_COLUMNS = { createdat: 'created_at', updatedat: 'updated_at', name: 'name' } as const;
const ALL_DETAILS = new Set<string>(PORTFOLIO_DETAILS);

/**
 * `/core/v1/portfolio`: portfolios ("carteiras"), a contact's owning agent or department. A new
 * conversation of a contact in one goes to its owner first (domain/conversations/commands.ts).
 */
export default async function portfolioRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  async function portfolioOf(request: FastifyRequest<{ Params: { id: string } }>) {
    return getPortfolio(db, request.auth.account.id, request.params.id);
  }
  async function present(request: FastifyRequest, uuid: string) {
    return presentPortfolio(
      await getPortfolio(db, request.auth.account.id, uuid),
      request.auth.account.uuid,
      ALL_DETAILS,
    );
  }
  /** The owner a body names, as internal ids; an unknown id is a 400 naming its field. */
  async function ownerOf(
    request: FastifyRequest,
    body: { userId?: string | null; departmentId?: string | null },
  ): Promise<PortfolioInput> {
    const accountId = request.auth.account.id;
    const input: PortfolioInput = {};
    if (body.userId !== undefined)
      input.userId = body.userId ? (await memberIdsByUuid(db, accountId, [body.userId], 'userId'))[0] : null;
    if (body.departmentId !== undefined)
      input.teamId = body.departmentId
        ? (await teamIdsByUuid(db, accountId, [body.departmentId], 'departmentId'))[0]
        : null;
    return input;
  }
  /** The contact a single-contact body names (by id or phone number), as a one-item list of internal ids. */
  function oneContact(
    request: FastifyRequest,
    body: { contactId?: string | null; phoneNumber?: string | null },
  ): Promise<number[]> {
    const { contactId, phoneNumber } = body;
    return contactIdsOf(db, request.auth.account.id, {
      contactIds: contactId ? [contactId] : [],
      phoneNumbers: phoneNumber ? [phoneNumber] : [],
    });
  }
  /** The page of a portfolio's contacts, narrowed to some contacts when asked. */
  async function contactsPage(
    request: FastifyRequest,
    portfolioId: number,
    q: { Page?: number; PageNumber?: number; PageSize?: number; OrderDirection?: 'ASCENDING' | 'DESCENDING' },
    only?: string[],
  ) {
    const p = paging(
      { ...q, PageNumber: q.PageNumber ?? q.Page, OrderBy: undefined },
      { orderBy: 'createdAt', orderDirection: 'ASCENDING' },
    );
    const { rows, total } = await listPortfolioContacts(db, request.auth.account.id, portfolioId, pageOrder(p), only);
    return envelope(
      rows.map((r) => presentPortfolioContact(r, request.auth.account.uuid)),
      total,
      p,
    );
  }

  app.get(
    '/v1/portfolio',
    {
      config: { policy: 'portfolios.read' },
      schema: {
        tags,
        summary: 'List portfolios',
        querystring: PortfolioListQuery,
        response: { 200: PageOf(PortfolioSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const p = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
      const orderBy = ownValue(ORDER_COLUMNS, p.orderBy.toLowerCase()) ?? 'created_at';
      const { rows, total } = await listPortfolios(db, request.auth.account.id, {
        ...pageOrder(p),
        orderBy,
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
      });
      const details = new Set<string>(q.IncludeDetails ?? []);
      return envelope(
        rows.map((r) => presentPortfolio(r, request.auth.account.uuid, details)),
        total,
        p,
      );
    },
  );

  app.post(
    '/v1/portfolio',
    {
      config: { policy: 'portfolios.manage' },
      schema: {
        tags,
        summary: 'Create a portfolio owned by an agent (userId) or a department',
        body: PortfolioBody,
        response: { 200: PortfolioSchema },
      },
    },
    async (request) => {
      const owner = await ownerOf(request, request.body);
      return present(
        request,
        await createPortfolio(db, request.auth.account.id, { ...owner, name: request.body.name }),
      );
    },
  );

  app.get(
    '/v1/portfolio/:id',
    {
      config: { policy: 'portfolios.read' },
      schema: { tags, summary: 'Show a portfolio', params: IdParams, response: { 200: PortfolioSchema } },
    },
    async (request) => presentPortfolio(await portfolioOf(request), request.auth.account.uuid, ALL_DETAILS),
  );

  app.put(
    '/v1/portfolio/:id',
    {
      config: { policy: 'portfolios.manage' },
      schema: {
        tags,
        summary: 'Rename a portfolio or change its owner',
        params: IdParams,
        body: PortfolioUpdateBody,
        response: { 200: PortfolioSchema },
      },
    },
    async (request) => {
      const portfolio = await portfolioOf(request);
      const owner = await ownerOf(request, request.body);
      await updatePortfolio(db, request.auth.account.id, portfolio.id, { ...owner, name: request.body.name });
      return present(request, portfolio.uuid);
    },
  );

  app.delete(
    '/v1/portfolio/:id',
    {
      config: { policy: 'portfolios.manage' },
      schema: { tags, summary: 'Delete a portfolio (its contacts stay, without an owner)', params: IdParams },
    },
    async (request, reply) => {
      await deletePortfolio(db, request.auth.account.id, (await portfolioOf(request)).id);
      return reply.status(200).send();
    },
  );

  app.get(
    '/v1/portfolio/:id/contact',
    {
      config: { policy: 'portfolios.read' },
      schema: {
        tags,
        summary: "List a portfolio's contacts",
        params: IdParams,
        querystring: PortfolioContactsQuery,
        response: { 200: PageOf(PortfolioContactSchema) },
      },
    },
    async (request) => contactsPage(request, (await portfolioOf(request)).id, request.query, request.query.ContactIds),
  );

  app.post(
    '/v1/portfolio/:id/contact',
    {
      config: { policy: 'portfolios.contacts' },
      schema: {
        tags,
        summary: 'Add a contact (moved from any other portfolio)',
        params: IdParams,
        body: PortfolioContactBody,
        response: { 200: PortfolioContactSchema },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const portfolio = await portfolioOf(request);
      const ids = await oneContact(request, request.body);
      await addPortfolioContacts(db, accountId, portfolio.id, ids);
      const uuid = (await db.selectFrom('contacts').select('uuid').where('id', '=', ids[0]).executeTakeFirstOrThrow())
        .uuid;
      const { items } = await contactsPage(request, portfolio.id, { PageSize: 1 }, [uuid]);
      return items[0];
    },
  );

  app.delete(
    '/v1/portfolio/:id/contact',
    {
      config: { policy: 'portfolios.contacts' },
      schema: { tags, summary: 'Remove a contact', params: IdParams, body: PortfolioContactBody },
    },
    async (request, reply) => {
      const accountId = request.auth.account.id;
      const portfolio = await portfolioOf(request);
      const ids = await oneContact(request, request.body ?? {});
      if (!(await removePortfolioContacts(db, accountId, portfolio.id, ids)))
        throw notFound('Contact in this portfolio');
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/portfolio/:id/contact/batch',
    {
      config: { policy: 'portfolios.contacts' },
      schema: {
        tags,
        summary: 'Add contacts by ids and/or phone numbers (all or none)',
        params: IdParams,
        body: PortfolioContactsBody,
        response: { 200: PageOf(PortfolioContactSchema) },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const portfolio = await portfolioOf(request);
      const ids = await contactIdsOf(db, accountId, {
        contactIds: request.body.contactIds ?? [],
        phoneNumbers: request.body.phoneNumbers ?? [],
      });
      await addPortfolioContacts(db, accountId, portfolio.id, ids);
      const uuids = (
        await db
          .selectFrom('contacts')
          .select('uuid')
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => r.uuid);
      return contactsPage(request, portfolio.id, { PageSize: Math.max(1, uuids.length) }, uuids);
    },
  );

  app.delete(
    '/v1/portfolio/:id/contact/batch',
    {
      config: { policy: 'portfolios.contacts' },
      schema: {
        tags,
        summary: 'Remove contacts by ids and/or phone numbers',
        params: IdParams,
        body: PortfolioContactsBody,
      },
    },
    async (request, reply) => {
      const accountId = request.auth.account.id;
      const portfolio = await portfolioOf(request);
      const ids = await contactIdsOf(db, accountId, {
        contactIds: request.body?.contactIds ?? [],
        phoneNumbers: request.body?.phoneNumbers ?? [],
      });
      await removePortfolioContacts(db, accountId, portfolio.id, ids);
      return reply.status(200).send();
    },
  );
}
