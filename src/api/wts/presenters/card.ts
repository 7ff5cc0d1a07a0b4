import { Type, type Static } from 'typebox';
import type { CardRow } from '../../../domain/crm/cards.ts';
import type { NoteRow } from '../../../domain/crm/notes.ts';
import { FreeObject, iso, Nullable } from '../schema.ts';

const Named = Type.Object({ id: Type.String(), name: Nullable(Type.String()) });

/** `PublicPanelCardDTOV2`. The *Title, *Phase, responsibleUser, contacts and customFields details are always filled. */
export const CardSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  panelId: Type.String(),
  panelTitle: Nullable(Type.String()),
  stepId: Type.String(),
  stepTitle: Nullable(Type.String()),
  stepPhase: Type.String(),
  position: Type.Number(),
  title: Type.String(),
  description: Nullable(Type.String()),
  key: Type.String(),
  number: Type.Integer(),
  dueDate: Nullable(Type.String()),
  isOverdue: Type.Boolean(),
  tagIds: Type.Array(Type.String()),
  sessionId: Nullable(Type.String()),
  monetaryAmount: Nullable(Type.Number()),
  responsibleUserId: Nullable(Type.String()),
  responsibleUser: Nullable(Named),
  contactIds: Type.Array(Type.String()),
  contacts: Type.Array(Named),
  customFields: FreeObject,
  metadata: FreeObject,
  status: Type.String(),
  archived: Type.Boolean(),
  lostReason: Nullable(FreeObject),
});
export type CardJson = Static<typeof CardSchema>;

export function presentCard(card: CardRow, companyId: string, now = new Date()): CardJson {
  const due = card.due_date ? new Date(card.due_date) : null;
  return {
    id: card.uuid,
    createdAt: iso(card.created_at),
    updatedAt: iso(card.updated_at),
    companyId,
    panelId: card.panel_uuid,
    panelTitle: card.panel_title,
    stepId: card.step_uuid,
    stepTitle: card.step_title,
    stepPhase: card.step_phase,
    position: card.position,
    title: card.title,
    description: card.description,
    key: `${card.panel_key}-${card.number}`,
    number: card.number,
    dueDate: iso(due),
    isOverdue: Boolean(due && due < now && card.status === 'OPEN'),
    tagIds: card.tag_uuids,
    sessionId: card.session_uuid,
    monetaryAmount: card.monetary_amount,
    responsibleUserId: card.responsible_uuid,
    responsibleUser: card.responsible_uuid ? { id: card.responsible_uuid, name: card.responsible_name } : null,
    contactIds: card.contacts.map((c) => c.id),
    contacts: card.contacts,
    customFields: card.custom_fields,
    metadata: card.metadata,
    status: card.status,
    archived: card.status === 'ARCHIVED',
    lostReason: card.lost_reason_uuid ? { id: card.lost_reason_uuid, description: card.lost_reason_description } : null,
  };
}

const FileSchema = Type.Object({
  id: Nullable(Type.String()),
  name: Nullable(Type.String()),
  publicUrl: Type.String(),
});

/** `PublicPanelCardNoteDTO`; `files` are the URLs the note was given (no stored file, so no id). */
export const NoteSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  panelId: Type.String(),
  cardId: Type.String(),
  userId: Nullable(Type.String()),
  text: Type.String(),
  files: Type.Array(FileSchema),
  isFromPublicApi: Type.Boolean(),
});

export function presentNote(note: NoteRow, companyId: string): Static<typeof NoteSchema> {
  const urls = Array.isArray(note.file_urls) ? note.file_urls : [];
  return {
    id: note.uuid,
    createdAt: iso(note.created_at),
    updatedAt: iso(note.updated_at),
    companyId,
    panelId: note.panel_uuid,
    cardId: note.card_uuid,
    userId: note.user_uuid,
    text: note.text,
    files: urls.map((url) => ({ id: null, name: url.split('/').pop()?.split('?')[0] || null, publicUrl: url })),
    isFromPublicApi: true,
  };
}
