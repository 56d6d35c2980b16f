import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OAuth2 authorization server speaking Discord's endpoints (RFC 6749 authorization code with
 * RFC 7636 PKCE, refresh tokens, RFC 7009 revocation, and /users/@me). The consent page approves at
 * once. It checks what a real server checks: client credentials, redirect_uri, one-time codes and
 * the PKCE verifier against the challenge, and it records every request for the test.
 */
export async function startOAuthStandIn(options: { clientId: string; clientSecret: string; expiresIn?: number }) {
  const codes = new Map<string, { challenge: string; method: string; redirectUri: string; used: boolean }>();
  const access = new Map<string, { expires: number; userId: string }>();
  const refresh = new Set<string>();
  const requests: { path: string; form: Record<string, string>; query: Record<string, string> }[] = [];
  const revoked: string[] = [];
  const user = { id: '80351110224678912', username: 'nelly', global_name: 'Nelly' };
  const b64 = (bytes: Buffer) => bytes.toString('base64url');
  const issue = () => {
    const accessToken = `at_${b64(randomBytes(12))}`;
    const refreshToken = `rt_${b64(randomBytes(12))}`;
    access.set(accessToken, { expires: Date.now() + (options.expiresIn ?? 604_800) * 1000, userId: user.id });
    refresh.add(refreshToken);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: options.expiresIn ?? 604_800, refresh_token: refreshToken, scope: 'identify' };
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = Object.fromEntries(new URLSearchParams(raw));
    requests.push({ path: url.pathname, form, query: Object.fromEntries(url.searchParams) });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const q = url.searchParams;
    if (url.pathname === '/oauth2/authorize') {
      if (q.get('client_id') !== options.clientId || q.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return json(400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
      const code = b64(randomBytes(12));
      codes.set(code, { challenge: q.get('code_challenge')!, method: 'S256', redirectUri: q.get('redirect_uri')!, used: false });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/api/oauth2/token' && req.method === 'POST') {
      if (form.client_id !== options.clientId || form.client_secret !== options.clientSecret) return json(401, { error: 'invalid_client' });
      if (form.grant_type === 'authorization_code') {
        const grant = codes.get(form.code ?? '');
        if (!grant || grant.used || grant.redirectUri !== form.redirect_uri) return json(400, { error: 'invalid_grant' });
        grant.used = true;
        const expected = b64(createHash('sha256').update(form.code_verifier ?? '').digest());
        if (expected !== grant.challenge) return json(400, { error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge' });
        return json(200, issue());
      }
      if (form.grant_type === 'refresh_token') {
        if (!refresh.delete(form.refresh_token ?? '')) return json(400, { error: 'invalid_grant' });
        return json(200, issue());
      }
      return json(400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/api/oauth2/token/revoke' && req.method === 'POST') {
      if (form.client_id !== options.clientId || form.client_secret !== options.clientSecret) return json(401, { error: 'invalid_client' });
      revoked.push(form.token ?? '');
      access.delete(form.token ?? '');
      refresh.delete(form.token ?? '');
      return json(200, {});
    }
    if (url.pathname === '/api/users/@me') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const grant = access.get(token);
      if (!grant || grant.expires < Date.now()) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, user);
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api`,
    user,
    requests,
    revoked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
