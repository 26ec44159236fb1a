import { buildCalendar, deadlineAfter, NATIONAL_CALENDARS, type WorkingDayCalendar } from '../../common/working-days';
import type { LocalizedText } from '../../contract/platform/catalogue';
import type { CalendarView, Department, LocalCalendarDay } from '../../contract/platform/departments';
import type { Queryable } from '../store/database';
import { requireCentreAdmin, type Caller } from './caller';
import type { PlatformContext } from './context';
import { PlatformError } from './errors';

/**
 * A centre's departments (后台审批) and working-day calendar (the national schedule plus the
 * centre's own days); from them, each case's deadline (承诺时限).
 */
export class DepartmentService {
  constructor(private readonly ctx: PlatformContext) {}

  async list(centreId: string, db: Queryable = this.ctx.db): Promise<Department[]> {
    const rows = await db.all<{ code: string; name: string }>('SELECT code, name FROM departments WHERE centre_id = ? ORDER BY code', [centreId]);
    return rows.map((row) => ({ code: row.code, name: JSON.parse(row.name) as LocalizedText }));
  }

  async put(caller: Caller, code: string, name: LocalizedText): Promise<Department> {
    const admin = requireCentreAdmin(caller);
    await this.upsert(admin.centreId, code, name);
    return { code, name };
  }

  async upsert(centreId: string, code: string, name: LocalizedText): Promise<void> {
    await this.ctx.db.run(
      `INSERT INTO departments (centre_id, code, name, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (centre_id, code) DO UPDATE SET name = excluded.name`,
      [centreId, code, JSON.stringify(name), this.ctx.now()],
    );
  }

  /** The department, or 422 naming the field that carried the unknown code. */
  async require(centreId: string, code: string, field: string, db: Queryable = this.ctx.db): Promise<Department> {
    const found = (await this.list(centreId, db)).find((d) => d.code === code);
    if (!found) throw new PlatformError(422, 'invalid-form', `${field} ${code} is not a department of this centre (GET /v1/departments)`, field);
    return found;
  }

  async calendarView(centreId: string): Promise<CalendarView> {
    return {
      nationalYears: NATIONAL_CALENDARS.map((c) => c.year),
      sources: NATIONAL_CALENDARS.map((c) => c.source),
      localDays: await this.localDays(centreId),
    };
  }

  async putCalendar(caller: Caller, localDays: LocalCalendarDay[]): Promise<CalendarView> {
    const admin = requireCentreAdmin(caller);
    try {
      buildCalendar([...NATIONAL_CALENDARS], localDays);
    } catch (error) {
      throw new PlatformError(422, 'invalid-form', (error as Error).message, 'localDays');
    }
    await this.ctx.db.transaction(async (tx) => {
      await tx.run('DELETE FROM calendar_days WHERE centre_id = ?', [admin.centreId]);
      for (const entry of localDays) {
        await tx.run('INSERT INTO calendar_days (centre_id, day, kind, name) VALUES (?, ?, ?, ?) ON CONFLICT (centre_id, day) DO UPDATE SET kind = excluded.kind, name = excluded.name', [
          admin.centreId,
          entry.day,
          entry.kind,
          entry.name,
        ]);
      }
    });
    return this.calendarView(admin.centreId);
  }

  private async localDays(centreId: string, db: Queryable = this.ctx.db): Promise<LocalCalendarDay[]> {
    return db.all<LocalCalendarDay>('SELECT day, kind, name FROM calendar_days WHERE centre_id = ? ORDER BY day', [centreId]);
  }

  async calendar(centreId: string, db: Queryable = this.ctx.db): Promise<WorkingDayCalendar> {
    return buildCalendar([...NATIONAL_CALENDARS], await this.localDays(centreId, db));
  }

  /** End of the last working day of a promise of `days` working days made at `at`. */
  async deadline(centreId: string, at: number, days: number, db: Queryable = this.ctx.db): Promise<number> {
    return deadlineAfter(await this.calendar(centreId, db), at, days).at;
  }
}
