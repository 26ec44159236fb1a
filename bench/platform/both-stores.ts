import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalPostgres, type LocalPostgres } from '../../test/integration/platform/local-postgres';

/**
 * The frame of each platform benchmark: a scratch folder for the SQLite file and a local
 * PostgreSQL, `measure` run on them, its figures printed as one JSON document with the total
 * time, and both removed afterwards even when the measurement fails.
 */
export async function benchOnBothStores(
  name: string,
  options: { durable?: boolean },
  measure: (stores: { dir: string; postgres: LocalPostgres }) => Promise<Record<string, unknown>>,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `tongban-bench-${name}-`));
  const postgres = await startLocalPostgres(options);
  try {
    const started = performance.now();
    const figures = await measure({ dir, postgres });
    const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
    process.stdout.write(`${JSON.stringify({ benchmark: name, ...figures, totalSeconds }, null, 2)}\n`);
  } finally {
    postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
