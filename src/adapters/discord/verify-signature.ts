import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo; Discord hands out the bare 32-byte key in hex.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const ed25519PublicKey = (hex: string): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });

/**
 * Checks Discord's X-Signature-Ed25519 over timestamp + raw body, and that the timestamp is recent,
 * so a captured request cannot be replayed later.
 */
export function verifyDiscordSignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer, nowSeconds = Date.now() / 1000): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
}
