import { z } from 'zod';

/**
 * 呼叫工作人员: a kiosk asks for a person. Every desk of the centre sees the call, one staff
 * member takes it, the kiosk is told someone is coming; the citizen may cancel while it waits.
 */
export const HelpCallState = z.enum(['open', 'taken', 'cancelled']);
export type HelpCallState = z.infer<typeof HelpCallState>;

export const HelpCallId = z.string().uuid();

export const HelpCall = z.object({
  id: HelpCallId,
  centreId: z.string(),
  terminalId: z.string(),
  /** Where the machine stands, as its configuration says (一楼大厅东侧); empty when not configured. */
  location: z.string(),
  /** The screen the citizen was on: a screen name the desks translate. */
  screen: z.string(),
  state: HelpCallState,
  calledAt: z.string(),
  takenBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  takenAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type HelpCall = z.infer<typeof HelpCall>;

export const HelpCallRequest = z
  .object({
    location: z.string().max(60).default(''),
    screen: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a screen name such as form or certificate'),
  })
  .strict();
export type HelpCallRequest = z.input<typeof HelpCallRequest>;

/** The server-sent event a help call travels as, beside the case events of the same stream. */
export const SSE_HELP_EVENT_NAME = 'help';
