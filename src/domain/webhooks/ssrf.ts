import dns from 'node:dns/promises';
import net from 'node:net';
import { validation } from '../../errors.ts';

const blockedV4 = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blockedV4.addSubnet(network, prefix, 'ipv4');
const blockedV6 = new net.BlockList();
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blockedV6.addSubnet(network, prefix, 'ipv6');

/** The eight 16-bit groups of a valid IPv6 address (a zone and a trailing dotted quad allowed). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address an IPv6 address stands for, where it embeds one — IPv4-compatible `::a.b.c.d`, mapped
 * `::ffff:a.b.c.d`, translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:aabb:ccdd::` — so
 * `[::7f00:1]` is judged as 127.0.0.1. `refuse` for forms that reach an IPv4 address we cannot judge from the
 * address alone: local-use NAT64 (64:ff9b:1::/48) and Teredo (2001::/32, whose client address is obfuscated).
 */
function embeddedIPv4(g: number[]): string | 'refuse' | undefined {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return v4(g[6], g[7]);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'refuse';
  if (g[0] === 0x2002) return v4(g[1], g[2]);
  if (g[0] === 0x2001 && g[1] === 0) return 'refuse';
  return undefined;
}

/** Whether connecting to this address could reach loopback, a private network or another reserved range. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) return blockedV4.check(address, 'ipv4');
  if (!net.isIPv6(address)) return true;
  const embedded = embeddedIPv4(ipv6Groups(address));
  if (embedded === 'refuse') return true;
  if (embedded) return blockedV4.check(embedded, 'ipv4');
  return blockedV6.check(address.replace(/%.*$/, ''), 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** How a host name becomes addresses (tests give their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** "url" → "Url", "channel.webhook_url" → "Webhook url", "callbackUrl" as it is: the field as a message names it. */
function label(field: string): string {
  const name = (field.split('.').pop() ?? field).replace(/_/g, ' ');
  return /[A-Z]/.test(name) ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

/** The URL's host without the brackets of an IPv6 literal. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function parseHttpUrl(raw: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validation(`${label(field)} is invalid`, [field]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw validation(`${label(field)} must use http or https`, [field]);
  return url;
}

/** A URL checked for sending, with the one address to connect to. */
export interface VettedUrl {
  url: URL;
  address: string;
  family: number;
}

/**
 * Resolves the URL's host once and checks every address it has (unless private networks are allowed); answers
 * the address to connect to. Connecting to exactly this address (outbound.ts) leaves no room for a second
 * lookup to answer differently (DNS rebinding).
 */
export async function vetUrl(
  raw: string,
  allowPrivate: boolean,
  field = 'url',
  resolve: Resolver = systemResolver,
): Promise<VettedUrl> {
  const url = parseHttpUrl(raw, field);
  const host = bareHost(url);
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      // With the guard off, a name that does not resolve fails as a connection would (ENOTFOUND).
      if (allowPrivate) throw error;
      addresses = [];
    }
  }
  if (!addresses.length) throw validation(`${label(field)} host does not resolve`, [field]);
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    throw validation(`${label(field)} points to a private or loopback network`, [field]);
  return { url, address: addresses[0].address, family: addresses[0].family };
}

/**
 * When a URL that will be sent to is saved: it must be http(s) and, unless allowed, must not be or resolve to a
 * loopback or private address (422 naming `field`). A name that does not resolve (yet) is accepted here — it
 * is no way in — and, like every URL, vetted again at each send (vetUrl).
 */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  field = 'url',
  resolve: Resolver = systemResolver,
): Promise<URL> {
  const url = parseHttpUrl(raw, field);
  if (allowPrivate) return url;
  const host = bareHost(url);
  const addresses = net.isIP(host) ? [host] : (await resolve(host).catch(() => [])).map((a) => a.address);
  if (addresses.some(isPrivateAddress))
    throw validation(`${label(field)} points to a private or loopback network`, [field]);
  return url;
}

/** The same check for an optional URL: nothing to check when it is absent or blank (blank means "none"). */
export async function checkOptionalUrl(
  raw: string | null | undefined,
  allowPrivate: boolean,
  field: string,
): Promise<void> {
  if (raw === undefined || raw === null || raw.trim() === '') return;
  await checkWebhookUrl(raw.trim(), allowPrivate, field);
}
