import type { AccessService } from '../core/access';
import type { PlatformContext } from '../core/context';
import type { DepartmentService } from '../core/departments';
import { hashSecret } from '../../common/scrypt-hash';
import { sha256Hex } from '../core/secrets';

/**
 * The demo site's fixed accounts. They are public knowledge by design (training, demos,
 * acceptance checks) and exist only in a store that was seeded on purpose.
 */
export const DEMO = {
  centre: { id: 'demo-centre', name: '演示社区党群服务中心（演示）' },
  kiosk: { terminalId: 'demo-kiosk-1', kind: 'kiosk', name: '一楼大厅自助终端（演示）', secret: 'demo-kiosk-secret-not-for-production' },
  counter: { terminalId: 'demo-counter-1', kind: 'counter', name: '综合窗口 1 号（演示）', secret: 'demo-counter-secret-not-for-production' },
  clerk: { username: 'demo.clerk', displayName: '演示窗口人员', role: 'staff', password: 'tongban-demo-clerk' },
  admin: { username: 'demo.admin', displayName: '演示中心管理员', role: 'centre-admin', password: 'tongban-demo-admin' },
  /** The demo centre's departments (后台审批) and one back-office account for each. */
  departments: [
    { code: 'social-insurance', zh: '社保', en: 'Social insurance', username: 'demo.shebao' },
    { code: 'medical-insurance', zh: '医保', en: 'Medical insurance', username: 'demo.yibao' },
    { code: 'civil-affairs', zh: '民政', en: 'Civil affairs', username: 'demo.minzheng' },
    { code: 'household', zh: '户籍', en: 'Household registration', username: 'demo.huji' },
    { code: 'employment', zh: '就业', en: 'Employment', username: 'demo.jiuye' },
  ],
  backOfficePassword: 'tongban-demo-backoffice',
} as const;

export interface DemoCredentials {
  centreId: string;
  kiosk: { terminalId: string; credential: string };
  counter: { terminalId: string; credential: string };
  clerk: { username: string; password: string };
  admin: { username: string; password: string };
  /** Back-office sign-ins by department code. */
  backOffice: Record<string, { username: string; password: string }>;
}

export async function seedDemo(ctx: PlatformContext, access: AccessService, departments: DepartmentService): Promise<DemoCredentials> {
  await access.createCentre(DEMO.centre.id, DEMO.centre.name);
  for (const d of DEMO.departments) await departments.upsert(DEMO.centre.id, d.code, { 'zh-CN': d.zh, en: d.en });
  const now = ctx.now();
  for (const terminal of [DEMO.kiosk, DEMO.counter]) {
    await ctx.db.run(
      `INSERT INTO terminals (id, centre_id, kind, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET centre_id = excluded.centre_id, kind = excluded.kind, name = excluded.name, secret_hash = excluded.secret_hash`,
      [terminal.terminalId, DEMO.centre.id, terminal.kind, terminal.name, sha256Hex(terminal.secret), now],
    );
  }
  for (const person of [DEMO.clerk, DEMO.admin]) {
    await ctx.db.run(
      `INSERT INTO staff (id, centre_id, username, name, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, failed_attempts = 0, locked_until = NULL`,
      [`staff-${person.username}`, DEMO.centre.id, person.username, person.username, person.displayName, person.role, await hashSecret(person.password), now],
    );
  }
  const backOfficeHash = await hashSecret(DEMO.backOfficePassword);
  for (const d of DEMO.departments) {
    await ctx.db.run(
      `INSERT INTO staff (id, centre_id, username, display_name, role, password_hash, created_at, department) VALUES (?, ?, ?, ?, 'back-office', ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, department = excluded.department,
         failed_attempts = 0, locked_until = NULL`,
      [`staff-${d.username}`, DEMO.centre.id, d.username, `演示${d.zh}后台`, backOfficeHash, now, d.code],
    );
  }
  return {
    centreId: DEMO.centre.id,
    backOffice: Object.fromEntries(DEMO.departments.map((d) => [d.code, { username: d.username, password: DEMO.backOfficePassword }])),
    kiosk: { terminalId: DEMO.kiosk.terminalId, credential: `tbt_${DEMO.kiosk.terminalId}.${DEMO.kiosk.secret}` },
    counter: { terminalId: DEMO.counter.terminalId, credential: `tbt_${DEMO.counter.terminalId}.${DEMO.counter.secret}` },
    clerk: { username: DEMO.clerk.username, password: DEMO.clerk.password },
    admin: { username: DEMO.admin.username, password: DEMO.admin.password },
  };
}
