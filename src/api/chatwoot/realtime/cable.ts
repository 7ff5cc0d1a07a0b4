import type { Duplex } from 'node:stream';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { App } from '../../types.ts';
import type { RealtimeHub } from '../../../realtime/hub.ts';
import { identityKey, SocketLimits } from '../../../realtime/socket-limits.ts';
import { identifyPubsubToken } from '../../../domain/auth/pubsub.ts';
import type { RealtimeFrame } from './payloads.ts';

const PING_MS = 3000;
/** ActionCable commands carry an identifier and an action name, a few hundred bytes: nothing needs more. */
const MAX_FRAME_BYTES = 8 * 1024;
/** A replay waits for the client to read while more than this is queued on its socket. */
const WRITABLE_BYTES = 256 * 1024;

interface Identifier {
  channel?: string;
  pubsub_token?: string;
  account_id?: number | string;
  user_id?: number | string;
  /** Switchboard's addition: the last `seq` this client saw; everything after it is replayed first. */
  cursor?: number | string | null;
}

interface Command {
  command: string;
  /** The identifier exactly as sent: ActionCable echoes it back and keys subscriptions by it. */
  key: string;
  identifier: Identifier;
  action?: string;
}

function send(socket: WebSocket, message: unknown) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** ActionCable's refusal of a connection: the client is told why and not to come back, then it is closed. */
function refuse(socket: WebSocket, reason: 'too_many_connections' | 'too_many_messages') {
  send(socket, { type: 'disconnect', reason, reconnect: false });
  socket.close(1008, reason);
}

function parseCommand(raw: unknown): Command | undefined {
  try {
    const message = JSON.parse(String(raw));
    if (typeof message?.command !== 'string' || typeof message.identifier !== 'string') return undefined;
    const identifier = JSON.parse(message.identifier);
    const action = message.command === 'message' ? JSON.parse(message.data ?? '{}')?.action : undefined;
    return {
      command: message.command,
      key: message.identifier,
      identifier: identifier && typeof identifier === 'object' ? identifier : {},
      action,
    };
  } catch {
    return undefined;
  }
}

function cursorOf(identifier: Identifier): number | undefined {
  if (identifier.cursor === undefined || identifier.cursor === null) return undefined;
  const cursor = Number(identifier.cursor);
  return Number.isFinite(cursor) ? cursor : undefined;
}

/** Resolves once the socket's send queue is short again (or it closed). */
function whenWritable(socket: WebSocket, raw: Duplex): Promise<void> {
  if (socket.bufferedAmount <= WRITABLE_BYTES || socket.readyState !== socket.OPEN) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    raw.once('drain', done);
    socket.once('close', done);
  });
}

/**
 * ActionCable-compatible realtime endpoint (`/cable`, channel RoomChannel), as Chatwoot's dashboard and
 * widget speak it. Frames carry `seq`; a subscription identifier may carry `cursor` to resume. Sockets,
 * subscriptions and frames are capped (SocketLimits); refusals are ActionCable's own messages.
 */
export async function cableRoutes(app: App, hub: RealtimeHub): Promise<void> {
  const limits = new SocketLimits(app.deps.config.realtime);
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  app.get('/cable', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const allowance = limits.admit(request.ip);
    if (!allowance) return refuse(socket, 'too_many_connections');
    /** Subscriptions in place or being set up, by identifier; aborting one ends it. */
    const subscriptions = new Map<string, AbortController>();
    const presences = new Map<string, () => Promise<void>>();
    send(socket, { type: 'welcome' });
    const ping = setInterval(() => send(socket, { type: 'ping', message: Math.floor(Date.now() / 1000) }), PING_MS);

    const end = (key: string) => {
      subscriptions.get(key)?.abort();
      subscriptions.delete(key);
      presences.delete(key);
    };

    const subscribe = async (key: string, identifier: Identifier) => {
      // ActionCable's client repeats a subscribe until it is answered: one in progress or in place stands.
      if (subscriptions.has(key)) return;
      const reject = () => send(socket, { identifier: key, type: 'reject_subscription' });
      if (subscriptions.size >= allowance.maxSubscriptions) return reject();
      const controller = new AbortController();
      subscriptions.set(key, controller);
      const refuseThis = () => {
        if (subscriptions.get(key) === controller) end(key);
        reject();
      };
      try {
        const identity = await identifyPubsubToken(
          app.deps.db,
          String(identifier.pubsub_token ?? ''),
          identifier.account_id !== undefined ? Number(identifier.account_id) : undefined,
          identifier.user_id !== undefined ? Number(identifier.user_id) : undefined,
        );
        if (controller.signal.aborted) return;
        if (!identity) return refuseThis();
        const who = identityKey(identity);
        if (!allowance.claimIdentity(who)) return refuseThis();
        controller.signal.addEventListener('abort', () => allowance.releaseIdentity(who), { once: true });
        const sendFrame = (frame: RealtimeFrame) => send(socket, { identifier: key, message: frame });
        await hub.subscribe(
          {
            accountId: identity.accountId,
            kind: identity.kind,
            inboxIds: identity.kind === 'agent' && identity.inboxIds ? new Set(identity.inboxIds) : undefined,
            contactInboxId: identity.kind === 'contact' ? identity.contactInboxId : undefined,
            userId: identity.kind === 'agent' ? identity.userId : undefined,
            contactId: identity.kind === 'contact' ? identity.contactId : undefined,
            send: sendFrame,
            writable: () => whenWritable(socket, request.raw.socket),
          },
          {
            cursor: cursorOf(identifier),
            signal: controller.signal,
            // Confirmed once live events reach it, as ActionCable confirms once its stream is live.
            onLive: () => {
              send(socket, { identifier: key, type: 'confirm_subscription' });
              presences.set(key, () => hub.updatePresence(identity, sendFrame));
            },
          },
        );
      } catch (error) {
        if (controller.signal.aborted) return;
        request.log.warn({ err: error }, 'realtime subscription failed');
        refuseThis();
      }
    };

    socket.on('message', (raw) => {
      if (!allowance.takeFrame()) return refuse(socket, 'too_many_messages');
      const command = parseCommand(raw);
      if (command?.command === 'subscribe') void subscribe(command.key, command.identifier);
      else if (command?.command === 'unsubscribe') end(command.key);
      // The dashboard's periodic `perform('update_presence')`: still here; answer with the presence map.
      else if (command?.command === 'message' && command.action === 'update_presence') {
        presences
          .get(command.key)?.()
          .catch((error) => request.log.warn({ err: error }, 'presence update failed'));
      }
    });

    socket.on('close', () => {
      clearInterval(ping);
      for (const key of [...subscriptions.keys()]) end(key);
      allowance.close();
    });
  });
}
