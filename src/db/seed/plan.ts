// The dataset's shape, drawn in memory before anything is loaded: who the contacts are, which conversations
// exist with which attributes, and every message's conversation, time and kind. Text is produced later,
// while streaming, so only compact typed arrays are held (about 40 bytes per message).
import { deriveRandom, type Random } from './random.ts';
import { INBOXES, LABELS, RARE_TOKENS, TEAMS } from './vocabulary.ts';

export interface SeedSize {
  conversations: number;
  messages: number;
  /** Default: 60% of conversations (repeat customers write more than once). */
  contacts?: number;
  /** Agents besides the administrator. Default: one per 2,500 conversations, 5 to 50. */
  agents?: number;
  /** How far back the history goes. Default 365 days. */
  days?: number;
  seed?: number;
  /** End of the history (ms since epoch); default now. */
  now?: number;
}

/** Message kinds of the plan; `messageType` maps them to the stored message_type. */
export const KIND = { incoming: 0, outgoing: 1, assigned: 2, note: 3, resolved: 4, snoozed: 5, labelled: 6 } as const;
export const STATUSES = ['open', 'pending', 'snoozed', 'resolved', 'hidden'] as const;
export const PRIORITIES = [null, 'low', 'medium', 'high', 'urgent'] as const;

export function messageType(kind: number): number {
  return kind === KIND.incoming ? 0 : kind === KIND.outgoing || kind === KIND.note ? 1 : 2;
}

export interface Plan {
  seed: number;
  now: number;
  agents: number;
  contacts: { count: number; createdAt: Float64Array };
  contactInboxes: { count: number; contact: Int32Array; inbox: Uint8Array };
  conversations: {
    count: number;
    contact: Int32Array;
    inbox: Uint8Array;
    contactInbox: Int32Array;
    status: Uint8Array;
    /** Agent index, -1 when unassigned. */
    assignee: Int16Array;
    /** Team index, -1 when none. */
    team: Int8Array;
    priority: Uint8Array;
    /** Bit i set = LABELS[i]. */
    labels: Uint32Array;
    createdAt: Float64Array;
    /** When an agent last opened it; NaN = never. */
    seenAt: Float64Array;
    snoozedUntil: Float64Array;
    messageCount: Int32Array;
  };
  messages: {
    count: number;
    conversation: Int32Array;
    time: Float64Array;
    kind: Uint8Array;
    /** Agent index of the author (outgoing, notes, activities' performer). */
    agent: Int16Array;
    /** 1 + index into RARE_TOKENS, 0 for none. */
    rare: Uint8Array;
    /** Message indices in time order: the order they are loaded in, so ids follow time as in a live system. */
    order: Uint32Array;
  };
}

const DAY = 86_400_000;
export const LONG_CONVERSATION_MESSAGES = 5_000;

/** Conversation lengths: a long tail (lognormal), a few very long conversations, summing to exactly `total`. */
export function conversationLengths(
  random: Random,
  count: number,
  total: number,
): { lengths: Int32Array; long: number[] } {
  if (total < count)
    throw new Error(
      `--messages (${total}) must be at least --conversations (${count}): every conversation has a message`,
    );
  const lengths = new Int32Array(count).fill(1);
  const budget = total - count;
  const longCount = Math.min(count, Math.max(1, Math.floor(total / 200_000)));
  const longExtra = Math.min(LONG_CONVERSATION_MESSAGES - 1, Math.floor((budget * 0.1) / longCount));
  // The very long ones start in the older part of the history, where 5,000 messages fit.
  const long: number[] = [];
  const olderHalf = Math.max(1, Math.floor(count * 0.4));
  while (long.length < longCount) {
    const index = long.length < olderHalf ? random.int(olderHalf) : random.int(count);
    if (!long.includes(index)) long.push(index);
  }
  for (const index of long) lengths[index] += longExtra;
  let rest = budget - longExtra * longCount;
  const cap = LONG_CONVERSATION_MESSAGES - 1;
  const weights = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) if (!long.includes(i)) sum += weights[i] = random.lognormal(1, 1.1);
  for (let i = 0; i < count && sum > 0; i++) {
    const extra = Math.min(cap - 1, Math.floor((weights[i] / sum) * (budget - longExtra * longCount)));
    lengths[i] += extra;
    rest -= extra;
  }
  // Rounding leftovers go one by one to random ordinary conversations.
  for (let guard = 0, limit = rest * 100 + 1000; rest > 0 && guard < limit; guard++) {
    const i = random.int(count);
    if (long.includes(i) && count > longCount) continue;
    if (lengths[i] >= LONG_CONVERSATION_MESSAGES) continue;
    lengths[i]++;
    rest--;
  }
  if (rest > 0) throw new Error('could not place every message: raise --conversations or lower --messages');
  return { lengths, long };
}

