import type { SpeechPart } from '../../contract/terminal/input-api';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import { synthesize, wavSeconds } from './espeak-voice';
import { spokenText } from './spoken-text';

const CACHE_ENTRIES = 64;

export interface SpeechServiceOptions {
  log: Logger;
  command?: string;
}

/**
 * Read-aloud (语音播报) made in the terminal process and played by the page. Screens repeat the
 * same titles all day, so recent utterances are kept — but never one with a code in it (a case
 * number belongs to one citizen).
 */
export class SpeechService {
  readonly #options: SpeechServiceOptions;
  readonly #cache = new Map<string, Promise<{ wav: string; seconds: number }>>();

  constructor(options: SpeechServiceOptions) {
    this.#options = options;
  }

  say(parts: readonly SpeechPart[], lang: 'zh-CN' | 'en'): Promise<{ wav: string; seconds: number }> {
    const text = spokenText(parts, lang);
    const key = `${lang}\u0000${text}`;
    const keep = parts.every((part) => 'text' in part);
    const cached = this.#cache.get(key);
    if (cached) {
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const made = synthesize(text, lang, this.#options.command).then(
      ({ wav }) => ({ wav: wav.toString('base64'), seconds: wavSeconds(wav) }),
      (error: unknown) => {
        this.#cache.delete(key);
        this.#options.log.warn({ err: error }, 'speech synthesis failed');
        throw new ApiFailure('unavailable', 'speech synthesis (espeak-ng) failed');
      },
    );
    if (!keep) return made;
    this.#cache.set(key, made);
    while (this.#cache.size > CACHE_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
    return made;
  }
}
