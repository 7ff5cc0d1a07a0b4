import type { TestContext } from './context.ts';
import { conversationFixture } from './fixtures.ts';

/**
 * An account with an API inbox and a contact (through the Chatwoot API), plus `wts`: the administrator's
 * token speaking the WTS dialect (`Authorization: Bearer`). Sessions are opened through Chatwoot and read
 * back through WTS, which is the point: one store, two dialects.
 */
export async function wtsFixture(ctx: TestContext, name = 'Acme') {
  const f = await conversationFixture(ctx, name);
  const wts = ctx.client(undefined, { authorization: `Bearer ${f.account.api_access_token}` });
  const db = ctx.database.db;
  const account = await db
    .selectFrom('accounts')
    .select('uuid')
    .where('id', '=', f.account.account_id)
    .executeTakeFirstOrThrow();
  const inbox = await db.selectFrom('inboxes').select('uuid').where('id', '=', f.inbox.id).executeTakeFirstOrThrow();
  const contact = await db
    .selectFrom('contacts')
    .select('uuid')
    .where('id', '=', f.contact.id)
    .executeTakeFirstOrThrow();

  /** Opens a conversation through the Chatwoot API; answers its display id and its WTS session id. */
  async function openSession(body: Record<string, unknown> = {}) {
    const conversation = await f.openConversation(f.api, body);
    return { displayId: conversation.id as number, id: conversation.uuid as string };
  }

  async function userUuid(userId: number): Promise<string> {
    return (await db.selectFrom('users').select('uuid').where('id', '=', userId).executeTakeFirstOrThrow()).uuid;
  }

  return { ...f, wts, companyId: account.uuid, channelId: inbox.uuid, contactId: contact.uuid, openSession, userUuid };
}
