/** Reads one cookie from a Cookie header (no dependency needed for two cookies). */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure whenever the hub is reached over https. */
export function cookie(name: string, value: string, options: { path: string; maxAgeSeconds: number; secure: boolean; readableByPage?: boolean }): string {
  return [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, ...(options.readableByPage ? [] : ['HttpOnly']), 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}

/** The session cookies, set or cleared together: the session itself (HttpOnly) and a secret-free marker the page can read. */
export function sessionCookies(sessionId: string | null, options: { maxAgeSeconds: number; secure: boolean }): string[] {
  const maxAgeSeconds = sessionId ? options.maxAgeSeconds : 0;
  return [
    cookie(SESSION_COOKIE, sessionId ?? '', { path: '/', maxAgeSeconds, secure: options.secure }),
    cookie(SIGNED_IN_COOKIE, sessionId ? '1' : '', { path: '/', maxAgeSeconds, secure: options.secure, readableByPage: true }),
  ];
}

export const SESSION_COOKIE = 'ttrpg_session';
export const STATE_COOKIE = 'ttrpg_oauth';
/** Tells the page a browser account is signed in (so it may link a campaign token to it); holds no secret. */
export const SIGNED_IN_COOKIE = 'ttrpg_signed_in';
