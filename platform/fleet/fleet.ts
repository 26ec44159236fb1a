import type { DocumentSigner } from '../documents/signing';
import { errorMessage } from '../../common/errors';
import type { PlatformContext } from '../core/context';
import type { Notifier } from '../notify/notifier';
import { AlertNotices } from './alert-notices';
import { FleetConfig } from './fleet-config';
import { ANSWER_CACHE_MS, FleetService } from './fleet-service';
import { RemoteActions } from './remote-actions';
import { DEFAULT_RULES, type FleetRuleSettings } from './rules';
import { UpdateFeed } from './updates';

export interface FleetSettingsOptions extends Partial<FleetRuleSettings> {
  /** How often silence and held conditions are judged (default 10 s, or a quarter of the silence limit when shorter). */
  sweepMs?: number;
  historyMs?: number;
  webhookAttempts?: number;
  webhookRetryMs?: number;
}

export interface Fleet {
  service: FleetService;
  actions: RemoteActions;
  config: FleetConfig;
  notices: AlertNotices;
  updates: UpdateFeed;
  stop(): Promise<void>;
}

/** The fleet room of the platform: heartbeats and alerts, remote actions, signed configuration. */
export function createFleet(
  ctx: PlatformContext,
  notifier: Notifier,
  signer: DocumentSigner,
  options: FleetSettingsOptions,
  log: (line: string) => void,
): Fleet {
  const rules: FleetRuleSettings = { ...DEFAULT_RULES, ...definedOnly(options) };
  const notices = new AlertNotices({
    db: ctx.db,
    notifier,
    now: ctx.now,
    ...(options.webhookAttempts ? { webhookAttempts: options.webhookAttempts } : {}),
    ...(options.webhookRetryMs ? { webhookRetryMs: options.webhookRetryMs } : {}),
    onError: (error) => log(`fleet notice failed: ${errorMessage(error)}`),
  });
  const config = new FleetConfig(ctx, signer);
  // Per centre, one read gives every target's latest version; the promise is shared, so the
  // beats of one group that find the cache empty read it once between them.
  const versions = new Map<string, { targets: Promise<Map<string, number>>; at: number }>();
  const service = new FleetService(ctx, {
    rules,
    historyMs: options.historyMs ?? 6 * 3600_000,
    notices,
    configVersion: async (centreId, terminalId, kind) => {
      let cached = versions.get(centreId);
      if (!cached || ctx.now() - cached.at >= ANSWER_CACHE_MS) {
        cached = { targets: config.versions(centreId), at: ctx.now() };
        versions.set(centreId, cached);
        cached.targets.catch(() => versions.delete(centreId));
      }
      const targets = await cached.targets;
      return FleetConfig.versionOf(targets, terminalId, kind);
    },
  });
  // A change made here is offered with the next beats, not after the cache's time.
  config.onChange = () => versions.clear();
  let sweeping = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweeping.then(() => service.sweep()).catch((error: unknown) => log(`fleet sweep failed: ${errorMessage(error)}`));
  }, options.sweepMs ?? Math.min(10_000, rules.noHeartbeatMs / 4));
  timer.unref();
  return {
    service,
    actions: new RemoteActions(ctx),
    config,
    notices,
    updates: new UpdateFeed(ctx),
    async stop() {
      clearInterval(timer);
      await service.flush();
      await sweeping;
      await notices.drain();
    },
  };
}

function definedOnly(options: Partial<FleetRuleSettings>): Partial<FleetRuleSettings> {
  const out: Partial<FleetRuleSettings> = {};
  for (const key of ['deviceDownMs', 'noHeartbeatMs', 'outboxStaleMs', 'diskLowFraction'] as const) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
