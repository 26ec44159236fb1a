import { stringify } from 'csv-stringify/sync';
import { shanghaiDateTime } from '../../contract/dates/shanghai-day';
import type { LocalizedText } from '../../contract/platform/catalogue';
import type { Dashboard, DashboardTable } from '../../contract/platform/dashboard';
import type { ServiceTimes } from '../../contract/platform/service-levels';
import { DASHBOARD_STRINGS, type DashboardKey, type DashboardLanguage } from './page/strings';

/** Excel opens a CSV as UTF-8 only when it starts with the byte-order mark. */
const BOM = '\uFEFF';

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One table of the dashboard as CSV (RFC 4180 quoting by csv-stringify, CRLF, UTF-8 with a BOM),
 * headed and worded in the page's language. Durations are whole seconds, times Shanghai time.
 */
export function dashboardCsv(dashboard: Dashboard, table: DashboardTable, lang: DashboardLanguage): string {
  const words: Record<string, string> = DASHBOARD_STRINGS[lang];
  const t = (key: DashboardKey) => words[key] ?? key;
  const secs = (key: DashboardKey) => t('csv.seconds').replace('{label}', t(key));
  const when = (at: string | null) => (at ? shanghaiDateTime(at) : '');
  const named = (name: LocalizedText | undefined, code: string) => (name ? ((lang === 'en' ? name.en : undefined) ?? name['zh-CN']) : code);
  const names = {
    service: (code: string) => named(dashboard.names.services[code], code),
    department: (code: string | null) => (code === null ? '' : named(dashboard.names.departments[code], code)),
  };
  const timesHeader = [t('col.served'), ...(['col.waitMedian', 'col.waitP90', 'col.walkMedian', 'col.walkP90', 'col.handleMedian', 'col.handleP90'] as const).map(secs)];
  const [header, rows] = ((): [string[], Cell[][]] => {
    switch (table) {
      case 'queue':
        return [
          [t('col.service'), t('col.waiting'), t('col.atDesk'), secs('col.longestWait'), secs('col.meanWait')],
          dashboard.queue.map((q) => [names.service(q.serviceCode), q.waiting, q.atDesk, q.longestWaitSeconds, q.meanWaitSeconds]),
        ];
      case 'services':
        return [
          [t('col.service'), t('col.received'), t('col.completed'), secs('col.meanWait'), secs('col.meanHandling'), t('col.overdue')],
          dashboard.services.map((s) => [names.service(s.serviceCode), s.received, s.completed, s.meanWaitSeconds, s.meanHandlingSeconds, s.overdue]),
        ];
      case 'staff':
        return [
          [t('col.staff'), t('col.called'), t('col.decided'), secs('col.meanHandling')],
          dashboard.staff.map((s) => [s.displayName, s.called, s.decided, s.meanHandlingSeconds]),
        ];
      case 'deadlines':
        return [
          [t('col.queueNumber'), t('col.service'), t('col.status'), t('col.department'), t('col.timeliness'), t('col.warningAt'), t('col.deadlineAt')],
          dashboard.deadlines.map((d) => [
            d.queueNumber,
            names.service(d.serviceCode),
            t(`status.${d.status}`),
            names.department(d.department),
            t(`timeliness.${d.state}`),
            when(d.warningAt),
            when(d.deadlineAt),
          ]),
        ];
      case 'bad-ratings':
        return [
          [t('col.queueNumber'), t('col.service'), t('col.level'), t('col.reasons'), t('col.comment'), t('col.openedAt'), t('col.followUpDeadline'), t('col.callback'), t('col.followUp')],
          dashboard.badRatings.map((b) => [
            b.queueNumber,
            names.service(b.serviceCode),
            t(`level.${b.level}` as DashboardKey),
            b.reasons.map((r) => t(`reason.${r}`)).join(lang === 'en' ? '; ' : '、'),
            b.comment,
            when(b.openedAt),
            when(b.deadlineAt),
            callbackText(b, t),
            followUpText(b, t),
          ]),
        ];
      case 'service-levels':
        return [
          [t('col.service'), t('col.warningMinutes'), t('col.criticalMinutes'), t('col.waiting'), t('col.warningNow'), t('col.criticalNow'), t('col.warningToday'), t('col.criticalToday')],
          dashboard.serviceLevels.map((l) => [names.service(l.serviceCode), l.warningMinutes, l.criticalMinutes, l.waiting, l.warningNow, l.criticalNow, l.warningToday, l.criticalToday]),
        ];
      case 'service-times':
        return [[t('col.service'), ...timesHeader], dashboard.serviceTimes.byService.map((s) => [names.service(s.serviceCode), ...timesCells(s)])];
      case 'staff-times':
        return [[t('col.staff'), ...timesHeader], dashboard.serviceTimes.byStaff.map((s) => [s.displayName, ...timesCells(s)])];
    }
  })();
  // A citizen's comment that starts like a formula stays text in a spreadsheet (OWASP CSV injection).
  return BOM + stringify([header, ...rows], { record_delimiter: 'windows', cast: { string: (value) => (FORMULA_START.test(value) ? `'${value}` : value) } });
}

function timesCells(times: ServiceTimes): Cell[] {
  return [times.served, times.waiting.p50Seconds, times.waiting.p90Seconds, times.walking.p50Seconds, times.walking.p90Seconds, times.handling.p50Seconds, times.handling.p90Seconds];
}

export function callbackText(b: Dashboard['badRatings'][number], t: (key: DashboardKey) => string): string {
  if (b.callback) return `${t(`callback.${b.callback.outcome}`)}：${b.callback.note}`;
  return t(b.callbackRequired ? 'callback.required' : 'callback.anonymous');
}

export function followUpText(b: Dashboard['badRatings'][number], t: (key: DashboardKey) => string): string {
  if (b.closedAt) return `${t('followUp.closed')}${b.overdue ? `（${t('followUp.overdue')}）` : ''}：${b.resolution ?? ''}`;
  return t(b.overdue ? 'followUp.overdue' : 'followUp.open');
}
