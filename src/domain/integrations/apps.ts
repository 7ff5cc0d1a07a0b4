import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';
import { HOOK_APPS, listHooks, type HookWithInbox } from './hooks.ts';

/**
 * Chatwoot's integration catalogue, as far as Switchboard can honestly run it. Only apps that work here are
 * listed; an app is never enabled through a hook that would then do nothing.
 *
 * - `webhook`: the account's webhooks (`/webhooks`). Enabled when the account has one; like Chatwoot, it
 *   takes no integration hooks (webhooks are their own resource).
 * - `slack`: notifications of new conversations and public messages posted to a Slack incoming webhook
 *   (a hook's `settings.webhook_url`; Chatwoot installs Slack by OAuth instead). Enabled while the account has
 *   an enabled Slack hook. Replies from Slack do not come back (Chatwoot's Slack threads do).
 * - Chatwoot's other apps (Dialogflow, OpenAI, Linear, ...) need services Switchboard does not run:
 *   they are not listed, and a hook for one is refused with a 422 that says so.
 */
export interface IntegrationApp {
  id: string;
  name: string;
  description: string;
  shortDescription: string;
  /** Where the dashboard configures it (Chatwoot's `action`). */
  action: string;
  enabled: boolean;
  hooks: HookWithInbox[];
}

const CHATWOOT_ONLY_APPS = new Set([
  'dashboard_apps',
  'openai',
  'linear',
  'notion',
  'dialogflow',
  'google_translate',
  'dyte',
  'shopify',
  'leadsquared',
]);

export async function listIntegrationApps(db: Db, accountId: number): Promise<IntegrationApp[]> {
  const [webhook, hooks] = await Promise.all([
    db
      .selectFrom('webhooks')
      .select('id')
      .where('account_id', '=', accountId)
      .where('dialect', '=', 'chatwoot')
      .limit(1)
      .executeTakeFirst(),
    listHooks(db, accountId),
  ]);
  const slackHooks = hooks.filter((h) => h.app_id === 'slack');
  return [
    {
      id: 'webhook',
      name: 'Webhooks',
      description:
        'Events of this account (messages, conversations, contacts) posted as they happen to the URLs you choose, signed with each webhook’s secret.',
      shortDescription: 'Send account events to your own URLs.',
      action: '/webhook',
      enabled: webhook !== undefined,
      hooks: [],
    },
    {
      id: 'slack',
      name: 'Slack',
      description:
        'New conversations and every public message (incoming and outgoing, never private notes) posted to a Slack channel through a Slack incoming webhook, for the whole account or one inbox. Replies from Slack are not brought back.',
      shortDescription: 'Notify a Slack channel of new conversations and messages.',
      action: '/slack',
      enabled: slackHooks.some((h) => h.enabled),
      hooks: slackHooks,
    },
  ];
}

/** The app a hook may be created for (`slack`), or a 422 with the reason that applies. */
export function hookApp(appId: string | undefined): (typeof HOOK_APPS)[number] {
  const id = appId?.trim();
  const found = HOOK_APPS.find((app) => app === id);
  if (found) return found;
  if (!id) throw validation("App can't be blank", ['app_id']);
  if (id === 'webhook')
    throw validation(
      'The webhook app takes no hooks: create webhooks with POST /api/v1/accounts/{account_id}/webhooks',
      ['app_id'],
    );
  if (CHATWOOT_ONLY_APPS.has(id))
    throw validation(`Switchboard does not run the ${id} integration, so it cannot be enabled`, ['app_id']);
  throw validation(`There is no integration app ${id}`, ['app_id']);
}
