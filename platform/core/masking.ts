import { isPersonalField, type ServiceItem } from '../../contract/platform/catalogue';
import type { FormValue, MaterialRef } from '../../contract/platform/cases';
import { maskIdNumber, maskPhone } from '../../contract/platform/id-number';

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Free text keeps its first character only, so a clerk can tell fields apart but not read them. */
function maskText(value: string): string {
  const chars = [...value];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 8))}`;
}

/**
 * A form as anyone without a reveal sees it: every field the schema marks personal (see
 * `isPersonalField`) masked by its kind, and any value the schema does not know (a field
 * removed from the catalogue since) masked too.
 */
export function maskForm(item: ServiceItem | undefined, form: Record<string, FormValue>): Record<string, FormValue> {
  const masked: Record<string, FormValue> = {};
  for (const [name, value] of Object.entries(form)) {
    const field = item?.form.fields.find((f) => f.name === name);
    if (field && !isPersonalField(field)) {
      masked[name] = value;
      continue;
    }
    const text = String(value);
    if (field?.type === 'idNumber' || field?.prefill === 'idNumber') masked[name] = maskIdNumber(text);
    else if (field?.type === 'phone') masked[name] = maskPhone(text);
    else if (field?.prefill === 'name') masked[name] = maskName(text);
    else masked[name] = typeof value === 'string' ? maskText(text) : '*';
  }
  return masked;
}

/** An electronic licence's number is a personal number (often the ID number itself). */
export function maskMaterials(materials: MaterialRef[]): MaterialRef[] {
  return materials.map((material) =>
    material.electronicLicence
      ? {
          ...material,
          electronicLicence: {
            ...material.electronicLicence,
            number: /^\d{17}[\dX]$/.test(material.electronicLicence.number) ? maskIdNumber(material.electronicLicence.number) : maskText(material.electronicLicence.number),
          },
        }
      : material,
  );
}
