import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Dashboard, DashboardQuery, DashboardTable } from '../../contract/platform/dashboard';
import { ErrorBody } from '../../contract/platform/errors';
import type { Caller } from '../core/caller';
import type { Services } from '../http/services';
import { registerStaffPage } from '../staff-page/staff-page';
import { dashboardCsv } from './csv';
import { DashboardService } from './dashboard-service';
import { dashboardPageHtml, dashboardPageScript } from './page/dashboard-page';
import { DASHBOARD_STRINGS } from './page/strings';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody, 429: ErrorBody };

/** The centre's dashboard (监察): its figures, a CSV of each table, and the page at /dashboard. */
export function registerDashboardRoutes(app: FastifyInstance, services: Services, caller: (request: FastifyRequest) => Caller): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dashboard = new DashboardService(services.ctx, services.ratings, services.departments);

  r.get('/v1/dashboard', {
    schema: {
      tags: ['dashboard'],
      summary: "The centre's queue now, a period's cases by service and staff member, deadlines and bad ratings (centre admin)",
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...errors },
    },
    handler: async (request) => {
      const { from, to } = dashboard.period(request.query.from, request.query.to);
      return dashboard.figures(caller(request), from, to);
    },
  });

  r.get('/v1/dashboard/export/:table', {
    schema: {
      tags: ['dashboard'],
      summary: 'One table of the dashboard as CSV (UTF-8 with BOM, for Excel), in the chosen language',
      params: z.object({ table: z.string().regex(/^[a-z-]+\.csv$/).transform((name) => name.slice(0, -4)).pipe(DashboardTable) }),
      querystring: DashboardQuery.extend({ lang: z.enum(Object.keys(DASHBOARD_STRINGS) as ['zh-CN', 'en']).default('zh-CN') }),
    },
    handler: async (request, reply) => {
      const { from, to } = dashboard.period(request.query.from, request.query.to);
      const figures = await dashboard.figures(caller(request), from, to);
      const name = `${DASHBOARD_STRINGS[request.query.lang]['csv.file']}-${request.params.table}-${figures.from.slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dashboard-${request.params.table}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(dashboardCsv(figures, request.params.table, request.query.lang));
    },
  });

  registerStaffPage(app, '/dashboard', dashboardPageHtml, dashboardPageScript);
}
