import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DATA_KEY_BYTES } from './cipher';

/** A key file that cannot be used as it is: others can read it, or it is not ours. */
export class KeyFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${message} (key file ${file})`);
    this.name = 'KeyFileError';
  }
}

const SigningKey = z.object({ keyId: z.string().min(1), privatePem: z.string().includes('PRIVATE KEY'), createdAt: z.number() });
const KeyFileBody = z.object({
  version: z.literal(1),
  /** base64 of the 32-byte AES-256-GCM key for personal data at rest. */
  dataKey: z.string(),
  /** Newest first: the first signs, all verify (paper printed under an older key still checks). */
  signingKeys: z.array(SigningKey).min(1),
});
export type PlatformKeys = z.infer<typeof KeyFileBody>;

/**
 * Where the keys live when nobody says: next to a SQLite file (`platform.db.keys`), or in the
 * user's configuration directory for PostgreSQL, never inside the database.
 */
export function defaultKeyFile(db: string, postgres: boolean): string {
  if (!postgres) return `${path.resolve(db)}.keys`;
  const config = process.env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(config, 'tongban', 'platform.keys');
}

/**
 * Writes the file whole or not at all. `create` never replaces one that exists: two platforms
 * starting together on one key file must end up with the same keys (the loser reads the winner's).
 */
function write(file: string, body: PlatformKeys, create = false): boolean {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(body)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (!create) {
    renameSync(temp, file);
    return true;
  }
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function newSigningKey(now: number): PlatformKeys['signingKeys'][number] {
  const privatePem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { keyId: `platform-${now}`, privatePem, createdAt: now };
}

/**
 * The platform's keys from a file of mode 0600 (created on first start in a 0700 directory).
 * A file others can read is refused: it holds the key that signs certificates and the key that
 * opens every citizen's data. `imported` are keys found in an older store, kept as older keys.
 */
export function loadKeyFile(file: string, now: number, imported: PlatformKeys['signingKeys'] = []): PlatformKeys {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    const body: PlatformKeys = {
      version: 1,
      dataKey: randomBytes(DATA_KEY_BYTES).toString('base64'),
      signingKeys: imported.length > 0 ? imported : [newSigningKey(now)],
    };
    if (write(file, body, true)) return body;
    return loadKeyFile(file, now, imported);
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new KeyFileError(`others may read it (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it`, file);
  }
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new KeyFileError(`it belongs to user ${stat.uid}, not to the user running the platform`, file);
  }
  let parsed;
  try {
    parsed = KeyFileBody.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new KeyFileError(`it is not JSON: ${(error as Error).message}`, file);
  }
  if (!parsed.success) throw new KeyFileError(`${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}`, file);
  const known = new Set(parsed.data.signingKeys.map((k) => k.keyId));
  const missing = imported.filter((k) => !known.has(k.keyId));
  if (missing.length === 0) return parsed.data;
  const merged = { ...parsed.data, signingKeys: [...parsed.data.signingKeys, ...missing] };
  write(file, merged);
  return merged;
}

/** A new signing key in front; the older ones stay so that paper issued under them still verifies. */
export function rotateSigningKey(file: string, now: number): PlatformKeys {
  const keys = loadKeyFile(file, now);
  const rotated = { ...keys, signingKeys: [newSigningKey(now), ...keys.signingKeys] };
  write(file, rotated);
  return rotated;
}
