import express from 'express';

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
  return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? files(req, res, next) : next());
}
