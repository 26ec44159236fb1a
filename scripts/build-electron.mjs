// Bundles the Electron shell: the main process as ESM (dist/electron/main.mjs, package.json
// "main") and the sandboxed preload as CommonJS (dist/electron/preload.cjs). npm packages
// stay external: native modules (better-sqlite3, serialport, node-hid) must be loaded from
// node_modules, where electron-builder rebuilds them for Electron; our own code and JSON
// (package.json, the demo profile) are bundled in.
// Usage: node scripts/build-electron.mjs [--outdir DIR] [--metafile FILE]
// (--metafile writes esbuild's account of inputs and imports, which the tests read.)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' }, metafile: { type: 'string' } } });
const outdir = path.resolve(values.outdir ?? path.join(root, 'dist/electron'));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  loader: { '.json': 'json' },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: path.join(outdir, 'main.mjs'),
    format: 'esm',
    packages: 'external',
  }),
  // PaddleOCR's worker thread, beside main.mjs where main/ocr/engines/threaded-engine.ts looks for it.
  build({
    ...common,
    entryPoints: ['main/ocr/engines/engine-thread.ts'],
    outfile: path.join(outdir, 'engine-thread.mjs'),
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    // The sandboxed preload may require nothing but electron: everything else is bundled in.
    format: 'cjs',
  }),
]);
if (values.metafile) {
  const outputs = Object.assign({}, ...results.map((r) => r.metafile.outputs));
  const inputs = Object.assign({}, ...results.map((r) => r.metafile.inputs));
  await writeFile(values.metafile, JSON.stringify({ inputs, outputs }, null, 1));
}
console.log(`built the Electron shell into ${path.relative(root, outdir) || '.'}`);
