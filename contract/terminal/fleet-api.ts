import { z } from 'zod';

/**
 * What the fleet (main/fleet) tells the kiosk's screen, spread into `terminalMethods` and
 * `terminalEvents` in ./api.ts: whether it serves citizens now (暂停服务 by a remote action,
 * 非服务时间 outside the centre's opening hours), a remote reload, and a screenshot request.
 */
export const ServiceStateView = z.object({
  mode: z.enum(['in-service', 'out-of-service', 'closed']),
  /** Out of service: where a citizen goes instead, as staff wrote it. */
  message: z.string().max(120).nullable(),
  /** Closed: when the centre opens next, HH:MM in the centre's time, or null when not today. */
  opensAt: z.string().nullable(),
});
export type ServiceStateView = z.infer<typeof ServiceStateView>;

export const fleetMethods = {
  'service.state': { args: z.object({}).strict(), result: ServiceStateView },
  /**
   * The page answers a screenshot request with a PNG of itself (base64, under the transport's
   * 256 KB message limit), saying whether it covered every personal area (see the request's `blank`).
   */
  'fleet.screenshot': {
    args: z.object({ requestId: z.string().min(1).max(64), png: z.string().max(250_000), blanked: z.boolean() }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
} as const;

export const fleetEvents = {
  'service.state': ServiceStateView,
  /** Staff asked for the UI to load again (a stuck page, a new build). */
  'ui.reload': z.object({}),
  /** `blank`: a citizen's session is on, so every text outside the buttons, every field, photo and camera image is covered. */
  'fleet.screenshotRequested': z.object({ requestId: z.string(), blank: z.boolean() }),
} as const;
