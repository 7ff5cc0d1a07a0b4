/**
 * The messages the page script (sdk.js, on the website) and the widget page (in its iframe, on BASE_URL)
 * exchange with postMessage. Each side sends only to the other's exact origin and accepts only messages from
 * the other's window and origin.
 */
export const FROM_SDK = 'switchboard-sdk';
export const FROM_WIDGET = 'switchboard-widget';

export type SdkCommand =
  | { event: 'visibility'; open: boolean }
  | { event: 'set-user'; identifier: string; user: Record<string, unknown> }
  | { event: 'set-custom-attributes'; attributes: Record<string, unknown> }
  | { event: 'delete-custom-attribute'; key: string }
  | { event: 'set-conversation-custom-attributes'; attributes: Record<string, unknown> }
  | { event: 'set-label'; label: string }
  | { event: 'remove-label'; label: string }
  | { event: 'set-locale'; locale: string }
  | { event: 'reset' };

export type WidgetNotice =
  | { event: 'loaded'; authToken: string }
  | { event: 'unread'; count: number }
  | { event: 'on-message'; message: Record<string, unknown> }
  | { event: 'error'; error: string }
  | { event: 'close' }
  | { event: 'auth-token'; authToken: string };
