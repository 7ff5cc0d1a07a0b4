import type { FastifyReply, FastifyRequest } from 'fastify';

/** The dashboard's sign-in cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it). */
export const SESSION_COOKIE = 'sb_session';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Sets the session cookie (`expires: null` clears it); Secure whenever PUBLIC_URL is https. */
export function setSessionCookie(reply: FastifyReply, value: string, expires: Date | null): void {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  parts.push(expires ? `Expires=${expires.toUTCString()}` : 'Max-Age=0');
  if (reply.server.deps.config.publicUrl.startsWith('https:')) parts.push('Secure');
  reply.header('set-cookie', parts.join('; '));
}
