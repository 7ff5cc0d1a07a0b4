import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Cable, type Frame } from './cable.ts';

/** Just enough of a browser for the Cable class: a WebSocket the test drives, and no-op window/document hooks. */
class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | undefined;
  static open = new Set<FakeSocket>();
  readyState = FakeSocket.OPEN;
  sent: string[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    FakeSocket.last = this;
    FakeSocket.open.add(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    FakeSocket.open.delete(this);
    this.readyState = 3;
  }
  /** The network dropped it: the browser calls onclose. */
  drop() {
    this.close();
    this.onclose?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const noop = () => {};
const listeners: Record<string, () => void> = {};
const timers: (() => void)[] = [];
const saved = {
  WebSocket: globalThis.WebSocket,
  window: (globalThis as { window?: unknown }).window,
  document: (globalThis as { document?: unknown }).document,
};
afterAll(() => void Object.assign(globalThis, saved));
Object.assign(globalThis, {
  WebSocket: FakeSocket,
  window: {
    addEventListener: (name: string, listener: () => void) => void (listeners[name] = listener),
    removeEventListener: noop,
    setInterval,
    // reconnects wait for the test to run them
    setTimeout: (run: () => void) => timers.push(run),
    clearTimeout: noop,
  },
  document: { addEventListener: noop, removeEventListener: noop },
});

let cable: Cable | undefined;
afterEach(() => cable?.stop());

describe('Cable', () => {
  it('hands the views event frames only: the server’s pings (a timestamp as message) keep the line alive and stop there', () => {
    const frames: Frame[] = [];
    cable = new Cable({
      url: 'ws://test/cable',
      pubsubToken: 't',
      accountId: 1,
      userId: 2,
      onFrame: (f) => frames.push(f),
      onResync: noop,
      onStatus: noop,
    });
    cable.start();
    const socket = FakeSocket.last!;
    socket.receive({ type: 'welcome' });
    const identifier = JSON.parse(socket.sent[0]).identifier;
    socket.receive({ type: 'confirm_subscription', identifier });
    socket.receive({ type: 'ping', message: 1_796_405_812 });
    socket.receive({ identifier, message: { event: 'message.created', data: { id: 7 }, seq: 1 } });
    socket.receive({ type: 'ping', message: 1_796_405_815 });
    expect(frames).toEqual([{ event: 'message.created', data: { id: 7 }, seq: 1 }]);
  });

  it('keeps one socket when the network comes back during a reconnect backoff', () => {
    FakeSocket.open.clear();
    cable = new Cable({
      url: 'ws://test/cable',
      pubsubToken: 't',
      accountId: 1,
      userId: 2,
      onFrame: noop,
      onResync: noop,
      onStatus: noop,
    });
    cable.start();
    FakeSocket.last!.drop(); // a reconnect is scheduled
    listeners.online(); // the network is back: connect now
    timers.splice(0).forEach((run) => run()); // the scheduled reconnect fires later
    expect(FakeSocket.open.size).toBe(1);
  });
});
