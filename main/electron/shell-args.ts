import { parseArgs } from 'node:util';

export interface ShellArgs {
  /** `--config FILE` / `-c FILE`; undefined leaves it to `$TONGBAN_CONFIG` or the demo site. */
  config: string | undefined;
  /** `--set key=value`, repeatable, applied last. */
  set: string[];
}

/**
 * The same configuration flags as `tongban start`, read from what follows the app path on
 * Electron's command line. Chromium's own switches may be mixed in, so unknown flags are
 * ignored rather than refused.
 */
export function parseShellArgs(args: readonly string[]): ShellArgs {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: 'string', short: 'c' },
      set: { type: 'string', multiple: true },
    },
    strict: false,
    allowPositionals: true,
  });
  const config = typeof values.config === 'string' ? values.config : undefined;
  const set = (values.set ?? []).filter((v): v is string => typeof v === 'string');
  return { config, set };
}

/**
 * Where the app's own arguments start: after `electron <app>` when run from source
 * (`process.defaultApp`), right after the executable in a packaged build.
 */
export function appArgs(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}
