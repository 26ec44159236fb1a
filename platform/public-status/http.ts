import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/platform/errors';
import { PublicCaseStatus, StatusCode } from '../../contract/platform/public-status';
import { notFound } from '../core/errors';
import type { PublicStatus } from './public-status';
import { statusNotFoundHtml, statusPageHtml } from './status-page';

/** The page is plain HTML with its own style and no script; nothing of it may be cached or framed. */
function htmlHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex');
}

/**
 * The public status page a receipt's QR code opens (`/status/{code}`), and its JSON form. No
 * token: the random code is the key. The platform's rate limit (per address) slows guessing,
 * which 80 bits make hopeless anyway.
 */
export function registerPublicStatusRoutes(app: FastifyInstance, status: PublicStatus): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/v1/public/status/:code', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "A case's state and history by the code on its receipt; nothing personal",
      security: [],
      params: z.object({ code: StatusCode }),
      response: { 200: PublicCaseStatus, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
    },
    handler: async (request) => {
      const found = await status.byCode(request.params.code);
      if (!found) throw notFound('a case with this status code');
      return found;
    },
  });
  app.get<{ Params: { code: string } }>('/status/:code', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const code = StatusCode.safeParse(request.params.code.toUpperCase().replace(/-/g, ''));
    const found = code.success ? await status.byCode(code.data) : undefined;
    return htmlHeaders(reply.status(found ? 200 : 404)).send(found ? statusPageHtml(found) : statusNotFoundHtml());
  });
}
