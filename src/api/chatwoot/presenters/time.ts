/** Chatwoot's API views give most times as integer unix seconds, 0 when never set. */
export function unix(value: Date | string | null | undefined): number {
  if (!value) return 0;
  return Math.floor(new Date(value).getTime() / 1000);
}

/** Conversation `updated_at` is a float: seconds with a fraction. */
export function unixFloat(value: Date | string): number {
  return new Date(value).getTime() / 1000;
}

/** Raw records and webhook payloads use ISO-8601 with milliseconds. */
export function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
