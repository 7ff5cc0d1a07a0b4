import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/** Chatwoot's install snippet as issue 13 quotes it, with only BASE_URL and the token changed. */
export const chatwootSnippet = (origin: string, token: string) =>
  `(function(d,t){var BASE_URL="${origin}";var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
    g.src=BASE_URL+"/packs/js/sdk.js";g.defer=true;g.async=true;s.parentNode.insertBefore(g,s);
    g.onload=function(){window.chatwootSDK.run({websiteToken:'${token}',baseUrl:BASE_URL})}})(document,"script");`;

/**
 * A website on another loopback port carrying the snippet, under a Content-Security-Policy that allows only
 * `origin` (and the inline scripts by their hashes). `?token=` picks another inbox; `?dark` adds the
 * chatwootSettings Chatwoot documents (left, expanded bubble, dark mode auto) before the snippet.
 */
export async function startSnippetSite(
  origin: string,
  defaultToken: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const site = http.createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    const token = query.get('token') ?? defaultToken;
    const scripts = [
      ...(query.has('dark')
        ? [
            `window.chatwootSettings={position:"left",type:"expanded_bubble",launcherTitle:"Chat with us",darkMode:"auto"};`,
          ]
        : []),
      chatwootSnippet(origin, token),
    ];
    const hashes = scripts
      .map((script) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`)
      .join(' ');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader(
      'content-security-policy',
      `default-src 'none'; script-src ${hashes} ${origin}; frame-src ${origin}`,
    );
    response.end(
      `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head><body><h1>The shop</h1><p>Products and prices.</p>${scripts.map((s) => `<script>${s}</script>`).join('')}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

/** Resolves once the SDK on the page has loaded (`$chatwoot.hasLoaded`, or its `chatwoot:ready` event). */
export async function widgetReady(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        (window as unknown as { $chatwoot?: { hasLoaded: boolean } }).$chatwoot?.hasLoaded
          ? resolve()
          : window.addEventListener('chatwoot:ready', () => resolve(), { once: true }),
      ),
  );
}
