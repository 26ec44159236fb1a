import { z } from 'zod';
import { MAX_VISIT_SERVICES } from './visit-limits';
import { WaitLevel } from './wait-level';

/**
 * Visits (issue 19): appointments (预约) in slots made from the centre's opening hours, and the
 * ticket queue (取号/叫号) that follows the citizen by SMS. Nothing personal comes back from the
 * platform but what the citizen entered, masked.
 */

const ServiceCode = z.string().min(1).max(64);
const MobileNumber = z.string().regex(/^1[3-9]\d{9}$/, 'an 11-digit mobile number');

/** How the centre serves visits: slot length, windows per service, the no-show grace and the SMS threshold. */
export const VisitSettings = z.object({
  slotMinutes: z.number().int().min(10).max(240).default(30),
  /** A booked citizen who has not checked in this long after the slot began is a no-show; the place is freed. */
  graceMinutes: z.number().int().min(0).max(120).default(15),
  /** The SMS 「还有 N 位」 goes when this many or fewer are ahead. */
  nearThreshold: z.number().int().min(1).max(20).default(3),
  /** The reminder goes this long before the slot (the day before). */
  reminderHours: z.number().int().min(1).max(72).default(24),
  /** Per service: windows that serve it and the minutes one citizen takes; a service not named gets `default`. */
  services: z.record(ServiceCode, z.object({ windows: z.number().int().min(0).max(50), minutesPerCitizen: z.number().int().min(1).max(240) })).default({}),
  default: z.object({ windows: z.number().int().min(0).max(50), minutesPerCitizen: z.number().int().min(1).max(240) }).default({ windows: 1, minutesPerCitizen: 15 }),
});
export type VisitSettings = z.output<typeof VisitSettings>;
export type VisitSettingsInput = z.input<typeof VisitSettings>;

