import type { StopList } from '../../common/stop-list';
import type { TerminalConfig } from '../../kiosk-config/schema';
import type { Handlers } from '../api/dispatcher';
import type { HandwritingService } from '../handwriting/handwriting-service';
import type { Logger } from '../logging/logger';
import type { SessionService } from '../session/session-service';
import { SpeechService } from '../speech/speech-service';
import type { ImeService } from './ime-service';

type InputMethod = Extract<keyof Handlers, `ime.${string}` | `handwriting.${string}` | `speech.${string}`>;
export type InputHandlers = Pick<Handlers, InputMethod>;

/**
 * Pinyin, handwriting and read-aloud: the engines of the kiosk's keyboard and voice, each
 * loaded on first use. The pinyin and handwriting modules themselves (koffi, a native FFI of
 * 4 MB) are imported when a keyboard first opens or is typed on, not at start-up: most kiosk
 * visits type nothing.
 * A session's end gives librime a fresh session; close unloads them.
 */
export function inputHandlers(deps: { sessions: SessionService; stops: StopList; log: Logger; handwriting?: TerminalConfig['handwriting'] }): InputHandlers {
  let ime: ImeService | undefined;
  let handwriting: HandwritingService | undefined;
  const imeService = async () => {
    const { ImeService } = await import('./ime-service');
    return (ime ??= new ImeService({ log: deps.log.child({ service: 'ime' }) }));
  };
  const handwritingService = async () => {
    const { HandwritingService } = await import('../handwriting/handwriting-service');
    const where = deps.handwriting ?? {};
    return (handwriting ??= new HandwritingService({
      log: deps.log.child({ service: 'handwriting' }),
      modelPath: where.model,
      kanjiModelPath: where.kanjiModel,
      libraryNames: where.library === undefined ? undefined : [where.library],
    }));
  };
  deps.sessions.onWipe(() => ime?.reset());
  const speech = new SpeechService({ log: deps.log.child({ service: 'speech' }) });
  deps.stops.add(() => {
    ime?.close();
    handwriting?.close();
  });
  return {
    'ime.candidates': async (query) => (await imeService()).candidates(query),
    'handwriting.status': async () => ({ available: (await handwritingService()).available }),
    'handwriting.recognise': async (query) => (await handwritingService()).recognise(query),
    'speech.synthesize': ({ parts, lang }) => speech.say(parts, lang),
  };
}
