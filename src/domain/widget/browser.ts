/** The browser facts Chatwoot adds to widget events (`event_info.browser`), read from the User-Agent. */
export interface BrowserInfo {
  browser_name: string;
  browser_version: string;
  device_name: string;
  platform_name: string;
  platform_version: string;
}

const BROWSERS: [string, RegExp][] = [
  ['Microsoft Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /OPR\/([\d.]+)/],
  ['Samsung Browser', /SamsungBrowser\/([\d.]+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /Version\/([\d.]+).*Safari\//],
];

const PLATFORMS: [string, RegExp, (m: RegExpMatchArray) => string][] = [
  ['iOS', /(?:iPhone|iPad|iPod).*? OS ([\d_]+)/, (m) => m[1].replace(/_/g, '.')],
  ['Android', /Android ([\d.]+)/, (m) => m[1]],
  ['Windows', /Windows NT ([\d.]+)/, (m) => m[1]],
  ['macOS', /Mac OS X ([\d_.]+)/, (m) => m[1].replace(/_/g, '.')],
  ['Chrome OS', /CrOS \S+ ([\d.]+)/, (m) => m[1]],
  ['Linux', /Linux/, () => '0'],
];

const DEVICES: [string, RegExp][] = [
  ['iPhone', /iPhone/],
  ['iPad', /iPad/],
  ['iPod Touch', /iPod/],
  ['Android', /Android.*Mobile/],
  ['Tablet', /Android/],
];

/**
 * Real User-Agents are a few hundred characters. Some patterns above backtrack over what follows a match
 * (`Version/([\d.]+).*Safari\/`): against a 16 KB header of digits that took ~190 ms per anonymous request.
 */
export const MAX_USER_AGENT_LENGTH = 512;

export function browserInfo(userAgent: string | undefined): BrowserInfo {
  const ua = (userAgent ?? '').slice(0, MAX_USER_AGENT_LENGTH);
  const browser = BROWSERS.map(([name, pattern]) => [name, ua.match(pattern)] as const).find(([, m]) => m);
  const platform = PLATFORMS.map(([name, pattern, version]) => [name, ua.match(pattern), version] as const).find(
    ([, m]) => m,
  );
  return {
    browser_name: browser ? browser[0] : 'Unknown Browser',
    browser_version: browser ? browser[1]![1] : '0.0',
    device_name: DEVICES.find(([, pattern]) => pattern.test(ua))?.[0] ?? 'Unknown',
    platform_name: platform ? platform[0] : 'Unknown',
    platform_version: platform ? platform[2](platform[1]!) : '0',
  };
}

/** The first language of an Accept-Language header, as Chatwoot's `browser.accept_language.first.code`. */
export function browserLanguage(acceptLanguage: string | undefined): string | null {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim();
  return first ? first.split('-')[0].toLowerCase() : null;
}
