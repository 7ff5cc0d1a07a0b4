import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import {
  addLostReason,
  deleteLostReason,
  listLostReasons,
  type LostReasonRow,
} from '../../../../domain/crm/lost-reasons.ts';
import { envelope, PageOf, PageQuery, pageOrder, paging } from '../../page.ts';
import { DateQuery, iso, IdParams, queryRange, Uuid } from '../../schema.ts';

const tags = ['WTS CRM panels'];

/** `PublicPanelCardResultDTO`: WTS's name for a loss reason of a sales panel. */
const LostReasonSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  panelId: Type.String(),
  description: Type.String(),
});

const ListQuery = Type.Object({
  ...PageQuery,
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
});
const CreateBody = Type.Object({ description: Type.String({ minLength: 1, maxLength: 255 }) });
const ReasonParams = Type.Object({ id: Uuid, reasonId: Uuid });

function present(row: LostReasonRow, companyId: string) {
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    companyId,
    panelId: row.panel_uuid,
    description: row.description,
  };
}

/**
 * `GET /crm/v1/panel/{id}/lost-reason` as WTS documents it (a page of reasons), read by every member; adding and
 * removing reasons is Switchboard's addition (WTS does it in its web app), for administrators only, like panels.
 */
export default async function lostReasonRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/panel/:id/lost-reason',
    {
      config: { policy: 'crm.read' },
      schema: {
        tags,
        summary: 'List a panel’s loss reasons',
        params: IdParams,
        querystring: ListQuery,
        response: { 200: PageOf(LostReasonSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { account } = request.auth;
      const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
      const { rows, total } = await listLostReasons(db, account.id, request.params.id, {
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
        ...pageOrder(page),
      });
      return envelope(
        rows.map((r) => present(r, account.uuid)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/panel/:id/lost-reason',
    {
      config: { policy: 'crm.manage' },
      schema: {
        tags,
        summary: 'Add a loss reason to a panel',
        params: IdParams,
        body: CreateBody,
        response: { 200: LostReasonSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      return present(await addLostReason(db, account.id, request.params.id, request.body), account.uuid);
    },
  );

  app.delete(
    '/v1/panel/:id/lost-reason/:reasonId',
    {
      config: { policy: 'crm.manage' },
      schema: { tags, summary: 'Remove a loss reason (its cards stay lost, without a reason)', params: ReasonParams },
    },
    async (request, reply) => {
      const { account } = request.auth;
      await deleteLostReason(db, account.id, request.params.id, request.params.reasonId);
      return reply.code(200).send();
    },
  );
}
