import type { BlobInfo } from '../../contract/platform/blobs';
import type { PlatformContext } from './context';
import { notFound, PlatformError } from './errors';
import { sha256Hex } from './secrets';

/** How each accepted type begins (PNG signature, JPEG SOI marker, PDF header). */
const MAGIC: Record<BlobInfo['contentType'], Buffer> = {
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
};

/** A sealed value begins with format byte 1; every accepted type in the clear begins otherwise (0x89, 0xFF, %). */
const isSealed = (data: Buffer) => data[0] === 1;

const where = (centreId: string, sha256: string) => `blobs.data:${centreId}:${sha256}`;

/**
 * Material scans and PDFs, addressed by their SHA-256 within a centre; uploading twice is
 * harmless. The bytes must be what their label says (checked by the magic bytes, so an HTML
 * page cannot be stored as image/png), and they are sealed at rest under the data key.
 */
export class BlobService {
  constructor(private readonly ctx: PlatformContext) {}

  async put(centreId: string, sha256: string, contentType: BlobInfo['contentType'], data: Buffer): Promise<BlobInfo> {
    const actual = sha256Hex(data);
    if (actual !== sha256) {
      throw new PlatformError(400, 'invalid-request', `the body hashes to ${actual}, not to the ${sha256} in the path`, 'sha256');
    }
    if (!data.subarray(0, MAGIC[contentType].length).equals(MAGIC[contentType])) {
      throw new PlatformError(415, 'unsupported-media-type', `the body is not ${contentType}: it does not begin as one`, 'content-type');
    }
    const { changes } = await this.ctx.db.run(
      `INSERT INTO blobs (centre_id, sha256, content_type, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (centre_id, sha256) DO NOTHING`,
      [centreId, sha256, contentType, data.length, this.ctx.cipher.seal(data, where(centreId, sha256)), this.ctx.now()],
    );
    return { sha256, size: data.length, contentType, created: changes > 0 };
  }

  async get(centreId: string, sha256: string): Promise<{ contentType: string; data: Buffer }> {
    const row = await this.ctx.db.get<{ content_type: string; data: Buffer }>(
      'SELECT content_type, data FROM blobs WHERE centre_id = ? AND sha256 = ?',
      [centreId, sha256],
    );
    if (!row) throw notFound(`blob ${sha256}`);
    const data = Buffer.from(row.data);
    return { contentType: row.content_type, data: isSealed(data) ? this.ctx.cipher.open(data, where(centreId, sha256)) : data };
  }

  /** Seals the blobs an older platform stored in the clear (once, at start-up). */
  async sealLegacy(): Promise<number> {
    const rows = await this.ctx.db.all<{ centre_id: string; sha256: string; data: Buffer }>('SELECT centre_id, sha256, data FROM blobs');
    let sealed = 0;
    for (const row of rows) {
      const data = Buffer.from(row.data);
      if (isSealed(data)) continue;
      await this.ctx.db.run('UPDATE blobs SET data = ? WHERE centre_id = ? AND sha256 = ?', [this.ctx.cipher.seal(data, where(row.centre_id, row.sha256)), row.centre_id, row.sha256]);
      sealed += 1;
    }
    return sealed;
  }
}
