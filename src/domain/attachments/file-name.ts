/**
 * A stored attachment's name, from whatever a client sent: no directories (either slash), no control or
 * bidirectional-override characters (a name that shows as "txt.exe" but is "exe.txt"), no quotes, at most
 * 255 characters with the extension kept, never empty.
 */
const MAX_LENGTH = 255;
const UNWANTED = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069"\\]/gu;

export function safeFileName(raw: string | undefined, fallback = 'file'): string {
  const base = (raw ?? '').toWellFormed().split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNWANTED, '').replace(/\s+/g, ' ').trim();
  if (name === '' || name === '.' || name === '..') return fallback;
  const chars = [...name];
  if (chars.length > MAX_LENGTH) {
    const extension = extensionOf(name);
    const tail = extension && extension.length < 20 ? `.${extension}` : '';
    name = chars.slice(0, MAX_LENGTH - tail.length).join('') + tail;
  }
  return name;
}

/** The extension without its dot, or null: `report.PDF` → `PDF`, `.env` → null (a hidden file, not a type). */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1) : null;
}
