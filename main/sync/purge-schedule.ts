import type { Logger } from '../logging/logger';
import { DEFAULT_KIOSK_RETENTION, purgeSyncedCases, type KioskRetention } from '../store/case-purge';
import type { LocalStore } from '../store/local-store';

/**
 * Runs the kiosk's purge at start and then every `intervalMs` (default 10 minutes): the
 * personal data of cases the platform acknowledged leaves the machine in the public hall as
 * soon as it is no longer needed. Returns the stop function.
 */
export function startPurgeSchedule(options: {
  store: LocalStore;
  log: Pick<Logger, 'info' | 'error'>;
  retention?: KioskRetention;
  intervalMs?: number;
  now?: () => number;
}): () => void {
  const { store, log } = options;
  const now = options.now ?? Date.now;
  const run = () => {
    try {
      const report = purgeSyncedCases(store, now(), options.retention ?? DEFAULT_KIOSK_RETENTION);
      if (report.purged + report.deleted > 0) log.info(report, 'purged the personal data of acknowledged cases');
    } catch (error) {
      log.error({ err: error }, 'purging acknowledged cases failed');
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
