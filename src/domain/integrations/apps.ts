import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';

/**
 * Chatwoot's integration catalogue, as far as Switchboard can honestly run it. Only apps that work here are
 * listed; an app is never enabled through a hook that would then do nothing.
 *
 * - `webhook`: the account's webhooks (`/webhooks`). Enabled when the account has one; like Chatwoot, it
 *   takes no integration hooks (webhooks are their own resource).
 * - Chatwoot's other apps (Slack, Dialogflow, OpenAI, Linear, ...) need services Switchboard does not run:
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
}

const CHATWOOT_ONLY_APPS = new Set([
  'dashboard_apps', 'openai', 'linear', 'notion', 'slack', 'dialogflow', 'google_translate', 'dyte', 'shopify', 'leadsquared',
]);

export async function listIntegrationApps(db: Db, accountId: number): Promise<IntegrationApp[]> {
  const webhook = await db
    .selectFrom('webhooks')
    .select('id')
    .where('account_id', '=', accountId)
    .where('dialect', '=', 'chatwoot')
    .limit(1)
    .executeTakeFirst();
  return [
    {
      id: 'webhook',
      name: 'Webhooks',
      description: 'Events of this account (messages, conversations, contacts) posted as they happen to the URLs you choose, signed with each webhook’s secret.',
      shortDescription: 'Send account events to your own URLs.',
      action: '/webhook',
      enabled: webhook !== undefined,
    },
  ];
}

/**
 * Why a hook for `appId` cannot be created: Switchboard has no app that takes hooks yet, so every create is
 * refused, each with the reason that applies.
 */
export function refuseHook(appId: string | undefined): never {
  const id = appId?.trim();
  if (!id) throw validation("App can't be blank", ['app_id']);
  if (id === 'webhook') throw validation('The webhook app takes no hooks: create webhooks with POST /api/v1/accounts/{account_id}/webhooks', ['app_id']);
  if (CHATWOOT_ONLY_APPS.has(id)) throw validation(`Switchboard does not run the ${id} integration, so it cannot be enabled`, ['app_id']);
  throw validation(`There is no integration app ${id}`, ['app_id']);
}
