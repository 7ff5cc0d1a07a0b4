import net from 'node:net';

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per client: `perMinute` tokens, refilled evenly over a minute, one taken per request.
 * In this process only: with several processes behind a load balancer each allows its own `perMinute`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMinute: number;
  private readonly perMs: number;
  private readonly now: () => number;
  /** Buckets kept at most: a client rotating addresses costs memory up to here, then only the oldest buckets. */
  private readonly maxClients: number;

  constructor(perMinute: number, options: { now?: () => number; maxClients?: number } = {}) {
    this.perMinute = perMinute;
    this.perMs = perMinute / 60_000;
    this.now = options.now ?? Date.now;
    this.maxClients = options.maxClients ?? 50_000;
  }

  take(key: string): Take {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs) : this.perMinute;
    if (tokens < 1) {
      if (bucket) Object.assign(bucket, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    if (!bucket) this.makeRoom(now);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { allowed: true };
  }

  private makeRoom(now: number): void {
    if (this.buckets.size < this.maxClients) return;
    // A bucket that has refilled is the same as no bucket.
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxClients) break;
      this.buckets.delete(key);
    }
  }
}

/** Expands an IPv6 address to its eight hextets. */
function hextets(address: string): string[] {
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right];
}

/**
 * The key a client is limited by: its IPv4 address, or the /64 network of its IPv6 address (one subscriber's
 * allocation: otherwise every address of it would be a fresh client).
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (net.isIPv6(ip))
    return `${hextets(ip.split('%')[0])
      .slice(0, 4)
      .map((h) => parseInt(h, 16).toString(16))
      .join(':')}::/64`;
  return ip;
}
