import { localIsoDate } from './id-number';

/** 长期: the card has no end date. */
export const NO_END_DATE = '长期';

/**
 * A card is valid through the last day printed on it; `validTo` null (长期) never expires.
 * `today` is the terminal's local calendar date.
 */
export function isExpired(validTo: string | null, today: Date = new Date()): boolean {
  return validTo !== null && validTo < localIsoDate(today);
}
