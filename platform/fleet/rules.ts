import type { AlertRule, Heartbeat } from '../../contract/platform/fleet';

/** How long a condition must last before it is an alert, and the thresholds the rules use. */
export interface FleetRuleSettings {
  /** A device disconnected (or in error) this long is an alert. Default 2 min. */
  deviceDownMs: number;
  /** A terminal silent this long is an alert. Default 2 min. */
  noHeartbeatMs: number;
  /** The outbox's oldest case older than this is an alert. Default 10 min. */
  outboxStaleMs: number;
  /** Free disk below this fraction is an alert. Default 0.1. */
  diskLowFraction: number;
}

export const DEFAULT_RULES: FleetRuleSettings = {
  deviceDownMs: 2 * 60_000,
  noHeartbeatMs: 2 * 60_000,
  outboxStaleMs: 10 * 60_000,
  diskLowFraction: 0.1,
};

/** A condition a heartbeat shows; it becomes an alert once it has held for `holdMs`. */
export interface Condition {
  rule: AlertRule;
  subject: string;
  detail: string;
  holdMs: number;
}

const GB = 1024 ** 3;

/** Every alerting condition in one heartbeat. No heartbeat at all is judged by the sweep, not here. */
export function conditionsOf(heartbeat: Heartbeat, settings: FleetRuleSettings): Condition[] {
  const found: Condition[] = [];
  for (const device of heartbeat.devices) {
    const reason = device.reason ? `: ${device.reason}` : '';
    if (device.conditions.includes('paper-out')) found.push({ rule: 'paper-out', subject: device.role, detail: `${device.role} paper out${reason}`, holdMs: 0 });
    else if (device.conditions.includes('paper-near-end')) found.push({ rule: 'paper-near-end', subject: device.role, detail: `${device.role} paper near end`, holdMs: 0 });
    const faults = device.conditions.filter((c) => c === 'cover-open' || c === 'jam' || c === 'toner-out');
    if (faults.length > 0) found.push({ rule: 'device-fault', subject: device.role, detail: `${device.role} ${faults.join(', ')}`, holdMs: 0 });
    if (device.state === 'disconnected' || device.state === 'error' || device.conditions.includes('offline')) {
      found.push({ rule: 'device-disconnected', subject: device.role, detail: `${device.role} ${device.state}${reason}`, holdMs: settings.deviceDownMs });
    }
  }
  const oldest = heartbeat.outbox.oldestAgeSeconds;
  if (oldest !== null && oldest * 1000 > settings.outboxStaleMs) {
    found.push({ rule: 'outbox-stale', subject: '', detail: `${heartbeat.outbox.depth} case(s) waiting, oldest ${Math.round(oldest / 60)} min`, holdMs: 0 });
  }
  const free = heartbeat.disk.freeBytes / heartbeat.disk.totalBytes;
  if (free < settings.diskLowFraction) {
    found.push({ rule: 'disk-low', subject: '', detail: `disk ${(free * 100).toFixed(1)}% free (${(heartbeat.disk.freeBytes / GB).toFixed(1)} GB)`, holdMs: 0 });
  }
  return found;
}

/** The terminal's status colour on the fleet page. */
export function statusOf(openRules: readonly AlertRule[], lastHeartbeatAt: number | null, pendingCount: number): 'ok' | 'warning' | 'alert' | 'offline' | 'unknown' {
  if (lastHeartbeatAt === null) return 'unknown';
  if (openRules.includes('no-heartbeat')) return 'offline';
  if (openRules.some((rule) => rule !== 'paper-near-end')) return 'alert';
  if (openRules.length > 0 || pendingCount > 0) return 'warning';
  return 'ok';
}
