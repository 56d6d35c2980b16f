/** Reads one cookie from a Cookie header (no dependency needed for two cookies). */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure whenever the hub is reached over https. */
export function cookie(name: string, value: string, options: { path: string; maxAgeSeconds: number; secure: boolean }): string {
  return [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export const SESSION_COOKIE = 'ttrpg_session';
export const STATE_COOKIE = 'ttrpg_oauth';
