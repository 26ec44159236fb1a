import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/database';

/**
 * A licence's holder is found by a keyed hash of the ID number and kept only sealed
 * (AES-256-GCM), as are the holder's name, the licence number and the document itself. Both keys derive from the
 * platform's lookup secret (table lookup_keys, shared with the pickups' hashes), so a copy of
 * the licences table alone reveals nobody.
 */
export class HolderSeal {
  private keys: { hash: Buffer; seal: Buffer } | undefined;

  constructor(private readonly db: Queryable) {}

  private async load(): Promise<{ hash: Buffer; seal: Buffer }> {
    if (this.keys) return this.keys;
    await this.db.run('INSERT INTO lookup_keys (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING', [randomBytes(32).toString('base64')]);
    const row = await this.db.get<{ secret: string }>('SELECT secret FROM lookup_keys WHERE id = 1');
    const secret = Buffer.from(row!.secret, 'base64');
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
    this.keys = { hash: derive('tongban licence holder hash'), seal: derive('tongban licence seal') };
    return this.keys;
  }

  async holderKey(idNumber: string): Promise<string> {
    return createHmac('sha256', (await this.load()).hash).update(`licence-holder:${idNumber}`).digest('hex');
  }

  /** Licence numbers are looked up by keyed hash too: some (the resident ID card's) are ID numbers. */
  async numberKey(type: string, number: string): Promise<string> {
    return createHmac('sha256', (await this.load()).hash).update(`licence-number:${type}:${number}`).digest('hex');
  }

  async seal(plain: Buffer): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', (await this.load()).seal, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
  }

  async open(sealed: string): Promise<Buffer> {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('sealed licence data is malformed');
    const decipher = createDecipheriv('aes-256-gcm', (await this.load()).seal, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  }
}
