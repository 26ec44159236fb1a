import { PrintableDocument } from '../documents';
import { A4_DOCUMENT, type PdfPageOptions } from '../render/pdf-renderer';
import { renderCertificate } from './certificate';
import { renderReceipt } from './receipt';
import { renderRejectionNotice } from './rejection-notice';
import { renderSupplementNotice } from './supplement-notice';

/**
 * Checks the data against its schema (a bad value names its field) and binds it into the
 * document's HTML. The same HTML goes to Chromium or Electron for the PDF.
 */
export async function documentHtml(document: PrintableDocument): Promise<string> {
  const parsed = PrintableDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DocumentDataError(document.kind, issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
  }
  const doc = parsed.data;
  switch (doc.kind) {
    case 'contribution-certificate':
      return renderCertificate(doc.data);
    case 'case-receipt':
      return renderReceipt(doc.data);
    case 'supplement-notice':
      return renderSupplementNotice(doc.data);
    case 'rejection-notice':
      return renderRejectionNotice(doc.data);
  }
}

/** The page set-up of a document: A4, with its holder and 第N页 共M页 at the foot of every page. */
export function documentPageOptions(document: PrintableDocument): PdfPageOptions {
  const holder = document.kind === 'contribution-certificate' ? document.data.person : document.data.applicant;
  return { ...A4_DOCUMENT, footer: `${holder.name}  ${holder.idNumberMasked}` };
}

export class DocumentDataError extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${kind}: field ${field || '(root)'}: ${detail}`);
    this.name = 'DocumentDataError';
  }
}
