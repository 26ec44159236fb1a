import { isPersonalField, type ServiceItem } from '../../contract/platform/catalogue';
import type { FormValue, MaterialRef } from '../../contract/platform/cases';
import type { MaterialReading } from '../../contract/platform/ocr-reading';
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

const ID_NUMBER_IN_TEXT = /\d{17}[\dXx]/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * A source line with each of its fields' values masked: the text from a field's printed label
 * to the next field's label is the value as printed (a date reads 1994年8月21日 there, not
 * 1994-08-21); where the label cannot be found, the value itself is replaced.
 */
function maskLine(text: string, fields: readonly { label: string; value: string; masked: string }[]): string {
  const placed = fields
    .map((f) => ({ ...f, at: text.indexOf(f.label) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  placed.forEach((f, i) => {
    const start = f.at + f.label.length;
    const end = placed[i + 1]?.at ?? text.length;
    if (start > end || f.at < from) return;
    out += text.slice(from, start) + (f.masked === f.value ? text.slice(start, end) : f.masked);
    from = end;
  });
  out += text.slice(from);
  for (const f of fields) if (!text.includes(f.label) && f.value.length > 0) out = out.split(f.value).join(f.masked);
  return out;
}

/**
 * What OCR read, as staff see it: each field's value masked as the form masks that field, in
 * the field and in the line it came from, and any ID or mobile number left in the text masked
 * too. The scan itself is the full-resolution source for anyone who must read more.
 */
export function maskReading(item: ServiceItem | undefined, reading: MaterialReading): MaterialReading {
  const fields = reading.fields.map((f) => ({ ...f, masked: String(maskForm(item, { [f.field]: f.value })[f.field]) }));
  const lines = reading.lines.map((line, index) => {
    const text = maskLine(line.text, fields.filter((f) => f.line === index));
    return { ...line, text: text.replace(ID_NUMBER_IN_TEXT, (n) => maskIdNumber(n.toUpperCase())).replace(MOBILE_IN_TEXT, (n) => maskPhone(n)) };
  });
  return { ...reading, lines, fields: fields.map(({ masked, ...f }) => ({ ...f, value: masked.replace(ID_NUMBER_IN_TEXT, (n) => maskIdNumber(n.toUpperCase())) })) };
}

/** A licence's number is personal: often the ID number itself. */
export function maskLicenceNumber(number: string): string {
  return /^\d{17}[\dX]$/.test(number) ? maskIdNumber(number) : maskText(number);
}

/** An electronic licence's number is masked as above; OCR text as `maskReading` says. */
export function maskMaterials(materials: MaterialRef[], item?: ServiceItem): MaterialRef[] {
  return materials.map((material) => ({
    ...material,
    ...(material.electronicLicence
      ? {
          electronicLicence: {
            ...material.electronicLicence,
            number: maskLicenceNumber(material.electronicLicence.number),
          },
        }
      : {}),
    ...(material.ocr ? { ocr: maskReading(item, material.ocr) } : {}),
  }));
}
