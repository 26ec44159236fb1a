import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { TerminalConfig, type TerminalConfigInput } from './schema';
import demoProfile from './examples/demo.json' with { type: 'json' };

/** One problem with a configuration: which key, what it held, what was expected. */
export interface ConfigProblem {
  key: string;
  value: string;
  expected: string;
}

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${source}: invalid configuration\n` +
        problems.map((p) => `  ${p.key} = ${p.value}: expected ${p.expected}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const SECRET_KEYS = new Set(['secret', 'pinHash']);

function valueAt(input: unknown, keys: PropertyKey[]): unknown {
  let node = input;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function show(value: unknown, key: PropertyKey | undefined): string {
  if (value === undefined) return '(missing)';
  if (typeof key === 'string' && SECRET_KEYS.has(key)) return '(hidden)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a value of type ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const discriminator = 'discriminator' in issue ? issue.discriminator : undefined;
      return discriminator ? `a known "${String(discriminator)}"` : 'one of the allowed forms';
    }
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

export function problemsOf(error: z.ZodError, input: unknown): ConfigProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        key: [...issue.path, key].join('.'),
        value: show(valueAt(input, [...issue.path, key]), key),
        expected: 'no such key (misspelt?)',
      }));
    }
    const last = issue.path.at(-1);
    return [{ key: issue.path.join('.') || '(root)', value: show(valueAt(input, issue.path), last), expected: expectedOf(issue) }];
  });
}

export function parseConfig(input: unknown, source: string): TerminalConfig {
  const result = TerminalConfig.safeParse(input);
  if (!result.success) throw new ConfigError(source, problemsOf(result.error, input));
  return result.data;
}

/** `-` reads standard input, so a technician can pipe a file through. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(file, [{ key: '(file)', value: JSON.stringify(file), expected: `a readable JSON file (${reason})` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(file, [{ key: '(file)', value: '(not JSON)', expected: `valid JSON: ${(error as Error).message}` }]);
  }
}

/** `a.b.c=value`: the value is JSON where it parses as JSON (numbers, booleans, arrays), else a string. */
export function applyOverride(target: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0) {
    throw new ConfigError('override', [{ key: assignment, value: '(none)', expected: 'key.path=value' }]);
  }
  const keys = assignment.slice(0, eq).trim().split('.');
  const raw = assignment.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

export interface LoadOptions {
  /** A config file; without one, the demo profile. */
  file?: string;
  /** `key.path=value` assignments from the command line, applied last. */
  sets?: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * What relative storage paths (data, logs, key file) are relative to: the working folder by
   * default; an installed Electron app passes its per-user data folder (its working folder may
   * be / and not writable).
   */
  storageBase?: string;
}

/** Every storage path absolute, resolved the same way for both shells. */
function withStorageUnder(config: TerminalConfig, base: string): TerminalConfig {
  const { dataDir, logDir, keyFile } = config.storage;
  return { ...config, storage: { ...config.storage, dataDir: path.resolve(base, dataDir), logDir: path.resolve(base, logDir), keyFile: path.resolve(base, keyFile) } };
}

/**
 * File (or demo profile), then environment (`TONGBAN_SET="a.b=1;c=x"` and a few named
 * variables), then `--set` flags: the later wins. The result is checked as a whole, so the
 * terminal never starts half-configured.
 */
export function loadConfig(options: LoadOptions = {}): { config: TerminalConfig; source: string; file: string | undefined } {
  const env = options.env ?? process.env;
  const file = options.file ?? env.TONGBAN_CONFIG;
  const source = file ? path.resolve(file) : 'demo profile';
  const input = structuredClone(file ? readConfigFile(file) : demoProfile) as Record<string, unknown>;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError(source, [{ key: '(root)', value: show(input, undefined), expected: 'a JSON object' }]);
  }
  const named: Array<[string | undefined, string]> = [
    [env.TONGBAN_PORT, 'host.port'],
    [env.TONGBAN_LOCALE, 'ui.locale'],
    [env.TONGBAN_PLATFORM_URL, 'platform.url'],
    [env.TONGBAN_DATA_DIR, 'storage.dataDir'],
    [env.TONGBAN_LOG_DIR, 'storage.logDir'],
  ];
  for (const [value, key] of named) if (value !== undefined && value !== '') applyOverride(input, `${key}=${value}`);
  for (const assignment of (env.TONGBAN_SET ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
    applyOverride(input, assignment);
  }
  for (const assignment of options.sets ?? []) applyOverride(input, assignment);
  return { config: withStorageUnder(parseConfig(input, source), options.storageBase ?? process.cwd()), source, file: file ? source : undefined };
}

export type { TerminalConfigInput };
