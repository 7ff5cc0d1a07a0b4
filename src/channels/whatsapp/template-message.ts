import type { OutboundMessage } from '../adapter.ts';

/** Chatwoot's `template_params` (message additional_attributes): the template, and its parameters filled in. */
interface TemplateParams {
  id?: unknown;
  name?: unknown;
  category?: unknown;
  language?: unknown;
  processed_params?: unknown;
}

type Params = Record<string, unknown>;

/** Parameters by key ("1", "2"... positional; other keys are Meta's named parameters) in Meta's component shape. */
function textParameters(values: Params): Record<string, unknown>[] {
  const entries = Object.entries(values).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  const positional = entries.every(([k]) => /^\d+$/.test(k));
  if (positional) entries.sort(([a], [b]) => Number(a) - Number(b));
  return entries.map(([key, value]) => ({
    type: 'text',
    text: String(value),
    ...(positional ? {} : { parameter_name: key }),
  }));
}

function isObject(value: unknown): value is Params {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `processed_params` as Meta's components: either a flat `{"1": "Ada"}` (the body's parameters, Chatwoot's first
 * shape) or `{body: {...}, header: {media_url, media_type} | {...}, buttons: [{type, parameter}]}` (its later one).
 */
function components(processed: unknown): Record<string, unknown>[] {
  if (!isObject(processed)) return [];
  const structured = ['body', 'header', 'buttons'].some((key) => key in processed);
  if (!structured) {
    const body = textParameters(processed);
    return body.length ? [{ type: 'body', parameters: body }] : [];
  }
  const out: Record<string, unknown>[] = [];
  const header = processed.header;
  if (isObject(header) && typeof header.media_url === 'string') {
    const kind = typeof header.media_type === 'string' ? header.media_type.toLowerCase() : 'image';
    out.push({ type: 'header', parameters: [{ type: kind, [kind]: { link: header.media_url } }] });
  } else if (isObject(header) && textParameters(header).length) {
    out.push({ type: 'header', parameters: textParameters(header) });
  }
  if (isObject(processed.body) && textParameters(processed.body).length)
    out.push({ type: 'body', parameters: textParameters(processed.body) });
  if (Array.isArray(processed.buttons)) {
    processed.buttons.forEach((button, index) => {
      if (!isObject(button) || button.parameter === undefined) return;
      const subType = button.type === 'copy_code' ? 'copy_code' : button.type === 'quick_reply' ? 'quick_reply' : 'url';
      const parameter =
        subType === 'copy_code'
          ? { type: 'coupon_code', coupon_code: String(button.parameter) }
          : subType === 'quick_reply'
            ? { type: 'payload', payload: String(button.parameter) }
            : { type: 'text', text: String(button.parameter) };
      out.push({ type: 'button', sub_type: subType, index: String(index), parameters: [parameter] });
    });
  }
  return out;
}

/** The synced template a WTS send names by id, for its name and language. */
function syncedTemplate(outbound: OutboundMessage, id: unknown): Params | undefined {
  const templates = (outbound.inbox.channel as { message_templates?: unknown }).message_templates;
  if (!Array.isArray(templates) || id === undefined) return undefined;
  return templates.find((t) => isObject(t) && String(t.id) === String(id)) as Params | undefined;
}

/** Whether the message is a template send (Chatwoot's template_params, or WTS's templateId). */
export function templateParamsOf(outbound: Pick<OutboundMessage, 'message'>): TemplateParams | undefined {
  const params = (outbound.message.additional_attributes as { template_params?: unknown } | null)?.template_params;
  return isObject(params) ? params : undefined;
}

/** Meta's `template` object for the message, or undefined when it is not a template send. */
export function templatePayload(outbound: OutboundMessage): Record<string, unknown> | undefined {
  const params = templateParamsOf(outbound);
  if (!params) return undefined;
  const synced = syncedTemplate(outbound, params.id);
  const name = typeof params.name === 'string' ? params.name : synced?.name;
  const language = typeof params.language === 'string' ? params.language : synced?.language;
  if (typeof name !== 'string' || !name) return undefined;
  const parts = components(params.processed_params);
  return {
    name,
    language: { code: typeof language === 'string' && language ? language : 'en_US' },
    ...(parts.length ? { components: parts } : {}),
  };
}
