const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');

/**
 * Tesseract's text as a person would write it: no spaces between Chinese characters (the models
 * still emit some), no trailing blanks, no empty lines.
 */
export function normaliseOcrText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_BETWEEN_CJK, '').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
