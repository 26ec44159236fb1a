import { SEAL_KEY_BYTES, SealingKey } from '../../common/sealed-value';

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
 * Fingerprints tell two values equal without keeping either: a plain hash of an ID number
 * would be undone by trying the few million valid numbers of a birth date.
 */
export class DataCipher extends SealingKey {
  constructor(key: Buffer) {
    super(key, (bytes) => new SealError(`the data key must be ${DATA_KEY_BYTES} bytes, not ${bytes}`));
  }

  protected unopened(reason: 'format' | 'key', sealed: Buffer, where: string): Error {
    return new SealError(
      reason === 'format'
        ? `${where} is not a sealed value (${sealed.length} bytes)`
        : `${where} does not open with the platform's data key: sealed under another key, or damaged`,
    );
  }

  sealText(text: string, where: string): string {
    return this.seal(text, where).toString('base64');
  }

  openText(sealed: string, where: string): string {
    return this.open(Buffer.from(sealed, 'base64'), where).toString('utf8');
  }
}
