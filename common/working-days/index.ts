import cn2026 from './calendars/cn-2026.json' with { type: 'json' };
import type { CalendarYear } from './calendar';

export * from './calendar';

/**
 * The national schedules the product ships with. Source of cn-2026.json: 国务院办公厅关于2026年
 * 部分节假日安排的通知 (State Council General Office, 2025-11-04, as published by Xinhua). Add the
 * next year as calendars/cn-YEAR.json in the same shape when it is published (usually November).
 */
export const NATIONAL_CALENDARS: readonly CalendarYear[] = [cn2026];
