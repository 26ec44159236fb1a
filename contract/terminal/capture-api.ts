import { z } from 'zod';
import { OcrLine } from '../platform/ocr-reading';
import { READABLE_PAPERS } from './readable-papers';

/**
 * The kiosk's capture of supporting papers (methods `capture.*`), spread into `terminalMethods`
 * and `terminalEvents` in ./api.ts. Pages live in the terminal process for the session only; the
 * page sees downscaled previews, never the stored scan.
 */

/** Why a scan gave no page, as a key the kiosk turns into plain words (capture.failure.*). */
export const CaptureFailure = z.enum([
  'busy',
  'cover-open',
  'no-paper',
  'jammed',
  'timeout',
  'cancelled',
  'unreachable',
  'device-error',
  'no-scanner',
  'too-many-pages',
  /** The camera's photo could not be read as an image. */
  'bad-photo',
]);
export type CaptureFailure = z.infer<typeof CaptureFailure>;

const MaterialCode = z.string().min(1).max(64);
const PageId = z.string().uuid();

export const CapturedPage = z.object({
  pageId: PageId,
  materialCode: MaterialCode,
  /** A small image for the screen, as a data: URL. */
  preview: z.string().startsWith('data:image/'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the compressed page that goes into the case. */
  bytes: z.number().int().positive(),
});
export type CapturedPage = z.infer<typeof CapturedPage>;

/** The document camera (高拍仪) the page opens with getUserMedia, as the technician chose it. */
export const CameraChoice = z.object({
  /** Part of the camera's label (its name); absent: the first camera. */
  label: z.string().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type CameraChoice = z.infer<typeof CameraChoice>;

export const CaptureView = z.object({
  /** Whether this terminal has a scanner at all. */
  scanner: z.boolean(),
  /** The document camera, when this terminal has one. */
  camera: CameraChoice.nullable(),
  pages: z.array(CapturedPage),
});
export type CaptureView = z.infer<typeof CaptureView>;

export const ScanOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), page: CapturedPage, view: CaptureView }),
  z.object({ ok: z.literal(false), reason: CaptureFailure }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

/** The papers OCR reads into fields (main/ocr/fields/document-types.ts says how). */
export const CaptureDocumentType = z.enum(READABLE_PAPERS);
export type CaptureDocumentType = z.infer<typeof CaptureDocumentType>;

/** A value read from a page, for the citizen to confirm before it fills a form field. */
export const FieldProposalView = z.object({
  /** Form field path, e.g. `idNumber` or `parties.1.name`. */
  field: z.string(),
  value: z.string(),
  /** 0–100. */
  confidence: z.number().min(0).max(100),
  /** The printed label the value stood beside. */
  label: z.string(),
  /** Below its field's threshold: shown as a proposal the citizen must confirm, never filled in silently. */
  confirm: z.boolean(),
  /** Which OCR line it came from (index into `PageReading.lines`). */
  line: z.number().int().min(0),
});
export type FieldProposalView = z.infer<typeof FieldProposalView>;

/** One line of text as OCR read it, with its box in the pixels of `OcrReadingView.image`. */
export const OcrLineView = OcrLine;
export type OcrLineView = z.infer<typeof OcrLineView>;

/** What OCR read from one page: for the review screens that show the text beside the image. */
export const OcrReadingView = z.object({
  engine: z.enum(['paddle', 'tesseract']),
  /** Nothing legible: no fields, and the screen says so in plain words. */
  blank: z.boolean(),
  /** The size of the image the boxes are measured in (the page as prepared for OCR). */
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  lines: z.array(OcrLineView),
});
export type OcrReadingView = z.infer<typeof OcrReadingView>;

export const PageReading = OcrReadingView.extend({
  pageId: PageId,
  documentType: CaptureDocumentType.nullable(),
  /** The page's overall OCR confidence, 0–100. */
  confidence: z.number().min(0).max(100),
  fields: z.array(FieldProposalView),
});
export type PageReading = z.infer<typeof PageReading>;

const NoArgs = z.object({}).strict();

export const captureMethods = {
  'capture.pages': { args: NoArgs, result: CaptureView },
  /** Scans one page for a material; with `replacePageId` the new page takes that one's place (retake). */
  'capture.scan': { args: z.object({ materialCode: MaterialCode, replacePageId: PageId.optional() }).strict(), result: ScanOutcome },
  /**
   * A photo from the document camera (a JPEG data: URL taken in the page): the paper is found,
   * flattened and kept like a scanned page.
   */
  'capture.photo': {
    args: z.object({ materialCode: MaterialCode, image: z.string().startsWith('data:image/jpeg;base64,').max(6_000_000), replacePageId: PageId.optional() }).strict(),
    result: ScanOutcome,
  },
  'capture.deletePage': { args: z.object({ pageId: PageId }).strict(), result: CaptureView },
  'capture.read': { args: z.object({ pageId: PageId, documentType: CaptureDocumentType.optional() }).strict(), result: PageReading },
} as const;

export const captureEvents = {
  /** A page read in the background (a material whose paper is a known document type). */
  'capture.read': PageReading,
} as const;
