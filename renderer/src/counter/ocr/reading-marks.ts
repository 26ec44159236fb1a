import type { MaterialReading } from '../../../../contract/platform/ocr-reading';

/** A line read below this confidence is marked on the page and in the list for a closer look. */
export const LOW_LINE_CONFIDENCE = 60;

export const percent = (value: number) => `${Math.round(value)}%`;

/** Per line of a reading: whether it was read poorly, and which fields were taken from it. */
export function lineMarks(reading: MaterialReading): { low: boolean; fields: string[] }[] {
  return reading.lines.map((line, index) => ({
    low: line.confidence < LOW_LINE_CONFIDENCE,
    fields: reading.fields.filter((f) => f.line === index).map((f) => f.field),
  }));
}
