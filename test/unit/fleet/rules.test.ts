import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../contract/platform/fleet';
import { conditionsOf, DEFAULT_RULES, statusOf } from '../../../platform/fleet/rules';
import { quietHeartbeat } from '../../fixtures/fleet/heartbeat';

const quiet: Heartbeat = quietHeartbeat({ disk: { freeBytes: 20, totalBytes: 100 } });

describe('fleet alert rules', () => {
  it('finds nothing in a quiet heartbeat', () => {
    expect(conditionsOf(quiet, DEFAULT_RULES)).toEqual([]);
  });

  it('names paper out before paper near end, and cover or jam as a fault, per device', () => {
    const beat = { ...quiet, devices: [{ role: 'a4Printer', state: 'error', conditions: ['paper-out', 'paper-near-end', 'cover-open'] as const }].map((d) => ({ ...d, conditions: [...d.conditions] })) };
    expect(conditionsOf(beat, DEFAULT_RULES).map((c) => [c.rule, c.subject, c.holdMs])).toEqual([
      ['paper-out', 'a4Printer', 0],
      ['device-fault', 'a4Printer', 0],
      ['device-disconnected', 'a4Printer', DEFAULT_RULES.deviceDownMs],
    ]);
  });

  it('holds a disconnected device for the grace time; outbox and disk go by their thresholds exactly', () => {
    const edge = { ...quiet, outbox: { depth: 1, oldestAgeSeconds: 600 }, disk: { freeBytes: 10, totalBytes: 100 } };
    expect(conditionsOf(edge, DEFAULT_RULES)).toEqual([]);
    const over = { ...quiet, outbox: { depth: 1, oldestAgeSeconds: 601 }, disk: { freeBytes: 9.9, totalBytes: 100 } };
    expect(conditionsOf(over, DEFAULT_RULES).map((c) => c.rule)).toEqual(['outbox-stale', 'disk-low']);
  });

  it('colours a terminal: offline over alert over warning over ok', () => {
    expect(statusOf([], null, 0)).toBe('unknown');
    expect(statusOf([], 1, 0)).toBe('ok');
    expect(statusOf(['paper-near-end'], 1, 0)).toBe('warning');
    expect(statusOf([], 1, 1)).toBe('warning');
    expect(statusOf(['paper-out', 'paper-near-end'], 1, 0)).toBe('alert');
    expect(statusOf(['no-heartbeat', 'paper-out'], 1, 0)).toBe('offline');
  });
});
