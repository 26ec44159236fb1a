import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SimCard } from './cards';
import { openPtyLink, type PtyLink } from './pty-link';
import { IdCardSimulator, type IdCardSimulatorOptions } from './simulator';

/**
 * The ID-card reader simulator on a pty, for the demo site, training and tests: the terminal
 * opens `device` as its reader. `unplug()`/`replug()` remove and re-create the pty at the same
 * path, as pulling and re-inserting a USB reader does.
 */
export interface RunningIdCardSimulator {
  readonly device: string;
  readonly simulator: IdCardSimulator;
  place(id: string): SimCard;
  remove(): void;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export interface StartIdCardSimulatorOptions extends IdCardSimulatorOptions {
  /** Path of the pty link; a fresh temporary path when omitted. */
  link?: string;
  card?: string;
}

export async function startIdCardSimulator(options: StartIdCardSimulatorOptions = {}): Promise<RunningIdCardSimulator> {
  const ownDir = options.link ? undefined : mkdtempSync(path.join(tmpdir(), 'tongban-sim-'));
  const device = options.link ?? path.join(ownDir as string, 'idcard');
  const simulator = new IdCardSimulator(options);
  if (options.card) simulator.place(options.card);
  let link: PtyLink | undefined;
  const plug = async (): Promise<void> => {
    const opened = await openPtyLink({ path: device, onData: (chunk) => simulator.input(chunk) });
    link = opened;
    simulator.connect((bytes) => opened.write(bytes));
  };
  await plug();
  return {
    device,
    simulator,
    place: (id) => simulator.place(id),
    remove: () => simulator.remove(),
    unplug: async () => {
      simulator.disconnect();
      await link?.close();
      link = undefined;
    },
    replug: async () => {
      if (!link) await plug();
    },
    close: async () => {
      simulator.disconnect();
      await link?.close();
      link = undefined;
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
