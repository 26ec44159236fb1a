import type { AccessService } from '../core/access';
import type { PlatformContext } from '../core/context';
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
} as const;

export interface DemoCredentials {
  centreId: string;
  kiosk: { terminalId: string; credential: string };
  counter: { terminalId: string; credential: string };
  clerk: { username: string; password: string };
  admin: { username: string; password: string };
}

export async function seedDemo(ctx: PlatformContext, access: AccessService): Promise<DemoCredentials> {
  await access.createCentre(DEMO.centre.id, DEMO.centre.name);
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
      `INSERT INTO staff (id, centre_id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, failed_attempts = 0, locked_until = NULL`,
      [`staff-${person.username}`, DEMO.centre.id, person.username, person.displayName, person.role, await hashSecret(person.password), now],
    );
  }
  return {
    centreId: DEMO.centre.id,
    kiosk: { terminalId: DEMO.kiosk.terminalId, credential: `tbt_${DEMO.kiosk.terminalId}.${DEMO.kiosk.secret}` },
    counter: { terminalId: DEMO.counter.terminalId, credential: `tbt_${DEMO.counter.terminalId}.${DEMO.counter.secret}` },
    clerk: { username: DEMO.clerk.username, password: DEMO.clerk.password },
    admin: { username: DEMO.admin.username, password: DEMO.admin.password },
  };
}
