// Where the page keeps the hub token: this tab's sessionStorage only (gone when the tab closes),
// never a cookie, never a query string.

const KEY = 'ttrpg-hub.token';

export function savedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the token lives in memory for this page only
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage disabled: signing in still works until the page reloads.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

/**
 * The hand-off from a sign-in flow (OAuth): a page that redirects here with `#token=<hub token>` in
 * the fragment (which browsers never send to a server) signs the user in; the fragment is removed
 * from the address bar and history at once.
 */
export function takeTokenFromFragment(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return null;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  return token;
}
