import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/platform/errors';
import { PlatformError } from '../core/errors';
import type { DocumentService } from './service';

export const VerifyDocumentQuery = z.object({
  id: z.string().min(1).max(64),
  code: z.string().min(1).max(32),
});

export const VerifyDocumentResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('genuine'),
    document: z.object({
      kind: z.string(),
      documentId: z.string(),
      issuedAt: z.string(),
      issuer: z.string(),
      keyId: z.string(),
      /** The values printed on the paper, to compare with it. */
      data: z.record(z.string(), z.unknown()),
    }),
  }),
  z.object({ status: z.literal('altered'), reason: z.string() }),
]);

/**
 * GET /v1/documents/verify?id=…&code=…: what the QR code on a certificate opens. Public, since
 * whoever holds the paper (an employer, a bank) checks it; the 80-bit code is what keeps the
 * contents from anyone who does not. An unknown id and a wrong code give the same 404, so the
 * endpoint tells nothing about which documents exist.
 */
export function registerDocumentRoutes(app: FastifyInstance, documents: DocumentService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/documents/verify', {
    config: { public: true },
    schema: {
      tags: ['documents'],
      summary: 'Check a printed document (certificate) is genuine and unaltered: the id and verification code from its QR code',
      security: [],
      querystring: VerifyDocumentQuery,
      response: { 200: VerifyDocumentResponse, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
    },
    handler: async (request) => {
      const result = await documents.verify(request.query.id, request.query.code);
      switch (result.status) {
        case 'bad-code':
          throw new PlatformError(400, 'invalid-request', 'query code: 16 letters and digits, as printed beside the QR code', 'code');
        case 'not-found':
          throw new PlatformError(404, 'not-found', 'no document with this id and verification code was issued here');
        default:
          return result;
      }
    },
  });
}
