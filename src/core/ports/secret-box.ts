import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest (OAuth tokens, provider API keys, D&D Beyond session cookies). The hub has
 * one key for all of them; a sealed value is useless without it. Values are never logged.
 */
export interface SecretBox {
  /** Encrypts `plain` into an opaque, self-describing string safe to store. */
  seal(plain: string): string;
  /** Decrypts what `seal` produced; throws when the value was tampered with or sealed under another key. */
  open(sealed: string): string;
}

const PREFIX = 'v1';

/**
 * AES-256-GCM with a fresh 96-bit nonce per value: `v1.<nonce>.<ciphertext>.<tag>` in base64url.
 * GCM authenticates, so a flipped bit or another hub's key fails loudly instead of yielding garbage.
 */
export class AesSecretBox implements SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error(`expected a 32-byte key, got ${key.length} bytes`);
    this.#key = key;
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, nonce, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string): string {
    const [prefix, nonce, body, tag] = sealed.split('.');
    if (prefix !== PREFIX || nonce === undefined || body === undefined || tag === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** A box with a key made up for this process only: for tests and tools that never persist secrets. */
export const ephemeralSecretBox = (): SecretBox => new AesSecretBox(randomBytes(32));
