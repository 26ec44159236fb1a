import { z } from 'zod';

/**
 * Where a waiting ticket or case stands against its service's waiting-time targets (see
 * ./service-levels.ts): `warning` is 即将超时, `critical` 已超时. Apart from ./service-levels.ts
 * so that a case summary can carry it without importing the statistics' schemas.
 */
export const WaitLevel = z.enum(['ok', 'warning', 'critical']);
export type WaitLevel = z.infer<typeof WaitLevel>;
