import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseId } from '../../contract/platform/cases';
import { ErrorBody } from '../../contract/platform/errors';
import { CaseLicences, LicenceLookupRequest, LicenceLookupResult } from '../../contract/platform/licences';
import type { Caller } from '../core/caller';
import type { LicenceService } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 429: ErrorBody };

/** 电子证照: the kiosk's consented lookup and the staff's view of a case's licences. */
export function registerLicenceRoutes(app: FastifyInstance, licences: LicenceService, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/licences/lookups', {
    schema: {
      tags: ['licences'],
      summary: 'Terminals: with the citizen’s consent (一次授权, recorded), which licence types the holder has valid, expired or missing',
      body: LicenceLookupRequest,
      response: { 200: LicenceLookupResult, ...errors },
    },
    handler: async (request) => licences.lookup(caller(request), request.body),
  });

  r.get('/v1/cases/:caseId/licences', {
    schema: {
      tags: ['licences'],
      summary: 'Staff: the licences a case’s materials name: document, issuer, validity, signature verified (audited)',
      params: z.object({ caseId: CaseId }),
      response: { 200: CaseLicences, ...errors },
    },
    handler: async (request) => licences.ofCase(caller(request), request.params.caseId),
  });
}
