import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Same-origin only, no inline script or style: the page's token never meets code from elsewhere.
 * connect-src 'self' covers the socket.io websocket on the same host.
 */
export const WEB_CHAT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the built web chat (dist/web-chat) at / with a strict Content-Security-Policy. */
export function webChatStatic(dir: string): express.RequestHandler {
  const files = express.static(dir, {
    index: 'index.html',
    fallthrough: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', WEB_CHAT_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      // The page is small and changes with every build; the browser revalidates it.
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A hub run from a checkout without `npm run build` says so instead of a bare 404.
    if (req.path === '/' && !existsSync(join(dir, 'index.html'))) {
      res.status(503).type('text/plain').send('The web chat is not built yet: run `npm run build` (npm start does it), then reload.\n');
      return;
    }
    files(req, res, next);
  };
}
