import type { Inbox } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { createInbox, type InboxInput } from '../../domain/inboxes/commands.ts';
import { ProviderError, type ChannelContext } from '../adapter.ts';
import { sealCredential } from '../../domain/auth/credentials.ts';
import { fetchTemplates } from './templates.ts';

export const WHATSAPP_CHANNEL_TYPE = 'Channel::Whatsapp';
export const WHATSAPP_PROVIDER = 'whatsapp_cloud';

/** A phone number in E.164 (Chatwoot's validation): "+" then up to 15 digits. */
const E164 = /^\+[1-9]\d{1,14}$/;
/** Meta's ids are digits; anything else would only change the paths we call. */
const GRAPH_ID = /^\d{1,30}$/;

function text(config: Record<string, unknown>, key: string, max = 1000): string {
  const value = config[key];
  return typeof value === 'string' && value.trim().length <= max ? value.trim() : '';
}

/** The provider_config an administrator reads back: the ids and verify token, never the access token or app secret. */
export function publicProviderConfig(config: {
  phone_number_id: string;
  business_account_id: string;
  webhook_verify_token: string;
  app_secret?: string | null;
}) {
  return {
    phone_number_id: config.phone_number_id,
    business_account_id: config.business_account_id,
    webhook_verify_token: config.webhook_verify_token,
    app_secret_configured: Boolean(config.app_secret),
  };
}

/**
 * Chatwoot's WhatsApp Cloud inbox: `{phone_number, provider: "whatsapp_cloud", provider_config: {api_key,
 * phone_number_id, business_account_id, webhook_verify_token, app_secret?}}`. The access token is proved by
 * fetching the business account's templates (Chatwoot's check; 422 when Meta refuses it), which the inbox keeps.
 */
export async function createWhatsappInbox(
  ctx: ChannelContext,
  accountId: number,
  input: InboxInput,
  channel: Record<string, unknown>,
): Promise<Inbox> {
  if (!input.name?.trim()) throw validation("Name can't be blank", ['name']);
  const phoneNumber = typeof channel.phone_number === 'string' ? channel.phone_number.trim() : '';
  if (!E164.test(phoneNumber)) throw validation('Phone number should be in e164 format', ['channel.phone_number']);
  const provider = channel.provider ?? WHATSAPP_PROVIDER;
  if (provider !== WHATSAPP_PROVIDER)
    throw validation(`Provider ${String(provider)} is not supported (only whatsapp_cloud)`, ['channel.provider']);
  const config = (channel.provider_config ?? {}) as Record<string, unknown>;
  const apiKey = text(config, 'api_key');
  const phoneNumberId = text(config, 'phone_number_id', 30);
  const businessAccountId = text(config, 'business_account_id', 30);
  const verifyToken = text(config, 'webhook_verify_token', 200);
  const appSecret = text(config, 'app_secret', 200) || null;
  if (!apiKey || !GRAPH_ID.test(phoneNumberId) || !GRAPH_ID.test(businessAccountId)) {
    throw validation('Provider config Invalid provider config', ['channel.provider_config']);
  }
  if (!verifyToken)
    throw validation("Provider config webhook_verify_token can't be blank", ['channel.provider_config']);
  const { db } = ctx;
  if (await db.selectFrom('channel_whatsapp').select('id').where('phone_number', '=', phoneNumber).executeTakeFirst()) {
    throw validation('Phone number has already been taken', ['channel.phone_number']);
  }
  let templates: Record<string, unknown>[];
  try {
    templates = await fetchTemplates(ctx, apiKey, businessAccountId);
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable)
      throw validation(`Provider config Invalid provider config: ${error.reason}`, ['channel.provider_config']);
    throw validation('Provider config could not be checked: WhatsApp did not answer', ['channel.provider_config']);
  }
  const providerConfig = publicProviderConfig({
    phone_number_id: phoneNumberId,
    business_account_id: businessAccountId,
    webhook_verify_token: verifyToken,
    app_secret: appSecret,
  });
  const settings = {
    phone_number: phoneNumber,
    provider: WHATSAPP_PROVIDER,
    provider_config: providerConfig,
    message_templates: templates,
  };
  return createInbox(db, accountId, WHATSAPP_CHANNEL_TYPE, { ...input, channel: settings }, async (trx, inbox) => {
    await trx
      .insertInto('channel_whatsapp')
      .values({
        account_id: accountId,
        inbox_id: inbox.id,
        phone_number: phoneNumber,
        phone_number_id: phoneNumberId,
        business_account_id: businessAccountId,
        api_key: sealCredential(ctx.config, apiKey),
        webhook_verify_token: verifyToken,
        app_secret: appSecret === null ? null : sealCredential(ctx.config, appSecret),
      })
      .execute();
  });
}

/** Nothing to undo at Meta: the webhook is the app's, not the inbox's. */
export async function beforeWhatsappDelete(): Promise<() => Promise<void>> {
  return async () => {};
}
