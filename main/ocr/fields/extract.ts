import { distance } from 'fastest-levenshtein';
import { documentTypes, thresholdOf } from './document-types';
import { normaliseValue, SPACING_MATTERS } from './values';
import type { DocumentTypeId, FieldProposal, FieldSpec } from './types';

export interface OcrLineLike {
  text: string;
  confidence: number;
  /** With words, a value's confidence is that of its own words rather than of the whole line. */
  words?: { text: string; confidence: number }[];
}

/**
 * The line without spaces, and each character's confidence (its word's, else the line's);
 * `spaced` is the line as read, and `at[i]` where compact character i stands in it.
 */
function compactLine(line: OcrLineLike): { text: string; confidence: number[]; spaced: string; at: number[] } {
  const words = line.words && line.words.length > 0 ? line.words : [{ text: line.text, confidence: line.confidence }];
  const spaced = words.map((w) => w.text).join(' ');
  let text = '';
  const confidence: number[] = [];
  const at: number[] = [];
  let offset = 0;
  for (const word of words) {
    let position = offset;
    for (const char of word.text) {
      if (!/\s/u.test(char)) {
        text += char;
        confidence.push(word.confidence);
        at.push(position);
      }
      position += char.length;
    }
    offset += word.text.length + 1;
  }
  return { text, confidence, spaced, at };
}

interface LabelHit {
  spec: FieldSpec;
  label: string;
  start: number;
  end: number;
  /** 1 for an exact reading of the label, less for one that needed forgiving. */
  quality: number;
}

/**
 * Where a label stands in a line. Labels of four characters or more forgive one misread
 * character (公民身份号马) or one stray glyph inside them (居住证F编号, a speck on a photographed
 * page); shorter ones must be exact, or 姓名 would match any two characters.
 */
function findLabel(line: string, label: string): { start: number; length: number; quality: number }[] {
  const hits: { start: number; length: number; quality: number }[] = [];
  for (let start = 0; start + label.length <= line.length; start += 1) {
    const window = line.slice(start, start + label.length);
    if (window === label) hits.push({ start, length: label.length, quality: 1 });
    else if (label.length >= 4 && distance(window, label) === 1 && window[0] === label[0]) hits.push({ start, length: label.length, quality: 0.85 });
    const longer = line.slice(start, start + label.length + 1);
    // Both ends read right, so the extra glyph is inside the label, not the value's first character.
    if (label.length >= 4 && longer.length > label.length && longer[0] === label[0] && longer.at(-1) === label.at(-1) && distance(longer, label) === 1) {
      hits.push({ start, length: longer.length, quality: 0.85 });
    }
  }
  return hits;
}

function labelHits(line: string, specs: FieldSpec[]): LabelHit[] {
  const candidates: LabelHit[] = [];
  for (const spec of specs) {
    for (const label of spec.labels) {
      for (const hit of findLabel(line, label)) candidates.push({ spec, label, start: hit.start, end: hit.start + hit.length, quality: hit.quality });
    }
  }
  // Longest and best-read labels win where they overlap (出生日期 over 日期, exact over forgiven).
  candidates.sort((a, b) => b.quality - a.quality || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: LabelHit[] = [];
  for (const candidate of candidates) {
    if (chosen.some((c) => candidate.start < c.end && c.start < candidate.end)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Labelled fields of a known paper, from the lines OCR read. Each value sits after its label and
 * before the next label on the same line; values that do not look like their kind (a name with
 * Latin letters, an ID number failing its check) are not proposed at all.
 */
export function extractFields(type: DocumentTypeId, lines: OcrLineLike[], today = new Date()): FieldProposal[] {
  const doc = documentTypes[type];
  const proposals: FieldProposal[] = [];
  const seen = new Map<FieldSpec, number>();
  lines.forEach((line, lineIndex) => {
    const { text, confidence, spaced, at } = compactLine(line);
    const hits = labelHits(text, doc.fields);
    hits.forEach((hit, i) => {
      const occurrence = seen.get(hit.spec) ?? 0;
      seen.set(hit.spec, occurrence + 1);
      if (!hit.spec.repeats && occurrence > 0) return;
      const end = hits[i + 1]?.start ?? text.length;
      const read = SPACING_MATTERS.has(hit.spec.kind) ? spaced.slice(at[hit.end] ?? spaced.length, at[end] ?? spaced.length) : text.slice(hit.end, end);
      const value = normaliseValue(hit.spec.kind, read, today);
      if (value === undefined) return;
      // The weakest character of the value decides: one misread character makes a wrong name.
      const weakest = Math.min(...confidence.slice(hit.end, end));
      const score = Math.round(weakest * hit.quality * 10) / 10;
      proposals.push({
        field: hit.spec.field.replace('{n}', String(occurrence)),
        value,
        confidence: score,
        confirm: score < thresholdOf(hit.spec),
        source: { documentType: type, label: hit.label, line: lineIndex },
      });
    });
  });
  // Values with no label (a bank card's number) are known by their shape: the first line that has one.
  for (const spec of doc.fields.filter((f) => f.labels.length === 0)) {
    for (const [lineIndex, line] of lines.entries()) {
      const { confidence } = compactLine(line);
      const value = normaliseValue(spec.kind, line.text, today);
      if (value === undefined) continue;
      const score = Math.round(Math.min(...confidence, 100) * 10) / 10;
      proposals.push({ field: spec.field, value, confidence: score, confirm: score < thresholdOf(spec), source: { documentType: type, label: '', line: lineIndex } });
      break;
    }
  }
  return proposals;
}
