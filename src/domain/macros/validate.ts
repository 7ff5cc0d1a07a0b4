import { invalidRecord } from '../../errors.ts';

/** The conversation actions a macro may name (Chatwoot's Macro model). */
export const MACRO_ACTIONS = [
  'assign_agent',
  'assign_team',
  'add_label',
  'remove_label',
  'send_message',
  'add_private_note',
  'send_email_transcript',
  'mute_conversation',
  'snooze_conversation',
  'resolve_conversation',
  'change_priority',
  'send_attachment',
] as const;

/** A macro's actions as Chatwoot's model validates them, with its sentence (422). */
export function validateMacroActions(actions: { action_name: string }[]): void {
  const unknown = actions
    .map((a) => a.action_name)
    .filter((name) => !(MACRO_ACTIONS as readonly string[]).includes(name));
  if (unknown.length) throw invalidRecord('actions', `Macro execution actions ${unknown.join(',')} not supported.`);
}
