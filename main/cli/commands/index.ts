import type { Command } from 'commander';

/** A command module adds its options, subcommands and actions to the commands it owns. */
export type RegisterCommand = (program: Command) => void;

interface CommandEntry {
  summary: string;
  /** The modules that build this command: loaded only when it runs, so `--help` reads none of them. */
  load: () => Promise<RegisterCommand[]>;
}

const only = (module: Promise<{ register: RegisterCommand }>) => module.then((m) => [m.register]);

/** Every top-level command, in the order `tongban --help` lists them; add new ones here. */
export const COMMANDS: Record<string, CommandEntry> = {
  start: { summary: 'run the terminal: the Electron window where Electron is installed, else the Chromium host', load: () => only(import('./start')) },
  config: { summary: 'terminal configuration', load: () => only(import('./config')) },
  platform: { summary: 'the reference central platform: case intake, the 一窗受理 queue, status events (HTTP API under /v1)', load: () => only(import('./platform')) },
  health: { summary: "print the running terminal's latest health snapshot as JSON", load: () => only(import('./health')) },
  print: { summary: 'print test pages, read printer state, render document templates to PDF', load: () => only(import('./print')) },
  ocr: { summary: 'read the text of an image or PDF offline (PaddleOCR or tesseract) and print it as JSON with its confidence and lines', load: () => only(import('./ocr')) },
  idcard: { summary: 'ID-card reader tools', load: () => only(import('./idcard')) },
  // The receipt printer's simulator lives with the printing commands.
  sim: { summary: 'device simulators (demo, training, technicians)', load: async () => [...(await only(import('./sim'))), ...(await only(import('./print')))] },
  devices: { summary: "the technician's device tools: list ports, test each configured device", load: () => only(import('./devices')) },
};

/**
 * Declares every command with its summary, then builds only the one the arguments name (or,
 * for `help NAME`, the one asked about), so that the answer costs one command's imports.
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  for (const [name, entry] of Object.entries(COMMANDS)) program.command(name).description(entry.summary);
  const words = args.filter((a) => !a.startsWith('-'));
  const named = words[0] === 'help' ? words[1] : words[0];
  const entry = named === undefined ? undefined : COMMANDS[named];
  if (!entry) return;
  for (const register of await entry.load()) register(program);
}
