import { z } from 'zod';

/**
 * 电子证照 on the kiosk (method `licences.check`), spread into `terminalMethods` in ./api.ts.
 * The page asks the citizen's consent (一次授权) and passes the answer; the terminal process
 * looks up and keeps the licence numbers for the case. The page learns per material only
 * whether a valid licence was found: no number, issuer, date or document.
 */
export const LicenceMaterialState = z.enum(['held', 'expired', 'missing', 'not-asked', 'unavailable']);
export type LicenceMaterialState = z.infer<typeof LicenceMaterialState>;

export const LicenceCheckView = z.object({
  consent: z.enum(['granted', 'refused']),
  materials: z.array(z.object({ code: z.string(), state: LicenceMaterialState })),
});
export type LicenceCheckView = z.infer<typeof LicenceCheckView>;

export const licenceMethods = {
  'licences.check': {
    args: z
      .object({
        serviceCode: z.string().min(1).max(64),
        consent: z.boolean(),
        /** The agent's ID number as typed in the form, for the agent's own papers. */
        agentIdNumber: z.string().regex(/^\d{17}[\dX]$/).optional(),
      })
      .strict(),
    result: LicenceCheckView,
  },
} as const;
