import { z } from 'zod';

/**
 * What OCR read from a scanned material, sent with the case so that the desk and the back
 * office see the same text, boxes and field sources the kiosk proposed. Personal (the text of
 * an ID card is its holder's data): the platform seals it with the rest of the case and masks
 * ID numbers in it before staff see it.
 */
export const OcrBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type OcrBox = z.infer<typeof OcrBox>;

/** One line of text as OCR read it, with its box in the pixels of `MaterialReading.image`. */
export const OcrLine = z.object({
  text: z.string().max(500),
  confidence: z.number().min(0).max(100),
  box: OcrBox,
});
export type OcrLine = z.infer<typeof OcrLine>;

/** A value read into a form field, with where it came from. */
export const OcrFieldSource = z.object({
  /** Form field path, e.g. `idNumber` or `parties.1.name`. */
  field: z.string().max(100),
  value: z.string().max(500),
  /** 0–100. */
  confidence: z.number().min(0).max(100),
  /** The printed label the value stood beside. */
  label: z.string().max(100),
  /** Below its field's threshold: the citizen had to confirm it; staff should check it. */
  confirm: z.boolean(),
  /** Which OCR line it came from (index into `lines`). */
  line: z.number().int().min(0),
});
export type OcrFieldSource = z.infer<typeof OcrFieldSource>;

export const MaterialReading = z
  .object({
    engine: z.enum(['paddle', 'tesseract']),
    /** Nothing legible on the page. */
    blank: z.boolean(),
    /** The size of the image the boxes are measured in (the page as prepared for OCR). */
    image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
    /** The page's overall confidence, 0–100. */
    confidence: z.number().min(0).max(100),
    /** The paper it was read as (a readable paper's code), or null for plain text. */
    documentType: z.string().max(64).nullable(),
    lines: z.array(OcrLine).max(400),
    fields: z.array(OcrFieldSource).max(100),
  })
  .refine((r) => r.fields.every((f) => f.line < r.lines.length), { message: 'a field names a line the reading does not have', path: ['fields'] });
export type MaterialReading = z.infer<typeof MaterialReading>;
