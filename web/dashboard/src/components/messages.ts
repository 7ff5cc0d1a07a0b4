import type { Message } from '../lib/types.ts';

/** Stored messages are known by id; one being sent from here, before the server answers, by its echo_id. */
function keyOf(message: Message): string {
  return message.id > 0 ? `id:${message.id}` : `echo:${message.echo_id}`;
}

/** Unsent ones sort after stored ones of the same second. */
const order = (message: Message) => (message.id > 0 ? message.id : Number.MAX_SAFE_INTEGER + message.id);

/**
 * The history after more messages arrived (a page, a live frame, the answer to a send): each message once,
 * the stored version replacing the one this page was still sending, in time order.
 */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const byKey = new Map<string, Message>(current.map((m) => [keyOf(m), m]));
  for (const message of incoming) {
    if (message.id > 0 && message.echo_id) byKey.delete(`echo:${message.echo_id}`);
    const key = keyOf(message);
    const known = byKey.get(key);
    // The API's answer and the socket's frame describe the same row: keep the echo_id either one carried.
    byKey.set(key, known ? { ...known, ...message, echo_id: message.echo_id ?? known.echo_id } : message);
  }
  return [...byKey.values()].sort((a, b) => a.created_at - b.created_at || order(a) - order(b));
}
