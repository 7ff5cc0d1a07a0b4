import { FROM_SDK, FROM_WIDGET, type SdkCommand, type WidgetNotice } from './protocol.ts';

/**
 * Chatwoot's page API (`window.chatwootSDK.run`, `window.chatwootSettings`, `window.$chatwoot`) drawing a
 * bubble and an iframe of BASE_URL/widget. Styles are set through the CSSOM (element.style), never as
 * <style> or style attributes, so a page whose Content-Security-Policy allows only BASE_URL still works.
 */
interface Settings {
  hideMessageBubble?: boolean;
  position?: 'left' | 'right';
  locale?: string;
  type?: 'standard' | 'expanded_bubble';
  launcherTitle?: string;
  darkMode?: 'light' | 'auto';
  showPopoutButton?: boolean;
}

interface RunOptions {
  websiteToken: string;
  baseUrl: string;
}

type Style = Partial<Record<string, string>>;
const w = window as unknown as { chatwootSettings?: Settings; $chatwoot?: unknown; chatwootSDK?: unknown };
const SVG_NS = 'http://www.w3.org/2000/svg';
const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Style,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(style)) node.style.setProperty(key, value ?? '');
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function icon(path: string, filled: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  shape.setAttribute('fill', filled ? 'currentColor' : 'none');
  shape.setAttribute('stroke', 'currentColor');
  shape.setAttribute('stroke-width', filled ? '0' : '2.4');
  shape.setAttribute('stroke-linecap', 'round');
  svg.appendChild(shape);
  return svg;
}

