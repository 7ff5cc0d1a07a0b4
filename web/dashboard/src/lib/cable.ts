/**
 * The dashboard's end of `/cable` (ActionCable's protocol, channel RoomChannel). Every frame carries the
 * account's event `seq`; after a cut (sleep, network change, server restart) the client subscribes again
 * with `cursor` = the last seq it saw, and the server replays what was missed, so nothing is lost and
 * nothing shows twice. A subscription without a cursor (the first one) asks the views to reload instead.
 */
export interface Frame {
  event: string;
  data: Record<string, any>;
  seq?: number;
}

export interface CableOptions {
  url: string;
  pubsubToken: string;
  accountId: number;
  userId: number;
  onFrame(frame: Frame): void;
  /** Called once subscribed with nothing to resume from: data loaded before may be stale, load it again. */
  onResync(): void;
  onStatus(online: boolean): void;
}

const PRESENCE_EVERY_MS = 20_000;
const SILENCE_MS = 12_000; // the server pings every 3 s: this long without a frame means the line is dead

export class Cable {
  private socket: WebSocket | null = null;
  private lastSeq: number | undefined;
  /** Event names already seen at lastSeq: one event can make several frames with the same seq. */
  private seenAtLastSeq = new Set<string>();
  private retries = 0;
  private stopped = false;
  private timers: number[] = [];
  private lastHeard = Date.now();
  private identifier = '';
  private reconnectTimer: number | undefined;
  private readonly options: CableOptions;

  constructor(options: CableOptions) {
    this.options = options;
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.checkOnReturn);
  }

  start(): void {
    this.connect();
    this.timers.push(window.setInterval(() => this.perform('update_presence'), PRESENCE_EVERY_MS));
    this.timers.push(
      window.setInterval(() => {
        if (this.socket?.readyState === WebSocket.OPEN && Date.now() - this.lastHeard > SILENCE_MS) this.socket.close();
      }, 2_000),
    );
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.reconnectTimer);
    this.timers.forEach((timer) => clearInterval(timer));
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.checkOnReturn);
    this.socket?.close();
  }

  private reconnectNow = () => {
    if (this.socket?.readyState !== WebSocket.OPEN) {
      this.retries = 0;
      this.connect();
    }
  };

  private checkOnReturn = () => {
    if (document.visibilityState === 'visible' && Date.now() - this.lastHeard > SILENCE_MS) this.socket?.close();
  };

  /**
   * One socket at a time: a new one replaces the old (its handlers detached, closed) and cancels a reconnect
   * already scheduled — else an `online` event during a backoff left the old socket subscribed beside the new.
   */
  private connect(): void {
    if (this.stopped) return;
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const previous = this.socket;
    if (previous) {
      previous.onmessage = null;
      previous.onclose = null;
      previous.close();
    }
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(socket, String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.options.onStatus(false);
      if (this.stopped) return;
      const delay = Math.min(10_000, 500 * 2 ** this.retries++) * (0.75 + Math.random() * 0.5);
      this.reconnectTimer = window.setTimeout(() => this.connect(), delay);
    };
  }

  private receive(socket: WebSocket, raw: string): void {
    this.lastHeard = Date.now();
    let frame: { type?: string; identifier?: string; message?: Frame; reconnect?: boolean };
    try {
      frame = JSON.parse(raw);
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      this.subscribe(socket);
      return;
    }
    if (frame.type === 'confirm_subscription') {
      this.retries = 0;
      this.options.onStatus(true);
      if (this.lastSeq === undefined) this.options.onResync();
      return;
    }
    if (frame.type === 'reject_subscription') {
      socket.close();
      return;
    }
    if (frame.type === 'disconnect') {
      if (frame.reconnect === false) this.retries = 10; // refused (too many sockets): come back only slowly
      socket.close();
      return;
    }
    // Pings carry a timestamp as `message`; events carry an object with `event`.
    if (frame.type === undefined && typeof frame.message?.event === 'string') this.deliver(frame.message);
  }

  private subscribe(socket: WebSocket): void {
    const { pubsubToken, accountId, userId } = this.options;
    this.identifier = JSON.stringify({
      channel: 'RoomChannel',
      pubsub_token: pubsubToken,
      account_id: accountId,
      user_id: userId,
      ...(this.lastSeq !== undefined ? { cursor: this.lastSeq } : {}),
    });
    socket.send(JSON.stringify({ command: 'subscribe', identifier: this.identifier }));
  }

  private deliver(frame: Frame): void {
    if (typeof frame.seq === 'number') {
      if (this.lastSeq !== undefined && frame.seq < this.lastSeq) return;
      if (frame.seq === this.lastSeq) {
        if (this.seenAtLastSeq.has(frame.event)) return;
      } else {
        this.lastSeq = frame.seq;
        this.seenAtLastSeq.clear();
      }
      this.seenAtLastSeq.add(frame.event);
    }
    if (frame.event === 'resync.required') {
      // Too much was missed to replay: reload what is shown, and go on from the account's latest event.
      const latest = Number(frame.data.latest_seq);
      if (Number.isFinite(latest)) this.lastSeq = latest;
      this.seenAtLastSeq.clear();
      this.options.onResync();
      return;
    }
    this.options.onFrame(frame);
  }

  private perform(action: string): void {
    if (this.socket?.readyState === WebSocket.OPEN && this.identifier) {
      this.socket.send(
        JSON.stringify({ command: 'message', identifier: this.identifier, data: JSON.stringify({ action }) }),
      );
    }
  }
}
