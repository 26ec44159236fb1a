import { statfs } from 'node:fs/promises';
import type { DeviceState, HealthSnapshot, Role } from '../../contract/terminal/api';
import { appVersion } from '../version';

export interface HealthSources {
  terminalId: string;
  role: Role;
  dataDir: string;
  devices: () => DeviceState[];
  sync: () => HealthSnapshot['sync'];
  sessionActive: () => boolean;
  shellVersions?: { electron?: string; chromium?: string };
}

const startedAt = Date.now();

export async function healthSnapshot(sources: HealthSources): Promise<HealthSnapshot> {
  const fs = await statfs(sources.dataDir);
  const devices = sources.devices();
  const degraded = devices.some((d) => d.state === 'error' || d.state === 'disconnected');
  return {
    status: degraded ? 'degraded' : 'ok',
    versions: { app: appVersion, node: process.versions.node, ...sources.shellVersions },
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    terminalId: sources.terminalId,
    role: sources.role,
    devices,
    sync: sources.sync(),
    disk: { path: sources.dataDir, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize },
    session: { active: sources.sessionActive() },
  };
}
