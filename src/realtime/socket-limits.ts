import type { Config } from '../config.ts';

type LimitSettings = Pick<
  Config['realtime'],
  'maxSocketsPerIp' | 'maxSocketsPerIdentity' | 'maxSubscriptionsPerSocket' | 'maxFramesPerSecond'
>;

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/**
 * What one process lets realtime clients hold: sockets per client address, sockets per identity (an
 * agent or a widget contact, whatever token it subscribes with) and, through each socket's
 * SocketAllowance, subscriptions and frames. A real dashboard or widget holds one socket with one or two
 * subscriptions and speaks a frame every few seconds; the defaults leave room for many tabs.
 */
export class SocketLimits {
  readonly settings: LimitSettings;
  private readonly perIp = new Map<string, number>();
  readonly perIdentity = new Map<string, number>();

  constructor(settings: LimitSettings) {
    this.settings = settings;
  }

  /** A socket from `ip` opens: its allowance, or undefined when the address holds all the sockets it may. */
  admit(ip: string): SocketAllowance | undefined {
    const { maxSocketsPerIp } = this.settings;
    if (maxSocketsPerIp && (this.perIp.get(ip) ?? 0) >= maxSocketsPerIp) return undefined;
    increment(this.perIp, ip);
    return new SocketAllowance(this, () => decrement(this.perIp, ip));
  }
}

/** One socket's share: a token bucket for its frames, and the identities it counts against. */
export class SocketAllowance {
  private readonly limits: SocketLimits;
  private readonly release: () => void;
  /** Identity → subscriptions of this socket that speak for it. */
  private readonly identities = new Map<string, number>();
  private tokens: number;
  private refilledAt = performance.now();
  private closed = false;

  constructor(limits: SocketLimits, release: () => void) {
    this.limits = limits;
    this.release = release;
    this.tokens = limits.settings.maxFramesPerSecond;
  }

  get maxSubscriptions(): number {
    return this.limits.settings.maxSubscriptionsPerSocket;
  }

  /** Counts an incoming frame; false once the socket sends faster than its rate (bursts up to one second's worth). */
  takeFrame(): boolean {
    const rate = this.limits.settings.maxFramesPerSecond;
    const now = performance.now();
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** A subscription of this socket speaks for `identity`; false when the identity already holds its sockets elsewhere. */
  claimIdentity(identity: string): boolean {
    if (this.closed) return false;
    const held = this.identities.get(identity) ?? 0;
    if (!held && (this.limits.perIdentity.get(identity) ?? 0) >= this.limits.settings.maxSocketsPerIdentity)
      return false;
    if (!held) increment(this.limits.perIdentity, identity);
    this.identities.set(identity, held + 1);
    return true;
  }

  /** A subscription claimed with `identity` ended. */
  releaseIdentity(identity: string): void {
    const held = this.identities.get(identity);
    if (!held) return;
    if (held > 1) return void this.identities.set(identity, held - 1);
    this.identities.delete(identity);
    decrement(this.limits.perIdentity, identity);
  }

  /** The socket closed: everything it counted against is given back. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const identity of this.identities.keys()) decrement(this.limits.perIdentity, identity);
    this.identities.clear();
    this.release();
  }
}

/** Who a subscription speaks for, whatever token it used: an agent, or a widget contact in one inbox. */
export function identityKey(who: { kind: 'agent' | 'contact'; userId?: number; contactInboxId?: number }): string {
  return who.kind === 'agent' ? `agent:${who.userId}` : `contact:${who.contactInboxId}`;
}
