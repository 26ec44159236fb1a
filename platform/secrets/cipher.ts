import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const DATA_KEY_BYTES = 32;

/** A sealed value that does not open: the wrong key, or bytes changed in the database. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * AES-256-GCM for the personal data the platform keeps (case applicants and forms, material
 * scans), the same construction as the terminal's store: `version | iv | tag | ciphertext` with a
 * fresh random IV, bound to where the value lives through the associated data, so a ciphertext
 * moved to another row does not open. The key is a KeyObject (native memory), never a string.
 */
export class DataCipher {
  readonly #key: KeyObject;

  constructor(key: Buffer) {
    if (key.length !== DATA_KEY_BYTES) throw new SealError(`the data key must be ${DATA_KEY_BYTES} bytes, not ${key.length}`);
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
    if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_V1) throw new SealError(`${where} is not a sealed value (${sealed.length} bytes)`);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(where, 'utf8'));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new SealError(`${where} does not open with the platform's data key: sealed under another key, or damaged`);
    }
  }

  /**
   * A keyed digest to tell two values equal without keeping either: a plain hash of an ID
   * number would be undone by trying the few million valid numbers of a birth date.
   */
  fingerprint(value: string, purpose: string): string {
    return createHmac('sha256', this.#key).update(`${purpose}\u0000${value}`).digest('base64url');
  }

  sealText(text: string, where: string): string {
    return this.seal(text, where).toString('base64');
  }

  openText(sealed: string, where: string): string {
    return this.open(Buffer.from(sealed, 'base64'), where).toString('utf8');
  }
}
