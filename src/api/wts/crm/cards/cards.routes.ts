import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import { createCard, duplicateCard, updateCard, type CardScope } from '../../../../domain/crm/card-commands.ts';
import { getCard, listCards } from '../../../../domain/crm/cards.ts';
import { getPanel } from '../../../../domain/crm/panels.ts';
import { envelope, PageOf, pageOrder, paging } from '../../page.ts';
import { CardSchema, presentCard } from '../../presenters/card.ts';
import { IdParams, queryRange } from '../../schema.ts';
import { CreateBody, DuplicateBody, ListQuery, ShowQuery, UpdateBody } from './schema.ts';
import type { Db } from '../../../../db/pool.ts';

const tags = ['WTS CRM cards'];

/** A filter's id that names nothing of the company matches no card (as an unknown id in WTS's filters). */
async function internalId(
  db: Db,
  table: 'crm_steps' | 'contacts',
  accountId: number,
  uuid: string | undefined,
): Promise<number | undefined> {
  if (!uuid) return undefined;
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  return row?.id ?? 0;
}

async function userId(db: Db, accountId: number, uuid: string | undefined): Promise<number | undefined> {
  if (!uuid) return undefined;
  const row = await db
    .selectFrom('users')
    .innerJoin('account_users', 'account_users.user_id', 'users.id')
    .select('users.id')
    .where('account_users.account_id', '=', accountId)
    .where('users.uuid', '=', uuid)
    .executeTakeFirst();
  return row?.id ?? 0;
}

const scopeOf = (request: FastifyRequest): CardScope => ({
  accountId: request.auth.account.id,
  visibleInboxIds: request.auth.inboxIds,
});

/**
 * `/crm/v{n}/panel/card`: a panel's cards, worked by every member. WTS has moved these paths between versions
 * (list and create at v1 and v2, update at v1–v3, duplicate at v1 and v2): each is served at all of them.
 */
export default async function cardRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const read = { config: { policy: 'crm.read' as const } };
  const write = { config: { policy: 'crm.write' as const } };

  for (const version of ['v1', 'v2']) {
    app.get(
      `/${version}/panel/card`,
      {
        ...read,
        schema: {
          tags,
          summary: 'List a panel’s cards',
          querystring: ListQuery,
          response: { 200: PageOf(CardSchema) },
        },
      },
      async (request) => {
        const q = request.query;
        const { account } = request.auth;
        const panel = await getPanel(db, account.id, q.PanelId);
        const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
        const [stepId, contactId, responsibleUserId] = await Promise.all([
          internalId(db, 'crm_steps', account.id, q.StepId),
          internalId(db, 'contacts', account.id, q.ContactId),
          userId(db, account.id, q.ResponsibleUserId),
        ]);
        const { rows, total } = await listCards(db, account.id, {
          panelId: panel.id,
          stepId,
          contactId,
          responsibleUserId,
          text: q.TextFilter,
          statuses: q.Statuses,
          createdAt: queryRange(q, 'CreatedAt'),
          updatedAt: queryRange(q, 'UpdatedAt'),
          ...pageOrder(page),
        });
        const now = new Date();
        return envelope(
          rows.map((r) => presentCard(r, account.uuid, now)),
          total,
          page,
        );
      },
    );

    app.post(
      `/${version}/panel/card`,
      {
        ...write,
        schema: { tags, summary: 'Create a card in a step', body: CreateBody, response: { 200: CardSchema } },
      },
      async (request) => presentCard(await createCard(db, scopeOf(request), request.body), request.auth.account.uuid),
    );

    app.get(
      `/${version}/panel/card/:id`,
      {
        ...read,
        schema: {
          tags,
          summary: 'Show a card',
          params: IdParams,
          querystring: ShowQuery,
          response: { 200: CardSchema },
        },
      },
      async (request) =>
        presentCard(await getCard(db, request.auth.account.id, request.params.id), request.auth.account.uuid),
    );

    app.post(
      `/${version}/panel/card/:id/duplicate`,
      {
        ...write,
        schema: {
          tags,
          summary: 'Duplicate a card (to another step or panel)',
          params: IdParams,
          body: DuplicateBody,
          response: { 200: CardSchema },
        },
      },
      async (request) =>
        presentCard(
          await duplicateCard(db, scopeOf(request), request.params.id, request.body ?? {}),
          request.auth.account.uuid,
        ),
    );
  }

  for (const version of ['v1', 'v2', 'v3']) {
    app.put(
      `/${version}/panel/card/:id`,
      {
        ...write,
        schema: {
          tags,
          summary: 'Change or move a card',
          params: IdParams,
          body: UpdateBody,
          response: { 200: CardSchema },
        },
      },
      async (request) => {
        const { fields, options, ...input } = request.body;
        const card = await updateCard(
          db,
          scopeOf(request),
          request.params.id,
          input,
          fields,
          options?.upsertTagOperation,
        );
        return presentCard(card, request.auth.account.uuid);
      },
    );
  }
}
