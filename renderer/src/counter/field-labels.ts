import { isMessageKey, localized, translate } from '../i18n';
import { catalogue, locale } from '../state/store';

/**
 * The platform names the field to blame by its path (`form.purposeOther`, `applicant.idNumber`,
 * `department`); a clerk reads it by its label: a form field by the service's own label, the
 * rest through the i18n table (`counter.field.*`), and anything else as "a value".
 */
export function fieldLabel(path: string, serviceCode?: string): string {
  if (!path) return '';
  const formField = /^form\.([^.]+)/.exec(path)?.[1];
  if (formField) {
    const items = catalogue.value?.items ?? [];
    const ordered = [...items.filter((i) => i.code === serviceCode), ...items.filter((i) => i.code !== serviceCode)];
    const field = ordered.flatMap((i) => i.form.fields).find((f) => f.name === formField);
    if (field) return localized(locale.value, field.label).text;
  }
  const materialIndex = /^(?:materials|missingMaterials)\.(\d+)/.exec(path)?.[1];
  if (materialIndex !== undefined) return translate(locale.value, 'counter.field.material', { index: Number(materialIndex) + 1 });
  const key = `counter.field.${path}`;
  return isMessageKey(key) ? translate(locale.value, key) : translate(locale.value, 'counter.field.unknown');
}

/** The `{field}` part of a problem's words: the label in brackets, or nothing. */
export function fieldPart(path: string | number | undefined, serviceCode?: string): string {
  const label = typeof path === 'string' ? fieldLabel(path, serviceCode) : '';
  return label ? translate(locale.value, 'counter.fieldPart', { label }) : '';
}
