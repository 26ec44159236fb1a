#!/usr/bin/env node
// The command line runs compiled JavaScript (dist/cli/, `npm run build:cli`). On a fresh clone,
// or after any source the last build read has changed, it is built first, so that `npx tongban`
// and `npm start` never need a manual build step and never run stale code.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/cli/', root);

function isStale() {
  let info;
  try {
    info = JSON.parse(readFileSync(new URL('build-info.json', dist), 'utf8'));
  } catch {
    return true;
  }
  for (const input of info.inputs) {
    try {
      if (statSync(new URL(input, root)).mtimeMs > info.builtAt) return true;
    } catch {
      return true; // a source the build read is gone
    }
  }
  return false;
}

if (isStale()) {
  // Said to a person at a terminal only: a tool reading stderr expects the command's own lines.
  if (process.stderr.isTTY) process.stderr.write('tongban: building the command line (dist/cli) from the sources\n');
  // In a process of its own: a terminal that then runs for days keeps none of the build's memory
  // (esbuild and every source read; 25 MB of the idle terminal's RSS, measured, when it was built in-process).
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('scripts/build-cli.mjs', root))], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../dist/cli/index.mjs');
