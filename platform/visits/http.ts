import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/platform/errors';
import {
  AppointmentView,
  BookingRequest,
  CallTicketRequest,
  CancelBookingRequest,
  CheckInAnswer,
  CheckInRequest,
  LiveQueue,
  RedirectAnswer,
  Slot,
  SlotsQuery,
  TakeTicketRequest,
  TicketAtWindow,
  TicketCaseLink,
  TicketEvent,
  TicketRating,
  TicketRedirectRequest,
  TicketTransferRequest,
  TicketView,
  VisitSettings,
} from '../../contract/platform/visits';
import { requireCentreAdmin, requireStaff, type Caller } from '../core/caller';
import { PlatformError } from '../core/errors';
import { byAddress } from '../http/rate-limit-key';
import type { Visits } from './visits';
import type { TakeTicketRequest as TakeTicket } from '../../contract/platform/visits';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const CentreParams = z.object({ centreId: z.string().min(1).max(64) });
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });
const TicketParams = z.object({ ticketId: z.uuid() });

/** One service (`serviceCode`) or a visit's several (`services`): the room takes the list. */
function servicesOf(request: TakeTicket): string[] {
  return request.services ?? [request.serviceCode!];
}

/** Public routes that create something are limited per address, beyond the platform's global limit. */
export const PUBLIC_WRITES_PER_MINUTE = 20;
export const publicWriteLimit = { max: PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000, keyGenerator: byAddress };

function requireKiosk(caller: Caller): Extract<Caller, { kind: 'terminal' }> {
  if (caller.kind !== 'terminal' || caller.terminalKind !== 'kiosk') throw new PlatformError(403, 'forbidden', 'only a kiosk of the centre may do this');
  return caller;
}

