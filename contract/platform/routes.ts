/**
 * The platform's routes (all under `/v1`). The OpenAPI document at `/v1/openapi.json` is
 * generated from the same schemas and is the reference; this table is what the terminal's
 * clients call by name (main/platform-link), and a test checks that the platform serves each.
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
  caseNotices: 'GET /v1/cases/:caseId/notices',
  rate: 'POST /v1/cases/:caseId/rating',
  queue: 'GET /v1/queue',
  claim: 'POST /v1/queue/claim',
  events: 'GET /v1/events',
  eventStream: 'GET /v1/events/stream',
  followUps: 'GET /v1/follow-ups',
  closeFollowUp: 'POST /v1/follow-ups/:id/close',
  stats: 'GET /v1/stats',
  audit: 'GET /v1/audit',
  contributionCertificate: 'POST /v1/certificates/contribution',
  helpCall: 'POST /v1/help-calls',
  helpCalls: 'GET /v1/help-calls',
  helpCallState: 'GET /v1/help-calls/:id',
  takeHelpCall: 'POST /v1/help-calls/:id/take',
  cancelHelpCall: 'POST /v1/help-calls/:id/cancel',
  publicStatus: 'GET /v1/public/status/:code',
  // Behind the counter and back (issue 15).
  departments: 'GET /v1/departments',
  putDepartment: 'PUT /v1/admin/departments/:code',
  calendar: 'GET /v1/calendar',
  putCalendar: 'PUT /v1/admin/calendar',
  backOfficeCases: 'GET /v1/back-office/cases',
  backOfficeCase: 'GET /v1/back-office/cases/:caseId',
  backOfficeDecide: 'POST /v1/back-office/cases/:caseId/decisions',
  caseNotes: 'GET /v1/cases/:caseId/notes',
  addCaseNote: 'POST /v1/cases/:caseId/notes',
  bundle: 'GET /v1/bundles/:caseId',
  pickupSearch: 'POST /v1/pickups/search',
  collect: 'POST /v1/pickups/:pickupId/collect',
  // The fleet (platform/fleet): what a terminal calls.
  heartbeat: 'PUT /v1/terminals/me/heartbeat',
  remoteActions: 'GET /v1/terminals/me/actions',
  ackAction: 'POST /v1/terminals/me/actions/:actionId/ack',
  terminalConfig: 'GET /v1/terminals/me/config',
  reportConfig: 'POST /v1/terminals/me/config/report',
  fleetKey: 'GET /v1/fleet/key',
  // Visits (issue 19): what a kiosk calls.
  checkIn: 'POST /v1/appointments/check-in',
  slots: 'GET /v1/public/centres/:centreId/slots',
  book: 'POST /v1/appointments',
  takeTicket: 'POST /v1/tickets',
  hostUpdateFeed: 'GET /v1/updates/chromium-host/latest.json',
  updateFile: 'GET /v1/updates/:channel/files/:fileName',
  // 电子证照 (issue 20).
  licenceLookup: 'POST /v1/licences/lookups',
  caseLicences: 'GET /v1/cases/:caseId/licences',
  // 叫号 kept by the platform, for walls that show every window (issue 16).
  reportCall: 'POST /v1/calls',
  calls: 'GET /v1/calls',
  // The counter desk for a day's work (issue 16, platform/desk).
  deskCases: 'GET /v1/desk/cases',
  deskSearch: 'POST /v1/desk/search',
  deskColleagues: 'GET /v1/desk/colleagues',
  deskHandover: 'POST /v1/desk/cases/:caseId/handover',
  deskBatchCollect: 'POST /v1/desk/pickups/collect',
  // Tickets at the windows (issue 19): 叫号, 重呼, 未到, 完成, transfer, redirect, a visit's cases.
  tickets: 'GET /v1/tickets',
  callTicket: 'POST /v1/tickets/call',
  ticketRecall: 'POST /v1/tickets/:ticketId/recall',
  ticketNoShow: 'POST /v1/tickets/:ticketId/no-show',
  ticketFinish: 'POST /v1/tickets/:ticketId/finish',
  ticketTransfer: 'POST /v1/tickets/:ticketId/transfer',
  ticketRedirect: 'POST /v1/tickets/:ticketId/redirect',
  ticketCase: 'POST /v1/tickets/:ticketId/cases',
  // Service-level targets (issue 19, platform/service-levels).
  startCase: 'POST /v1/cases/:caseId/start',
  startTicket: 'POST /v1/tickets/:ticketId/start',
  serviceLevelsNow: 'GET /v1/service-levels/now',
} as const;

export type PlatformRoute = keyof typeof PLATFORM_ROUTES;

/** The method and the path of a route, its `:name` parameters filled in (encoded); `name` is the two together, as errors name the request. */
export function routeRequest(route: PlatformRoute, params: Readonly<Record<string, string>> = {}): { method: string; path: string; name: string } {
  const template = PLATFORM_ROUTES[route];
  const space = template.indexOf(' ');
  const method = template.slice(0, space);
  const path = template.slice(space + 1).replace(/:([A-Za-z0-9]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`route ${route} (${template}) needs :${key}`);
    return encodeURIComponent(value);
  });
  return { method, path, name: `${method} ${path}` };
}