export const Slot = z.object({
  serviceCode: ServiceCode,
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  capacity: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotsQuery = z.object({
  serviceCode: ServiceCode,
  /** YYYY-MM-DD in the centre's time. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const BookingRequest = z.object({
  serviceCode: ServiceCode,
  slotStart: z.iso.datetime({ offset: true }),
  name: z.string().trim().min(1).max(40),
  idNumber: z.string().regex(/^\d{17}[\dX]$/, '18 characters, the last a digit or X'),
  phone: MobileNumber,
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const AppointmentStatus = z.enum(['booked', 'checked-in', 'no-show', 'cancelled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** A booking as it is shown back: masked. `code` (the QR code's text) only in the answer to the booking itself. */
export const AppointmentView = z.object({
  appointmentId: z.string(),
  centreId: z.string(),
  serviceCode: ServiceCode,
  slotStart: z.iso.datetime({ offset: true }),
  slotEnd: z.iso.datetime({ offset: true }),
  status: AppointmentStatus,
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  code: z.string().optional(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

/** A citizen cancels a booking by the code given when it was made. */
export const CancelBookingRequest = z.object({ code: z.string().trim().min(8).max(32) }).strict();

/** Check-in at the kiosk: by the ID card read at the machine, or by the booking's QR code. */
export const CheckInRequest = z.union([z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict(), z.object({ code: z.string().min(8).max(32) }).strict()]);
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const TicketStatus = z.enum(['waiting', 'called', 'done', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export { MAX_VISIT_SERVICES } from './visit-limits';

/** One service of a visit, with the case the window opened for it (null until one is linked). */
export const VisitServiceView = z.object({
  serviceCode: ServiceCode,
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  caseStatus: z.string().nullable(),
});
export type VisitServiceView = z.infer<typeof VisitServiceView>;

/** How a ticket that ended ended: served, the citizen did not come (未到), or sent on as a new visit (redirect). */
export const TicketOutcome = z.enum(['served', 'no-show', 'redirected']);
export type TicketOutcome = z.infer<typeof TicketOutcome>;

export const TicketView = z.object({
  ticketId: z.string(),
  centreId: z.string(),
  serviceCode: ServiceCode,
  number: z.string(),
  source: z.enum(['kiosk', 'remote', 'appointment', 'redirect']),
  status: TicketStatus,
  /** The visit's services, first the one whose line it waits in; each keeps its own case. */
  services: z.array(VisitServiceView).min(1).max(MAX_VISIT_SERVICES),
  outcome: TicketOutcome.nullable(),
  /** After a transfer to a named window: only that window calls it. */
  targetWindow: z.string().nullable(),
  transfers: z.number().int().nonnegative(),
  /** A redirected visit: the new visit's number. */
  redirectedTo: z.string().nullable(),
  /** 开始办理 at the window: the holder reached the counter (platform/service-levels). */
  startedAt: z.string().nullable(),
  /** People ahead of this ticket in its service's line (0 when called or ended). */
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  postponed: z.boolean(),
  canPostpone: z.boolean(),
  window: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  /** The page that follows this ticket (postpone, cancel, rate); only in the answer that created it. */
  link: z.string().optional(),
  /** A waiting ticket in the windows' list: its wait so far against the service's targets (platform/service-levels). */
  waitLevel: WaitLevel.optional(),
});
export type TicketView = z.infer<typeof TicketView>;

/** One service (`serviceCode`) or a multi-service visit (`services`, at most five, no repeats). */
export const TakeTicketRequest = z
  .object({
    serviceCode: ServiceCode.optional(),
    services: z
      .array(ServiceCode)
      .min(1)
      .max(MAX_VISIT_SERVICES, `a visit takes at most ${MAX_VISIT_SERVICES} services`)
      .refine((list) => new Set(list).size === list.length, 'a service is named twice')
      .optional(),
    phone: MobileNumber.optional(),
  })
  .refine((r) => (r.serviceCode === undefined) !== (r.services === undefined), { message: 'name serviceCode or services, one of them', path: ['services'] });
export type TakeTicketRequest = z.infer<typeof TakeTicketRequest>;

/** A window calls the next ticket, of the services it serves (all when none named). */
export const CallTicketRequest = z.object({ window: z.string().trim().min(1).max(20), services: z.array(ServiceCode).max(50).optional() });
export type CallTicketRequest = z.infer<typeof CallTicketRequest>;

/** The window that has the ticket: every action on a called ticket names it, and only that window may act. */
export const TicketAtWindow = z.object({ window: z.string().trim().min(1).max(20) }).strict();

/** Transfer (转窗): the same visit, same number and place, to another window and/or another service's line. */
export const TicketTransferRequest = z
  .object({
    window: z.string().trim().min(1).max(20),
    toWindow: z.string().trim().min(1).max(20).optional(),
    serviceCode: ServiceCode.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((r) => r.toWindow !== undefined || r.serviceCode !== undefined, { message: 'name toWindow or serviceCode', path: ['toWindow'] });
export type TicketTransferRequest = z.infer<typeof TicketTransferRequest>;

/** Redirect (改派): this visit ends; a new one, with its own number, for another service (at this or another centre). */
export const TicketRedirectRequest = z
  .object({
    window: z.string().trim().min(1).max(20),
    serviceCode: ServiceCode,
    centreId: z.string().min(1).max(64).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type TicketRedirectRequest = z.infer<typeof TicketRedirectRequest>;

export const RedirectAnswer = z.object({ ended: TicketView, ticket: TicketView });
export type RedirectAnswer = z.infer<typeof RedirectAnswer>;

/** A case the window opened for one of the visit's services. */
export const TicketCaseLink = z.object({ window: z.string().trim().min(1).max(20), caseId: z.uuid() }).strict();

export const TicketEventType = z.enum(['taken', 'called', 'recalled', 'no-show', 'served', 'transferred', 'redirected', 'case-linked']);
export const TicketEvent = z.object({
  type: TicketEventType,
  at: z.iso.datetime({ offset: true }),
  window: z.string().nullable(),
  staffId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** The answer to a check-in: the booking, now checked in, and its ticket. */
export const CheckInAnswer = z.object({ appointment: AppointmentView, ticket: TicketView });
export type CheckInAnswer = z.infer<typeof CheckInAnswer>;

export const TicketRating = z.object({ level: z.number().int().min(1).max(5) });

/** The public live page's figures: per service, who waits and how long a newcomer would. */
export const LiveQueue = z.object({
  centreId: z.string(),
  centreName: z.string(),
  at: z.iso.datetime({ offset: true }),
  services: z.array(
    z.object({
      serviceCode: ServiceCode,
      name: z.string(),
      waiting: z.number().int().nonnegative(),
      estimatedWaitMinutes: z.number().int().nonnegative(),
    }),
  ),
});
export type LiveQueue = z.infer<typeof LiveQueue>;
