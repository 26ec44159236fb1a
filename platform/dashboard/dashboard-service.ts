import { startOfShanghaiDay } from '../../contract/dates/shanghai-day';
import type { Dashboard } from '../../contract/platform/dashboard';
import { requireCentreAdmin, type Caller } from '../core/caller';
import type { CaseRow } from '../core/cases';
import { iso, type PlatformContext } from '../core/context';
import { PlatformError } from '../core/errors';
import type { RatingService } from '../core/ratings';
import type { DepartmentService } from '../core/departments';
import type { ServiceLevels } from '../service-levels/service-levels';
import { timelinessOf } from '../timeliness/timeliness';
import { deadlineCases, queueNow, serviceFigures, staffFigures, totals, type CaseFacts, type EventFacts } from './figures';

const DAY_MS = 86_400_000;
/** A period longer than a year is a report, not a dashboard: ask for it in pieces. */
const MAX_PERIOD_MS = 366 * DAY_MS;
const FINISHED = ['rejected', 'completed'];

type FactsRow = Pick<CaseRow, 'id' | 'service_code' | 'status' | 'queue_number' | 'department' | 'received_at' | 'first_claimed_at' | 'completed_at' | 'deadline_at' | 'warning_at' | 'ready_at'>;
const FACT_COLUMNS = 'id, service_code, status, queue_number, department, received_at, first_claimed_at, completed_at, deadline_at, warning_at, ready_at';

/** The centre's dashboard (监察): read-only figures for the centre's administrator. */
export class DashboardService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly ratings: RatingService,
    private readonly departments: DepartmentService,
    private readonly serviceLevels: ServiceLevels,
  ) {}

  /** [from, to): the given instants, or today in Shanghai. */
  period(from: string | undefined, to: string | undefined): { from: number; to: number } {
    const today = startOfShanghaiDay(this.ctx.now()).getTime();
    const start = from ? Date.parse(from) : today;
    const end = to ? Date.parse(to) : from ? start + DAY_MS : today + DAY_MS;
    if (end <= start) throw new PlatformError(422, 'invalid-form', `to: the period must end after it starts (${from ?? iso(start)})`, 'to');
    if (end - start > MAX_PERIOD_MS) throw new PlatformError(422, 'invalid-form', 'to: a period is at most 366 days', 'to');
    return { from: start, to: end };
  }

  async figures(caller: Caller, from: number, to: number): Promise<Dashboard> {
    const { centreId } = requireCentreAdmin(caller);
    const db = this.ctx.db;
    const now = this.ctx.now();
    const facts = (row: FactsRow): CaseFacts => ({
      id: row.id,
      serviceCode: row.service_code,
      status: row.status,
      queueNumber: row.queue_number,
      department: row.department,
      receivedAt: Number(row.received_at),
      firstClaimedAt: row.first_claimed_at === null ? null : Number(row.first_claimed_at),
      completedAt: row.completed_at === null ? null : Number(row.completed_at),
      timeliness: timelinessOf(row, now),
    });
    const open = (
      await db.all<FactsRow>(`SELECT ${FACT_COLUMNS} FROM cases WHERE centre_id = ? AND status NOT IN (${FINISHED.map(() => '?').join(', ')})`, [centreId, ...FINISHED])
    ).map(facts);
    const received = (await db.all<FactsRow>(`SELECT ${FACT_COLUMNS} FROM cases WHERE centre_id = ? AND received_at >= ? AND received_at < ?`, [centreId, from, to])).map(facts);
    const events = await db.all<{ case_id: string; type: string; actor_kind: string; actor_id: string; at: number }>(
      'SELECT case_id, type, actor_kind, actor_id, at FROM events WHERE centre_id = ? AND at >= ? AND at < ? ORDER BY seq',
      [centreId, from, to],
    );
    const staff = await db.all<{ id: string; display_name: string }>('SELECT id, display_name FROM staff WHERE centre_id = ?', [centreId]);
    const followUps = await this.ratings.followUpsRatedBetween(centreId, from, to);
    const caseInfo = new Map<string, { serviceCode: string; queueNumber: string }>();
    for (const id of new Set(followUps.map((f) => f.caseId))) {
      const row = await db.get<{ service_code: string; queue_number: string }>('SELECT service_code, queue_number FROM cases WHERE id = ?', [id]);
      if (row) caseInfo.set(id, { serviceCode: row.service_code, queueNumber: row.queue_number });
    }
    const catalogue = await this.ctx.catalogue();
    const departments = await this.departments.list(centreId);
    const { byService, byStaff } = await this.serviceLevels.stats(centreId, from, to);
    const eventFacts: EventFacts[] = events.map((e) => ({ caseId: e.case_id, type: e.type, actorKind: e.actor_kind, actorId: e.actor_id, at: Number(e.at) }));
    return {
      centreId,
      at: iso(now),
      from: iso(from),
      to: iso(to),
      queue: queueNow(open, now),
      totals: totals(received, followUps.length),
      services: serviceFigures(received),
      staff: staffFigures(eventFacts, new Map(staff.map((s) => [s.id, s.display_name]))),
      deadlines: deadlineCases(open),
      names: {
        services: Object.fromEntries(catalogue.items.map((i) => [i.code, i.name])),
        departments: Object.fromEntries(departments.map((d) => [d.code, d.name])),
      },
      badRatings: followUps.map((f) => ({ ...f, serviceCode: caseInfo.get(f.caseId)?.serviceCode ?? '', queueNumber: caseInfo.get(f.caseId)?.queueNumber ?? '' })),
      serviceLevels: (await this.serviceLevels.now(caller)).services,
      serviceTimes: { byService, byStaff },
    };
  }
}
