/** Hostnames a browser page may connect from without being listed: the hub's own machine. */
export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * Whether a browser origin may use the sockets and the API: localhost, or a hostname the owner listed
 * in ALLOWED_ORIGINS (e.g. the Foundry world's `foundry.example.com`). Requests without an Origin
 * header (servers, CLI tools) are not browsers and are judged by their token alone; neither is a page
 * from the hub's own address (same origin as the request's Host).
 */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[], requestHost?: string): boolean {
  if (!origin) return true;
  let hostname: string;
  try {
    const url = new URL(origin);
    // A page the hub served itself (the overlay at the hub's public address) is never a stranger.
    if (requestHost && url.host === requestHost.toLowerCase()) return true;
    hostname = url.hostname;
  } catch {
    return false;
  }
  const allowed = new Set([...LOCAL_HOSTNAMES, ...allowedOrigins.map((o) => hostnameOf(o))]);
  return allowed.has(hostname) || allowed.has(`[${hostname}]`);
}

/** What to tell the owner when a page is refused. */
export const blockedOriginHint = (origin: string) => {
  let host = origin;
  try {
    host = new URL(origin).hostname;
  } catch {
    /* keep the raw value */
  }
  return `The hub does not accept pages from ${origin}: add "${host}" to ALLOWED_ORIGINS (server.allowedOrigins) on the hub and restart it`;
};

/** ALLOWED_ORIGINS takes hostnames; a pasted full origin (https://foundry.example.com:30000) works too. */
function hostnameOf(entry: string): string {
  if (!entry.includes('://')) return entry.toLowerCase();
  try {
    return new URL(entry).hostname;
  } catch {
    return entry;
  }
}
