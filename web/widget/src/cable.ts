/** A minimal ActionCable client for the visitor's stream (RoomChannel with the contact's pubsub_token). */
export interface CableFrame {
  event: string;
  data: Record<string, any>;
}

export function connectCable(
  pubsubToken: string,
  onFrame: (frame: CableFrame) => void,
  onReconnect: () => void,
): () => void {
  let socket: WebSocket | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: pubsubToken });

  const open = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/cable`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as { type?: string; message?: CableFrame };
      if (frame.type === 'welcome') ws.send(JSON.stringify({ command: 'subscribe', identifier }));
      else if (frame.type === 'confirm_subscription') {
        if (attempt > 0) onReconnect();
        attempt = 0;
      } else if (!frame.type && frame.message?.event) onFrame(frame.message);
    };
    ws.onclose = () => {
      if (stopped) return;
      attempt += 1;
      // Back off up to 30 s, with jitter, so a restart is not met by every visitor at once.
      timer = setTimeout(open, Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2));
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
