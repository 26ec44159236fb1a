import { createSecretKey, type KeyObject } from 'node:crypto';
import { keyedDigest, openValue, sealValue } from '../../common/sealed-value';
import { KEY_BYTES } from './key-file';
import { StoreKeyError } from './errors';

/**
 * The store's personal columns, sealed in the house format (`common/sealed-value`).
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
    return sealValue(this.#key, plaintext, where);
  }

  open(sealed: Buffer, where: string): Buffer {
    const opened = openValue(this.#key, sealed, where);
    if (opened.ok) return opened.data;
    if (opened.reason === 'format') {
      throw new StoreKeyError(`${where} is not a sealed value of this store (format ${sealed[0] ?? 'empty'}, ${sealed.length} bytes)`, this.file);
    }
    throw new StoreKeyError(`${where} does not open with the ${this.keySource}: the store was sealed under another key, or the value is damaged`, this.file);
  }

  /** A keyed digest, to check a value later without keeping it (a purged case's ownership proof). */
  fingerprint(value: string, where: string): string {
    return keyedDigest(this.#key, value, where);
  }

  openText(sealed: Buffer, where: string): string {
    const bytes = this.open(sealed, where);
    const text = bytes.toString('utf8');
    bytes.fill(0);
    return text;
  }
}
