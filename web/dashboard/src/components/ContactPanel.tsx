import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, errorText } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { useFrames } from '../lib/realtime.tsx';
import { navigate } from '../lib/router.ts';
import { ago } from '../lib/format.ts';
import { t, type StringKey } from '../lib/i18n.ts';
import type { Contact, Conversation } from '../lib/types.ts';
import { Avatar } from './Avatar.tsx';

interface Note {
  id: number;
  content: string;
  created_at: number;
  user?: { name?: string; available_name?: string } | null;
}

/** How an attribute value is shown in its field. */
function shown(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '');
}

/** A field's text read back as the type the attribute had. */
function typed(text: string, original: unknown): unknown {
  if (typeof original === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof original === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (original !== null && typeof original === 'object') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** What a saved edit changed, for a list showing the contact. */
export type ContactChange = Partial<Pick<Contact, 'name' | 'email' | 'phone_number' | 'identifier'>> & {
  labels?: string[];
};

/**
 * A contact: details (editable), custom attributes, labels, notes, conversations. Beside a conversation
 * (`currentConversationId`: the others are listed) and on the contacts page (`actions`: what an
 * administrator may do there; `onChange`: the list follows edits).
 */
export function ContactPanel({
  contactId,
  currentConversationId,
  onClose,
  onChange,
  actions,
}: {
  contactId: number;
  currentConversationId?: number;
  onClose(): void;
  onChange?(change: ContactChange): void;
  actions?: ReactNode;
}) {
  const { base, accountId, labels: accountLabels } = useAccountData();
  const path = `${base}/contacts/${contactId}`;
  const [contact, setContact] = useState<Contact | null>(null);
  const [labels, setLabels] = useState<string[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    let alive = true;
    Promise.all([
      api.get<{ payload: Contact }>(path),
      api.get<{ payload: string[] }>(`${path}/labels`),
      api.get<Note[]>(`${path}/notes`),
      api.get<{ payload: Conversation[] }>(`${path}/conversations`),
    ]).then(
      ([c, l, n, conv]) => {
        if (!alive) return;
        setContact(c.payload);
        setLabels(l.payload);
        setNotes(n);
        setConversations(conv.payload);
      },
      (caught) => alive && setError(errorText(caught)),
    );
    return () => {
      alive = false;
    };
  }, [path]);

  useFrames((frame) => {
    if (frame.event === 'contact.updated' && frame.data.id === contactId)
      setContact((c) => (c ? { ...c, ...(frame.data as Partial<Contact>) } : c));
  });

  async function act(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  /**
   * Sends only what was changed, each custom attribute back in the type it had (a form gives strings: `true`
   * and `5` must not come back as "true" and "5"). The API merges custom attributes, so untouched ones stay.
   */
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!contact) return;
    const form = new FormData(event.currentTarget);
    const changes: Record<string, unknown> = {};
    for (const field of ['name', 'email', 'phone_number', 'identifier'] as const) {
      const value = String(form.get(field) ?? '').trim();
      if (value !== (contact[field] ?? '')) changes[field] = value || null;
    }
    const attributes: Record<string, unknown> = {};
    for (const [key, original] of Object.entries(contact.custom_attributes ?? {})) {
      const value = form.get(`attr:${key}`);
      if (value === null || value === shown(original)) continue;
      attributes[key] = typed(String(value), original);
    }
    if (Object.keys(attributes).length) changes.custom_attributes = attributes;
    if (!Object.keys(changes).length) return setEditing(false);
    void act(async () => {
      const { payload } = await api.patch<{ payload: Contact }>(path, changes);
      setContact(payload);
      setEditing(false);
      onChange?.({
        name: payload.name,
        email: payload.email,
        phone_number: payload.phone_number,
        identifier: payload.identifier,
      });
    });
  }

  function addNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('note') as HTMLTextAreaElement;
    const content = input.value.trim();
    if (!content) return;
    void act(async () => {
      const note = await api.post<Note>(`${path}/notes`, { content });
      setNotes((current) => [note, ...current]);
      input.value = '';
    });
  }

  const setContactLabels = (next: string[]) =>
    act(async () => {
      const result = await api.post<{ payload: string[] }>(`${path}/labels`, { labels: next });
      setLabels(result.payload);
      onChange?.({ labels: result.payload });
    });

  if (!contact)
    return (
      <aside className="contact-panel" aria-busy={!error}>
        {error && <p className="banner error">{error}</p>}
      </aside>
    );
  const attributes = Object.entries(contact.custom_attributes ?? {});
  const others = conversations.filter((c) => c.id !== currentConversationId);
  return (
    <aside className="contact-panel" aria-label={t('contact.title')}>
      <header className="contact-head">
        <Avatar name={contact.name} src={contact.thumbnail || undefined} size={48} />
        <div>
          <h3>{contact.name || t('contact.unnamed')}</h3>
          {contact.identifier && <span className="subtle">{contact.identifier}</span>}
        </div>
        <button type="button" className="icon-button close" aria-label={t('contact.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <form className="contact-form" onSubmit={save}>
          <label>
            {t('contact.name')}
            <input name="name" defaultValue={contact.name ?? ''} />
          </label>
          <label>
            {t('contact.email')}
            <input name="email" type="email" defaultValue={contact.email ?? ''} />
          </label>
          <label>
            {t('contact.phone')}
            <input name="phone_number" defaultValue={contact.phone_number ?? ''} placeholder="+15551230000" />
          </label>
          <label>
            {t('contact.identifier')}
            <input name="identifier" defaultValue={contact.identifier ?? ''} />
          </label>
          {attributes.map(([key, value]) => (
            <label key={key}>
              {key}
              <input name={`attr:${key}`} defaultValue={shown(value)} />
            </label>
          ))}
          <div className="row-buttons">
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <dl className="contact-details">
          <dt>{t('contact.email')}</dt>
          <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</dd>
          <dt>{t('contact.phone')}</dt>
          <dd>{contact.phone_number ?? '—'}</dd>
          {attributes.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{shown(value)}</dd>
            </div>
          ))}
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('contact.edit')}
          </button>
        </dl>
      )}

      <section>
        <h4>{t('contact.labels')}</h4>
        <div className="labels">
          {labels.map((label) => (
            <span key={label} className="label-chip">
              {label}
              <button
                type="button"
                className="link"
                aria-label={t('actions.removeLabel', { label })}
                onClick={() => setContactLabels(labels.filter((l) => l !== label))}
              >
                ×
              </button>
            </span>
          ))}
          <select
            aria-label={t('contact.addLabel')}
            value=""
            onChange={(e) => e.target.value && setContactLabels([...labels, e.target.value])}
          >
            <option value="">+ {t('contact.addLabel')}</option>
            {accountLabels
              .filter((l) => !labels.includes(l.title))
              .map((l) => (
                <option key={l.id} value={l.title}>
                  {l.title}
                </option>
              ))}
          </select>
        </div>
      </section>

      <section>
        <h4>{t('contact.notes')}</h4>
        <form onSubmit={addNote} className="note-form">
          <textarea name="note" rows={2} aria-label={t('contact.addNote')} placeholder={t('contact.addNote')} />
          <button type="submit">{t('common.add')}</button>
        </form>
        <ul className="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <p>{note.content}</p>
              <span className="subtle">
                {note.user?.available_name ?? note.user?.name ?? ''} · {ago(note.created_at)}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h4>{currentConversationId ? t('contact.previous') : t('contact.conversations')}</h4>
        <ul className="previous">
          {others.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link"
                onClick={() => navigate(`/app/accounts/${accountId}/conversations/${c.id}`)}
              >
                #{c.id} · {t(`status.${c.status}` as StringKey)} · {ago(c.last_activity_at)}
              </button>
            </li>
          ))}
          {others.length === 0 && (
            <li className="subtle">{currentConversationId ? t('contact.noPrevious') : t('contact.noConversations')}</li>
          )}
        </ul>
      </section>
      {actions}
    </aside>
  );
}
