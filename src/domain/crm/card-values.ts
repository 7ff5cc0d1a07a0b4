import type { CrmPanelField } from '../../db/types.ts';

/** Whether a custom field value fits the field's type (and, for selects, its options). */
function fits(field: CrmPanelField, value: unknown): boolean {
  const options = Array.isArray(field.options) ? field.options.map(String) : [];
  switch (field.type) {
    case 'STRING':
    case 'TEXT':
      return typeof value === 'string';
    case 'INTEGER':
      return Number.isInteger(value);
    case 'FLOAT':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'SINGLESELECT':
      return typeof value === 'string' && options.includes(value);
    case 'MULTISELECT':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v));
    case 'TIME':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value);
    case 'DATE':
    case 'DATETIME':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}

/**
 * A card's custom fields after a write, as WTS documents it: each key names one of the panel's fields; a key
 * the panel does not have, or a value of the wrong type, is ignored; null removes the value.
 */
export function mergeCustomFields(
  current: Record<string, unknown>,
  input: Record<string, unknown>,
  fields: CrmPanelField[],
): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(input)) {
    const field = fields.find((f) => f.key === key);
    if (!field) continue;
    if (value === null) delete next[key];
    else if (fits(field, value)) next[key] = value;
  }
  return next;
}

/** Metadata merges key by key; null removes a key (WTS's documented semantics). */
export function mergeMetadata(
  current: Record<string, unknown>,
  input: Record<string, unknown>,
): Record<string, unknown> {
  // A Map, not an object: a client's key may be "__proto__".
  const next = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(input)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return Object.fromEntries(next);
}
