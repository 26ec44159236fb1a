import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dashboardCsv } from '../../../platform/dashboard/csv';
import { deadlineCases, queueNow, staffFigures } from '../../../platform/dashboard/figures';
import { dashboardPageScript } from '../../../platform/dashboard/page/dashboard-page';
import { DASHBOARD_STRINGS } from '../../../platform/dashboard/page/strings';
import type { Dashboard } from '../../../contract/platform/dashboard';

const MIN = 60_000;

describe('the dashboard’s figures', () => {
  it('times each staff member from calling a number to their first decision on it; a recall does not restart it', () => {
    const events = [
      { caseId: 'a', type: 'claimed', actorKind: 'staff', actorId: 'wang', at: 0 },
      { caseId: 'a', type: 'claimed', actorKind: 'staff', actorId: 'wang', at: 2 * MIN },
      { caseId: 'a', type: 'accepted', actorKind: 'staff', actorId: 'wang', at: 4 * MIN },
      { caseId: 'a', type: 'completed', actorKind: 'staff', actorId: 'wang', at: 9 * MIN },
      { caseId: 'b', type: 'claimed', actorKind: 'staff', actorId: 'li', at: 1 * MIN },
      { caseId: 'b', type: 'released', actorKind: 'staff', actorId: 'li', at: 2 * MIN },
      { caseId: 'c', type: 'submitted', actorKind: 'terminal', actorId: 'kiosk', at: 0 },
    ];
    expect(staffFigures(events, new Map([['wang', '王丽']]))).toEqual([
      { staffId: 'wang', displayName: '王丽', called: 2, decided: 2, meanHandlingSeconds: 240 },
      { staffId: 'li', displayName: 'li', called: 1, decided: 0, meanHandlingSeconds: null },
    ]);
  });

  it('counts the queue now per service and puts overdue cases before those near their deadline', () => {
    const base = { queueNumber: 'A1', department: null, firstClaimedAt: null, completedAt: null, timeliness: null };
    expect(
      queueNow(
        [
          { ...base, id: '1', serviceCode: 's', status: 'queued', receivedAt: 0 },
          { ...base, id: '2', serviceCode: 's', status: 'queued', receivedAt: 10 * MIN },
          { ...base, id: '3', serviceCode: 's', status: 'claimed', receivedAt: 0 },
          { ...base, id: '4', serviceCode: 's', status: 'accepted', receivedAt: 0 },
        ],
        30 * MIN,
      ),
    ).toEqual([{ serviceCode: 's', waiting: 2, atDesk: 1, longestWaitSeconds: 1800, meanWaitSeconds: 1500 }]);
    const t = (state: 'warning' | 'overdue' | 'on-time', deadlineAt: string) => ({ state, deadlineAt, warningAt: deadlineAt, finishedAt: null });
    const listed = deadlineCases([
      { ...base, id: 'w', queueNumber: 'W', serviceCode: 's', status: 'transferred', receivedAt: 0, timeliness: t('warning', '2026-12-02T00:00:00.000Z') },
      { ...base, id: 'o', queueNumber: 'O', serviceCode: 's', status: 'accepted', receivedAt: 0, timeliness: t('overdue', '2026-12-03T00:00:00.000Z') },
      { ...base, id: 'n', queueNumber: 'N', serviceCode: 's', status: 'accepted', receivedAt: 0, timeliness: t('on-time', '2026-12-09T00:00:00.000Z') },
    ]);
    expect(listed.map((c) => c.queueNumber)).toEqual(['O', 'W']);
  });

  it('writes CSV that quotes commas, quotes and line breaks, keeps formulas as text, starts with the BOM', () => {
    const dashboard = {
      staff: [{ staffId: 'x', displayName: '王, "小" 丽\n二号', called: 1, decided: 1, meanHandlingSeconds: 60 }],
      names: { services: {}, departments: {} },
    } as unknown as Dashboard;
    const csv = dashboardCsv(dashboard, 'staff', 'zh-CN');
    expect(csv.startsWith('\uFEFF工作人员,')).toBe(true);
    expect(csv).toContain('"王, ""小"" 丽\n二号",1,1,60\r\n');
    expect(parse(csv, { bom: true })).toEqual([
      ['工作人员', '叫号数', '办理数', '平均办理时长（秒）'],
      ['王, "小" 丽\n二号', '1', '1', '60'],
    ]);
    const hostile = dashboardCsv({ ...dashboard, staff: [{ ...dashboard.staff[0]!, displayName: '=HYPERLINK("x")' }] }, 'staff', 'en');
    expect((parse(hostile, { bom: true }) as string[][])[1]![0]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('the dashboard page’s words', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(DASHBOARD_STRINGS.en).sort()).toEqual(Object.keys(DASHBOARD_STRINGS['zh-CN']).sort());
  });

  it('uses only keys the table has', () => {
    const used = [...dashboardPageScript().matchAll(/\bt\('([a-zA-Z.-]+)'\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(15);
    for (const key of used) expect(Object.keys(DASHBOARD_STRINGS['zh-CN'])).toContain(key);
  });
});