/** The visits API: slots and bookings, check-in, tickets and their calls, the live figures. */
export function registerVisitRoutes(app: FastifyInstance, visits: Visits, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/visit-settings', {
    schema: { tags: ['visits'], summary: "The centre's slots, windows per service, no-show grace and SMS threshold", response: { 200: VisitSettings, ...errors } },
    handler: async (request) => visits.settings.get(requireStaff(caller(request)).centreId),
  });
  r.put('/v1/admin/visit-settings', {
    schema: { tags: ['visits'], summary: 'Set the visit settings (centre admin)', body: VisitSettings, response: { 200: VisitSettings, ...errors } },
    handler: async (request) => visits.settings.put(requireCentreAdmin(caller(request)).centreId, request.body),
  });

  r.get('/v1/public/centres/:centreId/slots', {
    config: { public: true },
    schema: { tags: ['public'], summary: "A service's bookable slots on a day, with the places left", security: [], params: CentreParams, querystring: SlotsQuery, response: { 200: z.array(Slot), ...errors } },
    handler: async (request) => visits.appointments.slots(request.params.centreId, request.query.serviceCode, request.query.date),
  });
  r.post('/v1/public/centres/:centreId/appointments', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: {
      tags: ['public'],
      summary: 'Book a slot (预约); the answer shows the booker masked and the check-in code once',
      security: [],
      params: CentreParams,
      body: BookingRequest,
      response: { 201: AppointmentView, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await visits.appointments.book(request.params.centreId, 'api', request.body)),
  });
  r.post('/v1/appointments', {
    schema: { tags: ['visits'], summary: 'Book a slot at the kiosk, for the citizen whose card was read', body: BookingRequest, response: { 201: AppointmentView, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await visits.appointments.book(requireKiosk(caller(request)).centreId, 'kiosk', request.body)),
  });
  r.post('/v1/appointments/check-in', {
    schema: {
      tags: ['visits'],
      summary: "Check in at the kiosk by ID card or the booking's code; the ticket goes first within its slot",
      body: CheckInRequest,
      response: { 200: CheckInAnswer, ...errors },
    },
    handler: async (request) => visits.appointments.checkIn(caller(request), request.body),
  });

  r.post('/v1/tickets', {
    schema: { tags: ['visits'], summary: 'Take a number at the kiosk (取号)', body: TakeTicketRequest, response: { 201: TicketView, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(await visits.tickets.take({ centreId: requireKiosk(caller(request)).centreId, source: 'kiosk', services: servicesOf(request.body), phone: request.body.phone })),
  });
  r.post('/v1/public/centres/:centreId/tickets', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: {
      tags: ['public'],
      summary: 'Take a number remotely; with a phone, SMS at the threshold and when called',
      security: [],
      params: CentreParams,
      body: TakeTicketRequest,
      response: { 201: TicketView, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await visits.tickets.take({ centreId: request.params.centreId, source: 'remote', services: servicesOf(request.body), phone: request.body.phone })),
  });
  r.get('/v1/tickets', {
    schema: { tags: ['visits'], summary: "The centre's waiting and called tickets", response: { 200: z.array(TicketView), ...errors } },
    handler: async (request) => visits.tickets.list(caller(request)),
  });
  r.post('/v1/tickets/call', {
    schema: { tags: ['visits'], summary: 'Call the next ticket of the window’s services (叫号); 204 when nobody waits', body: CallTicketRequest, response: { 200: TicketView, 204: z.undefined(), ...errors } },
    handler: async (request, reply) => {
      const called = await visits.tickets.call(caller(request), request.body);
      return called ? reply.send(called) : reply.status(204).send();
    },
  });
  r.post('/v1/tickets/:ticketId/finish', {
    schema: {
      tags: ['visits'],
      summary: 'The called ticket was served (完成); with a window, only the window that called it',
      params: TicketParams,
      body: TicketAtWindow.nullish(),
      response: { 200: TicketView, ...errors },
    },
    handler: async (request) => visits.tickets.finish(caller(request), request.params.ticketId, request.body?.window),
  });
  r.post('/v1/tickets/:ticketId/recall', {
    schema: { tags: ['visits'], summary: 'Call the same ticket again (重呼), from the window that called it', params: TicketParams, body: TicketAtWindow, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.windows.recall(caller(request), request.params.ticketId, request.body.window),
  });
  r.post('/v1/tickets/:ticketId/no-show', {
    schema: { tags: ['visits'], summary: 'The citizen did not come (未到): the ticket ends', params: TicketParams, body: TicketAtWindow, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.tickets.finish(caller(request), request.params.ticketId, request.body.window, 'no-show'),
  });
  const transfer = 'Transfer (转窗): the same visit, number and place, to another window or service line';
  r.post('/v1/tickets/:ticketId/transfer', {
    schema: { tags: ['visits'], summary: transfer, params: TicketParams, body: TicketTransferRequest, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.windows.transfer(caller(request), request.params.ticketId, request.body),
  });
  const redirect = 'Redirect (改派): this visit ends; a new visit with its own number for another service or centre';
  r.post('/v1/tickets/:ticketId/redirect', {
    schema: { tags: ['visits'], summary: redirect, params: TicketParams, body: TicketRedirectRequest, response: { 200: RedirectAnswer, ...errors } },
    handler: async (request) => visits.windows.redirect(caller(request), request.params.ticketId, request.body),
  });
  r.post('/v1/tickets/:ticketId/cases', {
    schema: { tags: ['visits'], summary: "Keep a case the window opened beside its service of the visit", params: TicketParams, body: TicketCaseLink, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.windows.linkCase(caller(request), request.params.ticketId, request.body.window, request.body.caseId),
  });
  r.get('/v1/tickets/:ticketId/events', {
    schema: { tags: ['visits'], summary: "A ticket's steps: taken, called, recalled, transferred, redirected, ended", params: TicketParams, response: { 200: z.array(TicketEvent), ...errors } },
    handler: async (request) => visits.windows.events(caller(request), request.params.ticketId),
  });
  r.post('/v1/public/appointments/cancel', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: { tags: ['public'], summary: 'Cancel a booking by its code; the slot is free again', security: [], body: CancelBookingRequest, response: { 200: AppointmentView, ...errors } },
    handler: async (request) => visits.appointments.cancel(undefined, request.body.code),
  });

  r.get('/v1/public/tickets/:token', {
    config: { public: true },
    schema: { tags: ['public'], summary: 'A ticket by its link: its place, the wait, what it allows', security: [], params: TokenParams, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.tickets.viewByToken(request.params.token),
  });
  r.post('/v1/public/tickets/:token/postpone', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: { tags: ['public'], summary: 'Postpone once: to the back of the line', security: [], params: TokenParams, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.tickets.postpone(request.params.token),
  });
  r.post('/v1/public/tickets/:token/cancel', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: { tags: ['public'], summary: 'Cancel the ticket', security: [], params: TokenParams, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.tickets.cancel(request.params.token),
  });
  r.post('/v1/public/tickets/:token/rating', {
    config: { public: true, rateLimit: publicWriteLimit },
    schema: { tags: ['public'], summary: 'Rate the visit once it was served (好差评)', security: [], params: TokenParams, body: TicketRating, response: { 200: TicketView, ...errors } },
    handler: async (request) => visits.tickets.rate(request.params.token, request.body.level),
  });
  r.get('/v1/public/centres/:centreId/live', {
    config: { public: true },
    schema: { tags: ['public'], summary: 'Queue lengths and the estimated wait per service', security: [], params: CentreParams, response: { 200: LiveQueue, ...errors } },
    handler: async (request) => visits.tickets.live(request.params.centreId),
  });
}
