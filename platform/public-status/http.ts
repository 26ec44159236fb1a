import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseId } from '../../contract/platform/cases';
import { ErrorBody } from '../../contract/platform/errors';
import { CaseNotices, PublicCaseStatus, StatusCode } from '../../contract/platform/public-status';
import { requireWindowStaff, type Caller } from '../core/caller';
import { notFound } from '../core/errors';
import type { DecisionNotices } from './decision-notices';
import type { PublicStatus } from './public-status';
import { noticePageHtml, statusNotFoundHtml, statusPageHtml } from './status-page';

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
  // What a notice's QR code opens: the code is the key here too, and a wrong one tells nothing of which notices exist.
  app.get<{ Params: { documentId: string }; Querystring: { code?: string } }>(
    '/status/notices/:documentId',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const result = await status.byNotice(request.params.documentId.slice(0, 64), String(request.query.code ?? '').slice(0, 32));
      const code = result.verified ? 200 : result.why === 'bad-code' ? 400 : result.why === 'not-found' ? 404 : 409;
      return htmlHeaders(reply.status(code)).send(noticePageHtml(result));
    },
  );
}

/**
 * `GET /v1/cases/{caseId}/notices`: the clerk's desk asks for the signed notice of the decision
 * it has just taken, to print it. Window staff of the case's centre only (`visible` checks the centre).
 */
export function registerCaseNoticeRoutes(
  app: FastifyInstance,
  notices: DecisionNotices,
  caller: (request: FastifyRequest) => Caller,
  visible: (who: Caller, caseId: string) => Promise<unknown>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/cases/:caseId/notices', {
    schema: {
      tags: ['cases'],
      summary: "The signed 不予受理 and 补正 notices of a case's decisions, oldest first, to print at the desk",
      params: z.object({ caseId: CaseId }),
      response: { 200: CaseNotices, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody },
    },
    handler: async (request) => {
      const who = requireWindowStaff(caller(request));
      await visible(who, request.params.caseId);
      return { notices: await notices.forCase(request.params.caseId) };
    },
  });
}
