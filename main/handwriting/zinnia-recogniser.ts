import koffi from 'koffi';
import { loadNativeLibrary } from '../native/load-library';

export type Stroke = readonly (readonly [number, number])[];

export interface Recognition {
  text: string;
  score: number;
}

const LIBRARY_NAMES = process.platform === 'win32' ? ['zinnia.dll', 'libzinnia.dll'] : ['libzinnia.so.0', 'libzinnia.so'];
/** Debian's tegaki-zinnia-simplified-chinese. */
export const DEFAULT_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';

/**
 * Zinnia's flat C API through koffi: one recogniser with the Simplified Chinese model, one
 * character reused for each request. Calls are synchronous (~15 ms a character), on the JS thread.
 */
export class ZinniaRecogniser {
  readonly #fns: Record<string, (...args: unknown[]) => unknown>;
  readonly #recogniser: unknown;
  readonly #character: unknown;

  constructor(modelPath: string = DEFAULT_MODEL) {
    const lib = loadNativeLibrary('libzinnia', LIBRARY_NAMES);
    koffi.opaque('zinnia_recognizer_t');
    koffi.opaque('zinnia_character_t');
    koffi.opaque('zinnia_result_t');
    this.#fns = {
      recogniserNew: lib.func('zinnia_recognizer_t *zinnia_recognizer_new()'),
      open: lib.func('int zinnia_recognizer_open(zinnia_recognizer_t *r, const char *filename)'),
      strerror: lib.func('const char *zinnia_recognizer_strerror(zinnia_recognizer_t *r)'),
      recogniserDestroy: lib.func('void zinnia_recognizer_destroy(zinnia_recognizer_t *r)'),
      characterNew: lib.func('zinnia_character_t *zinnia_character_new()'),
      characterDestroy: lib.func('void zinnia_character_destroy(zinnia_character_t *c)'),
      clear: lib.func('void zinnia_character_clear(zinnia_character_t *c)'),
      setWidth: lib.func('void zinnia_character_set_width(zinnia_character_t *c, size_t width)'),
      setHeight: lib.func('void zinnia_character_set_height(zinnia_character_t *c, size_t height)'),
      add: lib.func('int zinnia_character_add(zinnia_character_t *c, size_t id, int x, int y)'),
      classify: lib.func('zinnia_result_t *zinnia_recognizer_classify(zinnia_recognizer_t *r, zinnia_character_t *c, size_t nbest)'),
      value: lib.func('const char *zinnia_result_value(zinnia_result_t *result, size_t i)'),
      score: lib.func('float zinnia_result_score(zinnia_result_t *result, size_t i)'),
      size: lib.func('size_t zinnia_result_size(zinnia_result_t *result)'),
      resultDestroy: lib.func('void zinnia_result_destroy(zinnia_result_t *result)'),
    };
    const f = this.#fns;
    this.#recogniser = f.recogniserNew!();
    if (!f.open!(this.#recogniser, modelPath)) {
      const why = String(f.strerror!(this.#recogniser));
      f.recogniserDestroy!(this.#recogniser);
      throw new Error(`zinnia could not open the model ${modelPath}: ${why}`);
    }
    this.#character = f.characterNew!();
  }

  /** The best `limit` characters for strokes drawn on a `width` × `height` pad. */
  classify(strokes: readonly Stroke[], width: number, height: number, limit: number): Recognition[] {
    const f = this.#fns;
    const character = this.#character;
    f.clear!(character);
    f.setWidth!(character, Math.max(1, Math.round(width)));
    f.setHeight!(character, Math.max(1, Math.round(height)));
    strokes.forEach((stroke, id) => {
      for (const [x, y] of stroke) f.add!(character, id, Math.round(x), Math.round(y));
    });
    const result = f.classify!(this.#recogniser, character, limit);
    if (!result) return [];
    try {
      const count = Number(f.size!(result));
      const out: Recognition[] = [];
      for (let i = 0; i < count; i++) out.push({ text: String(f.value!(result, i)), score: Number(f.score!(result, i)) });
      return out;
    } finally {
      f.resultDestroy!(result);
    }
  }

  close(): void {
    this.#fns.characterDestroy!(this.#character);
    this.#fns.recogniserDestroy!(this.#recogniser);
  }
}
