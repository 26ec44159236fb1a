import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type pinoRoll from 'pino-roll';

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
  const file = new RollingFile({
    file: path.join(options.dir, 'tongban'),
    extension: '.log',
    frequency: 'daily',
    size: options.maxFileSize ?? '10m',
    limit: { count: options.keepFiles ?? 14 },
    mkdir: true,
  });
  return pino(
    base,
    pino.multistream([
      { level: options.level as pino.Level, stream: file },
      { level: 'warn', stream: pino.destination(2) },
    ]),
  );
}

/**
 * The rotating log file, written from this thread. pino's transports would run pino-roll in a
 * worker thread, a second JavaScript heap of about 17 MB: too much of a kiosk's idle budget
 * for writing lines to a file. pino-roll (and the date library it brings) loads after start,
 * and opens its file asynchronously; lines logged before it is open wait here, in order.
 */
class RollingFile {
  private stream: Awaited<ReturnType<typeof pinoRoll>> | undefined;
  private pending: string[] = [];

  constructor(options: Parameters<typeof pinoRoll>[0]) {
    import('pino-roll').then(({ default: roll }) => roll(options)).then(
      (stream) => {
        this.stream = stream;
        for (const line of this.pending) stream.write(line);
        this.pending = [];
      },
      (error: unknown) => {
        process.stderr.write(`tongban: cannot open the log file ${options.file}: ${error instanceof Error ? error.message : String(error)}\n`);
        this.pending = [];
      },
    );
  }

  write(line: string): void {
    if (this.stream) this.stream.write(line);
    else this.pending.push(line);
  }

  flushSync(): void {
    this.stream?.flushSync();
  }
}

/** A logger that drops everything: for library code run where no log is wanted. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
