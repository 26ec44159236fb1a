import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HealthSnapshot } from '../../contract/terminal/api';
import type { Logger } from '../logging/logger';

export const HEALTH_FILE = 'health.json';
export const HEALTH_INTERVAL_MS = 30_000;

/**
 * A running terminal leaves its latest health snapshot in its data directory, so that
 * `tongban health` (a technician at a shell) can read it without any port or secret.
 */
export function startHealthFile(dataDir: string, snapshot: () => Promise<HealthSnapshot>, log: Logger): () => void {
  const file = path.join(dataDir, HEALTH_FILE);
  const write = async () => {
    try {
      const data = { writtenAt: new Date().toISOString(), ...(await snapshot()) };
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      log.warn({ err: error, file }, 'could not write the health file');
    }
  };
  void write();
  const timer = setInterval(() => void write(), HEALTH_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export function readHealthFile(dataDir: string): { snapshot: HealthSnapshot & { writtenAt: string }; ageSeconds: number } | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, HEALTH_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const snapshot = JSON.parse(text) as HealthSnapshot & { writtenAt: string };
  return { snapshot, ageSeconds: Math.round((Date.now() - Date.parse(snapshot.writtenAt)) / 1000) };
}
