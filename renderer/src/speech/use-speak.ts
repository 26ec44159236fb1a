import { useEffect } from 'preact/hooks';
import type { SpeechPart } from '../../../contract/terminal/input-api';
import type { MessageKey } from '../i18n';
import { translate } from '../i18n';
import { useApi } from '../state/api-context';
import { locale } from '../state/store';
import { readAloud, speak } from './read-aloud';

/** A message of the i18n table, or a code (case number, queue number) read one character at a time. */
export type SpokenPiece =
  | MessageKey
  | { key: MessageKey; params?: Record<string, string | number> }
  | { code: string }
  /** Catalogue content (a service's name and summary), already in the screen's language. */
  | { text: string };

export function spokenParts(pieces: readonly (SpokenPiece | false | null | undefined)[], current: typeof locale.value): SpeechPart[] {
  return pieces.flatMap((piece): SpeechPart[] => {
    if (!piece) return [];
    if (typeof piece === 'string') return [{ text: `${translate(current, piece)}。` }];
    if ('code' in piece) return piece.code ? [{ code: piece.code }] : [];
    if ('text' in piece) return piece.text ? [{ text: `${piece.text.slice(0, 390)}。` }] : [];
    return [{ text: `${translate(current, piece.key, piece.params)}。` }];
  });
}

/**
 * What a screen reads aloud when it appears (and again when its words change): its title and
 * main instruction. Pass only what is on the screen for everyone — never a name, an ID number
 * or an address — and codes as `{ code }` so they are read digit by digit.
 */
export function useSpeak(...pieces: (SpokenPiece | false | null | undefined)[]): void {
  const api = useApi();
  const current = locale.value;
  const on = readAloud.value;
  const parts = spokenParts(pieces, current);
  const signature = JSON.stringify(parts);
  useEffect(() => {
    if (on) void speak(api, parts, current);
  }, [signature, on]);
}
