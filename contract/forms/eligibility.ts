import type { ServiceItem } from '../platform/catalogue';

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day (the birthday counts). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type EligibilityProblem = { code: 'age'; minAge: number; age: number };

/**
 * The service's conditions checked against the card's birth date, before anything is filled
 * in: the kiosk turns a citizen away with the reason, and the terminal refuses the case too.
 */
export function eligibilityProblem(item: Pick<ServiceItem, 'eligibility'>, birthDate: string, today: string): EligibilityProblem | undefined {
  const minAge = item.eligibility?.minAge;
  if (minAge === undefined) return undefined;
  const age = ageOn(birthDate, today);
  return age < minAge ? { code: 'age', minAge, age } : undefined;
}

/** Today in the centre's time zone (Asia/Shanghai), as YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
