import { ChatPage } from './chat-page.js';
import { byId, show } from './dom.js';
import { GmPage } from './gm-page.js';
import { HubClient } from './hub-client.js';
import { forgetToken, savedToken, saveToken, takeTokenFromFragment } from './session-token.js';
import { setUpSignIn } from './sign-in.js';
import type { HubStatus } from './types.js';

/** The signed-in page: one connection, the chat and the GM page as two views of it. */
interface Signed {
  client: HubClient;
  status: HubStatus;
  chat: ChatPage;
  gm: GmPage;
}

let signed: Signed | null = null;

/** Connects with the token; null when signed in, else why not (and whether the token itself was refused). */
async function signIn(token: string): Promise<string | null> {
  const result = await connect(token);
  if (!result.problem && !token.startsWith(SESSION_TOKEN_PREFIX) && document.cookie.split('; ').includes('ttrpg_signed_in=1')) void linkToAccount(token);
  return result.problem;
}

/** A browser signed in with Discord or Twitch (an HttpOnly cookie) that then uses a campaign token links it to the account, once. */
const SESSION_TOKEN_PREFIX = 'ttws_';
async function linkToAccount(token: string): Promise<void> {
  await fetch('/auth/link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }).catch(() => undefined);
}

async function connect(token: string): Promise<{ problem: string | null; refused: boolean }> {
  let client: HubClient;
  try {
    client = await HubClient.connect(token);
  } catch (error) {
    const refused = (error as { refused?: boolean }).refused === true;
    return { problem: refused ? `The hub refused this token: ${(error as Error).message}` : `The hub did not answer (${(error as Error).message}); is it running? Try again.`, refused };
  }
  let status: HubStatus;
  try {
    status = await client.status();
  } catch (error) {
    client.close();
    return { problem: `Signed in, but the hub's status did not load: ${(error as Error).message}`, refused: false };
  }
  saveToken(token);
  signed = { client, status, chat: new ChatPage(client, status), gm: new GmPage(client, status) };
  client.onDisconnect((reason) => {
    // The hub closes the socket itself when the token is revoked; anything else reconnects on its own.
    if (reason === 'io server disconnect') signOut('The hub ended this session (was the token revoked?). Sign in again.');
  });
  const you = status.you;
  byId('who').textContent = you.kind === 'owner' ? `${you.name} (owner)` : `${you.name}${you.role ? ` (${you.role})` : ''}`;
  show(byId('sign-out'), true);
  show(byId('tabs'), true);
  route();
  return { problem: null, refused: false };
}

function signOut(message?: string, keepToken = false): void {
  signed?.client.close();
  signed = null;
  // A hub that was merely unreachable keeps the tab's token for the next try (a reload).
  if (!keepToken) forgetToken();
  byId('who').textContent = '';
  show(byId('sign-out'), false);
  show(byId('tabs'), false);
  if (message) {
    const error = byId('sign-in-error');
    error.textContent = message;
    error.hidden = false;
  }
  route();
}

/** #chat (default) or #gm; signed out, only the sign-in form. */
function route(): void {
  const view = !signed ? 'sign-in' : location.hash === '#gm' ? 'gm' : 'chat';
  for (const name of ['sign-in', 'chat', 'gm']) show(byId(`${name}-view`), name === view);
  for (const name of ['chat', 'gm']) {
    const tab = byId(`tab-${name}`);
    if (name === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  if (signed && view === 'gm') void signed.gm.open();
  if (signed && view === 'chat') void signed.chat.open();
  if (view === 'sign-in') byId('token').focus();
}

function start(): void {
  setUpSignIn(signIn);
  byId('sign-out').addEventListener('click', () => signOut());
  window.addEventListener('hashchange', () => {
    // The OAuth hand-off can arrive while the page is open.
    const handed = takeTokenFromFragment();
    if (handed) void signIn(handed);
    else route();
  });
  const token = takeTokenFromFragment() ?? savedToken();
  if (!token) return route();
  void connect(token).then(({ problem, refused }) => {
    if (problem) signOut(problem, !refused);
  });
}

// index.html loads the socket.io client with `defer` before this module, so both are ready here.
start();
