import type { GameLike } from './foundry-env.js';
import { MODULE_ID } from './module-constants.js';

export interface ModuleSettings {
  hubUrl: string;
  campaignId: string;
  token: string;
}

/**
 * The module's settings. The hub address and campaign are world settings only a GM may change;
 * the token is a v13 user setting: stored in the world (so it survives another browser or a cleared
 * cache) but sent to its own user only, so players never receive the GM's token.
 */
export function registerSettings(game: Pick<GameLike, 'settings'>, onChange: () => void): void {
  // Foundry localizes a setting's name and hint when it shows them (translations load after init).
  const t = (key: string) => `TTRPG_HUB.settings.${key}`;
  game.settings.register(MODULE_ID, 'hubUrl', { name: t('hubUrl.name'), hint: t('hubUrl.hint'), scope: 'world', config: true, restricted: true, type: String, default: '', onChange });
  game.settings.register(MODULE_ID, 'campaignId', { name: t('campaignId.name'), hint: t('campaignId.hint'), scope: 'world', config: true, restricted: true, type: String, default: '', onChange });
  game.settings.register(MODULE_ID, 'token', { name: t('token.name'), hint: t('token.hint'), scope: 'user', config: true, type: String, default: '', onChange });
}

export function readSettings(game: Pick<GameLike, 'settings'>): ModuleSettings {
  const get = (key: string) => {
    try {
      const v = game.settings.get(MODULE_ID, key);
      return typeof v === 'string' ? v.trim() : '';
    } catch {
      return '';
    }
  };
  return { hubUrl: get('hubUrl'), campaignId: get('campaignId'), token: get('token') };
}