function statusFor(random: Random, ageMs: number): number {
  const [open, pending, snoozed, resolved, hidden] = [0, 1, 2, 3, 4];
  const options = [open, pending, snoozed, resolved, hidden];
  if (ageMs < 3 * DAY) return options[random.weighted([55, 8, 10, 27, 0])];
  if (ageMs < 14 * DAY) return options[random.weighted([25, 3, 5, 67, 0])];
  return options[random.weighted([8, 0, 1, 89, 2])];
}

function gapMs(random: Random, previousKind: number, nextKind: number): number {
  if (random.chance(0.04)) return Math.max(1000, random.lognormal(DAY, 1));
  const median =
    previousKind === KIND.incoming && nextKind === KIND.outgoing
      ? 240_000
      : nextKind === previousKind
        ? 60_000
        : 600_000;
  return Math.max(1000, random.lognormal(median, 1.2));
}

const NEXT_KIND: Record<number, number[]> = {
  // weights for incoming, outgoing, note, assignment/label activity
  [KIND.incoming]: [36, 56, 5, 3],
  [KIND.outgoing]: [62, 32, 4, 2],
  [KIND.note]: [30, 65, 3, 2],
  [KIND.assigned]: [30, 65, 3, 2],
  [KIND.labelled]: [30, 65, 3, 2],
};
const NEXT_CHOICES = [KIND.incoming, KIND.outgoing, KIND.note, KIND.assigned];

/** Throws on sizes no dataset can have, before anything is written. */
export function checkSize(size: SeedSize): void {
  if (!Number.isInteger(size.conversations) || size.conversations < 1)
    throw new Error('--conversations must be a positive integer');
  if (!Number.isInteger(size.messages) || size.messages < 1) throw new Error('--messages must be a positive integer');
  if (size.messages < size.conversations) {
    throw new Error(
      `--messages (${size.messages}) must be at least --conversations (${size.conversations}): every conversation has a message`,
    );
  }
}

