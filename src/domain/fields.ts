/**
 * The named fields of an input that are set, and nothing else. Request schemas let unknown fields through
 * (Chatwoot's clients send extras, and Rails ignores them), so a command that turns its input into columns
 * must name the columns: a stray `account_id` or `status` in a body would otherwise be written.
 */
export function definedFields<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
