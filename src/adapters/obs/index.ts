// The JSON flavour of the protocol: plain to inspect, and OBS speaks both.
import { OBSWebSocket } from 'obs-websocket-js/json';
import type { EventBus, Logger } from '../../core/index.js';

export interface ObsConfig {
  url: string;
  password?: string;
  /** Only this campaign's combats switch scenes; any campaign when unset. */
  campaignId?: string;
  combatScene?: string;
  idleScene?: string;
}

/**
 * Optional scene switching through obs-websocket v5: the combat scene when round 1 starts, the idle
 * scene when combat ends. OBS may start after the hub or restart during a stream, so the connection
 * is retried quietly until it holds.
 */
export function startObsControl(config: ObsConfig, events: EventBus, logger: Logger, retryMs = 5000): { close(): Promise<void>; status(): { connected: boolean } } {
  const log = logger.child({ adapter: 'obs' });
  const obs = new OBSWebSocket();
  let connected = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const inCombat = new Set<string>();

  const connect = async () => {
    try {
      await obs.connect(config.url, config.password);
      connected = true;
      log.info({ url: config.url }, 'connected to OBS');
    } catch (error) {
      if (!closed) retry = setTimeout(() => void connect(), retryMs);
      log.debug({ err: error }, 'OBS not reachable yet');
    }
  };
  obs.on('ConnectionClosed', () => {
    connected = false;
    if (!closed) retry = setTimeout(() => void connect(), retryMs);
  });

  const switchTo = (sceneName: string | undefined, why: string) => {
    if (!sceneName || !connected) return;
    obs.call('SetCurrentProgramScene', { sceneName }).then(
      () => log.info({ scene: sceneName, why }, 'switched OBS scene'),
      (error: Error) => log.warn({ err: error, scene: sceneName }, 'OBS refused the scene switch'),
    );
  };

  const stop = events.subscribe((event) => {
    if (!event.campaignId || (config.campaignId && event.campaignId !== config.campaignId)) return;
    if (event.type === 'turn.changed' && event.round === 1 && event.previousId === null) {
      inCombat.add(event.campaignId);
      switchTo(config.combatScene, 'combat started');
    } else if (event.type === 'initiative.updated' && event.encounter.round === 0 && inCombat.has(event.campaignId)) {
      inCombat.delete(event.campaignId);
      switchTo(config.idleScene, 'combat ended');
    } else if (event.type === 'session.ended' && inCombat.delete(event.campaignId)) {
      switchTo(config.idleScene, 'session ended');
    }
  });

  void connect();
  return {
    /** For the hub's status page: whether obs-websocket is connected right now. */
    status: () => ({ connected }),
    close: async () => {
      closed = true;
      clearTimeout(retry);
      stop();
      if (connected) await obs.disconnect();
    },
  };
}
