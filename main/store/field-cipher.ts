import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { KEY_BYTES } from './key-file';
import { StoreKeyError } from './errors';

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * AES-256-GCM for the store's personal columns. Each value is `version | iv | tag | ciphertext`
 * with a fresh random IV, and is bound to where it lives (table, row, column) through the
 * associated data, so a ciphertext copied to another row or column does not open.
 * The key is held as a KeyObject (native memory), never as a JS string.
 */
export class FieldCipher {
  readonly #key: KeyObject;

  constructor(
    key: Buffer,
    /** Where the key came from, for error messages. */
    private readonly keySource: string,
    private readonly file: string,
  ) {
    if (key.length !== KEY_BYTES) throw new StoreKeyError(`the store key must be ${KEY_BYTES} bytes, not ${key.length}`, file);
    this.#key = createSecretKey(key);
  }

  seal(plaintext: Buffer | string, where: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(where, 'utf8'));
    const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, where: string): Buffer {
    if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_V1) {
      throw new StoreKeyError(`${where} is not a sealed value of this store (format ${sealed[0] ?? 'empty'}, ${sealed.length} bytes)`, this.file);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(where, 'utf8'));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new StoreKeyError(`${where} does not open with the ${this.keySource}: the store was sealed under another key, or the value is damaged`, this.file);
    }
  }

  /** A keyed digest, to check a value later without keeping it (a purged case's ownership proof). */
  fingerprint(value: string, where: string): string {
    return createHmac('sha256', this.#key).update(`${where}\u0000${value}`).digest('base64url');
  }

  openText(sealed: Buffer, where: string): string {
    const bytes = this.open(sealed, where);
    const text = bytes.toString('utf8');
    bytes.fill(0);
    return text;
  }
}
