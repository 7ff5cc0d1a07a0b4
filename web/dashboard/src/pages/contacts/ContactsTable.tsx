import { memo } from 'react';
import { ago } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { useRealtime } from '../../lib/realtime.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import type { ContactRow } from './use-contacts.ts';

export const CONTACT_ROW_HEIGHT = 56;

export function contactName(
  contact: Pick<ContactRow, 'name' | 'email' | 'phone_number' | 'identifier' | 'id'>,
): string {
  return contact.name || contact.email || contact.phone_number || contact.identifier || `#${contact.id}`;
}

interface RowProps {
  contact: ContactRow;
  open: boolean;
  /** Undefined when the viewer may not select (agents: merge and delete are for administrators). */
  selected?: boolean;
  onOpen(id: number): void;
  onToggle(id: number): void;
}

const Row = memo(function Row({ contact, open, selected, onOpen, onToggle }: RowProps) {
  const { presence } = useRealtime();
  const name = contactName(contact);
  return (
    <div className={`contact-row${open ? ' open' : ''}${selected ? ' selected' : ''}`}>
      {selected !== undefined && (
        <input
          type="checkbox"
          aria-label={t('contacts.select', { name })}
          checked={selected}
          onChange={() => onToggle(contact.id)}
        />
      )}
      <button
        type="button"
        className="contact-open"
        aria-current={open ? 'true' : undefined}
        onClick={() => onOpen(contact.id)}
        data-contact-id={contact.id}
      >
        <span className="cell name">
          <Avatar
            name={name}
            src={contact.thumbnail || undefined}
            size={32}
            status={presence.contacts[contact.id] === 'online' ? 'online' : undefined}
          />
          <span className="name-text">
            <span className="row-name">{name}</span>
            <span className="subtle phone-only">{contact.email || contact.phone_number}</span>
          </span>
        </span>
        <span className="cell email">{contact.email ?? ''}</span>
        <span className="cell phone">{contact.phone_number ?? ''}</span>
        <span className="cell labels">
          {contact.labels?.map((label) => (
            <span key={label} className="label-chip">
              {label}
            </span>
          ))}
        </span>
        <span className="cell activity">{contact.last_activity_at ? ago(contact.last_activity_at) : '—'}</span>
      </button>
    </div>
  );
});

/** Column headings over a virtualized list: thousands of contacts cost what a screenful does. */
export function ContactsTable({
  items,
  openId,
  selection,
  onOpen,
  onToggle,
  onNearEnd,
}: {
  items: ContactRow[];
  openId?: number;
  /** Undefined: no selection column. */
  selection?: Set<number>;
  onOpen(id: number): void;
  onToggle(id: number): void;
  onNearEnd(): void;
}) {
  return (
    <>
      <div className={`contacts-columns${selection ? ' selectable' : ''}`} aria-hidden="true">
        {selection && <span />}
        <span>{t('contacts.col.name')}</span>
        <span className="email">{t('contacts.col.email')}</span>
        <span className="phone">{t('contacts.col.phone')}</span>
        <span className="labels">{t('contacts.col.labels')}</span>
        <span className="activity">{t('contacts.col.activity')}</span>
      </div>
      <VirtualList
        items={items}
        rowHeight={CONTACT_ROW_HEIGHT}
        label={t('contacts.list')}
        onNearEnd={onNearEnd}
        scrollToIndex={openId ? items.findIndex((c) => c.id === openId) : undefined}
        render={(contact) => (
          <Row
            contact={contact}
            open={contact.id === openId}
            selected={selection ? selection.has(contact.id) : undefined}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        )}
      />
    </>
  );
}
