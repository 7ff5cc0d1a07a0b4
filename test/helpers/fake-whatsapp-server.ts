import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './close-server.ts';

/** One Graph API call the fake received. `kind`: messages, media_upload, media, download or templates. */
export interface GraphCall {
  kind: 'messages' | 'media_upload' | 'media' | 'download' | 'templates';
  method: string;
  path: string;
  token: string;
  /** JSON fields, or multipart fields (files as `{ filename, type, size, bytes }`). */
  body: Record<string, any>;
}

export interface GraphAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Meta's error envelope (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export const graphError = (status: number, code: number, message: string, details?: string): GraphAnswer => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'Afake',
    },
  },
});

/** The message types the Cloud API takes, each with the object named like it. */
const MESSAGE_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'template',
  'reaction',
];

/** Why Meta would refuse a /messages body, checked against its documented shape; undefined when it is fine. */
function refuseMessage(body: Record<string, any>): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'The parameter messaging_product is required.';
  if (typeof body.to !== 'string' || !/^\+?\d{5,20}$/.test(body.to)) return 'Invalid parameter: to';
  if (!MESSAGE_TYPES.includes(body.type)) return `Invalid parameter: type ${body.type}`;
  const object = body[body.type];
  if (!object || typeof object !== 'object') return `The parameter ${body.type} is required.`;
  if (body.type === 'text' && (typeof object.body !== 'string' || !object.body))
    return 'The parameter text.body is required.';
  if (['image', 'audio', 'video', 'document', 'sticker'].includes(body.type) && !object.id === !object.link)
    return `Exactly one of ${body.type}.id or ${body.type}.link is required.`;
  if (body.type === 'template' && (typeof object.name !== 'string' || typeof object.language?.code !== 'string'))
    return 'template.name and template.language.code are required.';
  if (body.type === 'interactive') {
    if (typeof object.body?.text !== 'string') return 'interactive.body.text is required.';
    if (object.type === 'button') {
      const buttons = object.action?.buttons;
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
        return 'interactive buttons: between 1 and 3 are allowed.';
      if (
        buttons.some(
          (b: any) => b.type !== 'reply' || !b.reply?.id || !b.reply?.title || [...b.reply.title].length > 20,
        )
      )
        return 'interactive buttons: reply.id and reply.title (20 characters at most) are required.';
    } else if (object.type === 'list') {
      const rows = (object.action?.sections ?? []).flatMap((s: any) => s.rows ?? []);
      if (!object.action?.button || rows.length < 1 || rows.length > 10)
        return 'interactive list: a button and between 1 and 10 rows are required.';
      if (rows.some((r: any) => !r.id || !r.title || [...r.title].length > 24))
        return 'interactive list: row.id and row.title (24 characters at most) are required.';
    } else return `Invalid parameter: interactive.type ${object.type}`;
  }
  return undefined;
}

/**
 * A loopback Graph API speaking the WhatsApp Cloud API (https://developers.facebook.com/docs/whatsapp/cloud-api):
 * `POST /{version}/{phone_number_id}/messages` and `/media`, `GET /{version}/{media_id}` (answering a download url,
 * served with the same bearer token), `GET /{version}/{waba_id}/message_templates`. Numbers must be registered with
 * `addNumber`; `script(kind, ...answers)` queues answers that win over the default, one per call. `webhook(...)`
 * builds Meta's webhook payloads and `sign` their X-Hub-Signature-256. (The benchmark runs it too.)
 */
