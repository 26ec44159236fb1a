const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');
/**
 * 丶 (U+4E36, a dictionary radical, not a word of running text) after a Chinese character is the
 * enumeration comma 、 that PaddleOCR's recogniser confuses it with (measured on bench/ocr's pages).
 */
const RADICAL_FOR_COMMA = new RegExp(`(?<=[${CJK}])\u4e36`, 'gu');

/**
 * OCR's text as a person would write it: no spaces between Chinese characters (the models
 * still emit some), 、 for its radical lookalike, no trailing blanks, no empty lines.
 */
export function normaliseOcrText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_BETWEEN_CJK, '').replace(RADICAL_FOR_COMMA, '、').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
