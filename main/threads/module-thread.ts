import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running one of the terminal's modules. The compiled builds carry the thread's
 * own `.mjs` beside the code that starts it (scripts/build-cli.mjs, scripts/build-electron.mjs);
 * run from the sources (tests, tsx) the thread is the .ts file, loaded after registering tsx in
 * the thread (a worker does not inherit the parent's loader).
 */
export function startModuleThread(compiled: URL, source: URL, workerData: unknown): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData });
  const loader = 'import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(' + JSON.stringify(source.href) + '))';
  return new Worker(loader, { eval: true, workerData });
}
