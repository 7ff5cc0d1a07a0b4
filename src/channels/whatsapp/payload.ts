/** Meta's webhook payload for WhatsApp (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components). */

export interface WhatsappMedia {
  id?: string;
  mime_type?: string;
  caption?: string;
  filename?: string;
}

export interface WhatsappInboundMessage {
  from: string;
  id: string;
  timestamp?: string;
  type: string;
  context?: { from?: string; id?: string };
  text?: { body?: string };
  image?: WhatsappMedia;
  audio?: WhatsappMedia;
  video?: WhatsappMedia;
  document?: WhatsappMedia;
  sticker?: WhatsappMedia;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  contacts?: { name?: { formatted_name?: string }; phones?: { phone?: string; wa_id?: string }[] }[];
  reaction?: { message_id?: string; emoji?: string };
  interactive?: {
    type?: string;
    button_reply?: { id?: string; title?: string };
    list_reply?: { id?: string; title?: string; description?: string };
  };
  button?: { payload?: string; text?: string };
}

export interface WhatsappStatus {
  id: string;
  status: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[];
}

export interface WhatsappChangeValue {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: { profile?: { name?: string }; wa_id?: string }[];
  messages?: WhatsappInboundMessage[];
  statuses?: WhatsappStatus[];
}

export interface WhatsappWebhook {
  object?: string;
  entry?: { id?: string; changes?: { field?: string; value?: WhatsappChangeValue }[] }[];
}

export const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;

/** The text a message shows, and what it carries beside it (reply context, location, contacts, reaction). */
export function contentOf(message: WhatsappInboundMessage): {
  content: string | null;
  attributes: Record<string, unknown>;
} {
  const attributes: Record<string, unknown> = message.context?.id
    ? { in_reply_to_external_id: message.context.id }
    : {};
  switch (message.type) {
    case 'text':
      return { content: message.text?.body ?? null, attributes };
    case 'interactive': {
      // A button or list row pressed: the reply is its id (the choice's value, as we sent it), its title kept beside.
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return {
        content: reply?.id ?? reply?.title ?? null,
        attributes: {
          ...attributes,
          interactive_reply: { type: message.interactive?.type, id: reply?.id, title: reply?.title },
        },
      };
    }
    case 'button':
      return { content: message.button?.payload ?? message.button?.text ?? null, attributes };
    case 'location': {
      const l = message.location ?? {};
      const place = [l.name, l.address].filter(Boolean).join(', ');
      return {
        content: `${place ? place + ' ' : ''}(${l.latitude}, ${l.longitude})`,
        attributes: { ...attributes, location: l },
      };
    }
    case 'contacts': {
      const cards = (message.contacts ?? []).map((c) =>
        `${c.name?.formatted_name ?? ''} ${(c.phones ?? [])
          .map((p) => p.phone)
          .filter(Boolean)
          .join(', ')}`.trim(),
      );
      return { content: cards.join('\n') || null, attributes: { ...attributes, contacts: message.contacts ?? [] } };
    }
    case 'reaction':
      return {
        content: message.reaction?.emoji ?? null,
        attributes: { in_reply_to_external_id: message.reaction?.message_id, is_reaction: true },
      };
    default: {
      const media = MEDIA_TYPES.includes(message.type as never)
        ? message[message.type as (typeof MEDIA_TYPES)[number]]
        : undefined;
      return { content: media?.caption ?? null, attributes };
    }
  }
}
