import type { SpeechPart } from '../../contract/terminal/input-api';

const DIGITS_ZH = '零一二三四五六七八九';

/**
 * A code is read one character at a time: espeak-ng reads 2026 as a number (两千零二十六), and a
 * citizen copying a case number needs 二 零 二 六. Mandarin digits are written as characters so
 * the pinyin voice says them; letters are spaced so they are spelled.
 */
export function spellCode(code: string, lang: 'zh-CN' | 'en'): string {
  return [...code.replace(/-/g, '')]
    .map((ch) => (lang === 'zh-CN' && /\d/.test(ch) ? DIGITS_ZH[Number(ch)] : ch.toUpperCase()))
    .join(lang === 'zh-CN' ? '，' : ', ');
}

export function spokenText(parts: readonly SpeechPart[], lang: 'zh-CN' | 'en'): string {
  return parts.map((part) => ('code' in part ? ` ${spellCode(part.code, lang)} ` : part.text)).join('').trim();
}
