import { pinyin } from 'pinyin-pro';
import type { Candidate, PinyinEngine } from './pinyin-engine';
import { SURNAMES } from './surnames';

interface Surname {
  text: string;
  pinyin: string;
  rank: number;
}

let surnamesByPinyin: Surname[] | undefined;

function surnames(): Surname[] {
  surnamesByPinyin ??= SURNAMES.map((text, rank) => ({
    text,
    pinyin: pinyin(text, { surname: 'all', toneType: 'none', type: 'array', v: true }).join('').replace(/ü/g, 'v'),
    rank,
  }));
  return surnamesByPinyin;
}

const GIVEN_NAMES_TRIED = 3;
const SURNAMES_TRIED = 3;

/**
 * A name field's candidates. A sentence model reads wangxiuying as 网秀英 (a common word, then a
 * name): here the surname comes from the first syllable against the surname list, and the given
 * name is asked of the engine on its own (xiuying → 秀英), then joined; the engine's own
 * candidates follow. A field that already holds its surname asks the engine plainly.
 */
export function nameCandidates(engine: PinyinEngine, input: string, limit: number, hasSurname: boolean): Candidate[] {
  const own = engine.candidates(input, limit);
  if (hasSurname) return own;
  const letters = input.replace(/'/g, '');
  const matching = surnames().filter((s) => letters.startsWith(s.pinyin));
  const wholeChars = own[0]?.consumes === input.length ? [...own[0].text].length : undefined;
  const out: Candidate[] = [];
  const alone: Surname[] = [];
  for (const surname of matching.slice(0, SURNAMES_TRIED)) {
    const rest = letters.slice(surname.pinyin.length);
    if (rest === '') {
      alone.push(surname);
      continue;
    }
    const given = engine.candidates(rest, GIVEN_NAMES_TRIED).filter((c) => c.consumes === rest.length);
    // The engine's segmentation of the whole input is the syllable count: 查+嗯三 is not zhangsan.
    const fitting = given.filter((g) => wholeChars === undefined || [...surname.text + g.text].length === wholeChars);
    for (const g of fitting) out.push({ text: surname.text + g.text, consumes: input.length });
    // 万 is no surname of "wang…": a surname is offered alone only where a whole name begins with it.
    if (fitting.length > 0) alone.push(surname);
  }
  for (const surname of alone) out.push({ text: surname.text, consumes: surname.pinyin.length + apostrophesWithin(input, surname.pinyin.length) });
  const seen = new Set<string>();
  return [...out, ...own].filter((c) => !seen.has(c.text) && seen.add(c.text)).slice(0, limit);
}

/** Letters counted in the input include any syllable marks typed before them. */
function apostrophesWithin(input: string, letters: number): number {
  let seen = 0;
  let marks = 0;
  for (const ch of input) {
    if (seen === letters) break;
    if (ch === "'") marks++;
    else seen++;
  }
  return marks;
}
