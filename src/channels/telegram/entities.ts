/**
 * Telegram's formatting of an inbound text or caption (https://core.telegram.org/bots/api#messageentity) as our
 * messages' markdown, the same markdown format.ts turns back into Telegram HTML: **bold**, _italic_, ~~strike~~,
 * `code`, ```pre``` and [text](url). Offsets and lengths count UTF-16 units, as JavaScript strings do.
 */
export interface TelegramEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

const MARKS: Record<string, [string, string] | undefined> = {
  bold: ['**', '**'],
  italic: ['_', '_'],
  strikethrough: ['~~', '~~'],
  code: ['`', '`'],
  pre: ['```\n', '\n```'],
};

function marksOf(entity: TelegramEntity): [string, string] | undefined {
  if (entity.type === 'text_link')
    return entity.url && /^(https?:|mailto:|tg:)/.test(entity.url) ? ['[', `](${entity.url})`] : undefined;
  return Object.hasOwn(MARKS, entity.type) ? MARKS[entity.type] : undefined;
}

/** The entity without the blanks at its ends (markdown does not close a mark after a space). */
function trimmed(text: string, entity: TelegramEntity): TelegramEntity {
  let start = entity.offset;
  let end = entity.offset + entity.length;
  if (entity.type !== 'pre' && entity.type !== 'code') {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
  }
  return { ...entity, offset: start, length: end - start };
}

/** The text with its entities written as markdown (outer marks outside inner ones); text without entities unchanged. */
export function markdownOf(text: string, entities: TelegramEntity[] | undefined): string {
  const marked = (entities ?? [])
    .filter(
      (e) =>
        Number.isInteger(e.offset) && Number.isInteger(e.length) && e.offset >= 0 && e.offset + e.length <= text.length,
    )
    .map((e) => trimmed(text, e))
    .filter((e) => e.length > 0)
    .flatMap((e) => {
      const marks = marksOf(e);
      return marks ? [{ start: e.offset, end: e.offset + e.length, open: marks[0], close: marks[1] }] : [];
    });
  if (!marked.length) return text;
  // Opens at a position: the longest (outermost) first; closes: the one opened last (innermost) first.
  const opens = new Map<number, typeof marked>();
  const closes = new Map<number, typeof marked>();
  for (const m of marked) {
    opens.set(m.start, [...(opens.get(m.start) ?? []), m]);
    closes.set(m.end, [...(closes.get(m.end) ?? []), m]);
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    for (const m of (closes.get(i) ?? []).sort((a, b) => b.start - a.start || a.end - b.end)) out += m.close;
    for (const m of (opens.get(i) ?? []).sort((a, b) => b.end - a.end)) out += m.open;
    if (i < text.length) out += text[i];
  }
  return out;
}
