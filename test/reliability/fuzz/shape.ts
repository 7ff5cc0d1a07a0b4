/**
 * Chatwoot answers these with an empty body, and its clients rely on it (Chatwoot's controllers answer
 * `head :not_found` and the like): the compatible answer, not a missing error body.
 */
const EMPTY_BODY_BY_DESIGN: Record<string, number> = {
  '/api/v1/accounts/{account_id}/contact_inboxes/filter': 404, // "404 with empty body when no match"
};

/**
 * Whether a 4xx body is the dialect's error shape (src/api/chatwoot/errors.ts, src/api/wts/errors.ts);
 * answers the reason when it is not.
 */
export function errorShapeProblem(
  dialect: 'wts' | 'chatwoot',
  status: number,
  text: string,
  template: string,
): string | undefined {
  if (EMPTY_BODY_BY_DESIGN[template] === status && (text === '' || text === 'null')) return undefined;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not a JSON object';
  if (dialect === 'wts') {
    if (body.error !== true) return 'WTS envelope without error: true';
    if (body.httpStatusCode !== status) return `WTS envelope httpStatusCode ${body.httpStatusCode} ≠ status ${status}`;
    if (typeof body.key !== 'string' || !body.key.startsWith('ERROR_')) return 'WTS envelope without an ERROR_ key';
    if (typeof body.text !== 'string' || body.text === '') return 'WTS envelope without text';
    return undefined;
  }
  if (typeof body.error === 'string' && body.error !== '') return undefined;
  if (Array.isArray(body.errors) && body.errors.length && body.errors.every((e: unknown) => typeof e === 'string'))
    return undefined;
  if (typeof body.message === 'string' && Array.isArray(body.attributes)) return undefined;
  // A model's errors by attribute, as automation rules answer (wire-shapes.md §1.5: {error: {conditions: [...]}}).
  const byAttribute =
    body.error && typeof body.error === 'object' && !Array.isArray(body.error) ? Object.values(body.error) : [];
  if (
    byAttribute.length &&
    byAttribute.every((m) => Array.isArray(m) && m.length && m.every((e) => typeof e === 'string'))
  )
    return undefined;
  return 'not a Chatwoot error body ({error} | {error: {attribute: [..]}} | {errors: [..]} | {message, attributes})';
}