export function buildPlan(size: SeedSize): Plan {
  checkSize(size);
  const seed = size.seed ?? 1;
  const now = size.now ?? Date.now();
  const span = (size.days ?? 365) * DAY;
  const C = size.conversations;
  const M = size.messages;
  const K = Math.max(1, size.contacts ?? Math.round(C * 0.6));
  const agents = Math.max(1, size.agents ?? Math.min(50, Math.max(5, Math.round(C / 2500))));
  const random = deriveRandom(seed, 'plan');

  // Conversations in creation order: index = display order. Recent months are busier than old ones.
  const createdAt = new Float64Array(C);
  for (let i = 0; i < C; i++) createdAt[i] = now - span * random.next() ** 1.5 - 60_000;
  createdAt.sort();
  const { lengths } = conversationLengths(random, C, M);

  const conversations = {
    count: C,
    contact: new Int32Array(C),
    inbox: new Uint8Array(C),
    contactInbox: new Int32Array(C),
    status: new Uint8Array(C),
    assignee: new Int16Array(C),
    team: new Int8Array(C),
    priority: new Uint8Array(C),
    labels: new Uint32Array(C),
    createdAt,
    seenAt: new Float64Array(C),
    snoozedUntil: new Float64Array(C).fill(NaN),
    messageCount: lengths,
  };
  const messages = {
    count: M,
    conversation: new Int32Array(M),
    time: new Float64Array(M),
    kind: new Uint8Array(M),
    agent: new Int16Array(M).fill(-1),
    rare: new Uint8Array(M),
    order: new Uint32Array(M),
  };

  const contactFirstSeen = new Float64Array(K).fill(Infinity);
  const pairs = new Map<number, number>();
  const pairContact: number[] = [];
  const pairInbox: number[] = [];
  const inboxWeights = INBOXES.map((inbox) => inbox.weight);
  const agentFor = () => random.zipf(agents, 0.6);

  let m = 0;
  for (let c = 0; c < C; c++) {
    const contact = Math.min(K - 1, Math.floor(K * random.next() ** 1.5));
    const inbox = random.weighted(inboxWeights);
    conversations.contact[c] = contact;
    conversations.inbox[c] = inbox;
    contactFirstSeen[contact] = Math.min(contactFirstSeen[contact], createdAt[c]);
    const key = contact * 16 + inbox;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = pairContact.length;
      pairs.set(key, pair);
      pairContact.push(contact);
      pairInbox.push(inbox);
    }
    conversations.contactInbox[c] = pair;

    // The timeline: kinds by a small Markov chain, gaps from lognormals, squeezed to end before `now`.
    const L = lengths[c];
    const first = m;
    let kind: number = random.chance(0.9) ? KIND.incoming : KIND.outgoing;
    let t = createdAt[c];
    for (let k = 0; k < L; k++) {
      if (k > 0) {
        const next = NEXT_CHOICES[random.weighted(NEXT_KIND[kind])];
        const resolvedKind = next === KIND.assigned && random.chance(0.4) ? KIND.labelled : next;
        t += gapMs(random, kind, resolvedKind);
        kind = resolvedKind;
      }
      messages.conversation[m] = c;
      messages.time[m] = t;
      messages.kind[m] = kind;
      m++;
    }
    const end = messages.time[m - 1];
    // A timeline that would run past now is squeezed to end at a random point before it.
    const room = (now - 30_000 - createdAt[c]) * (0.3 + 0.7 * random.next());
    if (end > now - 30_000) {
      const scale = room / (end - createdAt[c]);
      for (let k = first + 1; k < m; k++) messages.time[k] = createdAt[c] + (messages.time[k] - createdAt[c]) * scale;
      for (let k = first + 1; k < m; k++)
        if (messages.time[k] <= messages.time[k - 1]) messages.time[k] = messages.time[k - 1] + 1;
    }
    const lastTime = messages.time[m - 1];

    const status = statusFor(random, now - lastTime);
    conversations.status[c] = status;
    const assignedShare = [0.7, 0, 0.9, 0.92, 0.92][status];
    const assignee = random.chance(assignedShare) ? agentFor() : -1;
    conversations.assignee[c] = assignee;
    conversations.team[c] = random.chance(0.65) ? random.weighted([50, 20, 20, 10]) : -1;
    conversations.priority[c] = random.chance(0.35) ? 1 + random.weighted([30, 35, 25, 10]) : 0;
    let labels = 0;
    for (let n = random.weighted([40, 35, 18, 7]); n > 0; n--) labels |= 1 << random.zipf(LABELS.length, 0.9);
    conversations.labels[c] = labels;
    // Resolved and snoozed conversations end with the activity message the status change leaves.
    if (L >= 2 && (status === 3 || status === 4)) messages.kind[m - 1] = KIND.resolved;
    if (L >= 2 && status === 2) messages.kind[m - 1] = KIND.snoozed;
    if (status === 2) conversations.snoozedUntil[c] = now + DAY * (1 + random.int(7));
    for (let k = first; k < m; k++) {
      if (messages.kind[k] !== KIND.incoming)
        messages.agent[k] = assignee >= 0 && random.chance(0.85) ? assignee : agentFor();
    }
    // Agents have read resolved conversations; open ones were last opened a few messages ago, or never.
    if (status >= 3) conversations.seenAt[c] = Math.min(now, lastTime + 1000 + random.int(600_000));
    else if (random.chance(0.55)) conversations.seenAt[c] = messages.time[Math.max(first, m - 1 - random.int(4))] + 500;
    else conversations.seenAt[c] = NaN;
  }

  // Rare tokens go into text messages only (incoming, outgoing, notes), each a known number of times.
  RARE_TOKENS.forEach(({ perMillion }, t) => {
    const want = Math.max(1, Math.round((M * perMillion) / 1_000_000));
    for (let placed = 0, guard = 0, limit = want * 50 + 1000; placed < want && guard < limit; guard++) {
      const i = random.int(M);
      const kind = messages.kind[i];
      if (messages.rare[i] || !(kind === KIND.incoming || kind === KIND.outgoing || kind === KIND.note)) continue;
      messages.rare[i] = t + 1;
      placed++;
    }
  });

  for (let i = 0; i < M; i++) messages.order[i] = i;
  const time = messages.time;
  messages.order.sort((a, b) => time[a] - time[b] || a - b);

  const contactCreated = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    contactCreated[k] = Number.isFinite(contactFirstSeen[k])
      ? contactFirstSeen[k] - random.int(3_600_000)
      : now - span * random.next();
  }
  return {
    seed,
    now,
    agents,
    contacts: { count: K, createdAt: contactCreated },
    contactInboxes: {
      count: pairContact.length,
      contact: Int32Array.from(pairContact),
      inbox: Uint8Array.from(pairInbox),
    },
    conversations,
    messages,
  };
}

export { TEAMS };
