import chinese from 'simple-keyboard-layouts/build/layouts/chinese';
import type { Candidate, PinyinEngine } from './pinyin-engine';

// The package's typings omit the candidates its Chinese layout carries.
const table = (chinese as typeof chinese & { layoutCandidates: Record<string, string> }).layoutCandidates;
const LONGEST_SYLLABLE = 6;

/**
 * The fallback where librime is absent (a Windows build without rime.dll): the single-syllable
 * table of simple-keyboard-layouts (after pinyinjs), the GB2312 characters only, no phrases.
 * The longest syllable at the front of the input is converted; the rest waits for the next pick.
 */
export class TableEngine implements PinyinEngine {
  readonly name = 'table';

  candidates(input: string, limit: number): Candidate[] {
    const letters = input.toLowerCase();
    for (let length = Math.min(LONGEST_SYLLABLE, letters.length); length > 0; length--) {
      const chars = table[letters.slice(0, length)];
      if (chars) return chars.split(' ').filter(Boolean).slice(0, limit).map((text) => ({ text, consumes: length }));
    }
    return [];
  }

  reset(): void {}

  close(): void {}
}
