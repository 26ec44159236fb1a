/**
 * Chinese telephone numbers, the one rule the kiosk's form check, the platform's intake schema,
 * the terminal's case builder and the SMS notices share. Plain values without imports, so the
 * renderer may use them at run time.
 *
 * Mobile: 11 digits starting 1, second digit 3–9 (the ranges the MIIT numbering plan has
 * allocated to mobile networks; 10, 11 and 12 are not mobile prefixes). Landline: area code with
 * its trunk 0 (3 or 4 digits), an optional hyphen, then a 7- or 8-digit local number.
 */
export const MOBILE_NUMBER = /^1[3-9]\d{9}$/;
export const LANDLINE_NUMBER = /^0\d{2,3}-?\d{7,8}$/;

export function isMobileNumber(value: unknown): value is string {
  return typeof value === 'string' && MOBILE_NUMBER.test(value);
}
