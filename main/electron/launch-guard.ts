/**
 * Switches that would open the running kiosk to a debugger: Chromium's remote debugging and
 * Node's inspector. The fuses switch Node's off in a packaged build; Chromium's have no fuse,
 * so a packaged terminal refuses to start when it sees any of them.
 */
export const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
];

/** The debugging switches present in argv (`--x`, `--x=v`, any case), by name. */
export function debugSwitchesIn(argv: readonly string[]): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const match = /^--?([A-Za-z-]+)(?:=|$)/.exec(arg);
    const name = match?.[1]?.toLowerCase();
    if (name !== undefined && DEBUG_SWITCHES.includes(name)) found.add(name);
  }
  return [...found];
}

/** Node's way in, besides the command line: options smuggled through the environment. */
export function debugEnvironmentIn(env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  if (env.NODE_OPTIONS && /--inspect|--debug/i.test(env.NODE_OPTIONS)) found.push('NODE_OPTIONS');
  if (env.ELECTRON_RUN_AS_NODE) found.push('ELECTRON_RUN_AS_NODE');
  return found;
}
