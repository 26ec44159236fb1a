import { z } from 'zod';

/**
 * `PUT /v1/blobs/{sha256}` with the raw bytes as the body and one of `BLOB_CONTENT_TYPES` as
 * Content-Type. The platform checks the hash against the bytes (400 `field: sha256` on a
 * mismatch), refuses bodies over the limit with 413 and other types with 415. Uploading the
 * same bytes again is harmless. Blobs belong to the uploader's centre.
 */
export const BLOB_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const BlobContentType = z.enum(BLOB_CONTENT_TYPES);
export const DEFAULT_MAX_BLOB_BYTES = 10 * 1024 * 1024;

export const BlobInfo = z.object({
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  contentType: BlobContentType,
  created: z.boolean(),
});
export type BlobInfo = z.infer<typeof BlobInfo>;
