import type { OpeningHours } from '../../contract/platform/fleet';

/** The weekday (0 = Sunday) and HH:MM of an instant in the centre's time zone. */
export function localClock(at: number, timeZone: string): { weekday: number; hhmm: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, hhmm: `${get('hour')}:${get('minute')}` };
}

/** Open now, or closed with the time it opens next today (null when it does not open again today). */
export function openingState(hours: OpeningHours, at: number): { open: true } | { open: false; opensAt: string | null } {
  const { weekday, hhmm } = localClock(at, hours.timeZone);
  const spans = hours.week[weekday] ?? [];
  if (spans.some((s) => s.from <= hhmm && hhmm < s.to)) return { open: true };
  const next = spans.map((s) => s.from).filter((from) => from > hhmm).sort()[0];
  return { open: false, opensAt: next ?? null };
}

/** True in the minute of the nightly maintenance restart, outside opening hours only. */
export function isMaintenanceMinute(hours: OpeningHours, at: number): boolean {
  return localClock(at, hours.timeZone).hhmm === hours.maintenanceAt && !openingState(hours, at).open;
}
