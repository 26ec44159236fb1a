import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContributionCertificateRequest, IssuedContributionCertificate } from '../../contract/platform/certificates';
import { ErrorBody } from '../../contract/platform/errors';
import { maskIdNumber } from '../../contract/platform/id-number';
import type { Caller } from '../core/caller';
import { demoContributionMonths } from './demo-contributions';
import { verificationUrl } from './signing';
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

/** Who may ask for a certificate and where the paper says it was issued. */
export interface CertificateContext {
  caller(request: FastifyRequest): Caller;
  centreName(centreId: string): Promise<string>;
  /** The platform's configured public URL: the QR code must never point where a request's Host says. */
  publicUrl(): string;
  idNumberProblem(value: string): string | undefined;
  /**
   * Refuses a terminal the centre has barred, and a session that asks for a second identity or
   * has run too long; records the terminal, the session and the masked identity in the audit log.
   */
  authorise(caller: Extract<Caller, { kind: 'terminal' }>, visitId: string, idNumber: string, documentId: string): Promise<void>;
  now(): number;
}

/**
 * POST /v1/certificates/contribution: a kiosk asks for the 社保参保缴费证明 of the citizen at the
 * machine over a period; the platform reads the contribution records (the demo source here),
 * signs what will be printed and keeps it for the QR code's verification.
 */
export function registerCertificateRoutes(app: FastifyInstance, documents: DocumentService, context: CertificateContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/certificates/contribution', {
    schema: {
      tags: ['documents'],
      summary: 'Issue a signed social-insurance contribution certificate for the applicant over a period (kiosk)',
      body: ContributionCertificateRequest,
      response: { 201: IssuedContributionCertificate, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const caller = context.caller(request);
      if (caller.kind !== 'terminal') throw new PlatformError(403, 'forbidden', 'certificates are printed at a terminal');
      const { applicant, period } = request.body;
      const problem = context.idNumberProblem(applicant.idNumber);
      if (problem) throw new PlatformError(422, 'invalid-request', `applicant.idNumber ${problem}`, 'applicant.idNumber');
      const documentId = randomUUID();
      await context.authorise(caller, request.body.visitId, applicant.idNumber, documentId);
      const now = new Date(context.now());
      const records = demoContributionMonths(applicant.idNumber, period.from, period.to);
      const data = {
        certificateNo: `SB${now.toISOString().slice(0, 10).replace(/-/g, '')}${documentId.slice(0, 6).toUpperCase()}`,
        person: { name: applicant.name, idNumberMasked: maskIdNumber(applicant.idNumber), insuredSince: records.insuredSince },
        insurances: records.insurances,
        period,
        months: records.months,
        issuer: { name: await context.centreName(caller.centreId) },
        issuedOn: now.toISOString().slice(0, 10),
      };
      const { signed, verificationCode } = await documents.issue({
        kind: 'contribution-certificate',
        documentId,
        issuedAt: now.toISOString(),
        issuer: data.issuer.name,
        data,
      });
      return reply.status(201).send({
        documentId,
        data,
        verification: { code: verificationCode, url: verificationUrl(context.publicUrl(), signed) },
        demo: true,
      });
    },
  });
}
