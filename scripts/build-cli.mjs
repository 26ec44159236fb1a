// Bundles the `tongban` command line, and with it the Chromium host that `tongban start` runs,
// into dist/cli/: ESM, split into chunks so that what a command loads with `await import()`
// (the terminal, the platform, OCR, printing) is read only when that command runs. npm
// packages stay external: native modules (better-sqlite3, serialport, node-hid, sharp) and
// packages that find their own files (tesseract.js, pino's transports) load from node_modules.
// dist/cli/build-info.json lists every source file the bundle was made from, so that
// bin/tongban.js can tell a stale build from a current one without running esbuild.
// Usage: node scripts/build-cli.mjs [--outdir DIR] [--metafile FILE]
// (--metafile writes esbuild's account of inputs and imports, which the tests read.)
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Written to a temporary name and renamed, so that a CLI started meanwhile never reads half a file. */
function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Chunks of earlier builds go once they are an hour old: a CLI started from the previous build
 * may still be importing its chunks, and no start takes an hour.
 */
function removeOldChunks(outdir, current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(outdir)) {
    // A .tmp file is another build's, being written at this moment.
    if (!name.startsWith('chunk-') || name.endsWith('.tmp') || current.has(name)) continue;
    const file = path.join(outdir, name);
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats && stats.mtimeMs < hourAgo) rmSync(file, { force: true });
  }
}

/**
 * Packages loaded from node_modules rather than bundled: native modules (koffi too: it loads its
 * own binary), packages that find their own files at run time (tesseract.js its worker,
 * playwright-core its drivers, pg its optional native binding, PaddleOCR its models and ONNX
 * Runtime's binding, OpenCV's WebAssembly build its 10 MB of code), and ipp, whose sloppy-mode code
 * (arguments.callee) an ES module cannot hold. Every other package is bundled: resolving hundreds
 * of small files through Node's module loader was most of the terminal's start time.
 */
const EXTERNAL = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'koffi', 'sharp', 'tesseract.js', 'playwright-core', 'pg', 'electron', 'ipp', 'onnxruntime-node', '@gutenye/*', '@techstark/opencv-js'];

function cliBuildOptions(outdir, from) {
  return {
    absWorkingDir: from,
    // A release is built from a copy of the sources (scripts/build-host-release.mjs); the packages
    // it bundles still come from the project's node_modules.
    nodePaths: [path.join(root, 'node_modules')],
    // PaddleOCR's thread and the PDF renderer's are started from files, so they are entries of their own
    // (main/ocr/engines/threaded-engine.ts, main/printing/render/threaded-renderer.ts).
    entryPoints: { index: 'main/cli/index.ts', 'engine-thread': 'main/ocr/engines/engine-thread.ts', 'pdf-thread': 'main/printing/render/pdf-thread.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require(); in an ES module it has to be made.
    banner: { js: "import { createRequire as __tongbanRequire } from 'node:module'; const require = __tongbanRequire(import.meta.url);" },
    loader: { '.json': 'json' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}

export async function buildCli({ from = root, outdir = path.join(from, 'dist/cli'), metafile } = {}) {
  // Taken before esbuild reads anything: a source saved during the build counts as newer.
  const startedAt = Date.now();
  const result = await build({ ...cliBuildOptions(outdir, from), write: false });
  const entry = path.join(outdir, 'index.mjs');
  // Chunks first, the entry after them: the entry is what a running CLI opens.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path.startsWith(entry)) - Number(b.path.startsWith(entry)));
  for (const file of files) writeAtomically(file.path, file.contents);
  // Our own sources, and the lock for the bundled packages: an install that changes one changes the lock.
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.split('/').includes('node_modules'));
  const info = { builtAt: startedAt, inputs: [...sources.sort(), 'package-lock.json'] };
  writeAtomically(path.join(outdir, 'build-info.json'), `${JSON.stringify(info, null, 1)}\n`);
  removeOldChunks(outdir, new Set(files.map((f) => path.basename(f.path))));
  if (metafile) writeFileSync(metafile, JSON.stringify(result.metafile, null, 1));
  return { outdir, inputs: info.inputs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' }, metafile: { type: 'string' } } });
  const built = await buildCli({
    ...(values.outdir ? { outdir: path.resolve(values.outdir) } : {}),
    ...(values.metafile ? { metafile: path.resolve(values.metafile) } : {}),
  });
  console.log(`built the command line into ${path.relative(root, built.outdir) || '.'} (${built.inputs} sources)`);
}
