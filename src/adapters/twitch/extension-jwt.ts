import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** The claims Twitch puts in the JWT it gives an extension (Twitch.ext.onAuthorized). */
export const ExtensionClaimsSchema = z.object({
  exp: z.number(),
  opaque_user_id: z.string(),
  user_id: z.string().optional(),
  channel_id: z.string(),
  role: z.enum(['broadcaster', 'moderator', 'viewer', 'external']),
  pubsub_perms: z.object({ listen: z.array(z.string()).optional(), send: z.array(z.string()).optional() }).optional(),
});
export type ExtensionClaims = z.infer<typeof ExtensionClaimsSchema>;

/** The extension secret is shown base64-encoded; the HMAC key is the decoded bytes. */
export const secretKey = (base64Secret: string) => new Uint8Array(Buffer.from(base64Secret, 'base64'));

export type VerifyResult = { ok: true; claims: ExtensionClaims } | { ok: false; reason: string };

/** Verifies an extension JWT (HS256 with the extension secret), its expiry, and optionally its channel. */
export async function verifyExtensionJwt(token: string | undefined, key: Uint8Array, channelId?: string): Promise<VerifyResult> {
  if (!token) return { ok: false, reason: 'missing extension token: send "Authorization: Bearer <Twitch.ext token>"' };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const claims = ExtensionClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: `extension token lacks ${claims.error.issues[0]?.path.join('.') ?? 'claims'}` };
    if (channelId && claims.data.channel_id !== channelId) return { ok: false, reason: `extension token is for channel ${claims.data.channel_id}, not ${channelId}` };
    return { ok: true, claims: claims.data };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'extension token expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'extension token signature is not valid' };
    return { ok: false, reason: `extension token is not valid: ${(error as Error).message}` };
  }
}

/** The JWT the backend signs to call Twitch's "Send Extension PubSub Message" for one channel. */
export function signPubSubJwt(key: Uint8Array, ownerId: string, channelId: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ user_id: ownerId, role: 'external', channel_id: channelId, pubsub_perms: { send: ['broadcast'] } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime(nowSeconds + 60)
    .sign(key);
}
