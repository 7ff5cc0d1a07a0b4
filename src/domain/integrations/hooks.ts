import type { Db } from '../../db/pool.ts';
import type { IntegrationHook, SlackHookSettings } from '../../db/types.ts';
import { deleteInAccount, updateInAccount } from '../../db/scoped.ts';
import { notFound, validation } from '../../errors.ts';
import { checkWebhookUrl } from '../webhooks/ssrf.ts';

/**
 * Integration hooks (Chatwoot's `/integrations/hooks`): an app enabled for the account or one of its inboxes.
 * Slack is the one app here that takes hooks; it is configured with a Slack incoming-webhook URL
 * (`settings.webhook_url`) instead of Chatwoot's OAuth install, and posts new conversations and public messages
 * there (domain/integrations/slack.ts).
 */
export const HOOK_APPS = ['slack'] as const;

export interface HookInput {
  app_id?: string;
  inbox_id?: number | null;
  /** Chatwoot sends `status` as "enabled"/"disabled" (or a boolean). */
  status?: unknown;
  settings?: Record<string, unknown>;
}

/**
 * The settings a Slack hook runs on. The URL passes the same network guard as a webhook's (a loopback or
 * private address refused unless private networks are allowed), vetted again at every delivery.
 */
async function slackSettings(
  settings: Record<string, unknown> | undefined,
  allowPrivateNetworks: boolean,
): Promise<SlackHookSettings> {
  const raw = settings?.webhook_url;
  if (typeof raw !== 'string' || !raw.trim())
    throw validation(
      'settings.webhook_url must be the Slack incoming webhook URL (https://hooks.slack.com/services/...)',
      ['settings'],
    );
  const url = raw.trim();
  if (url.length > 2048) throw validation('settings.webhook_url is too long', ['settings']);
  await checkWebhookUrl(url, allowPrivateNetworks, 'settings.webhook_url');
  return { webhook_url: url };
}

function enabledFrom(status: unknown): boolean | undefined {
  if (status === undefined || status === null) return undefined;
  if (status === true || status === 'enabled' || status === 'true') return true;
  if (status === false || status === 'disabled' || status === 'false') return false;
  throw validation('Status must be enabled or disabled', ['status']);
}

async function inboxInAccount(db: Db, accountId: number, inboxId: number): Promise<void> {
  const inbox = await db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (!inbox) throw validation('Inbox must belong to this account', ['inbox_id']);
}

/** A hook with its inbox's name (Chatwoot shows `inbox: {id, name}`). */
export type HookWithInbox = IntegrationHook & { inbox_name: string | null };

function withInboxes(db: Db, accountId: number) {
  return db
    .selectFrom('integration_hooks as h')
    .leftJoin('inboxes as i', 'i.id', 'h.inbox_id')
    .selectAll('h')
    .select('i.name as inbox_name')
    .where('h.account_id', '=', accountId);
}

export function listHooks(db: Db, accountId: number): Promise<HookWithInbox[]> {
  return withInboxes(db, accountId).orderBy('h.id').execute();
}

export async function getHook(db: Db, accountId: number, id: number): Promise<HookWithInbox> {
  const hook = await withInboxes(db, accountId).where('h.id', '=', id).executeTakeFirst();
  if (!hook) throw notFound();
  return hook;
}

/** Creates a hook of an app that takes hooks (`appId` already checked by the caller: refuseHook for the rest). */
export async function createHook(
  db: Db,
  accountId: number,
  input: HookInput,
  allowPrivateNetworks: boolean,
): Promise<HookWithInbox> {
  const settings = await slackSettings(input.settings, allowPrivateNetworks);
  if (input.inbox_id) await inboxInAccount(db, accountId, input.inbox_id);
  const hook = await db
    .insertInto('integration_hooks')
    .values({
      account_id: accountId,
      app_id: 'slack',
      inbox_id: input.inbox_id ?? null,
      enabled: enabledFrom(input.status) ?? true,
      settings: JSON.stringify(settings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getHook(db, accountId, hook.id);
}

/** Chatwoot's update takes `status` and `settings` (a hook's app and inbox stay what they were). */
export async function updateHook(
  db: Db,
  accountId: number,
  id: number,
  input: HookInput,
  allowPrivateNetworks: boolean,
): Promise<HookWithInbox> {
  const current = await getHook(db, accountId, id);
  const enabled = enabledFrom(input.status);
  const settings =
    input.settings === undefined
      ? undefined
      : await slackSettings({ ...current.settings, ...input.settings }, allowPrivateNetworks);
  await updateInAccount(db, 'integration_hooks', accountId, id, {
    ...(enabled === undefined ? {} : { enabled }),
    ...(settings === undefined ? {} : { settings: JSON.stringify(settings) }),
  });
  return getHook(db, accountId, id);
}

export function deleteHook(db: Db, accountId: number, id: number): Promise<void> {
  return deleteInAccount(db, 'integration_hooks', accountId, id);
}
