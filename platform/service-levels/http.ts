import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseId } from '../../contract/platform/cases';
import { ErrorBody } from '../../contract/platform/errors';
import { ServiceLevelsNow, ServiceLevelTarget, ServiceLevelTargetInput } from '../../contract/platform/service-levels';
import { requireCentreAdmin, requireStaff, type Caller } from '../core/caller';
import type { ServiceLevels } from './service-levels';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const ServiceParams = z.object({ serviceCode: z.string().min(1).max(64) });
const Started = z.object({ startedAt: z.string() });

/** The service-level API: targets (admin), the levels now (any staff, the wall), and 开始办理. */
export function registerServiceLevelRoutes(app: FastifyInstance, levels: ServiceLevels, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/service-levels/targets', {
    schema: { tags: ['service-levels'], summary: "Each service's waiting-time warning and critical thresholds (minutes)", response: { 200: z.array(ServiceLevelTarget), ...errors } },
    handler: async (request) => levels.targets.list(requireStaff(caller(request)).centreId),
  });
  r.put('/v1/admin/service-levels/targets/:serviceCode', {
    schema: {
      tags: ['service-levels'],
      summary: "Set a service's thresholds (centre admin): positive whole minutes, warning below critical",
      params: ServiceParams,
      body: ServiceLevelTargetInput,
      response: { 200: ServiceLevelTarget, ...errors },
    },
    handler: async (request) => levels.targets.put(requireCentreAdmin(caller(request)).centreId, request.params.serviceCode, request.body),
  });
  r.delete('/v1/admin/service-levels/targets/:serviceCode', {
    schema: { tags: ['service-levels'], summary: "A service's thresholds back to the platform's defaults (centre admin)", params: ServiceParams, response: { 200: ServiceLevelTarget, ...errors } },
    handler: async (request) => levels.targets.reset(requireCentreAdmin(caller(request)).centreId, request.params.serviceCode),
  });
  r.get('/v1/service-levels/now', {
    schema: {
      tags: ['service-levels'],
      summary: 'Per service: tickets and cases waiting now over each threshold, and today’s that went over',
      response: { 200: ServiceLevelsNow, ...errors },
    },
    handler: async (request) => levels.now(caller(request)),
  });
  r.post('/v1/cases/:caseId/start', {
    schema: { tags: ['service-levels'], summary: '开始办理: the citizen of a case this clerk called reached the counter', params: z.object({ caseId: CaseId }), response: { 200: Started, ...errors } },
    handler: async (request) => levels.startCase(caller(request), request.params.caseId),
  });
  r.post('/v1/tickets/:ticketId/start', {
    schema: { tags: ['service-levels'], summary: '开始办理: the holder of a called ticket reached the window', params: z.object({ ticketId: z.string().uuid() }), response: { 200: Started, ...errors } },
    handler: async (request) => levels.startTicket(caller(request), request.params.ticketId),
  });
}
