/**
 * Who may do what, as one table. An actor is the member's role in the account, or "bot" for an agent-bot
 * token. Routes name their action; the API layer looks it up here and never decides with ad-hoc ifs.
 */
export type Actor = 'administrator' | 'agent' | 'bot';

const MEMBERS: readonly Actor[] = ['administrator', 'agent'];
const ADMINS: readonly Actor[] = ['administrator'];
const MEMBERS_AND_BOTS: readonly Actor[] = ['administrator', 'agent', 'bot'];

export const POLICIES = {
  'account.show': MEMBERS,
  'account.update': ADMINS,
  'agents.list': MEMBERS,
  'agents.manage': ADMINS,
  'teams.read': MEMBERS,
  'teams.manage': ADMINS,
  'portfolios.read': MEMBERS,
  'portfolios.manage': ADMINS,
  /** Putting contacts in (or out of) an existing portfolio, as WTS agents do from a conversation. */
  'portfolios.contacts': MEMBERS,
  'inboxes.read': MEMBERS,
  'inboxes.manage': ADMINS,
  'contacts.read': MEMBERS,
  'contacts.write': MEMBERS,
  'contacts.delete': ADMINS,
  // Merging deletes the mergee: administrators only, as deleting is.
  'contacts.merge': ADMINS,
  // A whole account's contacts in or out at once: administrators only, as in Chatwoot.
  'contacts.import': ADMINS,
  'contacts.export': ADMINS,
  'conversations.read': MEMBERS,
  'conversations.write': MEMBERS,
  'conversations.create': MEMBERS_AND_BOTS,
  'conversations.update': MEMBERS_AND_BOTS,
  'conversations.delete': ADMINS,
  'messages.read': MEMBERS,
  'messages.create': MEMBERS_AND_BOTS,
  'messages.write': MEMBERS,
  'assignments.create': MEMBERS_AND_BOTS,
  'labels.read': MEMBERS,
  'labels.manage': ADMINS,
  'canned_responses.read': MEMBERS,
  'canned_responses.write': MEMBERS,
  'canned_responses.delete': ADMINS,
  // Every member keeps their own saved filters; a bot has no user to keep them for.
  'custom_filters.manage': MEMBERS,
  'integrations.read': MEMBERS,
  'dashboard_apps.read': MEMBERS,
  'dashboard_apps.manage': ADMINS,
  // Help Center, per Chatwoot's Portal/Category/Article policies: every member lists portals, categories and
  // articles; the rest is for administrators (Chatwoot's portal members are not modelled, so agents are
  // non-members).
  'help_center.list': MEMBERS,
  'help_center.manage': ADMINS,
  'macros.use': MEMBERS,
  // Chatwoot's hook policy: administrators only.
  'integrations.manage': ADMINS,
  'custom_attributes.read': MEMBERS,
  'custom_attributes.manage': ADMINS,
  'agent_bots.read': MEMBERS,
  'agent_bots.manage': ADMINS,
  'webhooks.manage': ADMINS,
  // Chatwoot's reports and CSAT responses: administrators only.
  'reports.read': ADMINS,
  // Rules act on every conversation of the account (and may call out over HTTP): administrators only, as in Chatwoot.
  'automation_rules.manage': ADMINS,
  // CRM (WTS panels): every member works the cards; administrators shape the panels, steps and fields.
  'crm.read': MEMBERS,
  'crm.write': MEMBERS,
  'crm.manage': ADMINS,
  'sequences.read': MEMBERS,
  // Enrolling sends messages in the sequence's channel on the enroller's behalf; flow bots enrol too in WTS.
  'sequences.enrol': MEMBERS_AND_BOTS,
  // A sequence's steps are sent to every contact enrolled: writing them is an administrator's job.
  'sequences.manage': ADMINS,
} as const satisfies Record<string, readonly Actor[]>;

export type Action = keyof typeof POLICIES;

export function isAllowed(action: Action, actor: Actor): boolean {
  return (POLICIES[action] as readonly Actor[]).includes(actor);
}
