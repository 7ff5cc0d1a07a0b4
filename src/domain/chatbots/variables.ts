import type { Contact, Conversation } from '../../db/types.ts';
import { isOwnKey, ownValue } from '../own.ts';

/** What a running flow knows: the contact and session as they are now, its own variables, the last reply. */
export interface FlowScope {
  contact: Contact;
  conversation: Conversation;
  variables: Record<string, unknown>;
}

/**
 * The names templates can use: `{{contact.name}}`, `{{contact.phone}}`, `{{contact.email}}`,
 * `{{contact.fields.x}}` (= `{{contact.metadata.x}}`, the contact's custom attributes),
 * `{{session.id}}`, `{{session.metadata.x}}`, `{{vars.x}}` or just `{{x}}` for a flow variable (an ask's
 * `saveAs`, an HTTP step's mapped values, `reply`, `http.status`).
 */
function namespaces(scope: FlowScope): Record<string, unknown> {
  const { contact, conversation } = scope;
  return {
    contact: {
      id: contact.uuid,
      name: contact.name,
      email: contact.email,
      phone: contact.phone_number,
      phoneNumber: contact.phone_number,
      identifier: contact.identifier,
      fields: contact.custom_attributes,
      metadata: contact.custom_attributes,
    },
    session: { id: conversation.uuid, number: conversation.display_id, metadata: conversation.custom_attributes },
    vars: scope.variables,
  };
}

export function lookupPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.split('.').filter(Boolean)) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (typeof current === 'object') current = ownValue(current as Record<string, unknown>, part);
    else return undefined;
  }
  return current;
}

/** The value a `{{name}}` refers to, or undefined. */
export function resolveName(scope: FlowScope, name: string): unknown {
  const roots = namespaces(scope);
  const [head] = name.split('.');
  if (isOwnKey(roots, head)) return lookupPath(roots, name);
  return lookupPath(scope.variables, name);
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Fills `{{…}}` placeholders; an unknown name becomes an empty string. */
export function render(template: string, scope: FlowScope): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, name: string) => asText(resolveName(scope, name)));
}

/** Renders every string inside a JSON value (an HTTP step's body). */
export function renderJson(value: unknown, scope: FlowScope): unknown {
  if (typeof value === 'string') return render(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderJson(v, scope));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderJson(v, scope)]));
  return value;
}
