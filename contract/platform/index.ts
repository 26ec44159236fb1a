import { z } from 'zod';

export * from './access';
export * from './back-office';
export * from './blobs';
export * from './bundles';
export * from './cases';
export * from './catalogue';
export * from './certificates';
export * from './departments';
export * from './errors';
export * from './events';
export * from './help';
export * from './public-status';
export * from './fleet';
export * from './id-number';
export * from './pickup';
export * from './ratings';
export * from './routes';
export * from './timeliness';
export * from './calls';
export * from './dashboard';

/** `GET /v1/health`: no authentication; `database` is the store's dialect. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  time: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
