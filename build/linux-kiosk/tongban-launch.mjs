#!/usr/bin/env node
// Starts the Chromium host release that <root>/current points at, and rolls a new release back
// when it keeps failing to start. It sits in the install root, outside every release, so a
// broken release cannot break it; it reads and writes update-state.json in the shape of
// main/fleet/host-updater.ts (UpdateStateFile), which is the side that installs releases.
//   node --max-semi-space-size=1 /opt/tongban/tongban-launch.mjs start --shell chromium --browser kiosk
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.TONGBAN_ROOT ?? path.dirname(fileURLToPath(import.meta.url));
const stateFile = path.join(root, 'update-state.json');

function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    return null;
  }
}

function writeState(state) {
  writeFileSync(`${stateFile}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${stateFile}.tmp`, stateFile);
}

const state = readState();
if (state?.trial) {
  if (state.trial.bootsLeft <= 0 && state.previous) {
    // The new release used up its starts without passing its health check: back to the one before.
    const link = path.join(root, 'current');
    rmSync(`${link}.tmp`, { force: true });
    symlinkSync(path.join('releases', state.previous), `${link}.tmp`);
    renameSync(`${link}.tmp`, link);
    writeState({
      current: state.previous,
      previous: null,
      trial: null,
      rolledBack: { version: state.trial.version, reason: 'did not pass its health check in its trial starts (it crashed or hung at start)', at: new Date().toISOString() },
    });
    process.stderr.write(`tongban-launch: ${state.trial.version} failed its trial; rolled back to ${state.previous}\n`);
  } else {
    writeState({ ...state, trial: { ...state.trial, bootsLeft: state.trial.bootsLeft - 1 } });
  }
}

// The node flags the launcher was started with (the unit's memory settings) are the terminal's.
const child = spawn(process.execPath, [...process.execArgv, path.join(root, 'current', 'bin', 'tongban.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
