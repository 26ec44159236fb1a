/**
 * When the paper under the document camera has stopped moving: successive small greyscale
 * thumbnails of the live view differ by little, for long enough, and something is in view
 * (an empty desk is still too, but uniform).
 */
export interface StillnessOptions {
  /** Mean absolute difference (0–255) below which two thumbnails count as the same. */
  maxChange?: number;
  /** How many consecutive still samples make "still". */
  samples?: number;
  /** Standard deviation (0–255) a thumbnail needs to hold a paper with text rather than an empty desk. */
  minDetail?: number;
}

export class StillnessMeter {
  #previous: Uint8Array | undefined;
  #still = 0;
  readonly #maxChange: number;
  readonly #samples: number;
  readonly #minDetail: number;

  constructor(options: StillnessOptions = {}) {
    this.#maxChange = options.maxChange ?? 2.5;
    this.#samples = options.samples ?? 4;
    this.#minDetail = options.minDetail ?? 12;
  }

  /** Feeds one greyscale thumbnail; true once the view has been still for long enough. */
  push(grey: Uint8Array): boolean {
    const previous = this.#previous;
    this.#previous = grey;
    if (!previous || previous.length !== grey.length || grey.length === 0) {
      this.#still = 0;
      return false;
    }
    let change = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < grey.length; i += 1) {
      const v = grey[i] as number;
      change += Math.abs(v - (previous[i] as number));
      sum += v;
      squares += v * v;
    }
    const mean = sum / grey.length;
    const detail = Math.sqrt(Math.max(0, squares / grey.length - mean * mean));
    this.#still = change / grey.length <= this.#maxChange && detail >= this.#minDetail ? this.#still + 1 : 0;
    return this.#still >= this.#samples;
  }

  reset(): void {
    this.#previous = undefined;
    this.#still = 0;
  }
}

/** RGBA pixels (a canvas's ImageData) as luma, for the meter. */
export function toGrey(rgba: Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < grey.length; i += 1) {
    grey[i] = Math.round(0.299 * (rgba[i * 4] as number) + 0.587 * (rgba[i * 4 + 1] as number) + 0.114 * (rgba[i * 4 + 2] as number));
  }
  return grey;
}
