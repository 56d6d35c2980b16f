/** The module id: flag scope, settings namespace, socket channel and query prefix. */
export const MODULE_ID = 'ttrpg-hub';

/** Options on every document change the module makes for the hub, so its own hooks never send it back. */
export const FROM_HUB = Object.freeze({ ttrpgHub: Object.freeze({ fromHub: true }) });

/** True for a change the module itself made from hub state (Foundry hands options to hooks unchanged). */
export const isFromHub = (options: unknown): boolean => (options as { ttrpgHub?: { fromHub?: boolean } } | undefined)?.ttrpgHub?.fromHub === true;

export const hubIdOf = (doc: { getFlag(scope: string, key: string): unknown } | null | undefined): string | null => {
  const id = doc?.getFlag(MODULE_ID, 'hubId');
  return typeof id === 'string' ? id : null;
};

/** Escapes text for the HTML of chat cards and the panel. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
