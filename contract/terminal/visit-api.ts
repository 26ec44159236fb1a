import { z } from 'zod';

/**
 * 预约签到 on the kiosk (method `visits.checkIn`), spread into `terminalMethods` in ./api.ts. By
 * the card on the reader (no argument: the terminal process sends the card's ID number) or by
 * the booking's code from its QR code. The page learns the ticket, nothing of the booker.
 */
export const CheckInView = z.object({
  number: z.string(),
  serviceCode: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
});
export type CheckInView = z.infer<typeof CheckInView>;

export const visitMethods = {
  'visits.checkIn': {
    args: z.object({ code: z.string().regex(/^[2-9A-Z]{12}$/).optional() }).strict(),
    result: CheckInView,
  },
} as const;
