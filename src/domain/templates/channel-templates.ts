import crypto from 'node:crypto';
import type { Inbox } from '../../db/types.ts';

type Raw = Record<string, unknown>;

/** A channel's message template: Meta's as synced onto the inbox (`sync_templates`), or one stored there otherwise. */
export interface ChannelTemplate {
  /** Stable UUID for the WTS dialect: derived from the channel and the template's own id (Meta's are numbers). */
  uuid: string;
  inbox: Inbox;
  raw: Raw;
  name: string;
  language: string | undefined;
  category: string | undefined;
  status: string;
  body: string;
  footer: string | null;
  headerFormat: string | undefined;
  params: string[];
  syncedAt: string | null;
}

export function templateUuid(inboxUuid: string, templateId: string): string {
  const hex = crypto.createHash('sha1').update(`${inboxUuid}:${templateId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const component = (raw: Raw, type: string) =>
  (Array.isArray(raw.components) ? raw.components : []).find(
    (c): c is Raw => Boolean(c) && typeof c === 'object' && String((c as Raw).type).toUpperCase() === type,
  );

/** `{{1}}`, `{{name}}`: the parameters a body names, in order, once each. */
function paramsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))];
}

export function templatesOf(inbox: Inbox): ChannelTemplate[] {
  const channel = (inbox.channel ?? {}) as Raw;
  const list = Array.isArray(channel.message_templates) ? channel.message_templates : [];
  return list
    .filter((t): t is Raw => Boolean(t) && typeof t === 'object' && typeof (t as Raw).name === 'string')
    .map((raw) => {
      const body = String(component(raw, 'BODY')?.text ?? raw.text ?? '');
      const footer = component(raw, 'FOOTER')?.text;
      return {
        uuid: templateUuid(inbox.uuid, String(raw.id ?? raw.name)),
        inbox,
        raw,
        name: raw.name as string,
        language: typeof raw.language === 'string' ? raw.language : undefined,
        category: typeof raw.category === 'string' ? raw.category : undefined,
        status: String(raw.status ?? 'APPROVED').toUpperCase(),
        body,
        footer: typeof footer === 'string' ? footer : null,
        headerFormat:
          typeof component(raw, 'HEADER')?.format === 'string'
            ? String(component(raw, 'HEADER')!.format).toUpperCase()
            : undefined,
        params: paramsOf(body),
        syncedAt:
          typeof channel.message_templates_last_updated === 'string' ? channel.message_templates_last_updated : null,
      };
    });
}

/** The body with its parameters filled in (a parameter not given stays as written). */
export function renderTemplate(template: ChannelTemplate, parameters: Record<string, unknown> = {}): string {
  return template.body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
    const value = parameters[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

/** What a message sending the template records (Chatwoot's `template_params`; the WhatsApp adapter sends from it). */
export function templateParamsFor(template: ChannelTemplate, parameters: Record<string, unknown> = {}): Raw {
  return {
    id: String(template.raw.id ?? template.name),
    name: template.name,
    language: template.language,
    category: template.category,
    processed_params: parameters,
  };
}

/** The inbox's template a WTS `templateId` names: by its WTS id, its name, or the provider's own id. */
export function findTemplate(inbox: Inbox, templateId: string): ChannelTemplate | undefined {
  const wanted = templateId.trim().toLowerCase();
  return templatesOf(inbox).find(
    (t) => t.uuid === wanted || t.name.toLowerCase() === wanted || String(t.raw.id ?? '') === templateId.trim(),
  );
}
