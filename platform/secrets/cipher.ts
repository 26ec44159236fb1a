import { createSecretKey, type KeyObject } from 'node:crypto';
import { keyedDigest, openValue, SEAL_KEY_BYTES, sealValue } from '../../common/sealed-value';

export const DATA_KEY_BYTES = SEAL_KEY_BYTES;

/** A sealed value that does not open: the wrong key, or bytes changed in the database. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * The personal data the platform keeps (case applicants, forms and materials, scans, issued
 * documents), sealed in the house format (`common/sealed-value`, as the terminal's store).
 * The key is a KeyObject (native memory), never a string.
 */
export class DataCipher {
  readonly #key: KeyObject;

  constructor(key: Buffer) {
    if (key.length !== DATA_KEY_BYTES) throw new SealError(`the data key must be ${DATA_KEY_BYTES} bytes, not ${key.length}`);
    this.#key = createSecretKey(key);
  }

  seal(plaintext: Buffer | string, where: string): Buffer {
    return sealValue(this.#key, plaintext, where);
  }

  open(sealed: Buffer, where: string): Buffer {
    const opened = openValue(this.#key, sealed, where);
    if (opened.ok) return opened.data;
    throw new SealError(
      opened.reason === 'format'
        ? `${where} is not a sealed value (${sealed.length} bytes)`
        : `${where} does not open with the platform's data key: sealed under another key, or damaged`,
    );
  }

  /**
   * A keyed digest to tell two values equal without keeping either: a plain hash of an ID
   * number would be undone by trying the few million valid numbers of a birth date.
   */
  fingerprint(value: string, purpose: string): string {
    return keyedDigest(this.#key, value, purpose);
  }

  sealText(text: string, where: string): string {
    return this.seal(text, where).toString('base64');
  }

  openText(sealed: string, where: string): string {
    return this.open(Buffer.from(sealed, 'base64'), where).toString('utf8');
  }
}
