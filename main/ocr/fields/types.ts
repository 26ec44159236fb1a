import { CaptureDocumentType } from '../../../contract/terminal/capture-api';

/** A value read from a paper, for the citizen to confirm before it fills a form field. */
export interface FieldProposal {
  /** Form field path, e.g. `idNumber` or `parties.1.name`. */
  field: string;
  value: string;
  /** 0–100: the OCR confidence of the value's weakest word, lowered when the label was read imperfectly. */
  confidence: number;
  /** Below the field's threshold: proposed, and the citizen must confirm it. */
  confirm: boolean;
  source: {
    documentType: DocumentTypeId;
    /** The printed label the value stood beside (empty for a value found by its shape, e.g. a card number). */
    label: string;
    /** Index into the OCR result's lines. */
    line: number;
  };
}

export const DOCUMENT_TYPES = CaptureDocumentType.options;
export type DocumentTypeId = CaptureDocumentType;

export type ValueKind =
  | 'name'
  | 'sex'
  | 'date'
  | 'expiryDate'
  | 'idNumber'
  | 'text'
  | 'certificateNumber'
  | 'bankCardNumber'
  | 'bankName'
  | 'socialSecurityCardNumber'
  | 'permitNumber'
  | 'disabilityNumber'
  | 'disabilityCategory'
  | 'disabilityGrade';

export interface FieldSpec {
  /** Printed labels, longest spelling first when a document has variants; none for a value found by its shape alone. */
  labels: string[];
  field: string;
  kind: ValueKind;
  /** Repeated labels (two parties on one certificate) number their fields: `parties.{n}.name`. */
  repeats?: boolean;
  /**
   * Confidence (0–100) at or above which the value is offered as read; below it the citizen must
   * confirm it. Values with their own check (ID numbers, Luhn) may trust a lower reading.
   */
  threshold?: number;
}

export interface DocumentType {
  id: DocumentTypeId;
  title: string;
  /** Tesseract languages for this paper: short Chinese labels are misread as English when eng competes. */
  langs: string;
  fields: FieldSpec[];
}
