import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseId, CaseSummary } from '../../contract/platform/cases';
import { BatchCollection, BatchCollectRequest, Colleague, DeskCases, DeskList, DeskSearch, DeskSearchResult, HandoverRequest } from '../../contract/platform/desk';
import { ErrorBody } from '../../contract/platform/errors';
import type { Caller } from '../core/caller';
import type { DeskService } from './desk-service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

/** The counter desk's routes (window staff); rate-limited per caller like every staff route by the app's limiter. */
export function registerDeskRoutes(app: FastifyInstance, desk: DeskService, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/desk/cases', {
    schema: {
      tags: ['desk'],
      summary: "The caller's own cases in one list (claimed, accepted, awaiting-materials, transferred, ready, returned), masked, nearest deadline first",
      querystring: z.object({ list: DeskList }),
      response: { 200: DeskCases, ...errors },
    },
    handler: async (request) => desk.myCases(caller(request), request.query.list),
  });

  r.post('/v1/desk/search', {
    schema: {
      tags: ['desk'],
      summary: 'Find cases of the centre by case or queue number, full name, or the last 4 characters of the ID number (masked results; audited)',
      body: DeskSearch,
      response: { 200: DeskSearchResult, ...errors },
    },
    handler: async (request) => ({ cases: await desk.search(caller(request), request.body) }),
  });

  r.get('/v1/desk/colleagues', {
    schema: { tags: ['desk'], summary: 'Window staff of the centre signed in now (whom a case may be handed to)', response: { 200: z.array(Colleague), ...errors } },
    handler: async (request) => desk.colleagues(caller(request)),
  });

  r.post('/v1/desk/cases/:caseId/handover', {
    schema: {
      tags: ['desk'],
      summary: 'Hand a claimed or accepted case on your desk to a colleague at another window',
      params: z.object({ caseId: CaseId }),
      body: HandoverRequest,
      response: { 200: CaseSummary, ...errors },
    },
    handler: async (request) => desk.handover(caller(request), request.params.caseId, request.body.staffId, request.body.note),
  });

  r.post('/v1/desk/pickups/collect', {
    schema: {
      tags: ['desk'],
      summary: 'Hand over several results of one citizen at once against one signature (一口发证)',
      body: BatchCollectRequest,
      response: { 200: BatchCollection, ...errors },
    },
    handler: async (request) => desk.collectBatch(caller(request), request.body),
  });
}
