import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { App } from '../../types.ts';
import type { RealtimeHub } from '../../../realtime/hub.ts';
import { identifyPubsubToken } from '../../../domain/auth/pubsub.ts';

const PING_MS = 3000;

interface Identifier {
  channel?: string;
  pubsub_token?: string;
  account_id?: number | string;
  user_id?: number | string;
  /** Switchboard's addition: the last `seq` this client saw; everything after it is replayed first. */
  cursor?: number | string;
}

function send(socket: WebSocket, message: unknown) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * ActionCable-compatible realtime endpoint (`/cable`, channel RoomChannel), as Chatwoot's dashboard and
 * widget speak it. Frames carry `seq`; a subscription identifier may carry `cursor` to resume.
 */
export async function cableRoutes(app: App, hub: RealtimeHub): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.get('/cable', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const subscriptions = new Map<string, () => void>();
    const presences = new Map<string, () => Promise<void>>();
    send(socket, { type: 'welcome' });
    const ping = setInterval(() => send(socket, { type: 'ping', message: Math.floor(Date.now() / 1000) }), PING_MS);

    socket.on('message', async (raw) => {
      let command: { command?: string; identifier?: string };
      let identifier: Identifier;
      try {
        command = JSON.parse(String(raw));
        identifier = JSON.parse(command.identifier ?? '{}');
      } catch {
        return;
      }
      const key = command.identifier ?? '';
      if (command.command === 'message') {
        // The dashboard's periodic `perform('update_presence')`: still here; answer with the presence map.
        const presence = presences.get(key);
        let action: string | undefined;
        try {
          action = JSON.parse((command as { data?: string }).data ?? '{}').action;
        } catch {
          return;
        }
        if (presence && action === 'update_presence') await presence().catch((error) => request.log.warn({ err: error }, 'presence update failed'));
        return;
      }
      if (command.command === 'unsubscribe') {
        subscriptions.get(key)?.();
        subscriptions.delete(key);
        presences.delete(key);
        return;
      }
      if (command.command !== 'subscribe' || subscriptions.has(key)) return;
      try {
        const identity = await identifyPubsubToken(
          app.deps.db,
          String(identifier.pubsub_token ?? ''),
          identifier.account_id !== undefined ? Number(identifier.account_id) : undefined,
          identifier.user_id !== undefined ? Number(identifier.user_id) : undefined,
        );
        if (!identity) return send(socket, { identifier: key, type: 'reject_subscription' });
        send(socket, { identifier: key, type: 'confirm_subscription' });
        const cursor = identifier.cursor !== undefined && identifier.cursor !== null ? Number(identifier.cursor) : undefined;
        const unsubscribe = await hub.subscribe(
          {
            accountId: identity.accountId,
            kind: identity.kind,
            inboxIds: identity.kind === 'agent' && identity.inboxIds ? new Set(identity.inboxIds) : undefined,
            contactInboxId: identity.kind === 'contact' ? identity.contactInboxId : undefined,
            userId: identity.kind === 'agent' ? identity.userId : undefined,
            contactId: identity.kind === 'contact' ? identity.contactId : undefined,
            send: (frame) => send(socket, { identifier: key, message: frame }),
          },
          Number.isFinite(cursor) ? cursor : undefined,
        );
        if (socket.readyState !== socket.OPEN) unsubscribe();
        else {
          subscriptions.set(key, unsubscribe);
          presences.set(key, () => hub.updatePresence(identity, (frame) => send(socket, { identifier: key, message: frame })));
        }
      } catch (error) {
        request.log.warn({ err: error }, 'realtime subscription failed');
        send(socket, { identifier: key, type: 'reject_subscription' });
      }
    });

    socket.on('close', () => {
      clearInterval(ping);
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  });
}
