/**
 * Which browser origins and Host headers the hub accepts, shared by the sockets and the Foundry
 * handshake so the rules cannot drift apart. Browsers always send `Origin` on cross-site and
 * websocket requests; tools (curl, MCP clients, Node socket.io clients) send none and are judged by
 * their token alone.
 */
export interface OriginPolicy {
  /** null when allowed; otherwise why not, in a sentence that says how to fix it. */
  checkOrigin(origin: string | undefined, requestHost?: string): string | null;
  /** null when allowed; on a loopback bind only loopback names are (DNS rebinding). */
  checkHost(host: string | undefined): string | null;
}

/** Hostnames a browser page may connect from without being listed: the hub's own machine. */
export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export function createOriginPolicy(options: { host: string; allowedOrigins: readonly string[] }): OriginPolicy {
  const loopbackBind = LOCAL_HOSTNAMES.includes(options.host);
  return {
    checkOrigin: (origin, requestHost) => (originAllowed(origin, options.allowedOrigins, requestHost) ? null : blockedOriginHint(origin!)),
    checkHost(host) {
      if (!loopbackBind || !host) return null;
      const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
      if (LOCAL_HOSTNAMES.includes(hostname.toLowerCase())) return null;
      return `The Host header "${host}" is not accepted on a loopback bind (DNS rebinding protection): set HOST=0.0.0.0 to serve other machines`;
    },
  };
}

/**
 * Whether a browser origin may use the sockets: localhost, or a hostname the owner listed in
 * ALLOWED_ORIGINS (e.g. the Foundry world's `foundry.example.com`). Requests without an Origin header
 * are not browsers; a page from the hub's own address (same host as the request) is never a stranger.
 */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[], requestHost?: string): boolean {
  if (!origin) return true;
  let hostname: string;
  try {
    const url = new URL(origin);
    if (requestHost && url.host === requestHost.toLowerCase()) return true;
    hostname = url.hostname.toLowerCase();
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
