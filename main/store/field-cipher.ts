import { SealingKey } from '../../common/sealed-value';
import { KEY_BYTES } from './key-file';
import { StoreKeyError } from './errors';

/** The store's personal columns, sealed in the house format (`common/sealed-value`). */
export class FieldCipher extends SealingKey {
  constructor(
    key: Buffer,
    /** Where the key came from, for error messages. */
    private readonly keySource: string,
    private readonly file: string,
  ) {
    super(key, (bytes) => new StoreKeyError(`the store key must be ${KEY_BYTES} bytes, not ${bytes}`, file));
  }

  protected unopened(reason: 'format' | 'key', sealed: Buffer, where: string): Error {
    if (reason === 'format') {
      return new StoreKeyError(`${where} is not a sealed value of this store (format ${sealed[0] ?? 'empty'}, ${sealed.length} bytes)`, this.file);
    }
    return new StoreKeyError(`${where} does not open with the ${this.keySource}: the store was sealed under another key, or the value is damaged`, this.file);
  }

  openText(sealed: Buffer, where: string): string {
    const bytes = this.open(sealed, where);
    const text = bytes.toString('utf8');
    bytes.fill(0);
    return text;
  }
}
