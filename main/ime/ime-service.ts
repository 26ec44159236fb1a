import type { z } from 'zod';
import type { PinyinQuery } from '../../contract/terminal/input-api';
import type { Logger } from '../logging/logger';
import { nameCandidates } from './name-candidates';
import type { Candidate, PinyinEngine } from './pinyin-engine';
import { RimeEngine, type RimeOptions } from './rime-engine';
import { TableEngine } from './table-engine';

export interface ImeServiceOptions {
  log: Logger;
  rime?: RimeOptions;
  /** Tests of the fallback pass a maker that fails, as on a machine without librime. */
  makeRime?: () => PinyinEngine;
}

/**
 * The kiosk's pinyin input: librime, deployed into a disposable directory on first use (half a
 * second, so not at start-up), or the built-in table where librime cannot be loaded.
 */
export class ImeService {
  readonly #options: ImeServiceOptions;
  #engine: PinyinEngine | undefined;

  constructor(options: ImeServiceOptions) {
    this.#options = options;
  }

  get engine(): PinyinEngine {
    if (!this.#engine) {
      const makeRime = this.#options.makeRime ?? (() => new RimeEngine(this.#options.rime));
      try {
        this.#engine = makeRime();
      } catch (error) {
        this.#options.log.warn({ err: error }, 'librime unavailable: pinyin falls back to the single-syllable table');
        this.#engine = new TableEngine();
      }
    }
    return this.#engine;
  }

  candidates(query: z.output<typeof PinyinQuery>): { engine: PinyinEngine['name']; candidates: Candidate[] } {
    const engine = this.engine;
    const candidates =
      query.kind === 'personName'
        ? nameCandidates(engine, query.input, query.limit, query.hasSurname)
        : engine.candidates(query.input, query.limit);
    return { engine: engine.name, candidates };
  }

  /** Session end: a fresh librime session, so no composition of the last citizen survives. */
  reset(): void {
    this.#engine?.reset();
  }

  close(): void {
    this.#engine?.close();
    this.#engine = undefined;
  }
}
