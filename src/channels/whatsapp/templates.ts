import type { Db } from '../../db/pool.ts';
import type { Inbox } from '../../db/types.ts';
import { unprocessable } from '../../errors.ts';
import { ProviderError, type ChannelContext } from '../adapter.ts';
import { callGraph } from './api.ts';
import { openCredentials } from './credentials.ts';

interface TemplatePage {
  data?: Record<string, unknown>[];
  paging?: { next?: string };
}

/** At most this many pages of templates are read (Meta pages them 25 at a time by default). */
const MAX_PAGES = 20;

/** The business account's message templates (GET /{waba_id}/message_templates, following `paging.next`). */
export async function fetchTemplates(
  ctx: ChannelContext,
  apiKey: string,
  businessAccountId: string,
): Promise<Record<string, unknown>[]> {
  const templates: Record<string, unknown>[] = [];
  let path: string | undefined = `${encodeURIComponent(businessAccountId)}/message_templates`;
  for (let page = 0; path && page < MAX_PAGES; page++) {
    const answer: TemplatePage = await callGraph<TemplatePage>(ctx.config, apiKey, path);
    templates.push(...(answer.data ?? []));
    const next = answer.paging?.next;
    // Only Meta's own next page (same host as the setting) is followed.
    path = next?.startsWith(ctx.config.channels.whatsappCloudBaseUrl + '/') ? next : undefined;
  }
  return templates;
}

/** Keeps the templates on the inbox's channel settings, where the inbox payload lists them (Chatwoot's `message_templates`). */
export async function storeTemplates(db: Db, inbox: Inbox, templates: Record<string, unknown>[]): Promise<Inbox> {
  const channel = {
    ...(inbox.channel as Record<string, unknown>),
    message_templates: templates,
    message_templates_last_updated: new Date().toISOString(),
  };
  return db
    .updateTable('inboxes')
    .set({ channel: JSON.stringify(channel), updated_at: new Date() })
    .where('id', '=', inbox.id)
    .where('account_id', '=', inbox.account_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Chatwoot's `POST …/inboxes/:id/sync_templates` (done at once here rather than in a job): the business
 * account's templates fetched again and kept on the inbox. 422 for an inbox that is not WhatsApp, or when Meta
 * refuses or does not answer.
 */
export async function syncInboxTemplates(ctx: ChannelContext, inbox: Inbox): Promise<Inbox> {
  if (inbox.channel_type !== 'Channel::Whatsapp')
    throw unprocessable('Template sync is only available for WhatsApp channels');
  const channel = await ctx.db
    .selectFrom('channel_whatsapp')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirst();
  if (!channel) throw unprocessable('Template sync is only available for WhatsApp channels');
  try {
    return await storeTemplates(
      ctx.db,
      inbox,
      await fetchTemplates(ctx, openCredentials(ctx, channel).api_key, channel.business_account_id),
    );
  } catch (error) {
    if (error instanceof ProviderError) throw unprocessable(`Template sync failed: ${error.reason}`);
    throw error;
  }
}
