import type { PinyinCandidate } from '../../../contract/terminal/input-api';

/** Pinyin being typed, not yet in the field: lower-case letters and syllable marks only. */
export function typePinyin(composition: string, key: string): string {
  return /^[a-z']$/i.test(key) && composition.length < 40 ? composition + key.toLowerCase() : composition;
}

/** A candidate goes into the field and takes the letters it stands for off the front. */
export function pickCandidate(value: string, composition: string, candidate: PinyinCandidate): { value: string; composition: string } {
  return { value: value + candidate.text, composition: composition.slice(candidate.consumes).replace(/^'+/, '') };
}

/** A name field holds its surname once any Chinese character is in it: what follows is the given name. */
export function hasSurname(value: string): boolean {
  return /\p{Script=Han}/u.test(value);
}

/** A query the engine accepts: it must start with a letter. */
export function queryable(composition: string): string | undefined {
  const trimmed = composition.replace(/^'+/, '');
  return /^[a-z]/.test(trimmed) ? trimmed : undefined;
}
