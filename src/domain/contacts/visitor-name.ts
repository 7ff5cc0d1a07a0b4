import { randomInt } from 'node:crypto';

// Our own short word lists: a visitor's name only has to be easy to say and tell apart in a list.
const ADJECTIVES = [
  'amber',
  'bold',
  'brave',
  'bright',
  'calm',
  'clever',
  'cool',
  'crisp',
  'eager',
  'early',
  'fair',
  'gentle',
  'glad',
  'golden',
  'green',
  'happy',
  'honest',
  'jolly',
  'keen',
  'kind',
  'lively',
  'lucky',
  'merry',
  'mild',
  'misty',
  'neat',
  'nimble',
  'noble',
  'patient',
  'polite',
  'proud',
  'quick',
  'quiet',
  'rapid',
  'ready',
  'rosy',
  'shy',
  'silver',
  'smart',
  'snowy',
  'steady',
  'sunny',
  'swift',
  'tidy',
  'warm',
  'wise',
  'witty',
  'young',
];
const NOUNS = [
  'brook',
  'canyon',
  'cedar',
  'cloud',
  'comet',
  'coral',
  'creek',
  'dawn',
  'delta',
  'dune',
  'ember',
  'falcon',
  'fern',
  'field',
  'forest',
  'frost',
  'garden',
  'glade',
  'harbor',
  'hill',
  'island',
  'lake',
  'lantern',
  'leaf',
  'meadow',
  'moon',
  'moss',
  'ocean',
  'orchid',
  'otter',
  'pebble',
  'pine',
  'planet',
  'pond',
  'prairie',
  'rain',
  'reef',
  'river',
  'robin',
  'shore',
  'sky',
  'spring',
  'star',
  'stone',
  'sun',
  'thunder',
  'valley',
  'willow',
];

/**
 * A name for a contact who gave none (a website visitor, a Client API caller), as Chatwoot gives one
 * ("adjective-noun-123"), so agents can tell anonymous visitors apart in their lists.
 */
export function visitorName(): string {
  return `${ADJECTIVES[randomInt(ADJECTIVES.length)]}-${NOUNS[randomInt(NOUNS.length)]}-${randomInt(1000)}`;
}

const GENERATED = new RegExp(`^(${ADJECTIVES.join('|')})-(${NOUNS.join('|')})-\\d{1,3}$`);

/** Whether the contact's name is one Switchboard made up: the visitor has not told us their name yet. */
export function isVisitorName(name: string | null | undefined): boolean {
  return Boolean(name && GENERATED.test(name));
}

/** Whether the contact has told us their name (a made-up visitor name is not theirs). */
export function hasOwnName(name: string | null | undefined): boolean {
  return Boolean(name?.trim()) && !isVisitorName(name);
}
