import { DEFAULT_TARGET, type ServiceLevelTarget, type ServiceLevelTargetInput } from '../../contract/platform/service-levels';
import type { PlatformContext } from '../core/context';
import { invalidForm } from '../core/errors';

interface TargetRow {
  service_code: string;
  warning_minutes: number;
  critical_minutes: number;
}

/** Each centre's waiting-time thresholds per service of the catalogue; the defaults until an admin sets them. */
export class TargetStore {
  constructor(private readonly ctx: PlatformContext) {}

  /** Every service of the catalogue, in its order, with its targets. */
  async list(centreId: string): Promise<ServiceLevelTarget[]> {
    const rows = await this.ctx.db.all<TargetRow>('SELECT service_code, warning_minutes, critical_minutes FROM service_level_targets WHERE centre_id = ?', [centreId]);
    const set = new Map(rows.map((r) => [r.service_code, r]));
    return (await this.ctx.catalogue()).items.map((item) => {
      const row = set.get(item.code);
      return row
        ? { serviceCode: item.code, warningMinutes: Number(row.warning_minutes), criticalMinutes: Number(row.critical_minutes), isDefault: false }
        : { serviceCode: item.code, ...DEFAULT_TARGET, isDefault: true };
    });
  }

  /** The targets by service code; a service the catalogue dropped since keeps the defaults. */
  async byService(centreId: string): Promise<(serviceCode: string) => ServiceLevelTarget> {
    const targets = new Map((await this.list(centreId)).map((t) => [t.serviceCode, t]));
    return (serviceCode) => targets.get(serviceCode) ?? { serviceCode, ...DEFAULT_TARGET, isDefault: true };
  }

  /** The input's shape (positive, warning < critical) is the route's schema; the service must be the catalogue's. */
  async put(centreId: string, serviceCode: string, input: ServiceLevelTargetInput): Promise<ServiceLevelTarget> {
    if (!(await this.ctx.catalogue()).items.some((i) => i.code === serviceCode)) throw invalidForm('serviceCode', `${serviceCode} is not a service of the catalogue`);
    await this.ctx.db.run(
      `INSERT INTO service_level_targets (centre_id, service_code, warning_minutes, critical_minutes) VALUES (?, ?, ?, ?)
       ON CONFLICT (centre_id, service_code) DO UPDATE SET warning_minutes = excluded.warning_minutes, critical_minutes = excluded.critical_minutes`,
      [centreId, serviceCode, input.warningMinutes, input.criticalMinutes],
    );
    return { serviceCode, ...input, isDefault: false };
  }

  /** Back to the platform's defaults. */
  async reset(centreId: string, serviceCode: string): Promise<ServiceLevelTarget> {
    await this.ctx.db.run('DELETE FROM service_level_targets WHERE centre_id = ? AND service_code = ?', [centreId, serviceCode]);
    return { serviceCode, ...DEFAULT_TARGET, isDefault: true };
  }
}
