import type { DataCipher } from '../secrets/cipher';

/**
 * A licence's holder is found by a keyed digest of the ID number and kept only sealed, as are
 * the holder's name, the licence number and the document itself: with the platform's data key
 * (`ctx.cipher`, the same sealing as cases and blobs), so a copy of the licences table alone
 * reveals nobody.
 */
export class HolderSeal {
  constructor(private readonly cipher: DataCipher) {}

  async holderKey(idNumber: string): Promise<string> {
    return this.cipher.fingerprint(idNumber, 'licence-holder');
  }

  /** Licence numbers are looked up by keyed digest too: some (the resident ID card's) are ID numbers. */
  async numberKey(type: string, number: string): Promise<string> {
    return this.cipher.fingerprint(`${type}:${number}`, 'licence-number');
  }

  async seal(plain: Buffer): Promise<string> {
    return this.cipher.seal(plain, 'licence').toString('base64');
  }

  async open(sealed: string): Promise<Buffer> {
    return this.cipher.open(Buffer.from(sealed, 'base64'), 'licence');
  }
}
