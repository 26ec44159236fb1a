import type { DocumentType, DocumentTypeId, FieldSpec, ValueKind } from './types';
import { DOCUMENT_TYPES } from './types';
import tables from './document-types.json' with { type: 'json' };

/**
 * What each paper prints and which form field each label fills: data (document-types.json, one
 * row a label), checked here once at load so a mistyped kind or a missing paper stops the
 * terminal naming the paper and the field rather than reading nothing at a citizen's turn.
 */
const KNOWN_KINDS: Record<ValueKind, true> = {
  name: true,
  sex: true,
  date: true,
  expiryDate: true,
  idNumber: true,
  text: true,
  certificateNumber: true,
  bankCardNumber: true,
  bankName: true,
  socialSecurityCardNumber: true,
  permitNumber: true,
  disabilityNumber: true,
  disabilityCategory: true,
  disabilityGrade: true,
};

interface TableRow {
  labels: string[];
  field: string;
  kind: string;
  repeats?: boolean;
  threshold?: number;
}

function checkedField(paper: string, row: TableRow): FieldSpec {
  if (!Object.hasOwn(KNOWN_KINDS, row.kind)) {
    throw new Error(`document-types.json: ${paper} field ${row.field} has kind "${row.kind}", expected one of ${Object.keys(KNOWN_KINDS).join(', ')}`);
  }
  return { ...row, kind: row.kind as ValueKind };
}

function load(): Record<DocumentTypeId, DocumentType> {
  const byId = tables as Record<string, { title: string; langs: string; fields: TableRow[] }>;
  return Object.fromEntries(
    DOCUMENT_TYPES.map((id) => {
      const table = byId[id];
      if (!table) throw new Error(`document-types.json: no table for the paper ${id}`);
      return [id, { id, title: table.title, langs: table.langs, fields: table.fields.map((row) => checkedField(id, row)) }];
    }),
  ) as Record<DocumentTypeId, DocumentType>;
}

export const documentTypes: Record<DocumentTypeId, DocumentType> = load();

/** Below this a read value must be confirmed; checked values (ID numbers, Luhn) set their own. */
export const DEFAULT_THRESHOLD = 90;
const CHECKED_KINDS = new Set(['idNumber']);

export function thresholdOf(spec: DocumentType['fields'][number]): number {
  return spec.threshold ?? (CHECKED_KINDS.has(spec.kind) ? 80 : DEFAULT_THRESHOLD);
}
