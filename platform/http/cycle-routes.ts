import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AddNoteRequest, BackOfficeCase, BackOfficeDecision, BackOfficeQueue, CaseNote } from '../../contract/platform/back-office';
import { BundleView } from '../../contract/platform/bundles';
import { CaseId, CaseStatus, CaseSummary } from '../../contract/platform/cases';
import { CalendarView, Department, DepartmentCode, PutCalendarRequest, PutDepartmentRequest } from '../../contract/platform/departments';
import { ErrorBody } from '../../contract/platform/errors';
import { Collection, CollectRequest, PickupSearch, PickupSearchResult } from '../../contract/platform/pickup';
import { requireStaff, type Caller } from '../core/caller';
import type { Services } from './services';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const CaseParams = z.object({ caseId: CaseId });

/**
 * Behind the counter and back (issue 15): departments and the working-day calendar, the back
 * office (后台审批), case notes, 一件事 bundles and the one window for results (一口发证).
 */
export function registerCycleRoutes(app: FastifyInstance, services: Services, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { departments, backOffice, pickups, bundles } = services;

  r.get('/v1/departments', {
    schema: { tags: ['departments'], summary: "The caller's centre's departments (后台审批部门)", response: { 200: z.array(Department), ...errors } },
    handler: async (request) => departments.list(caller(request).centreId),
  });

  r.put('/v1/admin/departments/:code', {
    schema: {
      tags: ['admin'],
      summary: 'Create or rename a department of the centre (centre admin)',
      params: z.object({ code: DepartmentCode }),
      body: PutDepartmentRequest,
      response: { 200: Department, ...errors },
    },
    handler: async (request) => departments.put(caller(request), request.params.code, request.body.name),
  });

  r.get('/v1/calendar', {
    schema: {
      tags: ['departments'],
      summary: 'The working-day calendar promised times count on: national years known and the centre’s own days',
      response: { 200: CalendarView, ...errors },
    },
    handler: async (request) => departments.calendarView(caller(request).centreId),
  });

  r.put('/v1/admin/calendar', {
    schema: {
      tags: ['admin'],
      summary: 'Replace the centre’s own calendar days (local days off, days worked) (centre admin)',
      body: PutCalendarRequest,
      response: { 200: CalendarView, ...errors },
    },
    handler: async (request) => departments.putCalendar(caller(request), request.body.localDays),
  });

  r.get('/v1/back-office/cases', {
    schema: {
      tags: ['back-office'],
      summary: "The cases sent to the caller's department (back-office staff), by deadline; default status transferred",
      querystring: z.object({ status: CaseStatus.optional() }),
      response: { 200: BackOfficeQueue, ...errors },
    },
    handler: async (request) => backOffice.queue(caller(request), request.query.status),
  });

  r.get('/v1/back-office/cases/:caseId', {
    schema: {
      tags: ['back-office'],
      summary: 'A case of the department: form (masked), materials, history, notes (audited)',
      params: CaseParams,
      response: { 200: BackOfficeCase, ...errors },
    },
    handler: async (request) => backOffice.read(caller(request), request.params.caseId),
  });

  r.post('/v1/back-office/cases/:caseId/decisions', {
    schema: {
      tags: ['back-office'],
      summary: 'Approve with the result (→ ready to collect, pickup code by SMS), return to the window, or ask for more materials (一次性告知)',
      params: CaseParams,
      body: BackOfficeDecision,
      response: { 200: CaseSummary, ...errors },
    },
    handler: async (request) => backOffice.decide(caller(request), request.params.caseId, request.body),
  });

  r.get('/v1/cases/:caseId/notes', {
    schema: { tags: ['back-office'], summary: "A case's internal notes (staff)", params: CaseParams, response: { 200: z.array(CaseNote), ...errors } },
    handler: async (request) => {
      const who = caller(request);
      requireStaff(who);
      if (who.kind === 'staff' && who.role === 'back-office') return (await backOffice.read(who, request.params.caseId)).notes;
      await services.cases.read(who, request.params.caseId);
      return backOffice.notes(who, request.params.caseId);
    },
  });

  r.post('/v1/cases/:caseId/notes', {
    schema: {
      tags: ['back-office'],
      summary: 'Add an internal note to a case (window staff, or back office on its department’s cases); never shown to the citizen',
      params: CaseParams,
      body: AddNoteRequest,
      response: { 201: CaseNote, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await backOffice.addNote(caller(request), request.params.caseId, request.body.text)),
  });

  r.get('/v1/bundles/:caseId', {
    schema: {
      tags: ['cases'],
      summary: 'A 一件事 bundle (by its case id or an item’s) and the state of each item',
      params: CaseParams,
      response: { 200: BundleView, ...errors },
    },
    handler: async (request) => bundles.view(caller(request), request.params.caseId),
  });

  r.post('/v1/pickups/search', {
    schema: {
      tags: ['pickup'],
      summary: 'What is ready to collect, found by the citizen’s ID number (card read at the counter), pickup code or case id (window staff; audited)',
      body: PickupSearch,
      response: { 200: PickupSearchResult, ...errors },
    },
    handler: async (request) => ({ pickups: await pickups.search(caller(request), request.body) }),
  });

  r.post('/v1/pickups/:pickupId/collect', {
    schema: {
      tags: ['pickup'],
      summary: 'Hand the results over at the window against a signature (self or an authorised agent), or record the postal tracking number; the cases complete',
      params: z.object({ pickupId: z.uuid() }),
      body: CollectRequest,
      response: { 200: Collection, ...errors },
    },
    handler: async (request) => pickups.collect(caller(request), request.params.pickupId, request.body),
  });
}
