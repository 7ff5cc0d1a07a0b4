/**
 * `record[key]` for a key a client chose (a sort, a filter's attribute key, a tag title, a path into a
 * value). A plain object also answers to the names it inherits: `record['constructor']` is a function and
 * `record['__proto__']` an object, so a lookup meant to say "unknown key" handed the code after it
 * something it could not use, and the request answered 500. Only the record's own properties count here.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `key` is one of the record's own keys (`key in record` also finds `toString`). */
export function isOwnKey(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}
