import { statfs } from 'node:fs/promises';
import { freemem, totalmem } from 'node:os';
import type { Heartbeat, HeartbeatDevice, ServiceMode } from '../../contract/platform/fleet';
import type { DeviceState } from '../../contract/terminal/api';
import { appVersion } from '../version';
import type { PrinterReading } from './printer-watch';

export interface HeartbeatSources {
  dataDir: string;
  devices: () => readonly DeviceState[];
  /** Polled devices whose state the drivers do not push (the A4 printer's paper and cover). */
  printers: () => Promise<PrinterReading[]>;
  outbox: () => { depth: number; oldestAt: string | null };
  lastSyncAt: () => string | null;
  lastError: () => { at: string; message: string } | null;
  service: () => ServiceMode;
  configVersion: () => number | null;
  now?: () => number;
}

const startedAt = Date.now();
const secondsSince = (iso: string | null, now: number): number | null => (iso === null ? null : Math.max(0, Math.round((now - Date.parse(iso)) / 1000)));

/** One heartbeat: counts, ages, states and versions. Nothing in it is about a citizen. */
export async function buildHeartbeat(sources: HeartbeatSources): Promise<Heartbeat> {
  const now = (sources.now ?? Date.now)();
  const polled = await sources.printers();
  const byRole = new Map<string, HeartbeatDevice>();
  for (const d of sources.devices()) {
    byRole.set(d.role, { role: d.role.slice(0, 64), state: d.state, conditions: [], ...(d.reason ? { reason: d.reason.slice(0, 200) } : {}), since: d.since });
  }
  // A polled reading has no start time of its own: the platform times how long a condition lasts.
  for (const p of polled) byRole.set(p.role, { role: p.role, state: p.state, conditions: p.conditions, ...(p.reason ? { reason: p.reason.slice(0, 200) } : {}) });
  const fs = await statfs(sources.dataDir);
  const outbox = sources.outbox();
  const lastError = sources.lastError();
  return {
    version: appVersion,
    uptimeSeconds: Math.round((now - startedAt) / 1000),
    devices: [...byRole.values()].slice(0, 50),
    outbox: { depth: outbox.depth, oldestAgeSeconds: secondsSince(outbox.oldestAt, now) },
    syncLagSeconds: secondsSince(sources.lastSyncAt(), now),
    disk: { freeBytes: fs.bavail * fs.bsize, totalBytes: Math.max(1, fs.blocks * fs.bsize) },
    memory: { rssBytes: process.memoryUsage.rss(), freeBytes: freemem(), totalBytes: totalmem() },
    lastError: lastError ? { at: lastError.at, message: lastError.message.slice(0, 300) } : null,
    service: sources.service(),
    configVersion: sources.configVersion(),
  };
}
