import { z } from 'zod';

export * from './access';
export * from './blobs';
export * from './cases';
export * from './catalogue';
export * from './certificates';
export * from './errors';
export * from './events';
export * from './fleet';
export * from './id-number';
export * from './ratings';

/** `GET /v1/health`: no authentication; `database` is the store's dialect. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  time: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/**
 * The platform's routes (all under `/v1`). The OpenAPI document at `/v1/openapi.json` is
 * generated from the same schemas and is the reference; this list is the terminal's index.
 */
export const PLATFORM_ROUTES = {
  health: 'GET /v1/health',
  openapi: 'GET /v1/openapi.json',
  catalogue: 'GET /v1/catalogue',
  me: 'GET /v1/me',
  terminalHealth: 'PUT /v1/terminals/me/health',
  terminals: 'GET /v1/terminals',
  registerTerminal: 'POST /v1/admin/terminals',
  createStaff: 'POST /v1/admin/staff',
  signIn: 'POST /v1/staff/sessions',
  signOut: 'DELETE /v1/staff/sessions/current',
  putBlob: 'PUT /v1/blobs/:sha256',
  getBlob: 'GET /v1/blobs/:sha256',
  intake: 'POST /v1/cases',
  getCase: 'GET /v1/cases/:caseId',
  revealCase: 'POST /v1/cases/:caseId/reveal',
  decide: 'POST /v1/cases/:caseId/decisions',
  supplement: 'POST /v1/cases/:caseId/supplements',
  caseEvents: 'GET /v1/cases/:caseId/events',
  rate: 'POST /v1/cases/:caseId/rating',
  queue: 'GET /v1/queue',
  claim: 'POST /v1/queue/claim',
  events: 'GET /v1/events',
  eventStream: 'GET /v1/events/stream',
  followUps: 'GET /v1/follow-ups',
  closeFollowUp: 'POST /v1/follow-ups/:id/close',
  stats: 'GET /v1/stats',
  audit: 'GET /v1/audit',
} as const;
