import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditEntry,
  CertificatePermission,
  CreateStaffRequest,
  RegisterTerminalRequest,
  RegisterTerminalResponse,
  SignInRequest,
  SignInResponse,
  StaffAccount,
  TerminalHealthReport,
  TerminalId,
  TerminalStatus,
  WhoAmI,
} from '../../contract/platform/access';
import { BLOB_CONTENT_TYPES, BlobContentType, BlobInfo } from '../../contract/platform/blobs';
import {
  CaseDetail,
  CaseId,
  CaseSummary,
  ClaimRequest,
  Decision,
  IntakeReceipt,
  IntakeRequest,
  QueueResponse,
  RevealRequest,
  RevealResponse,
  Sha256,
  SupplementRequest,
} from '../../contract/platform/cases';
import { Catalogue } from '../../contract/platform/catalogue';
import { ErrorBody } from '../../contract/platform/errors';
import { EventsPage, EventsQuery } from '../../contract/platform/events';
import { CentreStats, CloseFollowUpRequest, FollowUp, Rating, RatingRequest } from '../../contract/platform/ratings';
import { HealthResponse } from '../../contract/platform';
import { audit, auditTrail } from '../core/audit';
import { requireCentreAdmin, requireStaff, type Caller } from '../core/caller';
import { caseProofOf } from '../core/case-access';
import { iso } from '../core/context';
import { notFound, PlatformError } from '../core/errors';
import { authoriseCertificate, setCertificatePermission } from '../core/certificate-sessions';
import { listEvents, type EventFilter } from '../core/events';
import { registerCertificateRoutes, registerDocumentRoutes } from '../documents/http';
import { registerHelpRoutes } from '../help/http';
import { registerCaseNoticeRoutes, registerPublicStatusRoutes } from '../public-status/http';
import { registerFleetRoutes } from '../fleet/routes';
import { registerVisitPages } from '../visits/page-routes';
import { registerVisitRoutes } from '../visits/http';
import { idNumberProblem } from '../../contract/platform/id-number';
import type { HttpOptions } from './app';
import type { Services } from './services';
import { bearerToken, byAddress, rateLimitKey } from './rate-limit-key';
import { StreamLimits } from './stream-limits';
import { streamEvents } from './sse';
import { registerCycleRoutes } from './cycle-routes';
import { registerLicenceRoutes } from '../licences/http';
import { registerDashboardRoutes } from '../dashboard/routes';
import { registerCallRoutes } from '../calls/http';
import { registerDeskRoutes } from '../desk/http';
import { registerServiceLevelRoutes } from '../service-levels/http';

function caller(request: FastifyRequest): Caller {
  if (!request.caller) throw new PlatformError(401, 'unauthenticated', 'this route needs a bearer token');
  return request.caller;
}

function requireTerminal(who: Caller): Extract<Caller, { kind: 'terminal' }> {
  if (who.kind !== 'terminal') throw new PlatformError(403, 'forbidden', 'only a terminal may do this');
  return who;
}

/** A kiosk follows only its own cases; staff and counter terminals the whole centre. */
function eventFilterOf(who: Caller): EventFilter {
  return who.kind === 'terminal' && who.terminalKind === 'kiosk' ? { centreId: who.centreId, terminalId: who.id } : { centreId: who.centreId };
}

/** The error answers every authenticated route may give, for the OpenAPI document. */
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const CaseParams = z.object({ caseId: CaseId });

