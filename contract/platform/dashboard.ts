import { z } from 'zod';
import { CaseStatus } from './cases';
import { LocalizedText } from './catalogue';
import { FollowUp, RatingReason } from './ratings';
import { TimelinessState } from './timeliness';
import { ServiceLevelLine, ServiceLevelStats } from './service-levels';

/**
 * The centre's dashboard (监察), `GET /v1/dashboard?from=&to=` for the centre-admin: the queue now,
 * a period's cases by service and by staff member, cases near and past their deadline, and bad
 * ratings with their follow-up. Times are seconds; means are rounded to the second.
 */
export const DashboardQuery = z.object({
  /** Instants (ISO 8601) of the period of received cases; default today (Asia/Shanghai). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const QueueNow = z.object({
  serviceCode: z.string(),
  waiting: z.number().int().nonnegative(),
  /** On a clerk's desk now (claimed). */
  atDesk: z.number().int().nonnegative(),
  longestWaitSeconds: z.number().int().nullable(),
  meanWaitSeconds: z.number().int().nullable(),
});

export const ServiceFigures = z.object({
  serviceCode: z.string(),
  received: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  /** Received → first called to a window. */
  meanWaitSeconds: z.number().int().nullable(),
  /** First called → completed (办结). */
  meanHandlingSeconds: z.number().int().nullable(),
  overdue: z.number().int().nonnegative(),
});

export const StaffFigures = z.object({
  staffId: z.string(),
  displayName: z.string(),
  /** Numbers called (claims), recalls not counted. */
  called: z.number().int().nonnegative(),
  /** Decisions taken (受理, 不予受理, 补正, 转办, 办结 at the window; 审批通过, 退回 in a back office). */
  decided: z.number().int().nonnegative(),
  /** From calling a number to the first decision on it. */
  meanHandlingSeconds: z.number().int().nullable(),
});

export const DeadlineCase = z.object({
  caseId: z.string(),
  queueNumber: z.string(),
  serviceCode: z.string(),
  status: CaseStatus,
  department: z.string().nullable(),
  state: TimelinessState,
  warningAt: z.string(),
  deadlineAt: z.string(),
});

export const Dashboard = z.object({
  centreId: z.string(),
  at: z.string(),
  from: z.string(),
  to: z.string(),
  queue: z.array(QueueNow),
  totals: z.object({
    received: z.number().int(),
    completed: z.number().int(),
    meanWaitSeconds: z.number().int().nullable(),
    meanHandlingSeconds: z.number().int().nullable(),
    badRatings: z.number().int(),
  }),
  services: z.array(ServiceFigures),
  staff: z.array(StaffFigures),
  /** Open cases in their warning period or past their deadline, the most urgent first. */
  deadlines: z.array(DeadlineCase),
  /** Bad ratings (差评) of the period with their follow-up. */
  /** The names of the services and departments the tables mention, for the page and the exports. */
  names: z.object({ services: z.record(z.string(), LocalizedText), departments: z.record(z.string(), LocalizedText) }),
  badRatings: z.array(FollowUp.extend({ serviceCode: z.string(), queueNumber: z.string(), comment: z.string().nullable(), reasons: z.array(RatingReason) })),
  /** 等候时限, whatever the period: per service, waiting now over each threshold and today's that went over. */
  serviceLevels: z.array(ServiceLevelLine),
  /** The period's called items (tickets and cases): waiting, walking and handling per service and staff member. */
  serviceTimes: ServiceLevelStats.pick({ byService: true, byStaff: true }),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DASHBOARD_TABLES = ['queue', 'services', 'staff', 'deadlines', 'bad-ratings', 'service-levels', 'service-times', 'staff-times'] as const;
export const DashboardTable = z.enum(DASHBOARD_TABLES);
export type DashboardTable = z.infer<typeof DashboardTable>;
