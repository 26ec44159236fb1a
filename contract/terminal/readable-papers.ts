/**
 * The papers OCR reads into form fields (main/ocr/fields/document-types.ts says how). A plain
 * list, so the UI can tell such a material apart without loading a schema library.
 */
export const READABLE_PAPERS = ['household-register', 'marriage-certificate', 'residence-permit', 'social-security-card', 'bank-card', 'disability-certificate'] as const;
export type ReadablePaper = (typeof READABLE_PAPERS)[number];

export function isReadablePaper(code: string): code is ReadablePaper {
  return (READABLE_PAPERS as readonly string[]).includes(code);
}
