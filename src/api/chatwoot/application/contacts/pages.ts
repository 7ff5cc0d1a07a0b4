import type { Db } from '../../../../db/pool.ts';
import type { Contact } from '../../../../db/types.ts';
import { contactInboxesFor } from '../../../../domain/contacts/repository.ts';
import { presentContact } from '../../presenters/contact.ts';

/** Chatwoot echoes `page` as given: the number 1 when absent, the string "2" when sent. */
export function currentPage(raw: unknown): number | string {
  return raw === undefined ? 1 : String(raw);
}

export function pageNumber(raw: number | undefined): number {
  return raw && raw > 0 ? raw : 1;
}

/** Contacts with their contact inboxes: one extra query for the whole page. Labels are on the row already. */
export async function presentContacts(
  db: Db,
  accountId: number,
  contacts: Contact[],
  withInboxes = true,
  withLabels = false,
) {
  const inboxes = withInboxes
    ? await contactInboxesFor(
        db,
        accountId,
        contacts.map((c) => c.id),
      )
    : undefined;
  return contacts.map((c) => {
    const json = presentContact(c, inboxes ? (inboxes.get(c.id) ?? []) : undefined);
    return withLabels ? { ...json, labels: c.labels } : json;
  });
}