function run(options: RunOptions): void {
  if (w.$chatwoot) return;
  const settings: Settings = w.chatwootSettings ?? {};
  const origin = new URL(options.baseUrl, location.href).origin;
  const side = settings.position === 'left' ? 'left' : 'right';
  const expanded = settings.type === 'expanded_bubble';
  let locale = settings.locale ?? '';
  let open = false;
  let loaded = false;
  let authToken = '';
  let bubbleHidden = Boolean(settings.hideMessageBubble);
  const pending: SdkCommand[] = [];

  const query = new URLSearchParams({ website_token: options.websiteToken, parent_origin: location.origin });
  if (locale) query.set('locale', locale);
  if (settings.darkMode) query.set('dark_mode', settings.darkMode);
  const widgetUrl = `${origin}/widget?${query}`;

  const holder = el(
    'div',
    {
      position: 'fixed',
      bottom: '20px',
      [side]: '20px',
      'z-index': '2147483000',
      display: 'flex',
      'flex-direction': 'column',
      'align-items': side === 'left' ? 'flex-start' : 'flex-end',
      gap: '12px',
      'font-family': 'system-ui, sans-serif',
    },
    { id: 'switchboard-widget-holder' },
  );
  const frame = el(
    'iframe',
    {
      display: 'none',
      border: '0',
      'border-radius': '16px',
      'box-shadow': '0 12px 40px rgba(0,0,0,.18)',
      background: '#fff',
      width: '400px',
      height: 'min(640px, calc(100vh - 110px))',
      'max-width': 'calc(100vw - 40px)',
    },
    { src: widgetUrl, title: 'Chat window', id: 'chatwoot_live_chat_widget', allow: 'clipboard-write' },
  );
  const bubble = el(
    'button',
    {
      display: settings.hideMessageBubble ? 'none' : 'flex',
      'align-items': 'center',
      gap: '8px',
      height: '56px',
      'min-width': '56px',
      padding: expanded ? '0 20px' : '0',
      'justify-content': 'center',
      border: '0',
      'border-radius': '28px',
      background: '#1f6feb',
      color: '#fff',
      cursor: 'pointer',
      'box-shadow': '0 6px 20px rgba(0,0,0,.2)',
      position: 'relative',
      'font-size': '15px',
      'font-weight': '600',
    },
    {
      type: 'button',
      'aria-label': settings.launcherTitle || 'Open chat',
      'aria-expanded': 'false',
      class: 'woot-widget-bubble',
    },
  );
  const badge = el(
    'span',
    {
      display: 'none',
      position: 'absolute',
      top: '-4px',
      [side === 'left' ? 'right' : 'left']: '-4px',
      'min-width': '20px',
      height: '20px',
      padding: '0 5px',
      'box-sizing': 'border-box',
      'border-radius': '10px',
      background: '#d1242f',
      color: '#fff',
      'font-size': '12px',
      'line-height': '20px',
      'text-align': 'center',
    },
    { 'aria-live': 'polite', class: 'switchboard-unread' },
  );
  const label = el('span', { display: expanded ? 'inline' : 'none' });
  label.textContent = settings.launcherTitle || 'Chat with us';

  const drawBubble = () => {
    bubble.replaceChildren(icon(open ? CLOSE_ICON : CHAT_ICON, !open), label, badge);
    label.style.setProperty('display', expanded && !open ? 'inline' : 'none');
    bubble.setAttribute('aria-expanded', String(open));
    bubble.setAttribute('aria-label', open ? 'Close chat' : settings.launcherTitle || 'Open chat');
  };
  const narrow = () => window.innerWidth < 668;
  const placeFrame = () => {
    const full = open && narrow();
    const style: Style = full
      ? { position: 'fixed', inset: '0', width: '100vw', height: '100vh', 'max-width': '100vw', 'border-radius': '0' }
      : {
          position: 'static',
          inset: 'auto',
          width: '400px',
          height: 'min(640px, calc(100vh - 110px))',
          'max-width': 'calc(100vw - 40px)',
          'border-radius': '16px',
        };
    for (const [key, value] of Object.entries(style)) frame.style.setProperty(key, value ?? '');
    // Full screen, the frame's own close button closes it; the bubble would cover the composer.
    bubble.style.setProperty('display', bubbleHidden || full ? 'none' : 'flex');
  };

  const post = (command: SdkCommand) => {
    if (!loaded) return void pending.push(command);
    frame.contentWindow?.postMessage({ source: FROM_SDK, ...command }, origin);
  };
  const emit = (name: string, detail?: unknown) => window.dispatchEvent(new CustomEvent(name, { detail }));

  const toggle = (state?: 'open' | 'close') => {
    open = state === undefined ? !open : state === 'open';
    frame.style.setProperty('display', open ? 'block' : 'none');
    placeFrame();
    drawBubble();
    post({ event: 'visibility', open });
  };

  window.addEventListener('message', (event: MessageEvent) => {
    // Only the widget's own frame, from BASE_URL's origin, may speak to the page script.
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data as ({ source?: string } & WidgetNotice) | null;
    if (!data || data.source !== FROM_WIDGET) return;
    switch (data.event) {
      case 'loaded':
        authToken = data.authToken;
        // Again after reset() or a new identity: the reloaded frame learns whether it is open.
        post({ event: 'visibility', open });
        if (!loaded) {
          loaded = true;
          api.hasLoaded = true;
          pending.splice(0).forEach(post);
          emit('chatwoot:ready');
        }
        break;
      case 'auth-token':
        authToken = data.authToken;
        break;
      case 'unread':
        badge.textContent = data.count > 9 ? '9+' : String(data.count);
        badge.style.setProperty('display', data.count > 0 && !open ? 'inline-block' : 'none');
        break;
      case 'on-message':
        emit('chatwoot:on-message', data.message);
        break;
      case 'error':
        emit('chatwoot:error', { message: data.error });
        break;
      case 'close':
        toggle('close');
        break;
    }
  });
  window.addEventListener('resize', placeFrame);
  bubble.addEventListener('click', () => toggle());

  const api = {
    hasLoaded: false,
    get isOpen() {
      return open;
    },
    websiteToken: options.websiteToken,
    baseUrl: origin,
    position: side,
    type: expanded ? 'expanded_bubble' : 'standard',
    launcherTitle: settings.launcherTitle ?? '',
    hideMessageBubble: Boolean(settings.hideMessageBubble),
    get locale() {
      return locale;
    },
    toggle,
    toggleBubbleVisibility(visibility?: 'show' | 'hide') {
      bubbleHidden = visibility === undefined ? !bubbleHidden : visibility === 'hide';
      placeFrame();
    },
    popoutChatWindow() {
      const url = `${widgetUrl}&popout=true${authToken ? `#auth_token=${encodeURIComponent(authToken)}` : ''}`;
      window.open(url, 'switchboard-chat', 'resizable=off,width=400,height=640');
      toggle('close');
    },
    setUser(identifier: string | number, user: Record<string, unknown> = {}) {
      if ((typeof identifier !== 'string' && typeof identifier !== 'number') || String(identifier) === '')
        throw new Error('Identifier should be a non-empty string or number');
      post({ event: 'set-user', identifier: String(identifier), user });
    },
    setCustomAttributes(attributes: Record<string, unknown> = {}) {
      if (!attributes || typeof attributes !== 'object' || !Object.keys(attributes).length)
        throw new Error('Custom attributes should have at least one key');
      post({ event: 'set-custom-attributes', attributes });
    },
    deleteCustomAttribute(key = '') {
      if (!key) throw new Error('Custom attribute is required');
      post({ event: 'delete-custom-attribute', key });
    },
    setConversationCustomAttributes(attributes: Record<string, unknown> = {}) {
      post({ event: 'set-conversation-custom-attributes', attributes });
    },
    setLabel(label = '') {
      post({ event: 'set-label', label });
    },
    removeLabel(label = '') {
      post({ event: 'remove-label', label });
    },
    setLocale(next = 'en') {
      locale = next;
      post({ event: 'set-locale', locale: next });
    },
    reset() {
      if (open) toggle('close');
      badge.style.setProperty('display', 'none');
      post({ event: 'reset' });
    },
  };
  w.$chatwoot = api;

  drawBubble();
  holder.append(frame, bubble);
  document.body.appendChild(holder);
}

w.chatwootSDK = { run };