export async function startFakeWhatsappServer() {
  const numbers = new Map<string, { token: string; wabaId: string }>();
  const templates = new Map<string, Record<string, unknown>[]>();
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const calls: GraphCall[] = [];
  const scripted = new Map<string, GraphAnswer[]>();
  let url = '';
  let counter = 1;

  async function readBody(req: http.IncomingMessage): Promise<Record<string, any>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const body: Record<string, any> = {};
      for (const [key, value] of form.entries()) {
        body[key] =
          typeof value === 'string'
            ? value
            : {
                filename: value.name,
                type: value.type,
                size: value.size,
                bytes: Buffer.from(await value.arrayBuffer()),
              };
      }
      return body;
    }
    return raw.length ? JSON.parse(raw.toString()) : {};
  }

  const tokenKnown = (token: string) => [...numbers.values()].some((n) => n.token === token);

  function defaultAnswer(call: GraphCall, id: string): GraphAnswer {
    if (!tokenKnown(call.token)) return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    switch (call.kind) {
      case 'messages': {
        const number = numbers.get(id);
        if (!number || number.token !== call.token)
          return graphError(400, 100, `Unsupported post request. Object with ID '${id}' does not exist`);
        // Marking a message read (optionally showing the typing indicator) answers `success`, as Meta does.
        if (call.body.status === 'read') {
          const typing = call.body.typing_indicator;
          if (call.body.messaging_product !== 'whatsapp' || typeof call.body.message_id !== 'string')
            return graphError(400, 100, '(#100) The parameter message_id is required.');
          if (typing !== undefined && typing?.type !== 'text')
            return graphError(400, 100, '(#100) Invalid parameter: typing_indicator.type');
          return { status: 200, body: { success: true } };
        }
        const refusal = refuseMessage(call.body);
        if (refusal) return graphError(400, 100, '(#100) Invalid parameter', refusal);
        const to = String(call.body.to).replace(/^\+/, '');
        return {
          status: 200,
          body: {
            messaging_product: 'whatsapp',
            contacts: [{ input: call.body.to, wa_id: to }],
            messages: [{ id: `wamid.fake${counter++}` }],
          },
        };
      }
      case 'media_upload': {
        const file = call.body.file;
        if (call.body.messaging_product !== 'whatsapp' || !file?.bytes)
          return graphError(400, 100, '(#100) The parameter file is required.');
        const mediaId = String(9_000_000 + counter++);
        media.set(mediaId, { bytes: file.bytes, mimeType: file.type });
        return { status: 200, body: { id: mediaId } };
      }
      case 'media': {
        const found = media.get(id);
        if (!found) return graphError(404, 100, `Unsupported get request. Object with ID '${id}' does not exist`);
        const sha256 = crypto.createHash('sha256').update(found.bytes).digest('hex');
        return {
          status: 200,
          body: {
            messaging_product: 'whatsapp',
            url: `${url}/whatsapp_business/attachments/?mid=${id}`,
            mime_type: found.mimeType,
            sha256,
            file_size: found.bytes.length,
            id,
          },
        };
      }
      case 'templates': {
        const number = [...numbers.values()].find((n) => n.wabaId === id);
        if (!number || number.token !== call.token)
          return graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist`);
        return {
          status: 200,
          body: { data: templates.get(id) ?? [], paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } } },
        };
      }
      default:
        return graphError(404, 100, 'Unknown path');
    }
  }

  const server = http.createServer(async (req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://fake');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (req.method === 'GET' && parsed.pathname === '/whatsapp_business/attachments/') {
      const id = parsed.searchParams.get('mid') ?? '';
      calls.push({ kind: 'download', method: 'GET', path: parsed.pathname, token, body: {} });
      const found = media.get(id);
      const answer = scripted.get('download')?.shift();
      res.statusCode = answer?.status ?? (found && tokenKnown(token) ? 200 : 404);
      if (found && res.statusCode === 200) res.setHeader('content-type', found.mimeType);
      res.end(res.statusCode === 200 ? found?.bytes : 'Not Found');
      return;
    }
    const match = /^\/v\d+\.\d+\/([^/]+)(?:\/(messages|media|message_templates))?$/.exec(parsed.pathname);
    const kind = !match
      ? undefined
      : match[2] === 'messages'
        ? 'messages'
        : match[2] === 'media'
          ? 'media_upload'
          : match[2] === 'message_templates'
            ? 'templates'
            : req.method === 'GET'
              ? 'media'
              : undefined;
    if (!match || !kind) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const call: GraphCall = {
      kind,
      method: req.method ?? 'GET',
      path: parsed.pathname,
      token,
      body: req.method === 'POST' ? await readBody(req) : {},
    };
    calls.push(call);
    const answer = scripted.get(kind)?.shift() ?? defaultAnswer(call, decodeURIComponent(match[1]));
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    close: () => closeServer(server),
    url,
    calls,
    /** A business number the fake knows: its ids and access token (Meta's `provider_config`). */
    addNumber(phoneNumber: string) {
      const phoneNumberId = String(100_000_000_000 + counter++);
      const businessAccountId = String(200_000_000_000 + counter++);
      const apiKey = `EAAfake${crypto.randomBytes(12).toString('hex')}`;
      numbers.set(phoneNumberId, { token: apiKey, wabaId: businessAccountId });
      return { phoneNumber, phoneNumberId, businessAccountId, apiKey };
    },
    setTemplates(businessAccountId: string, list: Record<string, unknown>[]) {
      templates.set(businessAccountId, list);
    },
    /** Media a contact sent: its id, for an inbound `image: {id}`. */
    addMedia(bytes: Buffer, mimeType: string): string {
      const id = String(8_000_000 + counter++);
      media.set(id, { bytes, mimeType });
      return id;
    },
    mediaBytes: (id: string) => media.get(id)?.bytes,
    script(kind: GraphCall['kind'], ...answers: GraphAnswer[]) {
      scripted.set(kind, [...(scripted.get(kind) ?? []), ...answers]);
    },
    callsTo(kind: GraphCall['kind'], token?: string): GraphCall[] {
      return calls.filter((c) => c.kind === kind && (token === undefined || c.token === token));
    },
    async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(
            `fake whatsapp: ${what} not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.kind).join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Meta's webhook body for one change of a business number (messages and/or statuses). */
export function whatsappWebhook(
  number: { phoneNumber: string; phoneNumberId: string; businessAccountId: string },
  value: Record<string, unknown>,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: number.phoneNumber.replace(/^\+/, ''),
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** X-Hub-Signature-256 for a raw body. */
export const signWhatsapp = (raw: string, appSecret: string) =>
  'sha256=' + crypto.createHmac('sha256', appSecret).update(raw).digest('hex');
