import { z } from 'zod';
import { MAX_VISIT_SERVICES, Slot } from '../platform/visits';

/**
 * 预约签到 on the kiosk (method `visits.checkIn`), spread into `terminalMethods` in ./api.ts. By
 * the card on the reader (no argument: the terminal process sends the card's ID number) or by
 * the booking's code from its QR code. The page learns the ticket, nothing of the booker.
 * 预约 and 取号 at the kiosk (`visits.slots`, `visits.book`, `visits.takeNumber`): the booker is
 * the card on the reader; the page gives only the phone number for the SMS.
 */
/** A place in a service's line: the number, how many are ahead, the wait that makes. */
const PlaceInLine = z.object({
  number: z.string(),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
});

/** A booked slot of a service. */
const BookedSlot = z.object({
  serviceCode: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
});

export const CheckInView = PlaceInLine.extend(BookedSlot.shape);
export type CheckInView = z.infer<typeof CheckInView>;

export const KioskBookingView = BookedSlot.extend({
  code: z.string(),
  phoneMasked: z.string(),
});
export type KioskBookingView = z.infer<typeof KioskBookingView>;

export const TakenNumberView = PlaceInLine.extend({
  /** The visit's services under this one number, the first the line it waits in. */
  services: z.array(z.string()),
  /** The 排队票 came out of the receipt printer. */
  printed: z.boolean(),
});
export type TakenNumberView = z.infer<typeof TakenNumberView>;

const ServiceCode = z.string().min(1).max(64);
const Phone = z.string().regex(/^1[3-9]\d{9}$/);

export const visitMethods = {
  'visits.slots': { args: z.object({ serviceCode: ServiceCode, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(), result: z.array(Slot) },
  'visits.book': { args: z.object({ serviceCode: ServiceCode, slotStart: z.iso.datetime({ offset: true }), phone: Phone }).strict(), result: KioskBookingView },
  /** `alsoServices`: more services handled in the same visit at one window, one number (at most five in all). */
  'visits.takeNumber': {
    args: z.object({ serviceCode: ServiceCode, alsoServices: z.array(ServiceCode).max(MAX_VISIT_SERVICES - 1).optional(), phone: Phone.optional() }).strict(),
    result: TakenNumberView,
  },
  'visits.checkIn': {
    args: z.object({ code: z.string().regex(/^[2-9A-Z]{12}$/).optional() }).strict(),
    result: CheckInView,
  },
} as const;
