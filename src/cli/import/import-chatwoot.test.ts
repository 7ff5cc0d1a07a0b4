import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { seedStandIn, standInApi, type StandIn } from '../../../test/helpers/chatwoot-standin.ts';
import { freePort } from '../../../bench/startup.ts';
import type { Db } from '../../db/pool.ts';
import { importChatwoot, type ImportResult } from './import-chatwoot.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/switchboard.js');

// The source: a Switchboard listening on 127.0.0.1, standing in for Chatwoot (it speaks the same API).
const port = await freePort();
const sourceUrl = `http://127.0.0.1:${port}`;
const source = await createTestContext({ PUBLIC_URL: sourceUrl });
await source.app.listen({ port, host: '127.0.0.1' });
// The target: another installation with a database of its own.
const target = await createTestContext();

const TABLES = [
  'inboxes',
  'inbox_members',
  'teams',
  'team_members',
  'labels',
  'custom_attribute_definitions',
  'canned_responses',
  'contacts',
  'contact_inboxes',
  'conversations',
  'messages',
  'attachments',
  'account_users',
] as const;

async function counts(db: Db, accountId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const tally = (result: ImportResult, phase: string) => result.tallies.find((t) => t.phase === phase)!;

describe('switchboard import chatwoot', () => {
  let account: Awaited<ReturnType<TestContext['account']>>;
  let seeded: StandIn;
  let imported: ImportResult;
  const options = () => ({ url: sourceUrl, token: account.api_access_token, accountId: account.account_id });

  beforeAll(async () => {
    account = await source.account('Source Co');
    seeded = await seedStandIn(sourceUrl, account.account_id, account.api_access_token, {
      contacts: 20,
      conversations: 12,
      messagesPerConversation: 4,
    });
  }, 120_000);

  it('--dry-run counts what it would copy and writes nothing', async () => {
    const before = await target.database.db.selectFrom('accounts').select('id').execute();
    const result = await importChatwoot(target.database.db, target.app.deps.storage, { ...options(), dryRun: true });
    expect(result.accountId).toBeNull();
    expect(tally(result, 'inboxes')).toMatchObject({ found: 3, copied: 3, existing: 0 });
    expect(tally(result, 'conversations')).toMatchObject({ found: 12, copied: 12 });
    const sourceCounts = await counts(source.database.db, account.account_id);
    expect(tally(result, 'messages').copied).toBe(sourceCounts.messages);
    expect(await target.database.db.selectFrom('accounts').select('id').execute()).toEqual(before);
    expect(await target.database.db.selectFrom('import_mappings').selectAll().execute()).toEqual([]);
  }, 60_000);

  it('copies every kind of record, counts equal to the source', async () => {
    const lines: string[] = [];
    imported = await importChatwoot(target.database.db, target.app.deps.storage, {
      ...options(),
      progress: (t) => lines.push(t.phase),
    });
    expect(imported.accountId).toEqual(expect.any(Number));
    expect(new Set(lines)).toEqual(
      new Set([
        'inboxes',
        'agents',
        'teams',
        'labels',
        'custom attributes',
        'canned responses',
        'contacts',
        'conversations',
        'messages',
      ]),
    );
    for (const t of imported.tallies) expect(t.skipped, `${t.phase}: ${imported.notes.join('; ')}`).toBe(0);
    expect(imported.notes.join('\n')).toMatch(/inbox "Website" \(Channel::WebWidget\) became an API inbox/);
    const want = await counts(source.database.db, account.account_id);
    const got = await counts(target.database.db, imported.accountId!);
    expect(got).toEqual(want);
    // Agents have no password; the source's administrator matched the target's by email.
    const ann = await target.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'ann@source.example')
      .executeTakeFirstOrThrow();
    expect(ann.password_hash).toBeNull();
  }, 120_000);

  it('keeps the records field by field', async () => {
    const from = standInApi(sourceUrl, account.account_id, account.api_access_token);
    const to = target.client(imported.admin!.api_access_token);
    const toBase = `/api/v1/accounts/${imported.accountId}`;
    const mapped = async (kind: string, id: number) =>
      Number(
        (
          await target.database.db
            .selectFrom('import_mappings')
            .select('target_id')
            .where('kind', '=', kind)
            .where('source_id', '=', String(id))
            .executeTakeFirstOrThrow()
        ).target_id,
      );

    const pick = (o: any, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    const sourceLabels = (await from.get('/labels')).payload.map((l: any) =>
      pick(l, ['title', 'description', 'color', 'show_on_sidebar']),
    );
    expect(
      (await to.get(`${toBase}/labels`)).body.payload.map((l: any) =>
        pick(l, ['title', 'description', 'color', 'show_on_sidebar']),
      ),
    ).toEqual(sourceLabels);
    const attrKeys = [
      'attribute_display_name',
      'attribute_display_type',
      'attribute_key',
      'attribute_model',
      'attribute_values',
    ];
    const byKey = (a: any, b: any) => a.attribute_key.localeCompare(b.attribute_key);
    expect(
      (await to.get(`${toBase}/custom_attribute_definitions`)).body.map((d: any) => pick(d, attrKeys)).sort(byKey),
    ).toEqual((await from.get('/custom_attribute_definitions')).map((d: any) => pick(d, attrKeys)).sort(byKey));
    const canned = (list: any[]) =>
      list.map((c) => pick(c, ['short_code', 'content'])).sort((a, b) => a.short_code.localeCompare(b.short_code));
    expect(canned((await to.get(`${toBase}/canned_responses`)).body)).toEqual(
      canned(await from.get('/canned_responses')),
    );
    const teamMembers = async (get: (p: string) => Promise<any>, teamId: number) =>
      (await get(`/teams/${teamId}/team_members`)).map((m: any) => m.email).sort();
    const toGet = async (p: string) => (await to.get(toBase + p)).body;
    expect(await teamMembers(toGet, await mapped('team', seeded.teamIds[1]))).toEqual(
      await teamMembers(from.get, seeded.teamIds[1]),
    );

    const contactKeys = [
      'name',
      'email',
      'phone_number',
      'identifier',
      'custom_attributes',
      'additional_attributes',
      'created_at',
    ];
    for (const id of [seeded.contactIds[0], seeded.contactIds[3], seeded.contactIds.at(-1)!]) {
      const a = (await from.get(`/contacts/${id}`)).payload;
      const b = (await to.get(`${toBase}/contacts/${await mapped('contact', id)}`)).body.payload;
      expect(pick(b, contactKeys)).toEqual(pick(a, contactKeys));
      expect(b.contact_inboxes.map((ci: any) => [ci.source_id, ci.inbox.name])).toEqual(
        a.contact_inboxes.map((ci: any) => [ci.source_id, ci.inbox.name]),
      );
    }

    const convKeys = ['status', 'priority', 'labels', 'custom_attributes', 'created_at'];
    const messageKeys = ['content', 'message_type', 'private', 'created_at', 'content_type'];
    for (const id of seeded.conversationIds.slice(0, 5)) {
      const a = await from.get(`/conversations/${id}`);
      const b = (
        await to.get(
          `${toBase}/conversations/${
            (
              await target.database.db
                .selectFrom('conversations')
                .select('display_id')
                .where('id', '=', await mapped('conversation', id))
                .executeTakeFirstOrThrow()
            ).display_id
          }`,
        )
      ).body;
      expect(pick(b, convKeys), `conversation ${id}`).toEqual(pick(a, convKeys));
      expect(b.meta.assignee?.email).toEqual(a.meta.assignee?.email);
      expect(b.meta.team?.name).toEqual(a.meta.team?.name);
      expect(b.meta.sender.name).toEqual(a.meta.sender.name);
      const am = (await from.get(`/conversations/${id}/messages`)).payload;
      const bm = (await to.get(`${toBase}/conversations/${b.id}/messages`)).body.payload;
      expect(bm.map((m: any) => ({ ...pick(m, messageKeys), sender: m.sender?.name ?? null }))).toEqual(
        am.map((m: any) => ({ ...pick(m, messageKeys), sender: m.sender?.name ?? null })),
      );
    }

    // The attachment: downloaded from the source and stored here, same bytes.
    const sourceFiles = (await from.get(`/conversations/${seeded.attachmentConversationId}/attachments`)).payload;
    const targetConversation = await target.database.db
      .selectFrom('conversations')
      .select('display_id')
      .where('id', '=', await mapped('conversation', seeded.attachmentConversationId))
      .executeTakeFirstOrThrow();
    const targetFiles = (await to.get(`${toBase}/conversations/${targetConversation.display_id}/attachments`)).body
      .payload;
    expect(targetFiles.map((f: any) => pick(f, ['file_type', 'extension', 'file_size']))).toEqual(
      sourceFiles.map((f: any) => pick(f, ['file_type', 'extension', 'file_size'])),
    );
    const stored = await target.database.db
      .selectFrom('attachments')
      .select(['storage_key', 'file_size'])
      .where('account_id', '=', imported.accountId!)
      .executeTakeFirstOrThrow();
    expect(stored.storage_key).toEqual(expect.any(String));
    const original = Buffer.from(await (await fetch(sourceFiles[0].data_url)).arrayBuffer());
    const chunks: Buffer[] = [];
    for await (const chunk of (await target.app.deps.storage.get(stored.storage_key!))!.body)
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(original);
  }, 60_000);

  it('a second run through the CLI binary duplicates nothing', async () => {
    const before = await counts(target.database.db, imported.accountId!);
    const args = [
      'import',
      'chatwoot',
      '--url',
      sourceUrl,
      '--token',
      account.api_access_token,
      '--account',
      String(account.account_id),
      '--json',
    ];
    const env = {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: target.config.databaseUrl!,
      DATA_DIR: target.config.dataDir,
    };
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
    expect(stderr).toMatch(/^conversations\s+12 found\s+0 copied\s+12 already here/m);
    const again = JSON.parse(stdout) as ImportResult;
    expect(again.accountId).toBe(imported.accountId);
    for (const t of again.tallies) expect(t, t.phase).toMatchObject({ copied: 0, existing: t.found, skipped: 0 });
    expect(await counts(target.database.db, imported.accountId!)).toEqual(before);
    const human = await run(process.execPath, [BIN, ...args.slice(0, -1), '--dry-run'], { env, timeout: 120_000 });
    expect(human.stdout).toMatch(/^messages\s+\d+\s+0\s+\d+\s+0$/m);
    expect(human.stdout).toMatch(/Dry run: nothing was written/);
  }, 120_000);
});
