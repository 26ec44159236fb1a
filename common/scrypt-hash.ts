import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The one password hash of the house: staff passwords on the platform and the technician's PIN
 * on the terminal. `scrypt$N$r$p$salt$hash` (salt and hash in base64): the parameters travel
 * with the hash, so they can be raised later and old hashes still verify. The secret is
 * normalised to NFKC first, so that a password typed with full-width characters (an IME's
 * １２３) is the same password as its ASCII form.
 */
export const SCRYPT_HASH_FORMAT = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Enough for N up to 2^16 at r = 8; a stored hash asking for more fails instead of exhausting memory. */
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `secret` is the one `stored` was made from; false for anything not in the format. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  if (!SCRYPT_HASH_FORMAT.test(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
