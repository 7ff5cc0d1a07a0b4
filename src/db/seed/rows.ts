// The rows of each bulk-loaded table, as COPY text lines, generated from the plan and the reserved ids.
import crypto from 'node:crypto';
import { field, json, textArray, timestamp } from './copy.ts';
import { KIND, messageType, PRIORITIES, STATUSES, type Plan } from './plan.ts';
import {
  CITIES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  INBOXES,
  LABELS,
  LAST_NAMES,
  RARE_TOKENS,
  followUpText,
  incomingText,
  noteText,
  outgoingText,
} from './vocabulary.ts';

/** Ids of the rows created before the bulk load, and the ids reserved for the bulk-loaded ones. */
export interface Ids {
  accountId: number;
  agents: number[];
  agentNames: string[];
  inboxes: number[];
  teams: number[];
  contacts: number[];
  contactInboxes: number[];
  conversations: number[];
  /** Display id of the first seeded conversation (the account's last_display_id + 1). */
  firstDisplayId: number;
}

/** A fast generator reseeded per row, so text depends on the row and the seed, not on the order rows are made in. */
function rowRandom(seed: number) {
  let state = 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    reseed(row: number) {
      state = Math.imul(seed ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(row + 1, 0x9e3779b1);
    },
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

export function agentName(index: number): string {
  return `${FIRST_NAMES[(index * 7 + 3) % FIRST_NAMES.length]} ${LAST_NAMES[(index * 11 + 5) % LAST_NAMES.length]}`;
}

export const CONTACT_COLUMNS = [
  'id',
  'account_id',
  'name',
  'email',
  'phone_number',
  'identifier',
  'contact_type',
  'additional_attributes',
  'created_at',
  'updated_at',
] as const;

export function* contactRows(plan: Plan, ids: Ids): Generator<string> {
  const random = rowRandom(plan.seed ^ 0x0c0ffee);
  const types = ['customer', 'customer', 'lead', 'lead', 'visitor'];
  for (let k = 0; k < plan.contacts.count; k++) {
    random.reseed(k);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const slug = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    // Uniqueness per account comes from the contact's index in each of email, phone and identifier.
    const email = random.next() < 0.85 ? `${slug}.${k}@${random.pick(EMAIL_DOMAINS)}` : null;
    const phone = random.next() < 0.4 ? `+1555${String(k).padStart(8, '0')}` : null;
    const identifier = random.next() < 0.3 ? `cust_${k}` : null;
    const created = timestamp(plan.contacts.createdAt[k]);
    yield [
      ids.contacts[k],
      ids.accountId,
      field(`${first} ${last}`),
      field(email),
      field(phone),
      field(identifier),
      random.pick(types),
      json({ city: random.pick(CITIES) }),
      created,
      created,
    ].join('\t');
  }
}

export const CONTACT_INBOX_COLUMNS = [
  'id',
  'account_id',
  'contact_id',
  'inbox_id',
  'source_id',
  'pubsub_token',
  'created_at',
  'updated_at',
] as const;

export function* contactInboxRows(plan: Plan, ids: Ids): Generator<string> {
  const tokens = crypto.randomBytes(plan.contactInboxes.count * 24);
  for (let p = 0; p < plan.contactInboxes.count; p++) {
    const contact = plan.contactInboxes.contact[p];
    const created = timestamp(plan.contacts.createdAt[contact]);
    const token = tokens.subarray(p * 24, p * 24 + 24).toString('base64url');
    yield [
      ids.contactInboxes[p],
      ids.accountId,
      ids.contacts[contact],
      ids.inboxes[plan.contactInboxes.inbox[p]],
      crypto.randomUUID(),
      token,
      created,
      created,
    ].join('\t');
  }
}

export const CONVERSATION_COLUMNS = [
  'id',
  'account_id',
  'display_id',
  'inbox_id',
  'contact_id',
  'contact_inbox_id',
  'status',
  'assignee_id',
  'team_id',
  'priority',
  'snoozed_until',
  'labels',
  'additional_attributes',
  'agent_last_seen_at',
  'assignee_last_seen_at',
  'last_activity_at',
  'created_at',
  'updated_at',
] as const;

export function* conversationRows(plan: Plan, ids: Ids): Generator<string> {
  const c = plan.conversations;
  const random = rowRandom(plan.seed ^ 0xc0de);
  const pages = ['/', '/pricing', '/checkout', '/help/billing', '/account/settings', '/orders'];
  const browsers = ['Chrome', 'Firefox', 'Safari', 'Edge'];
  for (let i = 0; i < c.count; i++) {
    random.reseed(i);
    const inbox = INBOXES[c.inbox[i]];
    const labels: string[] = [];
    for (let b = 0; b < LABELS.length; b++) if (c.labels[i] & (1 << b)) labels.push(LABELS[b]);
    const assignee = c.assignee[i] >= 0 ? ids.agents[c.assignee[i]] : null;
    const website = 'website_url' in inbox.channel ? inbox.channel.website_url : undefined;
    const attributes = website
      ? { referer: website + random.pick(pages), browser: { browser_name: random.pick(browsers) } }
      : {};
    const created = timestamp(c.createdAt[i]);
    const seen = timestamp(c.seenAt[i]);
    yield [
      ids.conversations[i],
      ids.accountId,
      ids.firstDisplayId + i,
      ids.inboxes[c.inbox[i]],
      ids.contacts[c.contact[i]],
      ids.contactInboxes[c.contactInbox[i]],
      STATUSES[c.status[i]],
      field(assignee),
      field(c.team[i] >= 0 ? ids.teams[c.team[i]] : null),
      field(PRIORITIES[c.priority[i]]),
      timestamp(c.snoozedUntil[i]),
      textArray(labels),
      json(attributes),
      seen,
      assignee ? seen : '\\N',
      created,
      created,
      created,
    ].join('\t');
  }
}

export const MESSAGE_COLUMNS = [
  'account_id',
  'inbox_id',
  'conversation_id',
  'message_type',
  'content',
  'private',
  'status',
  'sender_type',
  'sender_id',
  'created_at',
  'updated_at',
] as const;

/** Messages of the conversations with `index % jobs === job`, in time order (so ids follow time in each conversation). */
export function* messageRows(plan: Plan, ids: Ids, job: number, jobs: number): Generator<string> {
  const { messages, conversations } = plan;
  const random = rowRandom(plan.seed ^ 0x7e47);
  const statuses = ['sent', 'delivered', 'read', 'read'];
  for (let o = 0; o < messages.count; o++) {
    const m = messages.order[o];
    const c = messages.conversation[m];
    if (c % jobs !== job) continue;
    random.reseed(m);
    const kind = messages.kind[m];
    const agent = messages.agent[m];
    const name = agent >= 0 ? ids.agentNames[agent] : '';
    let content: string;
    let sender = '\\N\t\\N';
    let status = 'sent';
    switch (kind) {
      case KIND.incoming: {
        const first = m === 0 || messages.conversation[m - 1] !== c;
        const order = random.next() < 0.3 ? `#${100000 + Math.floor(random.next() * 900000)}` : undefined;
        content = first || random.next() < 0.3 ? incomingText(random.pick, order) : followUpText(random.pick);
        sender = `Contact\t${ids.contacts[conversations.contact[c]]}`;
        break;
      }
      case KIND.outgoing:
        content = outgoingText(random.pick);
        sender = `User\t${ids.agents[agent]}`;
        status = random.pick(statuses);
        break;
      case KIND.note:
        content = noteText(random.pick);
        sender = `User\t${ids.agents[agent]}`;
        break;
      case KIND.assigned:
        content = `Assigned to ${ids.agentNames[Math.floor(random.next() * ids.agentNames.length)]} by ${name}`;
        break;
      case KIND.labelled:
        content = `${name} added ${random.pick(LABELS)}`;
        break;
      case KIND.resolved:
        content = `Conversation was marked resolved by ${name}`;
        break;
      default:
        content = `Conversation was snoozed by ${name}`;
    }
    if (messages.rare[m]) content += ` ${RARE_TOKENS[messages.rare[m] - 1].token}`;
    const at = timestamp(messages.time[m]);
    yield [
      ids.accountId,
      ids.inboxes[conversations.inbox[c]],
      ids.conversations[c],
      messageType(kind),
      field(content),
      kind === KIND.note ? 't' : 'f',
      status,
      sender,
      at,
      at,
    ].join('\t');
  }
}
