import { z } from 'zod';
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

/** Check-in at the kiosk: by the ID card read at the machine, or by the booking's QR code. */
export const CheckInRequest = z.union([z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict(), z.object({ code: z.string().min(8).max(32) }).strict()]);
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const TicketStatus = z.enum(['waiting', 'called', 'done', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketView = z.object({
  ticketId: z.string(),
  centreId: z.string(),
  serviceCode: ServiceCode,
  number: z.string(),
  source: z.enum(['kiosk', 'remote', 'appointment']),
  status: TicketStatus,
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

export const TakeTicketRequest = z.object({ serviceCode: ServiceCode, phone: MobileNumber.optional() });
export type TakeTicketRequest = z.infer<typeof TakeTicketRequest>;

/** A window calls the next ticket, of the services it serves (all when none named). */
export const CallTicketRequest = z.object({ window: z.string().trim().min(1).max(20), services: z.array(ServiceCode).max(50).optional() });
export type CallTicketRequest = z.infer<typeof CallTicketRequest>;

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
