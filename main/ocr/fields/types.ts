/** A value read from a paper, for the citizen to confirm before it fills a form field. */
export interface FieldProposal {
  /** Form field path, e.g. `idNumber` or `parties.1.name`. */
  field: string;
  value: string;
  /** 0–100: the OCR confidence of the value's weakest word, lowered when the label was read imperfectly. */
  confidence: number;
  source: {
    documentType: DocumentTypeId;
    /** The printed label the value stood beside. */
    label: string;
    /** Index into the OCR result's lines. */
    line: number;
  };
}

export const DOCUMENT_TYPES = ['household-register', 'marriage-certificate'] as const;
export type DocumentTypeId = (typeof DOCUMENT_TYPES)[number];

export type ValueKind = 'name' | 'sex' | 'date' | 'idNumber' | 'text' | 'certificateNumber';

export interface FieldSpec {
  /** Printed labels, longest spelling first when a document has variants. */
  labels: string[];
  field: string;
  kind: ValueKind;
  /** Repeated labels (two parties on one certificate) number their fields: `parties.{n}.name`. */
  repeats?: boolean;
}

export interface DocumentType {
  id: DocumentTypeId;
  title: string;
  /** Tesseract languages for this paper: short Chinese labels are misread as English when eng competes. */
  langs: string;
  fields: FieldSpec[];
}
