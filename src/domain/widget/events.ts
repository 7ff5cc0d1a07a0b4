import type { Db } from '../../db/pool.ts';
import type { ContactInbox, Inbox } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../outbox.ts';
import { verifyWidgetToken } from './token.ts';
import { inTransaction } from '../../db/transaction.ts';

/** The web widget inbox a `website_token` names. */
export async function widgetInbox(db: Db, websiteToken: string): Promise<Inbox> {
  const inbox = await db
    .selectFrom('inboxes')
    .selectAll()
    .where('identifier', '=', websiteToken)
    .where('channel_type', '=', 'Channel::WebWidget')
    .executeTakeFirst();
  if (!inbox) throw new AppError('not_found', 'Web widget does not exist');
  return inbox;
}

/** The contact inbox a widget's X-Auth-Token speaks for. */
export async function widgetContactInbox(db: Db, inbox: Inbox, token: string | undefined): Promise<ContactInbox> {
  const claims = verifyWidgetToken(inbox, token);
  if (!claims) throw new AppError('unauthenticated', 'Invalid widget token');
  const contactInbox = await db
    .selectFrom('contact_inboxes')
    .selectAll()
    .where('inbox_id', '=', inbox.id)
    .where('source_id', '=', claims.source_id)
    .executeTakeFirst();
  if (!contactInbox) throw new AppError('not_found', 'Contact could not be found');
  return contactInbox;
}

/**
 * The visitor opened the widget (`webwidget.triggered`): an outbox event carrying what the widget and its
 * browser said, about the contact inbox and its latest conversation (Chatwoot's `current_conversation`).
 */
export async function triggerWidget(
  db: Db,
  contactInbox: ContactInbox,
  eventInfo: Record<string, unknown>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('conversations')
      .select('id')
      .where('account_id', '=', contactInbox.account_id)
      .where('contact_inbox_id', '=', contactInbox.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    await recordEvent(trx, {
      accountId: contactInbox.account_id,
      name: 'webwidget.triggered',
      contactId: contactInbox.contact_id,
      inboxId: contactInbox.inbox_id,
      conversationId: current?.id ?? null,
      data: { contact_inbox_id: contactInbox.id, event_info: eventInfo },
    });
  });
}
