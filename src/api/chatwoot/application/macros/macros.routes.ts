import { Type } from 'typebox';
import type { App, AccountAuth } from '../../../types.ts';
import {
  createMacro,
  deleteMacro,
  getMacro,
  listMacros,
  updateMacro,
  type MacroCaller,
} from '../../../../domain/macros/commands.ts';
import { queueMacroRun } from '../../../../domain/macros/runs.ts';
import type { Macro } from '../../../../db/types.ts';
import { claimActionFiles } from '../../../../domain/action_files/action-files.ts';
import { attachFileRoute } from '../attach-file.ts';
import {
  CreateBody,
  ExecuteBody,
  MacroListPayload,
  MacroParams,
  MacroPayload,
  UpdateBody,
  presentMacros,
} from './schema.ts';

const tags = ['Macros'];

const callerOf = (auth: AccountAuth): MacroCaller => ({
  accountId: auth.account.id,
  userId: auth.user!.id,
  actor: auth.actor,
});

/** Chatwoot's macros: every member lists global macros and their own; MacroPolicy decides per record (domain/macros). */
export default async function macroRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const publicUrl = app.deps.config.publicUrl;
  const one = async (macro: Macro) => ({ payload: (await presentMacros(db, [macro], publicUrl))[0]! });
  /** Saved: the uploads its send_attachment actions name become its files (Chatwoot's process_attachments). */
  async function claimed(macro: Macro) {
    await claimActionFiles(db, macro.account_id, { macro_id: macro.id }, macro.actions);
    return one(macro);
  }

  app.get(
    '/macros',
    { config: { policy: 'macros.use' }, schema: { tags, summary: 'List macros', response: { 200: MacroListPayload } } },
    async (request) => ({ payload: await presentMacros(db, await listMacros(db, callerOf(request.auth)), publicUrl) }),
  );

  attachFileRoute(app, '/macros/attach_file', 'macros.use', tags[0]!);

  app.get(
    '/macros/:id',
    {
      config: { policy: 'macros.use' },
      schema: { tags, summary: 'Show a macro', params: MacroParams, response: { 200: MacroPayload } },
    },
    async (request) => one(await getMacro(db, callerOf(request.auth), request.params.id)),
  );

  app.post(
    '/macros',
    {
      config: { policy: 'macros.use', bodyWrapper: 'macro' },
      schema: { tags, summary: 'Create a macro', body: CreateBody, response: { 200: MacroPayload } },
    },
    async (request) => claimed(await createMacro(db, callerOf(request.auth), request.body)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/macros/:id',
    config: { policy: 'macros.use', bodyWrapper: 'macro' },
    schema: { tags, summary: 'Update a macro', params: MacroParams, body: UpdateBody, response: { 200: MacroPayload } },
    handler: async (request) => claimed(await updateMacro(db, callerOf(request.auth), request.params.id, request.body)),
  });

  app.delete(
    '/macros/:id',
    { config: { policy: 'macros.use' }, schema: { tags, summary: 'Delete a macro', params: MacroParams } },
    async (request, reply) => {
      await deleteMacro(db, callerOf(request.auth), request.params.id);
      return reply.status(200).send();
    },
  );

  app.post(
    '/macros/:id/execute',
    {
      config: { policy: 'macros.use' },
      schema: {
        tags,
        summary: 'Run a macro on conversations (later, in order)',
        params: MacroParams,
        body: ExecuteBody,
        response: { 200: Type.Null() },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request.auth);
      const macro = await getMacro(db, caller, request.params.id);
      await queueMacroRun(
        db,
        macro,
        caller.userId,
        request.body.conversation_ids.map(Number).filter((id) => Number.isInteger(id) && id > 0),
      );
      return reply.status(200).send(null);
    },
  );
}
