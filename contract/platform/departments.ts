import { z } from 'zod';
import { LocalizedText } from './catalogue';

/**
 * The departments of a centre (后台审批部门), configured per centre by its administrator. The
 * catalogue names for each service the department that decides it (`ServiceItem.decidedBy`);
 * a case accepted at the window is sent there.
 */
export const DepartmentCode = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, '2 to 32 lowercase letters, digits and -, starting with a letter');
export type DepartmentCode = z.infer<typeof DepartmentCode>;

export const Department = z.object({ code: DepartmentCode, name: LocalizedText });
export type Department = z.infer<typeof Department>;

/** `PUT /v1/admin/departments/{code}` (centre admin): create or rename a department. */
export const PutDepartmentRequest = z.object({ name: LocalizedText });
export type PutDepartmentRequest = z.infer<typeof PutDepartmentRequest>;

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A centre's own day on top of the national schedule: a local day off, or a day worked. */
export const LocalCalendarDay = z.object({ day: Day, kind: z.enum(['off', 'work']), name: z.string().min(1).max(60) });
export type LocalCalendarDay = z.infer<typeof LocalCalendarDay>;

/** `PUT /v1/admin/calendar` (centre admin): the centre's local days, replacing the previous list. */
export const PutCalendarRequest = z.object({ localDays: z.array(LocalCalendarDay).max(366) });
export type PutCalendarRequest = z.infer<typeof PutCalendarRequest>;

/** `GET /v1/calendar`: the years whose national schedule is known and the centre's local days. */
export const CalendarView = z.object({
  nationalYears: z.array(z.number().int()),
  sources: z.array(z.string()),
  localDays: z.array(LocalCalendarDay),
});
export type CalendarView = z.infer<typeof CalendarView>;
