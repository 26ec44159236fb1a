import type { StopList } from '../../common/stop-list';
import type { Handlers } from '../api/dispatcher';
import { HandwritingService } from '../handwriting/handwriting-service';
import type { Logger } from '../logging/logger';
import type { SessionService } from '../session/session-service';
import { SpeechService } from '../speech/speech-service';
import { ImeService } from './ime-service';

type InputMethod = Extract<keyof Handlers, `ime.${string}` | `handwriting.${string}` | `speech.${string}`>;
export type InputHandlers = Pick<Handlers, InputMethod>;

/**
 * Pinyin, handwriting and read-aloud: the engines of the kiosk's keyboard and voice, each
 * loaded on first use. A session's end gives librime a fresh session; close unloads them.
 */
export function inputHandlers(deps: { sessions: SessionService; stops: StopList; log: Logger }): InputHandlers {
  const ime = new ImeService({ log: deps.log.child({ service: 'ime' }) });
  deps.sessions.onWipe(() => ime.reset());
  const handwriting = new HandwritingService({ log: deps.log.child({ service: 'handwriting' }) });
  const speech = new SpeechService({ log: deps.log.child({ service: 'speech' }) });
  deps.stops.add(() => {
    ime.close();
    handwriting.close();
  });
  return {
    'ime.candidates': (query) => ime.candidates(query),
    'handwriting.recognise': (query) => handwriting.recognise(query),
    'speech.synthesize': ({ parts, lang }) => speech.say(parts, lang),
  };
}
