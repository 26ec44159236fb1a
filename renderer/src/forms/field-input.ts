import type { FormField } from '../../../contract/platform/catalogue';
import type { FormValue } from '../../../contract/forms/validate';
import type { KeyboardMode } from '../keyboard/layouts';

/**
 * Which keyboard a field needs, or none for fields answered by touching a choice: a name gets
 * pinyin and handwriting but no letters, an address pinyin, handwriting and letters, every
 * digits-only field the numeric pad.
 */
export function keyboardFor(field: FormField): KeyboardMode | undefined {
  switch (field.type) {
    case 'text':
      return 'text';
    case 'address':
      return 'address';
    case 'personName':
      return 'personName';
    case 'number':
    case 'phone':
    case 'date':
    case 'digits':
      return 'numeric';
    case 'idNumber':
      return 'idNumber';
    case 'choice':
    case 'checkbox':
    case 'confirm':
      return undefined;
  }
}

/** Dates are typed as digits; the dashes appear by themselves (19500131 → 1950-01-31). */
export function formatDateDigits(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

export function normaliseTyped(field: FormField, input: string): string {
  if (field.type === 'date') return formatDateDigits(input);
  if (field.type === 'idNumber') return input.toUpperCase().replace(/[^0-9X]/g, '').slice(0, 18);
  if (field.type === 'phone') return input.replace(/[^0-9-]/g, '').slice(0, 13);
  if (field.type === 'digits') return input.replace(/\D/g, '');
  // Nothing but Chinese characters and the middle dot reach a name, whatever sends them.
  if (field.type === 'personName') return input.replace(/[^\p{Script=Han}·]/gu, '');
  return input;
}

const FULL_LENGTH: Partial<Record<FormField['type'], number>> = { idNumber: 18, phone: 11, date: 10 };

/**
 * While a field is being typed, judge it only once it is complete: an ID number is not
 * "wrong" after three digits, but it is after eighteen.
 */
export function typedInFull(field: FormField, value: FormValue | undefined): boolean {
  const full = FULL_LENGTH[field.type];
  return full !== undefined && String(value ?? '').length >= full;
}