export function registerRoutes(app: FastifyInstance, services: Services, options: HttpOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ctx, access, cases, ratings, blobs } = services;
  const streams = new StreamLimits(options.maxStreamsPerCaller, options.maxStreams, options.cluster?.streamSlots);

  r.get('/v1/health', {
    config: { public: true, rateLimit: false },
    schema: { tags: ['platform'], summary: 'Liveness, version and store dialect', security: [], response: { 200: HealthResponse } },
    handler: async () => ({ status: 'ok' as const, version: options.version, database: ctx.db.dialect, time: iso(ctx.now()) }),
  });

  r.get('/v1/openapi.json', {
    config: { public: true },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  r.get('/v1/catalogue', {
    config: { public: true },
    schema: {
      tags: ['catalogue'],
      summary: 'The service catalogue (事项目录); send If-None-Match with the last ETag to get 304 when unchanged',
      security: [],
      headers: z.object({ 'if-none-match': z.string().optional() }),
      response: { 200: Catalogue, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const stored = await services.catalogue.get();
      if (!stored) throw notFound('a catalogue');
      reply.header('etag', stored.etag).header('cache-control', 'no-cache');
      const wanted = request.headers['if-none-match'];
      // The stored body is already the JSON of a validated catalogue; a string is sent as it is.
      const raw = reply as FastifyReply;
      if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === stored.etag)) return raw.status(304).send();
      return raw.type('application/json; charset=utf-8').send(stored.body);
    },
  });

  r.get('/v1/me', {
    schema: { tags: ['access'], summary: 'Who the platform takes the caller for', response: { 200: WhoAmI, ...errors } },
    handler: async (request) => {
      const who = caller(request);
      const centre = await access.centre(who.centreId);
      return who.kind === 'terminal'
        ? { kind: who.kind, id: who.id, centre, terminalKind: who.terminalKind }
        : { kind: who.kind, id: who.id, centre, staff: { id: who.id, username: who.username, displayName: who.displayName, role: who.role, centreId: who.centreId, department: who.department ?? null } };
    },
  });

  r.put('/v1/terminals/me/health', {
    schema: { tags: ['access'], summary: "The calling terminal's health report", body: TerminalHealthReport, response: { 204: z.undefined(), ...errors } },
    handler: async (request, reply) => {
      await access.reportHealth(requireTerminal(caller(request)).id, request.body);
      return reply.status(204).send();
    },
  });

  r.get('/v1/terminals', {
    schema: { tags: ['access'], summary: "The centre's terminals and their last health reports", response: { 200: z.array(TerminalStatus), ...errors } },
    handler: async (request) => access.terminals(requireStaff(caller(request)).centreId),
  });

  r.post('/v1/admin/terminals', {
    schema: {
      tags: ['admin'],
      summary: "Register a terminal of the admin's centre (its id is prefixed with the centre id); the credential is shown once",
      body: RegisterTerminalRequest,
      response: { 201: RegisterTerminalResponse, ...errors },
    },
    handler: async (request, reply) => {
      const { centreId } = requireCentreAdmin(caller(request));
      // Terminal ids are platform-wide (the credential names one), so a centre's begin with the
      // centre's id: a clash can then only be with the admin's own terminals, and says nothing of others.
      const terminalId = request.body.terminalId.startsWith(`${centreId}-`) ? request.body.terminalId : `${centreId}-${request.body.terminalId}`;
      if (!TerminalId.safeParse(terminalId).success) {
        throw new PlatformError(400, 'invalid-request', `body terminalId: ${terminalId} is longer than 64 characters`, 'terminalId');
      }
      return reply.status(201).send(await access.registerTerminal(centreId, { ...request.body, terminalId }));
    },
  });

  r.put('/v1/admin/terminals/:terminalId/certificates', {
    schema: {
      tags: ['admin'],
      summary: 'Allow or bar one of the centre’s terminals from issuing certificates',
      params: z.object({ terminalId: z.string().min(1).max(64) }),
      body: CertificatePermission,
      response: { 204: z.undefined(), ...errors },
    },
    handler: async (request, reply) => {
      await setCertificatePermission(ctx, requireCentreAdmin(caller(request)).centreId, request.params.terminalId, request.body.allowed);
      return reply.status(204).send();
    },
  });

  r.post('/v1/admin/staff', {
    schema: { tags: ['admin'], summary: "Create a staff account in the admin's centre", body: CreateStaffRequest, response: { 201: StaffAccount, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await access.createStaff(requireCentreAdmin(caller(request)).centreId, request.body)),
  });

  r.post('/v1/staff/sessions', {
    // Per address, whatever the username: guessing across accounts from one place is slowed too.
    config: { public: true, rateLimit: { max: options.signInAttemptsPerMinute, timeWindow: 60_000, keyGenerator: byAddress } },
    schema: {
      tags: ['access'],
      summary: 'Staff sign-in; repeated failures lock the account (423)',
      security: [],
      body: SignInRequest,
      response: { 201: SignInResponse, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => reply.status(201).send(await access.signIn(request.body.username, request.body.password, request.body.centreId)),
  });

  r.delete('/v1/staff/sessions/current', {
    schema: { tags: ['access'], summary: 'Sign out (ends this session token)', response: { 204: z.undefined(), ...errors } },
    handler: async (request, reply) => {
      requireStaff(caller(request));
      await access.signOut(bearerToken(request)!);
      return reply.status(204).send();
    },
  });

  app.register(async (scope) => {
    scope.addContentTypeParser([...BLOB_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: options.maxBlobBytes }, (_request, body, done) => done(null, body));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.put('/v1/blobs/:sha256', {
      bodyLimit: options.maxBlobBytes,
      schema: {
        tags: ['materials'],
        summary: `Upload a material (${BLOB_CONTENT_TYPES.join(', ')}, at most ${options.maxBlobBytes} bytes) under its SHA-256`,
        params: z.object({ sha256: Sha256 }),
        headers: z.object({ 'content-type': z.string() }),
        response: { 200: BlobInfo, 201: BlobInfo, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
      handler: async (request, reply) => {
        const who = caller(request);
        const type = BlobContentType.safeParse(request.headers['content-type'].split(';')[0]!.trim());
        if (!type.success || !Buffer.isBuffer(request.body)) {
          throw new PlatformError(415, 'unsupported-media-type', `send one of ${BLOB_CONTENT_TYPES.join(', ')}`, 'content-type');
        }
        const info = await blobs.put(who.centreId, request.params.sha256, type.data, request.body);
        return reply.status(info.created ? 201 : 200).send(info);
      },
    });
  });

  r.get('/v1/blobs/:sha256', {
    schema: { tags: ['materials'], summary: 'Download a material (staff of the centre; audited)', params: z.object({ sha256: Sha256 }), response: errors },
    handler: async (request, reply) => {
      const staff = requireStaff(caller(request));
      const blob = await blobs.get(staff.centreId, request.params.sha256);
      await audit(ctx.db, staff, 'material-read', null, ctx.now(), request.params.sha256);
      // A download, never a page: an upload cannot run in the platform's origin whatever its bytes.
      return (reply as FastifyReply)
        .type(blob.contentType)
        .header('content-disposition', `attachment; filename="${request.params.sha256}"`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(blob.data);
    },
  });

  r.post('/v1/cases', {
    schema: {
      tags: ['cases'],
      summary: 'Case intake, idempotent on caseId (same body → same receipt, other body → 409)',
      body: IntakeRequest,
      response: { 201: IntakeReceipt, ...errors, 422: ErrorBody },
    },
    handler: async (request, reply) => {
      const { receipt, replay } = await cases.intake(caller(request), request.body);
      if (replay) reply.header('idempotent-replay', 'true');
      return reply.status(201).send(receipt);
    },
  });

  r.get('/v1/cases/:caseId', {
    schema: { tags: ['cases'], summary: 'A case, personal values masked (audited)', params: CaseParams, response: { 200: CaseDetail, ...errors } },
    handler: async (request) => cases.read(caller(request), request.params.caseId, caseProofOf(request)),
  });

  r.post('/v1/cases/:caseId/reveal', {
    schema: {
      tags: ['cases'],
      summary: 'Unmasked applicant and form for a clerk, with the purpose written to the audit log',
      params: CaseParams,
      body: RevealRequest,
      response: { 200: RevealResponse, ...errors },
    },
    handler: async (request) => cases.reveal(caller(request), request.params.caseId, request.body.purpose),
  });

  r.post('/v1/cases/:caseId/decisions', {
    schema: {
      tags: ['queue'],
      summary: 'Accept (受理), reject (不予受理), request materials (补正), transfer (转办), complete (办结) or release; illegal transitions → 409',
      params: CaseParams,
      body: Decision,
      response: { 200: CaseSummary, ...errors },
    },
    handler: async (request) => cases.decide(caller(request), request.params.caseId, request.body),
  });

  r.post('/v1/cases/:caseId/supplements', {
    schema: {
      tags: ['cases'],
      summary: 'The materials 补正 asked for; the case returns to the queue',
      params: CaseParams,
      body: SupplementRequest,
      response: { 200: CaseSummary, ...errors, 422: ErrorBody },
    },
    handler: async (request) => cases.supplement(caller(request), request.params.caseId, request.body, caseProofOf(request)),
  });

  r.get('/v1/cases/:caseId/events', {
    schema: { tags: ['events'], summary: "One case's events after a cursor", params: CaseParams, querystring: EventsQuery, response: { 200: EventsPage, ...errors } },
    handler: async (request) => {
      const who = caller(request);
      await cases.visible(who, request.params.caseId, caseProofOf(request));
      return listEvents(ctx.db, { centreId: who.centreId, caseId: request.params.caseId }, request.query.after, request.query.limit);
    },
  });

  r.post('/v1/cases/:caseId/rating', {
    schema: {
      tags: ['ratings'],
      summary: 'The citizen’s rating (好差评), one per case; 1–2 open a follow-up',
      params: CaseParams,
      body: RatingRequest,
      response: { 200: Rating, 201: Rating, ...errors },
    },
    handler: async (request, reply) => {
      const { rating, replay } = await ratings.rate(caller(request), request.params.caseId, request.body, caseProofOf(request));
      return reply.status(replay ? 200 : 201).send(rating);
    },
  });

  r.get('/v1/queue', {
    schema: { tags: ['queue'], summary: "The centre's 一窗受理 queue: waiting by priority then arrival, and claimed", response: { 200: QueueResponse, ...errors } },
    // Each waiting case carries its level against its service's waiting-time targets.
    handler: async (request) => services.serviceLevels.markQueue(caller(request).centreId, await cases.queue(caller(request))),
  });

  r.post('/v1/queue/claim', {
    schema: {
      tags: ['queue'],
      summary: 'Claim the next case, or the named one; 204 when nothing waits',
      body: ClaimRequest.nullish(),
      response: { 200: CaseSummary, 204: z.undefined(), ...errors },
    },
    handler: async (request, reply) => {
      const claimed = await cases.claim(caller(request), request.body?.caseId);
      return claimed ? reply.send(claimed) : reply.status(204).send();
    },
  });

  r.get('/v1/events', {
    schema: { tags: ['events'], summary: "The caller's centre's events after a cursor", querystring: EventsQuery, response: { 200: EventsPage, ...errors } },
    handler: async (request) => listEvents(ctx.db, eventFilterOf(caller(request)), request.query.after, request.query.limit),
  });

  r.get('/v1/events/stream', {
    schema: {
      tags: ['events'],
      summary: 'Server-sent events: each case event as `id: seq`, `event: case`; resumes after Last-Event-ID or ?after',
      querystring: z.object({ after: z.coerce.number().int().nonnegative().optional() }),
      headers: z.object({ 'last-event-id': z.coerce.number().int().nonnegative().optional() }),
    },
    handler: async (request, reply) => {
      const who = caller(request);
      const release = await streams.acquire(rateLimitKey(request));
      const after = request.headers['last-event-id'] ?? request.query.after ?? 0;
      streamEvents(request, reply, ctx, eventFilterOf(who), after, release);
    },
  });

  r.get('/v1/follow-ups', {
    schema: {
      tags: ['ratings'],
      summary: 'Follow-ups of bad ratings in the centre',
      querystring: z.object({ open: z.enum(['true', 'false']).optional() }),
      response: { 200: z.array(FollowUp), ...errors },
    },
    handler: async (request) => ratings.followUps(caller(request), request.query.open === undefined ? undefined : request.query.open === 'true'),
  });

  r.post('/v1/follow-ups/:id/close', {
    schema: {
      tags: ['ratings'],
      summary: 'Close a follow-up with what was done (and, for a named rating, the call back)',
      params: z.object({ id: z.string().min(1).max(64) }),
      body: CloseFollowUpRequest,
      response: { 200: FollowUp, ...errors, 422: ErrorBody },
    },
    handler: async (request) => ratings.closeFollowUp(caller(request), request.params.id, request.body),
  });

  r.get('/v1/stats', {
    schema: {
      tags: ['ratings'],
      summary: 'Waiting and handling times, ratings and bad-rating reasons of cases received in [from, to)',
      querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
      response: { 200: CentreStats, ...errors },
    },
    handler: async (request) => {
      const to = request.query.to ? Date.parse(request.query.to) : ctx.now() + 1;
      const from = request.query.from ? Date.parse(request.query.from) : to - 30 * 86_400_000;
      return ratings.stats(caller(request), from, to);
    },
  });

  r.get('/v1/audit', {
    schema: {
      tags: ['admin'],
      summary: 'Audit log of case reads and reveals (centre admin)',
      querystring: z.object({ caseId: CaseId.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.array(AuditEntry), ...errors },
    },
    handler: async (request) => auditTrail(ctx.db, requireCentreAdmin(caller(request)).centreId, request.query.caseId, request.query.limit),
  });

  registerHelpRoutes(app, services.help, caller);
  registerPublicStatusRoutes(app, services.publicStatus);
  if (services.decisionNotices) registerCaseNoticeRoutes(app, services.decisionNotices, caller, (who, caseId) => cases.visible(who, caseId));
  registerCycleRoutes(app, services, caller);
  registerDashboardRoutes(app, services, caller);
  registerCallRoutes(app, ctx, caller);
  registerDeskRoutes(app, services.desk, caller);
  registerServiceLevelRoutes(app, services.serviceLevels, caller);
  if (services.licences) registerLicenceRoutes(app, services.licences, caller);

  if (services.documents) {
    registerDocumentRoutes(app, services.documents);
    registerCertificateRoutes(app, services.documents, {
      caller,
      centreName: async (centreId) => (await ctx.db.get<{ name: string }>('SELECT name FROM centres WHERE id = ?', [centreId]))?.name ?? centreId,
      publicUrl: ctx.publicUrl,
      authorise: (terminal, visitId, idNumber, documentId) => authoriseCertificate(ctx, terminal, visitId, idNumber, documentId),
      idNumberProblem,
      now: ctx.now,
    });
  }
  if (services.fleet) registerFleetRoutes(app, services.fleet);
  if (services.visits) {
    registerVisitRoutes(app, services.visits, caller, services.serviceLevels);
    registerVisitPages(app, services.visits);
  }
}
