import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import type { Db } from '../../../../db/pool.ts';
import type { CrmPanel } from '../../../../db/types.ts';
import { listLabels } from '../../../../domain/labels/repository.ts';
import {
  addFields,
  addStep,
  createPanel,
  deletePanel,
  deleteStep,
  fieldsOf,
  getPanel,
  listPanels,
  stepsOf,
  updatePanel,
  updateStep,
} from '../../../../domain/crm/panels.ts';
import { envelope, PageOf, pageOrder, paging } from '../../page.ts';
import { CustomFieldSchema } from '../../presenters/custom-field.ts';
import { PanelSchema, presentPanel, presentPanelField, StepSchema, type PanelDetail } from '../../presenters/panel.ts';
import { IdParams, queryRange } from '../../schema.ts';
import {
  CreateFieldsBody,
  CreatePanelBody,
  CreateStepBody,
  FieldsQuery,
  ListQuery,
  ShowQuery,
  StepParams,
  UpdatePanelBody,
  UpdateStepBody,
} from './schema.ts';

const tags = ['WTS CRM panels'];

/** Panels with the relations their details ask for: a fixed number of statements for a page of any size. */
async function presentPanels(
  db: Db,
  accountId: number,
  companyId: string,
  panels: CrmPanel[],
  details: Set<PanelDetail>,
) {
  const ids = panels.map((p) => p.id);
  const [steps, fields, labels] = await Promise.all([
    stepsOf(db, ids),
    details.has('StepsFields') ? fieldsOf(db, accountId, ids) : [],
    details.has('Tags') ? listLabels(db, accountId) : [],
  ]);
  return panels.map((p) =>
    presentPanel(
      p,
      companyId,
      { steps: steps.get(p.id) ?? [], fields: fields.filter((f) => f.panel_id === p.id), labels },
      details,
    ),
  );
}

/**
 * `/crm/v{1,2}/panel`: WTS's Kanban panels, read by every member. Creating, changing and deleting panels,
 * steps and fields is Switchboard's addition (WTS does it in its web app), for administrators only.
 */
export default async function panelRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const read = { config: { policy: 'crm.read' as const } };
  const manage = { config: { policy: 'crm.manage' as const } };

  for (const version of ['v1', 'v2']) {
    app.get(
      `/${version}/panel`,
      {
        ...read,
        schema: { tags, summary: 'List panels', querystring: ListQuery, response: { 200: PageOf(PanelSchema) } },
      },
      async (request) => {
        const q = request.query;
        const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
        const { account } = request.auth;
        const { rows, total } = await listPanels(db, account.id, {
          title: q.Title,
          type: q.Type,
          createdAt: queryRange(q, 'CreatedAt'),
          updatedAt: queryRange(q, 'UpdatedAt'),
          ...pageOrder(page),
        });
        return envelope(
          await presentPanels(db, account.id, account.uuid, rows, new Set(q.IncludeDetails)),
          total,
          page,
        );
      },
    );
  }

  app.get(
    '/v1/panel/:id',
    {
      ...read,
      schema: {
        tags,
        summary: 'Show a panel',
        params: IdParams,
        querystring: ShowQuery,
        response: { 200: PanelSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const panel = await getPanel(db, account.id, request.params.id);
      return (await presentPanels(db, account.id, account.uuid, [panel], new Set(request.query.IncludeDetails)))[0];
    },
  );

  app.get(
    '/v1/panel/:id/custom-fields',
    {
      ...read,
      schema: {
        tags,
        summary: 'A panel’s custom fields',
        params: IdParams,
        querystring: FieldsQuery,
        response: { 200: Type.Array(CustomFieldSchema) },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const panel = await getPanel(db, account.id, request.params.id);
      // Fields are flat (no groups), so NestedList changes nothing.
      return (await fieldsOf(db, account.id, [panel.id])).map((f) => presentPanelField(f, panel.uuid, account.uuid));
    },
  );

  app.post(
    '/v1/panel',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Create a panel with its steps and custom fields',
        body: CreatePanelBody,
        response: { 200: PanelSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const panel = await createPanel(db, account.id, request.body);
      return (await presentPanels(db, account.id, account.uuid, [panel], new Set(['Steps', 'StepsFields'])))[0];
    },
  );

  app.put(
    '/v1/panel/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Change a panel',
        params: IdParams,
        body: UpdatePanelBody,
        response: { 200: PanelSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const panel = await updatePanel(db, account.id, request.params.id, request.body);
      return (await presentPanels(db, account.id, account.uuid, [panel], new Set(['Steps'])))[0];
    },
  );

  app.delete(
    '/v1/panel/:id',
    { ...manage, schema: { tags, summary: 'Delete a panel, its steps and cards', params: IdParams } },
    async (request, reply) => {
      await deletePanel(db, request.auth.account.id, request.params.id);
      return reply.status(200).send();
    },
  );

  const presentStepOf = async (accountId: number, companyId: string, panelUuid: string, stepUuid: string) => {
    const panel = await getPanel(db, accountId, panelUuid);
    const [presented] = await presentPanels(db, accountId, companyId, [panel], new Set(['Steps', 'StepsCardCount']));
    return presented.steps!.find((s) => s.id === stepUuid)!;
  };

  app.post(
    '/v1/panel/:id/step',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Add a step (at the end, or at `position`)',
        params: IdParams,
        body: CreateStepBody,
        response: { 200: StepSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const step = await addStep(db, account.id, request.params.id, request.body);
      return presentStepOf(account.id, account.uuid, request.params.id, step.uuid);
    },
  );

  app.put(
    '/v1/panel/:id/step/:stepId',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Rename, reorder or archive a step',
        params: StepParams,
        body: UpdateStepBody,
        response: { 200: StepSchema },
      },
    },
    async (request) => {
      const { account } = request.auth;
      await updateStep(db, account.id, request.params.id, request.params.stepId, request.body);
      return presentStepOf(account.id, account.uuid, request.params.id, request.params.stepId);
    },
  );

  app.delete(
    '/v1/panel/:id/step/:stepId',
    { ...manage, schema: { tags, summary: 'Delete an empty step', params: StepParams } },
    async (request, reply) => {
      await deleteStep(db, request.auth.account.id, request.params.id, request.params.stepId);
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/panel/:id/custom-fields',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Add custom fields to a panel',
        params: IdParams,
        body: CreateFieldsBody,
        response: { 200: Type.Array(CustomFieldSchema) },
      },
    },
    async (request) => {
      const { account } = request.auth;
      const body = request.body;
      const fields = await addFields(db, account.id, request.params.id, Array.isArray(body) ? body : [body]);
      return fields.map((f) => presentPanelField(f, request.params.id, account.uuid));
    },
  );
}
