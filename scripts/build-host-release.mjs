#!/usr/bin/env node
// Packs the Chromium host as a release for the update feed: the app's code, the built UI and CLI, and
// its package.json at the version given, as tongban-host-<version>.tar.gz. Dependencies are not
// in it: a release runs on the install root's node_modules (build/linux-kiosk/README.md).
//   node scripts/build-host-release.mjs --version 1.4.2 [--out release/]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.mjs';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const version = option('version');
const out = path.resolve(option('out', path.join(project, 'release')));
if (!version || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write('build-host-release: --version X.Y.Z is required\n');
  process.exit(2);
}
if (!existsSync(path.join(project, 'dist/renderer/index.html'))) {
  process.stderr.write('build-host-release: dist/renderer is missing: run npm run build:renderer first\n');
  process.exit(1);
}

// Every top-level folder of code is in (a new room needs no change here), but not what only
// builds, tests or documents the project, nor the UI's sources (dist/renderer is their build).
const LEFT_OUT = new Set(['node_modules', 'test', 'test-results', 'bench', 'renderer', 'docs', 'build', 'scripts', 'dist', 'release', 'var']);
const folders = readdirSync(project, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !LEFT_OUT.has(entry.name))
  .map((entry) => entry.name);
const PARTS = [...folders, 'dist/renderer', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json'];
const staging = mkdtempSync(path.join(tmpdir(), 'tongban-release-'));
try {
  for (const part of PARTS) cpSync(path.join(project, part), path.join(staging, part), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
  writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
  // The release runs the compiled command line (bin/tongban.js), built after the sources were
  // written so that it is newer than each of them: the kiosk needs no build tools to start it.
  await buildCli({ from: staging });
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `tongban-host-${version}.tar.gz`);
  execFileSync('tar', ['-czf', file, '-C', staging, '.']);
  process.stdout.write(`${file}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
