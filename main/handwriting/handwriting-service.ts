import type { z } from 'zod';
import type { HandwritingQuery } from '../../contract/terminal/input-api';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import { ZinniaRecogniser } from './zinnia-recogniser';

export interface HandwritingServiceOptions {
  log: Logger;
  modelPath?: string;
}

/** Handwriting (手写) recognised offline by Zinnia; the model loads when the pad is first used. */
export class HandwritingService {
  readonly #options: HandwritingServiceOptions;
  #recogniser: ZinniaRecogniser | undefined;
  #failed = false;

  constructor(options: HandwritingServiceOptions) {
    this.#options = options;
  }

  get available(): boolean {
    return this.#open() !== undefined;
  }

  #open(): ZinniaRecogniser | undefined {
    if (!this.#recogniser && !this.#failed) {
      try {
        this.#recogniser = new ZinniaRecogniser(this.#options.modelPath);
      } catch (error) {
        this.#failed = true;
        this.#options.log.warn({ err: error }, 'handwriting recogniser unavailable');
      }
    }
    return this.#recogniser;
  }

  recognise(query: z.output<typeof HandwritingQuery>): { candidates: string[] } {
    const recogniser = this.#open();
    if (!recogniser) throw new ApiFailure('unavailable', 'handwriting recogniser (zinnia) is not installed');
    return { candidates: recogniser.classify(query.strokes, query.width, query.height, query.limit).map((r) => r.text) };
  }

  close(): void {
    this.#recogniser?.close();
    this.#recogniser = undefined;
  }
}
