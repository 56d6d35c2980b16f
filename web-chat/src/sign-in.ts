import { byId, h, setError, show } from './dom.js';

/** One way to sign in other than a token, as the hub's /auth/providers lists it. */
interface AuthProvider {
  id: string;
  label?: string;
  url?: string;
}

/** Wires the token form; `onToken` connects and resolves to an error message, or null when signed in. */
export function setUpSignIn(onToken: (token: string) => Promise<string | null>): void {
  const form = byId<HTMLFormElement>('sign-in-form');
  const input = byId<HTMLInputElement>('token');
  const error = byId('sign-in-error');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    const button = form.querySelector('button')!;
    button.disabled = true;
    setError(error, null);
    void onToken(token).then((problem) => {
      button.disabled = false;
      if (problem) {
        setError(error, problem);
        input.focus();
      } else input.value = '';
    });
  });
  void showOAuthProviders();
}

/**
 * The hook for account sign-in: when the hub answers /auth/providers (the OAuth work adds it) with
 * e.g. `{ providers: [{ id: 'discord', label: 'Discord', url: '/auth/discord' }] }`, a "Sign in with …"
 * button appears per provider. The provider's callback comes back to `/#token=…` (see session-token.ts).
 */
async function showOAuthProviders(): Promise<void> {
  let providers: AuthProvider[] = [];
  try {
    const res = await fetch('/auth/providers', { headers: { accept: 'application/json' } });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return;
    const body = (await res.json()) as { providers?: (AuthProvider | string)[] } | (AuthProvider | string)[];
    const list = Array.isArray(body) ? body : (body.providers ?? []);
    providers = list.map((p) => (typeof p === 'string' ? { id: p } : p)).filter((p) => /^[a-z0-9-]+$/i.test(p.id));
  } catch {
    return;
  }
  if (!providers.length) return;
  const box = byId('oauth-buttons');
  box.replaceChildren(
    ...providers.map((p) => {
      const label = p.label ?? p.id.charAt(0).toUpperCase() + p.id.slice(1);
      // Only same-origin paths: the hub starts the flow.
      const href = p.url?.startsWith('/') && !p.url.startsWith('//') ? p.url : `/auth/${encodeURIComponent(p.id)}`;
      return h('a', { class: `button oauth oauth-${p.id}`, href }, `Sign in with ${label}`);
    }),
  );
  show(byId('oauth'), true);
}
