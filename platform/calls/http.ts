import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallReport, WallCalls, WallCallsQuery } from '../../contract/platform/calls';
import { ErrorBody } from '../../contract/platform/errors';
import type { Caller } from '../core/caller';
import type { PlatformContext } from '../core/context';
import { CallService } from './calls';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export function registerCallRoutes(app: FastifyInstance, ctx: PlatformContext, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const calls = new CallService(ctx);
  r.post('/v1/calls', {
    schema: { tags: ['queue'], summary: 'A window called (or recalled) the number of the case on its desk', body: CallReport, response: { 204: z.undefined(), ...errors } },
    handler: async (request, reply) => {
      await calls.report(caller(request), request.body);
      return reply.status(204).send();
    },
  });
  r.get('/v1/calls', {
    schema: { tags: ['queue'], summary: "Today's calls of the centre (or one window), newest first, with each case's timeliness", querystring: WallCallsQuery, response: { 200: WallCalls, ...errors } },
    handler: async (request) => ({ calls: await calls.today(caller(request), request.query.window, request.query.limit) }),
  });
}
