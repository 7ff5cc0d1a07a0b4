/**
 * Our messages' markdown in Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style): `&`, `<`,
 * `>` and `"` escaped, then bold (double stars or underscores), italic (single ones), ~~strike~~, `code`, ```pre```
 * and [links](url).
 * Text without markdown goes as plain text (no parse_mode, nothing to escape).
 */

/** Telegram's limit for one message's text (after entities are parsed; the markdown source is never shorter). */
export const MAX_TEXT = 4096;

const MARKDOWN = /\*\*|__|~~|`|\*[^*\s]|_[^_\s]|\[[^\]\n]+\]\([^)\s]+\)/;
const CODE = /```(?:[\w-]*\n)?([\s\S]*?)```|`([^`\n]+)`/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+|tg:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(?!\s)([^*\n]+?)\*\*|__(?!\s)([^_\n]+?)__/g, (_m, a, b) => `<b>${a ?? b}</b>`)
    .replace(/~~(?!\s)([^~\n]+?)~~/g, '<s>$1</s>')
    .replace(
      /(^|[^\w*])\*(?![\s*])([^*\n]+?)\*(?![\w*])|(^|[^\w_])_(?![\s_])([^_\n]+?)_(?![\w_])/g,
      (_m, p1, a, p2, b) => `${p1 ?? p2 ?? ''}<i>${a ?? b}</i>`,
    );
}

/** The text as Telegram HTML, or undefined when it has no markdown (send it plain). */
export function telegramHtml(text: string): string | undefined {
  if (!MARKDOWN.test(text)) return undefined;
  let html = '';
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    html += inline(text.slice(last, match.index));
    html += match[1] !== undefined ? `<pre>${escapeHtml(match[1])}</pre>` : `<code>${escapeHtml(match[2])}</code>`;
    last = match.index + match[0].length;
  }
  html += inline(text.slice(last));
  return html === escapeHtml(text) ? undefined : html;
}

/** The text in parts of at most `max` UTF-16 units (Telegram counts so), cut at a line break, else a space, never inside a surrogate pair. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(rest[max - 1]) ? max - 1 : max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}
