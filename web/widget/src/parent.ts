import { FROM_SDK, FROM_WIDGET, type SdkCommand, type WidgetNotice } from '../../widget-sdk/src/protocol.ts';

/**
 * The widget's side of the postMessage channel with sdk.js. The website's origin comes from the iframe's URL
 * and must be the frame's real parent (location.ancestorOrigins where the browser has it); messages go only to
 * that origin and are accepted only from the parent window with that origin.
 */
export interface ParentLink {
  framed: boolean;
  parentOrigin: string | null;
  refused: boolean;
  notify(notice: WidgetNotice): void;
  listen(handler: (command: SdkCommand) => void): () => void;
}

export function linkParent(params: URLSearchParams): ParentLink {
  const framed = window.parent !== window;
  const claimed = params.get('parent_origin');
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const actual = ancestors?.length ? ancestors[0] : null;
  const parentOrigin = framed && claimed && (!actual || actual === claimed) ? claimed : null;
  return {
    framed,
    parentOrigin,
    refused: framed && !parentOrigin,
    notify(notice) {
      if (parentOrigin) window.parent.postMessage({ source: FROM_WIDGET, ...notice }, parentOrigin);
    },
    listen(handler) {
      const onMessage = (event: MessageEvent) => {
        if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
        const data = event.data as ({ source?: string } & SdkCommand) | null;
        if (data && data.source === FROM_SDK) handler(data);
      };
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  };
}
