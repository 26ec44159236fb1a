import type { FormField, FormSchema } from '../platform/catalogue';
import { isIsoCalendarDate } from '../dates/calendar-date';
import { idNumberProblem } from '../platform/id-number';
import { LANDLINE_NUMBER, MOBILE_NUMBER } from './phone';

/**
 * One validation of a schema-driven form, shared by the kiosk (as the citizen types), the
 * counter and the platform (at intake), so that all three agree on what a good answer is.
 * Problems are codes with parameters; each UI turns them into words in its own language.
 */
export type FormValue = string | number | boolean;
export type FormValues = Record<string, FormValue | undefined>;

export type ProblemCode =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'notNumber'
  | 'tooSmall'
  | 'tooLarge'
  | 'badDate'
  | 'notAnOption'
  | 'badPhone'
  | 'badIdNumber'
  | 'mustConfirm'
  | 'wrongType'
  | 'notChineseName'
  | 'notDigits';

export interface FieldProblem {
  field: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

/** Han characters and the middle dot that joins the parts of many ethnic-minority names. */
const CHINESE_NAME = /^[\p{Script=Han}·]+$/u;
/** A foreign permanent resident's card may carry only the name in Latin capitals. */
const CARD_LATIN_NAME = /^[A-Z][A-Z ,.'-]*$/;

function isEmpty(value: FormValue | undefined): boolean {
  return value === undefined || value === '' || value === false;
}

/** A field is asked only while the field it depends on has the given value. */
export function isFieldShown(field: FormField, values: FormValues): boolean {
  return !field.showIf || values[field.showIf.field] === field.showIf.equals;
}

export function shownFields(schema: FormSchema, values: FormValues): FormField[] {
  return schema.fields.filter((field) => isFieldShown(field, values));
}

function checkText(field: FormField, value: string): FieldProblem | undefined {
  const length = [...value].length;
  if (field.minLength !== undefined && length < field.minLength) return { field: field.name, code: 'tooShort', params: { min: field.minLength } };
  if (field.maxLength !== undefined && length > field.maxLength) return { field: field.name, code: 'tooLong', params: { max: field.maxLength } };
  return undefined;
}

export function checkField(field: FormField, value: FormValue | undefined): FieldProblem | undefined {
  const problem = (code: ProblemCode, params?: FieldProblem['params']): FieldProblem => ({ field: field.name, code, ...(params ? { params } : {}) });
  if (field.type === 'confirm') {
    if (value === undefined || value === false) return field.required ? problem('mustConfirm') : undefined;
    return value === true ? undefined : problem('wrongType');
  }
  if (isEmpty(value)) return field.required && field.type !== 'checkbox' ? problem('required') : undefined;
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : problem('wrongType');
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isFinite(n)) return problem('notNumber');
      if (field.min !== undefined && n < field.min) return problem('tooSmall', { min: field.min });
      if (field.max !== undefined && n > field.max) return problem('tooLarge', { max: field.max });
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isIsoCalendarDate(value) ? undefined : problem('badDate');
    case 'choice':
      return field.options?.some((o) => o.value === value) ? undefined : problem('notAnOption');
    case 'phone':
      return typeof value === 'string' && (MOBILE_NUMBER.test(value) || LANDLINE_NUMBER.test(value)) ? undefined : problem('badPhone');
    case 'idNumber':
      return typeof value === 'string' && idNumberProblem(value) === undefined ? undefined : problem('badIdNumber');
    case 'text':
    case 'address':
      return typeof value === 'string' ? checkText(field, value) : problem('wrongType');
    case 'personName':
      if (typeof value !== 'string') return problem('wrongType');
      if (field.prefill === 'name' && CARD_LATIN_NAME.test(value)) return checkText(field, value);
      return CHINESE_NAME.test(value) && !value.startsWith('·') && !value.endsWith('·') ? checkText(field, value) : problem('notChineseName');
    case 'digits':
      if (typeof value !== 'string') return problem('wrongType');
      return /^\d+$/.test(value) ? checkText(field, value) : problem('notDigits');
  }
}

/** Every problem of the shown fields at once (一次性告知): a citizen fixes them in one pass. */
export function validateForm(schema: FormSchema, values: FormValues): FieldProblem[] {
  return shownFields(schema, values).flatMap((field) => checkField(field, values[field.name]) ?? []);
}

/** What is submitted: the shown fields only, so a hidden branch never carries stale answers. */
export function submittedValues(schema: FormSchema, values: FormValues): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const field of shownFields(schema, values)) {
    const value = values[field.name];
    if (value !== undefined && value !== '') out[field.name] = value;
  }
  return out;
}
