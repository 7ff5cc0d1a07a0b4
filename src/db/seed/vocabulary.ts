// Words the generator builds names and message text from. Plain lowercase ASCII words: COPY text format
// needs no escaping for them, and ILIKE search finds them as people would type them.

export const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Ana',
  'Arjun',
  'Beatriz',
  'Bruno',
  'Carla',
  'Chen',
  'Chloe',
  'Daniel',
  'Dmitri',
  'Elena',
  'Emeka',
  'Erik',
  'Fatima',
  'Felipe',
  'Grace',
  'Hana',
  'Hugo',
  'Ines',
  'Ivan',
  'Jamal',
  'Jia',
  'Jonas',
  'Julia',
  'Kai',
  'Kenji',
  'Lara',
  'Leila',
  'Liam',
  'Lucas',
  'Maya',
  'Mateo',
  'Mei',
  'Mohammed',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Paula',
  'Priya',
  'Rafael',
  'Rosa',
  'Sakura',
  'Samuel',
  'Sara',
  'Sofia',
  'Tariq',
  'Thiago',
  'Tomas',
  'Vera',
  'Wei',
  'Yara',
  'Yusuf',
  'Zara',
  'Zoe',
];

export const LAST_NAMES = [
  'Almeida',
  'Andersen',
  'Bauer',
  'Becker',
  'Costa',
  'Da Silva',
  'Dubois',
  'Fernandes',
  'Fischer',
  'Garcia',
  'Gomez',
  'Haddad',
  'Ito',
  'Ivanova',
  'Jensen',
  'Kim',
  'Kowalski',
  'Kumar',
  'Lopez',
  'Martin',
  'Mendes',
  'Moreau',
  'Muller',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Oliveira',
  'Park',
  'Patel',
  'Pereira',
  'Petrov',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Sousa',
  'Suzuki',
  'Tanaka',
  'Wang',
  'Weber',
  'Williams',
  'Yilmaz',
  'Zhang',
];

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.test', 'inbox.test', 'corp.test'];
export const CITIES = [
  'Lisbon',
  'Berlin',
  'Lagos',
  'Mumbai',
  'Tokyo',
  'Austin',
  'Toronto',
  'Sao Paulo',
  'Paris',
  'Warsaw',
  'Seoul',
  'Madrid',
];

export const INBOXES = [
  {
    name: 'Website',
    channel_type: 'Channel::WebWidget',
    channel: { website_url: 'https://www.example.com' },
    weight: 45,
  },
  { name: 'Mobile app', channel_type: 'Channel::Api', channel: {}, weight: 25 },
  {
    name: 'Help center',
    channel_type: 'Channel::WebWidget',
    channel: { website_url: 'https://help.example.com' },
    weight: 15,
  },
  { name: 'Partners API', channel_type: 'Channel::Api', channel: {}, weight: 10 },
  {
    name: 'Store checkout',
    channel_type: 'Channel::WebWidget',
    channel: { website_url: 'https://shop.example.com' },
    weight: 5,
  },
] as const;

export const TEAMS = ['Support', 'Sales', 'Billing', 'Onboarding'];

/** Label titles, most popular first (conversations draw them with Zipf-like popularity). */
export const LABELS = [
  'support',
  'billing',
  'bug',
  'feature-request',
  'refund',
  'shipping',
  'account',
  'login',
  'vip',
  'urgent-followup',
  'sales-lead',
  'onboarding',
  'integration',
  'mobile',
  'invoice',
  'cancellation',
  'feedback',
  'partner',
  'security',
  'outage',
  'translation',
  'accessibility',
  'legal',
  'press',
];
export const LABEL_COLORS = ['#1f93ff', '#ff6b6b', '#51cf66', '#fcc419', '#845ef7', '#22b8cf', '#ff922b', '#868e96'];

export const TOPICS = [
  'order',
  'invoice',
  'subscription',
  'password',
  'delivery',
  'refund',
  'account',
  'card',
  'app',
  'login',
  'plan',
  'payment',
  'package',
  'receipt',
  'discount',
  'coupon',
  'warranty',
  'return',
  'upgrade',
  'integration',
  'export',
  'report',
  'notification',
  'profile',
  'address',
  'shipment',
  'tracking',
  'booking',
  'reservation',
  'license',
];
const PROBLEMS = [
  'is not working',
  'was charged twice',
  'never arrived',
  'shows an error',
  'is stuck',
  'looks wrong',
  'was cancelled',
  'keeps failing',
  'is missing',
  'is delayed',
  'cannot be updated',
  'disappeared',
  'is too slow',
  'got rejected',
];
const OPENERS = ['Hi', 'Hello', 'Hey there', 'Good morning', 'Good afternoon', 'Hi team', 'Hello support'];
const ASKS = [
  'can you help me',
  'could you check what happened',
  'what should I do now',
  'is there any update',
  'please let me know',
  'how long will it take',
  'can I get a refund',
  'who can I talk to about this',
];
const DETAILS = [
  'I tried again this morning',
  'it happened after the last update',
  'my colleague has the same problem',
  'I already cleared the cache',
  'the screen just stays blank',
  'I used the same card as last month',
  'the courier said it was delivered',
  'the link in the email expired',
  'I am on the mobile app',
];
const REPLIES = [
  'Thanks for reaching out',
  'Sorry about the trouble',
  'I have checked your account',
  'Thanks for your patience',
  'I can see what happened',
  'Let me look into this for you',
  'Good news',
];
const ACTIONS = [
  'I have issued a refund',
  'the order is back on its way',
  'I reset the access for you',
  'the fix is now live',
  'I escalated this to our engineers',
  'the invoice has been corrected',
  'your plan is updated',
  'I sent a new confirmation email',
  'the charge has been reversed',
];
const CLOSINGS = [
  'Anything else I can help with?',
  'Let us know if it happens again.',
  'Have a great day!',
  'Talk soon.',
];
const NOTES = [
  'customer is on the legacy plan',
  'double check the billing history first',
  'escalated to tier two',
  'possible duplicate of an earlier report',
  'waiting on the warehouse',
  'promised a call back tomorrow',
];

/**
 * Tokens planted in a known share of messages, so a search for one has a predictable number of hits at
 * any dataset size (at least one). `perMillion` messages carry each.
 */
export const RARE_TOKENS = [
  { token: 'quasar', perMillion: 20 },
  { token: 'zephyr', perMillion: 200 },
  { token: 'nebula', perMillion: 2_000 },
] as const;

type Pick = <T>(items: readonly T[]) => T;
const capital = (text: string) => text[0].toUpperCase() + text.slice(1);

export function incomingText(pick: Pick, orderNumber: string | undefined): string {
  const topic = pick(TOPICS);
  const ref = orderNumber ? ` (order ${orderNumber})` : '';
  return `${pick(OPENERS)}, my ${topic}${ref} ${pick(PROBLEMS)}, ${pick(DETAILS)}. ${capital(pick(ASKS))}?`;
}

export function followUpText(pick: Pick): string {
  return `${capital(pick(DETAILS))}, ${pick(ASKS)}?`;
}

export function outgoingText(pick: Pick): string {
  return `${pick(REPLIES)}, ${pick(ACTIONS)}. ${pick(CLOSINGS)}`;
}

export function noteText(pick: Pick): string {
  return `Note: ${pick(NOTES)}`;
}
