/**
 * Which browser origins and Host headers the hub accepts, shared by /mcp, /api and socket.io so the
 * rules cannot drift apart. Browsers always send `Origin` on cross-site and websocket requests;
 * tools (curl, MCP clients, Node socket.io clients) send none and authenticate by token alone.
 */
export interface OriginPolicy {
  /** null when allowed; otherwise why not, in a sentence that says how to fix it. */
  checkOrigin(origin: string | undefined): string | null;
  /** null when allowed; on a loopback bind only loopback names are (DNS rebinding). */
  checkHost(host: string | undefined): string | null;
}

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

export function createOriginPolicy(options: { host: string; allowedOrigins: readonly string[] }): OriginPolicy {
  const allowed = new Set([...LOOPBACK_HOSTS, ...options.allowedOrigins.map((o) => o.toLowerCase())]);
  const loopbackBind = LOOPBACK_HOSTS.includes(options.host);
  return {
    checkOrigin(origin) {
      if (!origin) return null;
      let hostname: string;
      try {
        hostname = new URL(origin).hostname.toLowerCase();
      } catch {
        return `The browser origin "${origin}" is not a valid URL`;
      }
      if (allowed.has(hostname) || allowed.has(`[${hostname}]`)) return null;
      return `The browser origin ${origin} is not allowed: add "${hostname}" to ALLOWED_ORIGINS (server.allowedOrigins) to connect from it`;
    },
    checkHost(host) {
      if (!loopbackBind || !host) return null;
      const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
      if (LOOPBACK_HOSTS.includes(hostname.toLowerCase())) return null;
      return `The Host header "${host}" is not accepted on a loopback bind (DNS rebinding protection): set HOST=0.0.0.0 to serve other machines`;
    },
  };
}
