import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Keys that could carry a citizen's data are censored wherever they appear, as a second line
 * behind the first: identities serialise themselves masked (see contract/identity), and
 * services log case ids, never form contents.
 */
export const PERSONAL_KEYS = [
  'name',
  'idNumber',
  'address',
  'phone',
  'mobile',
  'birthDate',
  'form',
  'fields',
  'photo',
  'password',
  'secret',
  'token',
  'pin',
  'credential',
];

const redactPaths = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level: string;
  /** Directory for rotating log files; none logs to stderr only (CLI tools, tests). */
  dir?: string;
  /** Rotate at this size or daily, whichever comes first; keep this many old files. */
  maxFileSize?: string;
  keepFiles?: number;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: redactPaths, censor: '[redacted]' } };
  if (!options.dir) return pino(base, pino.destination(2));
  mkdirSync(options.dir, { recursive: true });
  const transport = pino.transport({
    targets: [
      {
        target: 'pino-roll',
        level: options.level,
        options: {
          file: path.join(options.dir, 'tongban'),
          extension: '.log',
          frequency: 'daily',
          size: options.maxFileSize ?? '10m',
          limit: { count: options.keepFiles ?? 14 },
          mkdir: true,
        },
      },
      { target: 'pino/file', level: 'warn', options: { destination: 2 } },
    ],
  });
  return pino(base, transport);
}

/** A logger that drops everything: for library code run where no log is wanted. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
