import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../project-root';

/** The Electron main bundle, built by `npm run build:electron`. */
export const ELECTRON_MAIN = path.join(projectRoot, 'dist/electron/main.mjs');

export interface FindElectronOptions {
  /** Where to resolve the `electron` package from; default: this project. */
  from?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The executable the `electron` npm package would launch, found the way its own index.js
 * finds it (path.txt names the binary inside dist/, or $ELECTRON_OVERRIDE_DIST_PATH), but
 * without importing it: where the binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD)
 * that import throws, and this returns null instead.
 */
export function findElectronBinary(options: FindElectronOptions = {}): string | null {
  const env = options.env ?? process.env;
  let packageDir: string;
  try {
    const require = createRequire(options.from ?? path.join(projectRoot, 'package.json'));
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  let binary: string;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  else return null;
  try {
    return statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

export class ElectronNotBuiltError extends Error {
  constructor(readonly mainScript: string) {
    super(`the Electron shell is not built (${mainScript} is missing): run npm run build:electron`);
    this.name = 'ElectronNotBuiltError';
  }
}

export interface LaunchElectronOptions {
  /** The app folder whose package.json `main` is the bundle; default: this project. */
  appDir?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the Electron shell on this project (package.json `main` = dist/electron/main.mjs),
 * passing `argv` (e.g. `--config FILE --set k=v`) through. The app folder rather than the
 * bundle's path is given to Electron so that the app keeps its own name and data folder.
 * ELECTRON_RUN_AS_NODE is dropped from the environment: inherited, it would turn the binary
 * into plain Node.
 */
export function launchElectron(binary: string, argv: readonly string[], options: LaunchElectronOptions = {}): ChildProcess {
  const appDir = options.appDir ?? projectRoot;
  const mainScript = options.appDir ? path.join(appDir, 'dist/electron/main.mjs') : ELECTRON_MAIN;
  if (!existsSync(mainScript)) throw new ElectronNotBuiltError(mainScript);
  const env = { ...(options.env ?? process.env) };
  delete env.ELECTRON_RUN_AS_NODE;
  return spawn(binary, [appDir, ...argv], { stdio: 'inherit', env });
}
