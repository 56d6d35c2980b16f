import { describe, expect, it } from 'vitest';
import { blockedOriginHint, originAllowed } from '../../src/http/origin-policy.js';

describe('which browser pages may use the sockets', () => {
  it('localhost, listed hostnames (bare or pasted as full origins), and the hub\'s own address', () => {
    expect(originAllowed(undefined, [])).toBe(true); // not a browser
    expect(originAllowed('http://localhost:30000', [])).toBe(true);
    expect(originAllowed('http://[::1]:30000', [])).toBe(true);
    expect(originAllowed('https://foundry.example.com', ['foundry.example.com'])).toBe(true);
    expect(originAllowed('https://foundry.example.com:30000', ['https://foundry.example.com'])).toBe(true);
    expect(originAllowed('https://hub.example.com', [], 'hub.example.com')).toBe(true);
    expect(originAllowed('https://evil.example', ['foundry.example.com'], 'hub.example.com')).toBe(false);
    expect(originAllowed('null', [])).toBe(false);
  });

  it('says what to add when it refuses', () => {
    expect(blockedOriginHint('https://game.forge-vtt.com')).toBe('The hub does not accept pages from https://game.forge-vtt.com: add "game.forge-vtt.com" to ALLOWED_ORIGINS (server.allowedOrigins) on the hub and restart it');
  });
});
