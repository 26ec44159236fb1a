import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The one format personal data is sealed in, on the kiosk's store and on the platform alike:
 * AES-256-GCM, `version | iv | tag | ciphertext` with a fresh random 96-bit IV, bound to where
 * the value lives (table, row, column) through the associated data, so a ciphertext copied to
 * another row or column does not open.
 */
export const SEAL_KEY_BYTES = 32;
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export function sealValue(key: KeyObject, plaintext: Buffer | string, where: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(where, 'utf8'));
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or why there is none: not a sealed value at all, or another key / damaged bytes. */
export function openValue(key: KeyObject, sealed: Buffer, where: string): { ok: true; data: Buffer } | { ok: false; reason: 'format' | 'key' } {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_V1) return { ok: false, reason: 'format' };
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(where, 'utf8'));
  decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return { ok: true, data: Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]) };
  } catch {
    return { ok: false, reason: 'key' };
  }
}

/** A keyed digest, to tell later whether a value is the same without keeping it. */
export function keyedDigest(key: KeyObject, value: string, where: string): string {
  return createHmac('sha256', key).update(`${where}\u0000${value}`).digest('base64url');
}

/**
 * A key that seals, opens and fingerprints values in this format, held as a KeyObject (native
 * memory), never as a JS string. Each keeper (the terminal's store, the platform) says in its
 * own words what a wrong-length key or an unopenable value means for it.
 */
export abstract class SealingKey {
  readonly #key: KeyObject;

  protected constructor(key: Buffer, wrongLength: (bytes: number) => Error) {
    if (key.length !== SEAL_KEY_BYTES) throw wrongLength(key.length);
    this.#key = createSecretKey(key);
  }

  /** The error for a value that does not open: not sealed in this format, or another key / damaged bytes. */
  protected abstract unopened(reason: 'format' | 'key', sealed: Buffer, where: string): Error;

  seal(plaintext: Buffer | string, where: string): Buffer {
    return sealValue(this.#key, plaintext, where);
  }

  open(sealed: Buffer, where: string): Buffer {
    const opened = openValue(this.#key, sealed, where);
    if (opened.ok) return opened.data;
    throw this.unopened(opened.reason, sealed, where);
  }

  /** A keyed digest, to check a value later without keeping it (see keyedDigest). */
  fingerprint(value: string, where: string): string {
    return keyedDigest(this.#key, value, where);
  }
}
