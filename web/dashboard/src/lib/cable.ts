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
  private readonly options: CableOptions;

  constructor(options: CableOptions) {
    this.options = options;
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.checkOnReturn);
  }

  start(): void {
    this.connect();
    this.timers.push(window.setInterval(() => this.perform('update_presence'), PRESENCE_EVERY_MS));
    this.timers.push(window.setInterval(() => {
      if (this.socket?.readyState === WebSocket.OPEN && Date.now() - this.lastHeard > SILENCE_MS) this.socket.close();
    }, 2_000));
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach((timer) => clearInterval(timer));
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.checkOnReturn);
    this.socket?.close();
  }

  private reconnectNow = () => {
    if (this.socket?.readyState !== WebSocket.OPEN) {
      this.retries = 0;
      this.socket?.close();
      this.connect();
    }
  };

  private checkOnReturn = () => {
    if (document.visibilityState === 'visible' && Date.now() - this.lastHeard > SILENCE_MS) this.socket?.close();
  };

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(socket, String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.options.onStatus(false);
      if (this.stopped) return;
      const delay = Math.min(10_000, 500 * 2 ** this.retries++) * (0.75 + Math.random() * 0.5);
      window.setTimeout(() => this.connect(), delay);
    };
  }

  private receive(socket: WebSocket, raw: string): void {
    this.lastHeard = Date.now();
    let frame: { type?: string; identifier?: string; message?: Frame };
    try {
      frame = JSON.parse(raw);
    } catch {
      return;
    }
    if (frame.type === 'welcome') return this.subscribe(socket);
    if (frame.type === 'confirm_subscription') {
      this.retries = 0;
      this.options.onStatus(true);
      if (this.lastSeq === undefined) this.options.onResync();
      return;
    }
    if (frame.type === 'reject_subscription') return socket.close();
    if (frame.type === 'disconnect') return socket.close();
    // A ping's message is a timestamp: hearing it (lastHeard above) is all it is for; views get event frames only.
    if (frame.type === 'ping') return;
    if (frame.message) this.deliver(frame.message);
  }

  private subscribe(socket: WebSocket): void {
    const { pubsubToken, accountId, userId } = this.options;
    this.identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: pubsubToken, account_id: accountId, user_id: userId, ...(this.lastSeq !== undefined ? { cursor: this.lastSeq } : {}) });
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
      // the server could not replay everything missed: start afresh from now
      this.lastSeq = typeof frame.seq === 'number' ? frame.seq : undefined;
      this.options.onResync();
      return;
    }
    this.options.onFrame(frame);
  }

  private perform(action: string): void {
    if (this.socket?.readyState === WebSocket.OPEN && this.identifier) {
      this.socket.send(JSON.stringify({ command: 'message', identifier: this.identifier, data: JSON.stringify({ action }) }));
    }
  }
}
