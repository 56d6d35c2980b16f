import express, { type Router } from 'express';
import type { Logger } from '../../core/index.js';
import { answerInteraction, type AnswerChannel } from './answer-interaction.js';
import type { CommandRouter } from './command-router.js';
import { InteractionKind, RawInteractionSchema, toInteraction, type Interaction } from './interaction.js';
import { ed25519PublicKey, verifyDiscordSignature } from './verify-signature.js';

export interface HttpEndpointOptions {
  publicKey: string;
  router: CommandRouter;
  deferAfterMs: number;
  logger: Logger;
  /** PATCH of the original response after a deferral (through the rate-limited REST client). */
  editOriginal(ix: Interaction, body: Record<string, unknown>): Promise<void>;
}

/**
 * POST /discord/interactions: Discord's outgoing-webhook delivery of interactions. Every request is
 * checked against the application's Ed25519 key before anything in it is read.
 */
export function discordInteractionsEndpoint(options: HttpEndpointOptions): Router {
  const key = ed25519PublicKey(options.publicKey);
  const router = express.Router();
  router.post('/discord/interactions', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyDiscordSignature(key, req.header('x-signature-ed25519'), req.header('x-signature-timestamp'), body)) {
      res.status(401).json({ error: 'invalid request signature' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'the body is not valid JSON' });
      return;
    }
    const parsed = RawInteractionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      res.status(400).json({ error: `invalid interaction: ${issue.path.join('.') || 'body'}: ${issue.message}` });
      return;
    }
    if (parsed.data.type === InteractionKind.Ping) {
      res.json({ type: 1 });
      return;
    }
    const ix = toInteraction(parsed.data);
    if (!ix) {
      res.status(400).json({ error: 'this kind of interaction is not handled' });
      return;
    }
    const channel: AnswerChannel = {
      callback: async (cb) => void res.json(cb),
      editOriginal: (b) => options.editOriginal(ix, b),
    };
    await answerInteraction(ix, (live) => options.router.handle(ix, live), channel, options.deferAfterMs).catch((error) => {
      options.logger.error({ err: error, command: ix.path }, 'discord interaction answer failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
    });
  });
  return router;
}
