/** send_attachment for rules and macros: Chatwoot's attach_file upload, files[] in their JSON, the message sent with the file. */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { formData, PNG_PIXEL } from '../helpers/multipart.ts';
import { performNextMacroRun } from '../../src/domain/macros/runs.ts';
import { removeUnclaimedActionFiles } from '../../src/domain/action_files/action-files.ts';
import { createRule, settle } from './helpers.ts';

const ctx = await createTestContext({}, { worker: true, automation: true, logger: { level: 'error' } });
const acme = await conversationFixture(ctx, 'AcmeFiles');
const globex = await conversationFixture(ctx, 'GlobexFiles');
const agent = await ctx.member(acme.account.account_id, 'agent', 'Ada Files');
const { api, base } = acme;

async function attach(path: string, token = acme.account.api_access_token, field = 'attachment') {
  const form = formData({}, [{ field, filename: 'pixel.png', type: 'image/png', body: PNG_PIXEL }]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: path,
    headers: { api_access_token: token, 'content-type': form.contentType },
    payload: form.payload,
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}
const messages = async (id: number) => (await api.get(`${base}/conversations/${id}/messages`)).body.payload as any[];

describe('send_attachment', () => {
  it('automation rule: attach_file answers the blob, the rule shows it in files[], the action sends it; a clone sends nothing', async () => {
    const uploaded = await attach(`${base}/automation_rules/attach_file`);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect(uploaded.body).toEqual({ blob_key: expect.any(String), blob_id: expect.any(Number) });
    const rule = await createRule(api, base, {
      event_name: 'conversation_created',
      conditions: [
        { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [acme.inbox.id], query_operator: null },
      ],
      actions: [{ action_name: 'send_attachment', action_params: [uploaded.body.blob_id] }],
    });
    const shown = (await api.get(`${base}/automation_rules/${rule.id}`)).body.payload;
    expect(shown.files).toEqual([
      {
        id: uploaded.body.blob_id,
        automation_rule_id: rule.id,
        file_type: 'image/png',
        account_id: acme.account.account_id,
        file_url: expect.stringContaining(uploaded.body.blob_key),
        blob_id: uploaded.body.blob_id,
        filename: 'pixel.png',
      },
    ]);
    const file = await ctx.app.inject({ method: 'GET', url: new URL(shown.files[0].file_url).pathname });
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, PNG_PIXEL)).toBe(0);

    const clone = (await api.post(`${base}/automation_rules/${rule.id}/clone`)).body.payload;
    expect(clone.files).toBeUndefined();

    const c = await acme.openConversation();
    await settle(ctx);
    const sent = (await messages(c.id)).filter((m) => m.attachments?.length);
    // The rule sends it once; its clone owns no file and sends nothing (as in Chatwoot).
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      message_type: 1,
      content: null,
      content_attributes: { automation_rule_id: rule.id },
    });
    const download = await ctx.app.inject({ method: 'GET', url: new URL(sent[0].attachments[0].data_url).pathname });
    expect(Buffer.compare(download.rawPayload, PNG_PIXEL)).toBe(0);
    // Each message owns a copy: the rule's file stays when the message goes.
    expect(sent[0].attachments[0].data_url).not.toContain(uploaded.body.blob_key);
    await api.patch(`${base}/automation_rules/${rule.id}`, { active: false });
    await api.patch(`${base}/automation_rules/${clone.id}`, { active: false });
  });

  it('macro: attach_file, files[] on the macro, execute sends the file as the agent; another account cannot claim the blob', async () => {
    const uploaded = await attach(`${base}/macros/attach_file`, agent.token);
    expect(uploaded.status).toBe(200);
    const foreign = await globex.api.post(`${globex.base}/macros`, {
      name: 'Steal',
      actions: [{ action_name: 'send_attachment', action_params: [uploaded.body.blob_id] }],
    });
    expect(foreign.status).toBe(200);
    expect(foreign.body.payload.files).toBeUndefined();

    const macro = (
      await agent.api.post(`${base}/macros`, {
        name: 'Send pixel',
        actions: [{ action_name: 'send_attachment', action_params: [String(uploaded.body.blob_id)] }],
      })
    ).body.payload;
    expect(macro.files).toEqual([
      expect.objectContaining({ macro_id: macro.id, blob_id: uploaded.body.blob_id, filename: 'pixel.png' }),
    ]);
    await ctx.database.db
      .insertInto('inbox_members')
      .values({ account_id: acme.account.account_id, inbox_id: acme.inbox.id, user_id: agent.userId })
      .execute();
    const c = await acme.openConversation();
    expect((await agent.api.post(`${base}/macros/${macro.id}/execute`, { conversation_ids: [c.id] })).status).toBe(200);
    while (await performNextMacroRun(ctx.database.db, ctx.app.deps.mailer, ctx.app.deps.storage));
    const sent = (await messages(c.id)).filter((m) => m.attachments?.length);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ message_type: 1, sender: { id: agent.userId } });

    // Deleting the macro removes its files.
    await agent.api.delete(`${base}/macros/${macro.id}`);
    expect(
      await ctx.database.db
        .selectFrom('action_files')
        .select('id')
        .where('id', '=', uploaded.body.blob_id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('an upload no rule or macro claims is removed after the grace period, its object with it', async () => {
    const uploaded = await attach(`${base}/macros/attach_file`);
    const row = await ctx.database.db
      .selectFrom('action_files')
      .selectAll()
      .where('id', '=', uploaded.body.blob_id)
      .executeTakeFirstOrThrow();
    expect(await removeUnclaimedActionFiles(ctx.database.db, 60_000)).toBe(0);
    await ctx.database.db
      .updateTable('action_files')
      .set({ created_at: new Date(Date.now() - 120_000) })
      .where('id', '=', row.id)
      .execute();
    expect(await removeUnclaimedActionFiles(ctx.database.db, 60_000)).toBe(1);
    const orphan = await ctx.database.db
      .selectFrom('storage_orphans')
      .selectAll()
      .where('storage_key', '=', row.storage_key)
      .executeTakeFirst();
    expect(orphan?.reason).toBe('deleted');
  });

  it("a rule's send_message renders variables, the agent being the conversation's assignee", async () => {
    await ctx.database.db
      .insertInto('inbox_members')
      .values({ account_id: acme.account.account_id, inbox_id: acme.inbox.id, user_id: agent.userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const rule = await createRule(api, base, {
      event_name: 'conversation_created',
      conditions: [
        { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [acme.inbox.id], query_operator: null },
      ],
      actions: [
        {
          action_name: 'send_message',
          action_params: [
            'Hi {{contact.first_name}}, {{agent.first_name}} will help with #{{conversation.display_id}}',
          ],
        },
      ],
    });
    const c = await acme.openConversation(api, { assignee_id: agent.userId });
    await settle(ctx);
    expect((await messages(c.id)).map((m) => m.content)).toContain(`Hi Jane, Ada will help with #${c.id}`);
    await api.patch(`${base}/automation_rules/${rule.id}`, { active: false });
  });

  it('attach_file without a file is 422; another account path is refused', async () => {
    expect((await attach(`${base}/macros/attach_file`, acme.account.api_access_token, 'other')).status).toBe(422);
    expect((await attach(`${globex.base}/automation_rules/attach_file`)).status).toBe(401);
    // Automation rules are for administrators.
    expect((await attach(`${base}/automation_rules/attach_file`, agent.token)).status).toBe(401);
  });
});
