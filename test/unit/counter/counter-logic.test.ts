import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../contract/platform/cases';
import { counterMethods, CounterDecision, type CalledNumber } from '../../../contract/terminal/counter-api';
import { startOfShanghaiDay } from '../../../contract/dates/shanghai-day';
import { announcementText, pushCalled } from '../../../main/counter/announcement';
import { platformDecision } from '../../../main/counter/counter-service';
import { counterHandlers } from '../../../main/counter/handlers';
import { filterQueue, wall, wallCalled } from '../../../renderer/src/counter/counter-store';

function called(caseId: string, queueNumber: string, recall = false): CalledNumber {
  return { caseId, queueNumber, windowName: '3号窗口', announcement: announcementText(queueNumber, '3号窗口'), at: '2026-11-23T01:00:00Z', recall };
}

function summary(overrides: Partial<CaseSummary>): CaseSummary {
  return {
    caseId: '00000000-0000-4000-8000-000000000000',
    centreId: 'c',
    serviceCode: 'si-contribution-certificate',
    status: 'queued',
    queueNumber: 'A001',
    priority: 0,
    priorityReasons: [],
    source: 'kiosk',
    terminalId: 't',
    submittedAt: '2026-11-23T01:00:00Z',
    receivedAt: '2026-11-23T01:00:00Z',
    claimedBy: null,
    claimedAt: null,
    applicantMasked: { name: '李*', idNumber: '440305********0011' },
    department: null,
    acceptedAt: null,
    deadlineAt: null,
    bundleId: null,
    timeliness: null,
    ...overrides,
  };
}

describe('the call announcement', () => {
  it('says the number and the window in Mandarin', () => {
    expect(announcementText('A023', '3号窗口')).toBe('请A023号到3号窗口');
    expect(announcementText('B007', '综合窗口')).toBe('请B007号到综合窗口');
    expect(announcementText('C001', '5号')).toBe('请C001号到5号窗口');
  });
});

describe('the wall list', () => {
  it('keeps the newest first, one line per case, at most six', () => {
    let list: CalledNumber[] = [];
    for (let i = 1; i <= 8; i += 1) list = pushCalled(list, called(`case-${i}`, `A00${i}`));
    expect(list.map((c) => c.queueNumber)).toEqual(['A008', 'A007', 'A006', 'A005', 'A004', 'A003']);
    list = pushCalled(list, called('case-5', 'A005', true));
    expect(list.map((c) => c.queueNumber)).toEqual(['A005', 'A008', 'A007', 'A006', 'A004', 'A003']);
  });

  it('on the page: a recall moves the number back to the top without repeating it', () => {
    wall.value = null;
    wallCalled(called('a', 'A001'));
    wallCalled(called('b', 'A002'));
    wallCalled(called('a', 'A001', true));
    expect(wall.value).toMatchObject({ current: { queueNumber: 'A001', recall: true }, recent: [{ queueNumber: 'A002' }] });
  });
});

describe("today's figures", () => {
  it('start at midnight in Shanghai, whatever the machine time zone', () => {
    // 2026-11-23 01:30 in Shanghai is 2026-11-22 17:30 UTC.
    expect(startOfShanghaiDay(Date.parse('2026-11-22T17:30:00Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(startOfShanghaiDay(Date.parse('2026-11-22T15:59:59Z')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });
});

describe('decisions', () => {
  it('writes the chosen reason in Chinese before the clerk’s text', () => {
    expect(platformDecision({ decision: 'reject', reason: 'duplicate', text: '已于上周提交' })).toEqual({
      decision: 'reject',
      reason: '重复申请：已于上周提交',
    });
  });

  it('lists every missing material once (一次性告知)', () => {
    expect(platformDecision({ decision: 'request-materials', missingMaterials: ['户口簿', '照片', '户口簿'] })).toMatchObject({
      missingMaterials: ['户口簿', '照片'],
    });
  });

  it('refuses a rejection without a listed reason or without particulars, and a 补正 listing nothing', () => {
    expect(CounterDecision.safeParse({ decision: 'reject', reason: 'because', text: '说明文字' }).success).toBe(false);
    expect(CounterDecision.safeParse({ decision: 'reject', reason: 'other', text: ' ' }).success).toBe(false);
    expect(CounterDecision.safeParse({ decision: 'request-materials', missingMaterials: [] }).success).toBe(false);
    expect(CounterDecision.safeParse({ decision: 'release' }).success).toBe(false);
  });
});

describe('the queue filters', () => {
  const waiting = [
    summary({ caseId: '1', source: 'kiosk' }),
    summary({ caseId: '2', source: 'counter', priorityReasons: ['disabled'] }),
    summary({ caseId: '3', serviceCode: 'other', priorityReasons: ['elderly'] }),
  ];
  it('filter by service, source and priority together', () => {
    expect(filterQueue(waiting, { service: '', source: '', priorityOnly: false }).map((c) => c.caseId)).toEqual(['1', '2', '3']);
    expect(filterQueue(waiting, { service: '', source: 'counter', priorityOnly: false }).map((c) => c.caseId)).toEqual(['2']);
    expect(filterQueue(waiting, { service: 'si-contribution-certificate', source: '', priorityOnly: true }).map((c) => c.caseId)).toEqual(['2']);
  });
});

describe('the counter methods on a kiosk', () => {
  it('are all refused', async () => {
    const handlers = counterHandlers(undefined);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(counterMethods).sort());
    expect(() => handlers['counter.status']({})).toThrow(/not a counter/);
  });
});
