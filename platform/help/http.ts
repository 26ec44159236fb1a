import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/platform/errors';
import { HelpCall, HelpCallId, HelpCallRequest } from '../../contract/platform/help';
import type { Caller } from '../core/caller';
import type { HelpCalls } from './help-calls';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const Params = z.object({ id: HelpCallId });

/** 呼叫工作人员: a kiosk calls and may cancel; staff of the centre list and take the calls. */
export function registerHelpRoutes(app: FastifyInstance, help: HelpCalls, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/v1/help-calls', {
    schema: {
      tags: ['help'],
      summary: 'A kiosk calls for staff (呼叫工作人员); every desk of the centre hears of it on the event stream',
      body: HelpCallRequest,
      response: { 201: HelpCall, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await help.call(caller(request), request.body)),
  });
  r.get('/v1/help-calls', {
    schema: { tags: ['help'], summary: "The centre's open help calls, oldest first", response: { 200: z.array(HelpCall), ...errors } },
    handler: async (request) => help.open(caller(request)),
  });
  r.get('/v1/help-calls/:id', {
    schema: { tags: ['help'], summary: 'One help call (its kiosk, or staff of the centre)', params: Params, response: { 200: HelpCall, ...errors } },
    handler: async (request) => help.get(caller(request), request.params.id),
  });
  r.post('/v1/help-calls/:id/take', {
    schema: { tags: ['help'], summary: 'A staff member takes the call; 409 when someone else has it or it was cancelled', params: Params, response: { 200: HelpCall, ...errors } },
    handler: async (request) => help.take(caller(request), request.params.id),
  });
  r.post('/v1/help-calls/:id/cancel', {
    schema: { tags: ['help'], summary: 'The calling kiosk cancels its open call', params: Params, response: { 200: HelpCall, ...errors } },
    handler: async (request) => help.cancel(caller(request), request.params.id),
  });
}
