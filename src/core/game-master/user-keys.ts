import type { Logger } from '../ports/logger.js';
import type { SecretBox } from '../ports/secret-box.js';
import type { Store } from '../ports/store.js';

const key = (userId: string) => `gm:keys:${userId}`;

/** Each user's own provider API keys, sealed with the hub's secret key; opened only to make a request. */
export class UserKeys {
  constructor(private readonly deps: { store: Store; secrets: SecretBox; logger: Logger }) {}

  async set(userId: string, provider: string, apiKey: string | null): Promise<void> {
    const sealed = apiKey === null ? null : this.deps.secrets.seal(apiKey);
    await this.deps.store.update<Record<string, string>>(key(userId), (cur = {}) => {
      const next = { ...cur };
      if (sealed === null) delete next[provider];
      else next[provider] = sealed;
      return next;
    });
  }

  async providers(userId: string): Promise<string[]> {
    return Object.keys((await this.deps.store.get<Record<string, string>>(key(userId))) ?? {});
  }

  /** The opened keys by provider; a key sealed under another hub key is skipped (and the user must enter it again). */
  async open(userId: string): Promise<Record<string, string>> {
    const sealed = (await this.deps.store.get<Record<string, string>>(key(userId))) ?? {};
    const out: Record<string, string> = {};
    for (const [provider, value] of Object.entries(sealed)) {
      try {
        out[provider] = this.deps.secrets.open(value);
      } catch {
        this.deps.logger.warn({ provider, user: userId }, 'a stored AI key cannot be opened with this hub secret key (was HUB_SECRET_KEY changed?); it is ignored');
      }
    }
    return out;
  }
}
