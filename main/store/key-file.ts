import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { TerminalConfig } from '../../kiosk-config/schema';
import { StoreError } from './errors';

export const KEY_BYTES = 32;

/**
 * Where the store's 256-bit key comes from (`storage.keyProvider`). The default is a file outside
 * the data directory; a deployment that has the OS keyring (libsecret) or a TPM (systemd-creds,
 * tpm2-tools) names a command that unseals the key there instead, and the store does not change.
 */
export interface KeyProvider {
  /** Where the key lives, for error messages (never the key). */
  readonly description: string;
  /** A fresh copy of the 32 key bytes; the caller zeroes it when done. */
  load(): Buffer;
}

/**
 * A key file (base64, one line) created on first use with mode 0600 in a directory of mode 0700.
 * A key file others can read is refused: the key protects every citizen's data in the store.
 */
export function keyFileProvider(file: string): KeyProvider {
  return {
    description: `key file ${file}`,
    load: () => loadOrCreateKeyFile(file),
  };
}

function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    key.fill(0);
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new StoreError(`cannot create the store key file: ${(error as Error).message}`, file);
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    key.fill(0);
  }
}

function decodeKey(text: string, where: string, file: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== trimmed) {
    key.fill(0);
    throw new StoreError(`${where} does not hold a base64 ${KEY_BYTES}-byte key`, file);
  }
  return key;
}

/**
 * A key that a command unseals and prints in base64 on stdout, for a deployment that keeps it
 * in the OS keyring or a TPM rather than in a file, e.g.
 * `['secret-tool', 'lookup', 'service', 'tongban', 'key', 'store']` (libsecret) or
 * `['systemd-creds', 'decrypt', '--name=tongban-store', '/etc/tongban/store.cred', '-']`
 * (a credential sealed to the TPM with `systemd-creds encrypt --with-key=tpm2`).
 */
export function commandKeyProvider(argv: readonly [string, ...string[]]): KeyProvider {
  const [command, ...args] = argv;
  const description = `key command ${command}`;
  return {
    description,
    load: () => {
      let out: string;
      try {
        out = execFileSync(command, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const status = (error as { status?: number | null }).status;
        throw new StoreError(`the ${description} failed${status == null ? `: ${(error as Error).message.split('\n')[0]}` : ` with exit status ${status}`}`, command);
      }
      return decodeKey(out, `the output of the ${description}`, command);
    },
  };
}

/** The key provider the configuration's `storage.keyProvider` names. */
export function keyProviderFor(storage: Pick<TerminalConfig['storage'], 'keyFile' | 'keyProvider'>): KeyProvider {
  return storage.keyProvider.kind === 'command' ? commandKeyProvider(storage.keyProvider.command) : keyFileProvider(storage.keyFile);
}

export function loadOrCreateKeyFile(file: string): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(`cannot read the store key file: ${(error as Error).message}`, file);
    createKeyFile(file);
    stat = statSync(file);
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new StoreError(
      `the store key file has mode ${(stat.mode & 0o777).toString(8)}; it must be readable by its owner only (chmod 600 ${file})`,
      file,
    );
  }
  return decodeKey(readFileSync(file, 'utf8'), 'the store key file', file);
}
