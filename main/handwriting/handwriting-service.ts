import type { z } from 'zod';
import type { HandwritingQuery } from '../../contract/terminal/input-api';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import { fuseByBestScore } from './fuse-candidates';
import { gb2312Hanzi } from './gb2312';
import { DEFAULT_MODEL, ZINNIA_LIBRARY_NAMES, ZinniaRecogniser } from './zinnia-recogniser';

/** Debian's tegaki-zinnia-japanese: kanji written by other hands, many of them shared with Chinese names (山 安 何 生). */
export const KANJI_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-ja.model';

/**
 * The second model's list is asked for more than the caller's limit, since its kana and
 * Japanese-only forms are dropped before fusing.
 */
const KANJI_EXTRA = 20;

export interface HandwritingServiceOptions {
  log: Logger;
  /** The Simplified Chinese model; without it there is no handwriting. */
  modelPath?: string;
  /** The second model fused with the first; `false` leaves it out. Missing, the first works alone. */
  kanjiModelPath?: string | false;
  /** Where libzinnia is looked for (Debian's soname, or zinnia.dll beside a Windows build). */
  libraryNames?: readonly string[];
}

interface Recognisers {
  chinese: ZinniaRecogniser;
  kanji: ZinniaRecogniser | undefined;
}

/**
 * Handwriting (手写) recognised offline by Zinnia, the models loaded when the pad is first used:
 * the Simplified Chinese model, fused with the Japanese one where it is installed (top-5 over 517
 * name characters 88% → 92%, bench/kiosk). Without libzinnia or the Chinese model the pad is off
 * and the keyboard keeps pinyin and letters; the log tells a technician what to install.
 */
export class HandwritingService {
  readonly #options: HandwritingServiceOptions;
  #recognisers: Recognisers | undefined;
  #failure: string | undefined;

  constructor(options: HandwritingServiceOptions) {
    this.#options = options;
  }

  get available(): boolean {
    return this.#open() !== undefined;
  }

  #open(): Recognisers | undefined {
    if (this.#recognisers || this.#failure) return this.#recognisers;
    const { log, modelPath = DEFAULT_MODEL, kanjiModelPath = KANJI_MODEL, libraryNames = ZINNIA_LIBRARY_NAMES } = this.#options;
    let chinese: ZinniaRecogniser;
    try {
      chinese = new ZinniaRecogniser(modelPath, libraryNames);
    } catch (error) {
      this.#failure = error instanceof Error ? error.message : String(error);
      log.warn(
        { err: error, libraryNames, modelPath },
        'handwriting (手写) is off: libzinnia or its Simplified Chinese model cannot be opened; install libzinnia0 and tegaki-zinnia-simplified-chinese (on Windows put zinnia.dll beside the app and set the model path). Pinyin and the letter keys still work',
      );
      return undefined;
    }
    let kanji: ZinniaRecogniser | undefined;
    if (kanjiModelPath !== false) {
      try {
        kanji = new ZinniaRecogniser(kanjiModelPath, libraryNames);
      } catch (error) {
        log.warn({ err: error, modelPath: kanjiModelPath }, 'handwriting works with the Chinese model alone: the second (tegaki-zinnia-japanese) model cannot be opened, so fewer characters are found');
      }
    }
    this.#recognisers = { chinese, kanji };
    return this.#recognisers;
  }

  recognise(query: z.output<typeof HandwritingQuery>): { candidates: string[] } {
    const recognisers = this.#open();
    if (!recognisers) throw new ApiFailure('unavailable', `handwriting recogniser (zinnia) is not installed: ${this.#failure ?? ''}`);
    const { strokes, width, height, limit } = query;
    const lists = [recognisers.chinese.classify(strokes, width, height, limit)];
    if (recognisers.kanji) {
      const hanzi = gb2312Hanzi();
      lists.push(recognisers.kanji.classify(strokes, width, height, limit + KANJI_EXTRA).filter((r) => hanzi.has(r.text)));
    }
    return { candidates: fuseByBestScore(lists, limit).map((r) => r.text) };
  }

  close(): void {
    this.#recognisers?.chinese.close();
    this.#recognisers?.kanji?.close();
    this.#recognisers = undefined;
  }
}
