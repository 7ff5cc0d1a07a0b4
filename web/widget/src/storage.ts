/**
 * The visitor's X-Auth-Token, kept per website token so the conversation survives reloads. A popped-out window
 * (a top-level page, whose storage is not the iframe's) receives it in the URL's fragment, which never reaches
 * a server, and removes it from the address bar at once.
 */
const key = (websiteToken: string) => `switchboard_widget_token:${websiteToken}`;

export function storedToken(websiteToken: string): string {
  // Chatwoot's mobile SDKs open /widget in a web view with the visitor's token as `cw_conversation`.
  const fromMobile = new URLSearchParams(location.search).get('cw_conversation');
  if (fromMobile) return fromMobile;
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('auth_token');
  if (fromFragment) {
    saveToken(websiteToken, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
    return fromFragment;
  }
  try {
    return localStorage.getItem(key(websiteToken)) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(websiteToken: string, token: string): void {
  try {
    localStorage.setItem(key(websiteToken), token);
  } catch {
    // Storage refused (private mode, blocked third-party storage): the chat works until the page reloads.
  }
}

export function forgetToken(websiteToken: string): void {
  try {
    localStorage.removeItem(key(websiteToken));
  } catch {
    // nothing stored
  }
}
