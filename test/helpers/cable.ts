import WebSocket from 'ws';

export interface CableClient {
  /** Event frames (they carry `seq`), and `resync.required` (it carries none). */
  frames: { event: string; data: any; seq: number }[];
  /** `presence.update` frames, kept apart: they are not events and carry no `seq`. */
  presence: { event: string; data: any }[];
  control: any[];
  /** The server's first word: `welcome`, or the `disconnect` of a refused connection. */
  greeting: { type: string; reason?: string; reconnect?: boolean };
  /** Resolves with the close code and reason once the socket has closed (either side). */
  closed: Promise<{ code: number; reason: string }>;
  /** Called with every control message (confirm, reject, disconnect) as it arrives. */
  onControl(listener: (message: any) => void): void;
  /** Sends an ActionCable `message` command (a channel action) on the last subscription. */
  perform(action: string): void;
  subscribe(identifier: Record<string, unknown>): Promise<'confirm_subscription' | 'reject_subscription'>;
  unsubscribe(identifier: Record<string, unknown>): void;
  /** Sends raw text or bytes, as a misbehaving client would. */
  sendRaw(data: string | Buffer): void;
  waitFor(predicate: (frames: CableClient['frames']) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const roomIdentifier = (identifier: Record<string, unknown>) =>
  JSON.stringify({ channel: 'RoomChannel', ...identifier });

/** An ActionCable client for tests: connects to /cable, subscribes to RoomChannel, records frames. */
export async function connectCable(baseUrl: string): Promise<CableClient> {
  const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/cable');
  const frames: CableClient['frames'] = [];
  const presence: CableClient['presence'] = [];
  const control: any[] = [];
  const listeners: ((message: any) => void)[] = [];
  let lastIdentifier = '';
  const waiters: (() => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  closed.then(() => waiters.splice(0).forEach((w) => w()));
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    if (message.type === 'ping') return; // its `message` is a timestamp, not a frame
    if (message.message?.event === 'presence.update') presence.push(message.message);
    else if (message.message) frames.push(message.message);
    else {
      control.push(message);
      for (const listener of listeners) listener(message);
    }
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  const nextControl = async (type: string[]) => {
    for (;;) {
      const found = control.find((m) => type.includes(m.type));
      if (found) {
        control.splice(control.indexOf(found), 1);
        return found;
      }
      if (isClosed) throw new Error(`cable: closed while waiting for ${type.join(' or ')}`);
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const greeting = await nextControl(['welcome', 'disconnect']);
  return {
    frames,
    presence,
    control,
    greeting,
    closed,
    onControl(listener) {
      listeners.push(listener);
    },
    perform(action) {
      socket.send(JSON.stringify({ command: 'message', identifier: lastIdentifier, data: JSON.stringify({ action }) }));
    },
    async subscribe(identifier) {
      lastIdentifier = roomIdentifier(identifier);
      socket.send(JSON.stringify({ command: 'subscribe', identifier: lastIdentifier }));
      return (await nextControl(['confirm_subscription', 'reject_subscription'])).type;
    },
    unsubscribe(identifier) {
      socket.send(JSON.stringify({ command: 'unsubscribe', identifier: roomIdentifier(identifier) }));
    },
    sendRaw(data) {
      socket.send(data);
    },
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(frames)) {
        if (Date.now() > deadline)
          throw new Error(
            `cable: condition not met in ${timeoutMs} ms (${frames.length} frames: ${frames
              .slice(-20)
              .map((f) => f.event)
              .join(', ')})`,
          );
        await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 50))]);
      }
    },
    async close() {
      if (socket.readyState !== socket.CLOSED) socket.close();
      await closed;
    },
  };
}
