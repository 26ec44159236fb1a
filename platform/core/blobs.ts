import type { BlobInfo } from '../../contract/platform/blobs';
import type { PlatformContext } from './context';
import { notFound, PlatformError } from './errors';
import { sha256Hex } from './secrets';

/** Material scans and PDFs, addressed by their SHA-256 within a centre; uploading twice is harmless. */
export class BlobService {
  constructor(private readonly ctx: PlatformContext) {}

  async put(centreId: string, sha256: string, contentType: BlobInfo['contentType'], data: Buffer): Promise<BlobInfo> {
    const actual = sha256Hex(data);
    if (actual !== sha256) {
      throw new PlatformError(400, 'invalid-request', `the body hashes to ${actual}, not to the ${sha256} in the path`, 'sha256');
    }
    const { changes } = await this.ctx.db.run(
      `INSERT INTO blobs (centre_id, sha256, content_type, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (centre_id, sha256) DO NOTHING`,
      [centreId, sha256, contentType, data.length, data, this.ctx.now()],
    );
    return { sha256, size: data.length, contentType, created: changes > 0 };
  }

  async get(centreId: string, sha256: string): Promise<{ contentType: string; data: Buffer }> {
    const row = await this.ctx.db.get<{ content_type: string; data: Buffer }>(
      'SELECT content_type, data FROM blobs WHERE centre_id = ? AND sha256 = ?',
      [centreId, sha256],
    );
    if (!row) throw notFound(`blob ${sha256}`);
    return { contentType: row.content_type, data: Buffer.from(row.data) };
  }
}
