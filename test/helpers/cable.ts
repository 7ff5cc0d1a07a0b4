import WebSocket from 'ws';

export interface CableClient {
  /** Event frames (they carry `seq`). */
  frames: { event: string; data: any; seq: number }[];
  /** `presence.update` frames, kept apart: they are not events and carry no `seq`. */
  presence: { event: string; data: any }[];
  control: any[];
  /** Sends an ActionCable `message` command (a channel action) on the last subscription. */
  perform(action: string): void;
  subscribe(identifier: Record<string, unknown>): Promise<'confirm_subscription' | 'reject_subscription'>;
  waitFor(predicate: (frames: CableClient['frames']) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** An ActionCable client for tests: connects to /cable, subscribes to RoomChannel, records frames. */
export async function connectCable(baseUrl: string): Promise<CableClient> {
  const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/cable');
  const frames: CableClient['frames'] = [];
  const presence: CableClient['presence'] = [];
  const control: any[] = [];
  let lastIdentifier = '';
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    if (message.message?.event === 'presence.update') presence.push(message.message);
    else if (message.message) frames.push(message.message);
    else if (message.type !== 'ping') control.push(message);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const nextControl = async (type: string[]) => {
    for (;;) {
      const found = control.find((m) => type.includes(m.type));
      if (found) {
        control.splice(control.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  await nextControl(['welcome']);
  return {
    frames,
    presence,
    control,
    perform(action) {
      socket.send(JSON.stringify({ command: 'message', identifier: lastIdentifier, data: JSON.stringify({ action }) }));
    },
    async subscribe(identifier) {
      lastIdentifier = JSON.stringify({ channel: 'RoomChannel', ...identifier });
      socket.send(JSON.stringify({ command: 'subscribe', identifier: lastIdentifier }));
      return (await nextControl(['confirm_subscription', 'reject_subscription'])).type;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(frames)) {
        if (Date.now() > deadline) throw new Error(`cable: condition not met in ${timeoutMs} ms (${frames.length} frames: ${frames.map((f) => f.event).join(', ')})`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 50))]);
      }
    },
    close() {
      return new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
}
