import type { App } from '../../../types.ts';
import type { AutomationAction, AutomationCondition } from '../../../../db/types.ts';
import {
  cloneRule,
  deleteRule,
  getRule,
  insertRule,
  listRules,
  listRuns,
  saveRule,
} from '../../../../domain/automation_rules/repository.ts';
import { validateRule } from '../../../../domain/automation_rules/validate.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import type { AutomationRule } from '../../../../db/types.ts';
import { claimActionFiles, filesOfOwners } from '../../../../domain/action_files/action-files.ts';
import { filesByOwner } from '../../presenters/action-file.ts';
import { attachFileRoute } from '../attach-file.ts';
import { pageNumber } from '../contacts/pages.ts';
import {
  CreateBody,
  ListQuery,
  ListResponse,
  OneResponse,
  RuleParams,
  RuleSchema,
  RunsResponse,
  UpdateBody,
  presentRule,
  presentRun,
  type CreateInput,
} from './schema.ts';

const tags = ['Automation rules'];
const config = { policy: 'automation_rules.manage' } as const;

const conditionsOf = (body: Partial<Pick<CreateInput, 'conditions'>>) =>
  body.conditions?.map((c) => ({ ...c, values: c.values ?? [] })) as AutomationCondition[] | undefined;
const actionsOf = (body: Partial<Pick<CreateInput, 'actions'>>) =>
  body.actions?.map((a) => ({ ...a, action_params: a.action_params ?? [] })) as AutomationAction[] | undefined;

export default async function automationRuleRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const allowPrivate = app.deps.config.webhooks.allowPrivateNetworks;
  /** Rules with their send_attachment files (one statement for any number of rules). */
  async function present(rules: AutomationRule[]) {
    const files = rules.length
      ? filesByOwner(
          await filesOfOwners(
            db,
            rules[0].account_id,
            'automation_rule_id',
            rules.map((r) => r.id),
          ),
          'automation_rule_id',
          app.deps.config.publicUrl,
        )
      : new Map();
    return rules.map((rule) => presentRule(rule, files.get(rule.id)));
  }
  const presentOne = async (rule: AutomationRule) => (await present([rule]))[0]!;
  /** Saved: the uploads its send_attachment actions name become its files (Chatwoot's process_attachments). */
  async function claimed(rule: AutomationRule) {
    await claimActionFiles(db, rule.account_id, { automation_rule_id: rule.id }, rule.actions);
    return presentOne(rule);
  }

  app.get(
    '/automation_rules',
    {
      config,
      schema: { tags, summary: 'List automation rules', querystring: ListQuery, response: { 200: ListResponse } },
    },
    async (request) => ({
      payload: await present(await listRules(db, request.auth.account.id)),
    }),
  );

  app.get(
    '/automation_rules/:id',
    {
      config,
      schema: { tags, summary: 'Show an automation rule', params: RuleParams, response: { 200: OneResponse } },
    },
    async (request) => ({
      payload: await presentOne(await getRule(db, request.auth.account.id, request.params.id)),
    }),
  );

  attachFileRoute(app, '/automation_rules/attach_file', config.policy, tags[0]!);

  // Chatwoot answers a create with the bare rule, everything else wrapped in `payload`.
  app.post(
    '/automation_rules',
    { config, schema: { tags, summary: 'Create an automation rule', body: CreateBody, response: { 200: RuleSchema } } },
    async (request) => {
      const accountId = request.auth.account.id;
      const rule = { ...request.body, conditions: conditionsOf(request.body) ?? [], actions: actionsOf(request.body)! };
      await validateRule(db, accountId, rule, allowPrivate);
      return claimed(await insertRule(db, accountId, rule));
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/automation_rules/:id',
    config,
    schema: {
      tags,
      summary: 'Update an automation rule (active: false pauses it)',
      params: RuleParams,
      body: UpdateBody,
      response: { 200: OneResponse },
    },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      const current = await getRule(db, accountId, request.params.id);
      const changes = { ...request.body, conditions: conditionsOf(request.body), actions: actionsOf(request.body) };
      await validateRule(
        db,
        accountId,
        {
          event_name: changes.event_name ?? current.event_name,
          conditions: changes.conditions ?? current.conditions,
          actions: changes.actions ?? current.actions,
        },
        allowPrivate,
      );
      return { payload: await claimed(await saveRule(db, accountId, current.id, changes)) };
    },
  });

  app.delete(
    '/automation_rules/:id',
    { config, schema: { tags, summary: 'Delete an automation rule', params: RuleParams, response: { 200: Empty } } },
    async (request, reply) => {
      await deleteRule(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );

  app.post(
    '/automation_rules/:id/clone',
    {
      config,
      schema: { tags, summary: 'Copy an automation rule', params: RuleParams, response: { 200: OneResponse } },
    },
    async (request) => ({
      payload: await presentOne(await cloneRule(db, request.auth.account.id, request.params.id)),
    }),
  );

  app.get(
    '/automation_rules/:id/runs',
    {
      config,
      schema: {
        tags,
        summary: 'Execution log of a rule (beyond Chatwoot): runs newest first, 25 a page, with their HTTP calls',
        params: RuleParams,
        querystring: ListQuery,
        response: { 200: RunsResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getRule(db, accountId, request.params.id);
      const page = pageNumber(request.query.page);
      const runs = await listRuns(db, accountId, request.params.id, page);
      return { payload: runs.map(({ run, calls }) => presentRun(run, calls)), meta: { current_page: page } };
    },
  );
}
