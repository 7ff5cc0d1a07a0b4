/**
 * The inbox's allowed domains (`allowed_domains`: "shop.example, *.shop.example, https://app.example:8443")
 * as CSP `frame-ancestors` sources: the browser then refuses to show the widget framed by any other site.
 * An entry that is not a plain host (with an optional scheme, `*.` prefix and port) is dropped, so no text an
 * administrator typed can add another directive to the header.
 */
const SOURCE = /^(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;

export function allowedDomainSources(allowedDomains: unknown): string[] {
  if (typeof allowedDomains !== 'string') return [];
  return allowedDomains
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().replace(/\/+$/, ''))
    .filter((entry) => SOURCE.test(entry));
}

/** `*` (any site) when the inbox names none, as Chatwoot does; else only those. */
export function frameAncestors(allowedDomains: unknown): string {
  const sources = allowedDomainSources(allowedDomains);
  return sources.length ? sources.join(' ') : '*';
}
