import type { Handlers } from '../api/dispatcher';
import type { HandwritingService } from '../handwriting/handwriting-service';
import type { SpeechService } from '../speech/speech-service';
import type { ImeService } from './ime-service';

type InputMethod = Extract<keyof Handlers, `ime.${string}` | `handwriting.${string}` | `speech.${string}`>;
export type InputHandlers = Pick<Handlers, InputMethod>;

/** Pinyin, handwriting and read-aloud: the engines of the kiosk's keyboard and voice. */
export function inputHandlers(ime: ImeService, handwriting: HandwritingService, speech: SpeechService): InputHandlers {
  return {
    'ime.candidates': (query) => ime.candidates(query),
    'handwriting.recognise': (query) => handwriting.recognise(query),
    'speech.synthesize': ({ parts, lang }) => speech.say(parts, lang),
  };
}
