import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './close-server.ts';

/** One Bot API call the fake received: the bot token from the path, the method and its fields. */
export interface TelegramCall {
  token: string;
  method: string;
  /** JSON fields, or multipart fields (files as `{ filename, type, size, bytes }`). */
  body: Record<string, any>;
}

/** A scripted answer: an HTTP status and the Bot API envelope. */
export interface FakeAnswer {
  status: number;
  body: Record<string, unknown>;
}

const ok = (result: unknown): FakeAnswer => ({ status: 200, body: { ok: true, result } });
export const telegramError = (status: number, description: string): FakeAnswer => ({
  status,
  body: { ok: false, error_code: status, description },
});

/** The tags Telegram's HTML parse mode takes (https://core.telegram.org/bots/api#html-style), as we send them. */
const HTML_TAG =
  /^<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|blockquote)>$|^<a href="[^"<>]*">$|^<\/a>$/;
const HTML_ENTITY = /^&(lt|gt|amp|quot|#\d+);/;

/** Why Telegram would refuse a sendMessage text: too long (counted after parsing) or HTML it cannot parse. */
function refuseText(body: Record<string, any>): string | undefined {
  let text = String(body.text ?? '');
  if (!text.trim()) return 'Bad Request: message text is empty';
  if (body.parse_mode === 'HTML') {
    const tags = text.match(/<[^>]*>?/g) ?? [];
    const bad = tags.find((tag) => !HTML_TAG.test(tag));
    if (bad) return `Bad Request: can't parse entities: Unsupported start tag "${bad}"`;
    const amp = [...text.matchAll(/&/g)].find((m) => !HTML_ENTITY.test(text.slice(m.index)));
    if (amp) return `Bad Request: can't parse entities: Character entity expected at byte offset ${amp.index}`;
    text = text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot);/g, '_');
  }
  if (text.length > 4096) return 'Bad Request: message is too long';
  return undefined;
}

/**
 * A loopback Telegram Bot API (https://core.telegram.org/bots/api) for tests: `POST /bot<token>/<method>` with
 * JSON or multipart bodies, answered with the documented `{ok, result}` / `{ok: false, error_code, description}`
 * envelopes; `GET /file/bot<token>/<file_path>` serves files getFile named. Tokens must be registered with
 * `addBot`; `script(method, ...answers)` queues answers that win over the default behaviour, one per call.
 * (The benchmark runs it too; tests take startFakeTelegram, closed after the file.)
 */
export async function startFakeTelegramServer() {
  const bots = new Map<string, { id: number; username: string }>();
  const files = new Map<string, { path: string; bytes: Buffer }>();
  const calls: TelegramCall[] = [];
  const scripted = new Map<string, FakeAnswer[]>();
  let nextMessageId = 1000;

  function defaultAnswer(call: TelegramCall): FakeAnswer {
    const bot = bots.get(call.token);
    if (!bot) return telegramError(401, 'Unauthorized');
    switch (call.method) {
      case 'getMe':
        return ok({ id: bot.id, is_bot: true, first_name: bot.username, username: bot.username });
      case 'setWebhook':
      case 'deleteWebhook':
      case 'answerCallbackQuery':
        return ok(true);
      case 'sendChatAction':
        if (!call.body.chat_id) return telegramError(400, 'Bad Request: chat_id is empty');
        return call.body.action === 'typing' ? ok(true) : telegramError(400, 'Bad Request: wrong parameter action');
      case 'deleteMessage':
        return call.body.message_id ? ok(true) : telegramError(400, 'Bad Request: message identifier is not specified');
      case 'getFile': {
        const file = files.get(String(call.body.file_id));
        return file
          ? ok({ file_id: call.body.file_id, file_path: file.path, file_size: file.bytes.length })
          : telegramError(400, 'Bad Request: invalid file_id');
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        if (!call.body.chat_id) return telegramError(400, 'Bad Request: chat_id is empty');
        const refusal = call.method === 'sendMessage' ? refuseText(call.body) : undefined;
        if (refusal) return telegramError(400, refusal);
        return ok({
          message_id: nextMessageId++,
          chat: { id: Number(call.body.chat_id), type: 'private' },
          date: Math.floor(Date.now() / 1000),
        });
      }
      case 'sendMediaGroup': {
        // https://core.telegram.org/bots/api#sendmediagroup: 2-10 InputMedia, photos/videos or documents only, `attach://<part>` naming uploaded parts.
        if (!call.body.chat_id) return telegramError(400, 'Bad Request: chat_id is empty');
        let media: Record<string, any>[];
        try {
          media = JSON.parse(String(call.body.media));
        } catch {
          return telegramError(400, "Bad Request: can't parse media JSON object");
        }
        if (!Array.isArray(media) || media.length < 2 || media.length > 10)
          return telegramError(400, 'Bad Request: wrong number of media specified');
        const kinds = new Set(
          media.map((m) =>
            m.type === 'document' ? 'document' : m.type === 'photo' || m.type === 'video' ? 'visual' : 'other',
          ),
        );
        if (kinds.has('other') || kinds.size > 1)
          return telegramError(400, "Bad Request: documents can't be mixed with other media types");
        const missing = media.find(
          (m) =>
            typeof m.media === 'string' &&
            m.media.startsWith('attach://') &&
            !call.body[m.media.slice('attach://'.length)],
        );
        if (missing) return telegramError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
        const chat = { id: Number(call.body.chat_id), type: 'private' };
        return ok(media.map(() => ({ message_id: nextMessageId++, chat, date: Math.floor(Date.now() / 1000) })));
      }
      default:
        return telegramError(404, 'Not Found');
    }
  }

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

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && download) {
      const file = [...files.values()].find((f) => f.path === decodeURIComponent(download[2]));
      res.statusCode = bots.has(download[1]) && file ? 200 : 404;
      res.end(file?.bytes ?? 'Not Found');
      return;
    }
    const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!call) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const entry: TelegramCall = { token: call[1], method: call[2], body: await readBody(req) };
    calls.push(entry);
    const answer = scripted.get(entry.method)?.shift() ?? defaultAnswer(entry);
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let botIds = 7000;

  return {
    close: () => closeServer(server),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** A bot the fake knows; answers its token. */
    addBot(username: string): string {
      const id = botIds++;
      const token = `${id}:AA${username.replace(/\W/g, '')}${Math.random().toString(36).slice(2, 12)}`;
      bots.set(token, { id, username });
      return token;
    },
    addFile(fileId: string, path: string, bytes: Buffer) {
      files.set(fileId, { path, bytes });
    },
    script(method: string, ...answers: FakeAnswer[]) {
      scripted.set(method, [...(scripted.get(method) ?? []), ...answers]);
    },
    callsTo(method: string, token?: string): TelegramCall[] {
      return calls.filter((c) => c.method === method && (token === undefined || c.token === token));
    },
    async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(
            `fake telegram: ${what} not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
