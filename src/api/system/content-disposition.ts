/**
 * `Content-Disposition` for any stored name (RFC 6266): an ASCII `filename` every client understands, and
 * the real name as UTF-8 in `filename*` (RFC 5987/8187) when the two differ. Header values must be Latin-1:
 * a raw `文件.txt` there made Node refuse the whole response.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const wellFormed = name.toWellFormed();
  const fallback = wellFormed.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  if (fallback === wellFormed) return `${kind}; filename="${fallback}"`;
  const encoded = encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
