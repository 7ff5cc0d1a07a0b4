/**
 * A message's markdown as the HTML part of an outgoing mail. Everything the agent typed is escaped first
 * (`&`, `<`, `>`, `"`, `'`), so no markup of theirs reaches the mail; then paragraphs (blank lines), line breaks,
 * `-`/`*` and `1.` lists, ```code blocks```, `code`, **bold**, *italic*, ~~strike~~ and [links](url) with
 * http(s) and mailto targets only are rendered.
 */

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function inline(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(?!\s)([^*\n]+?)\*\*|__(?!\s)([^_\n]+?)__/g, (_m, a, b) => `<strong>${a ?? b}</strong>`)
    .replace(/~~(?!\s)([^~\n]+?)~~/g, '<s>$1</s>')
    .replace(
      /(^|[^\w*])\*(?![\s*])([^*\n]+?)\*(?![\w*])|(^|[^\w_])_(?![\s_])([^_\n]+?)_(?![\w_])/g,
      (_m, p1, a, p2, b) => `${p1 ?? p2 ?? ''}<em>${a ?? b}</em>`,
    );
}

function block(text: string): string {
  const lines = text.split('\n');
  if (lines.every((line) => /^\s*[-*]\s+/.test(line)))
    return `<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*]\s+/, '')))}</li>`).join('')}</ul>`;
  if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line)))
    return `<ol>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*\d+[.)]\s+/, '')))}</li>`).join('')}</ol>`;
  return `<p>${lines.map((line) => inline(escapeHtml(line))).join('<br>\n')}</p>`;
}

/** The body of the mail's HTML part. */
export function markdownToHtml(markdown: string): string {
  const parts: string[] = [];
  const source = markdown.replace(/\r\n?/g, '\n');
  let last = 0;
  for (const match of source.matchAll(/```[\w-]*\n?([\s\S]*?)```/g)) {
    parts.push(...paragraphs(source.slice(last, match.index)));
    parts.push(`<pre><code>${escapeHtml(match[1])}</code></pre>`);
    last = match.index + match[0].length;
  }
  parts.push(...paragraphs(source.slice(last)));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${parts.join('\n')}\n</body></html>`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim())
    .map(block);
