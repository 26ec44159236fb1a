import type { OpeningHours } from '../../contract/platform/fleet';
import type { VisitSettings } from '../../contract/platform/visits';
import { instantOf, weekdayOf } from './centre-time';

export interface SlotFrame {
  start: number;
  end: number;
  capacity: number;
}

/** Windows and minutes per citizen of a service, or the centre's default. */
export function serviceRate(settings: VisitSettings, serviceCode: string): { windows: number; minutesPerCitizen: number } {
  return settings.services[serviceCode] ?? settings.default;
}

/**
 * A service's slots on one day: each opening span cut into `slotMinutes` pieces (a short last
 * piece kept), each holding as many citizens as the service's windows serve in that time.
 */
export function slotsOfDay(hours: OpeningHours, settings: VisitSettings, serviceCode: string, day: string): SlotFrame[] {
  const { windows, minutesPerCitizen } = serviceRate(settings, serviceCode);
  const slots: SlotFrame[] = [];
  for (const span of hours.week[weekdayOf(day)] ?? []) {
    const open = instantOf(day, span.from, hours.timeZone);
    const close = instantOf(day, span.to, hours.timeZone);
    for (let start = open; start < close; start += settings.slotMinutes * 60_000) {
      const end = Math.min(close, start + settings.slotMinutes * 60_000);
      slots.push({ start, end, capacity: Math.floor((windows * (end - start)) / (minutesPerCitizen * 60_000)) });
    }
  }
  return slots.filter((s) => s.capacity > 0);
}
