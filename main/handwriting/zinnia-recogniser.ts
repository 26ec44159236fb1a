import koffi from 'koffi';
import { loadNativeLibrary } from '../native/load-library';

export type Stroke = readonly (readonly [number, number])[];

export interface Recognition {
  text: string;
  score: number;
}

/** The file names the dynamic loader is asked for: Debian's soname, or a DLL placed beside a Windows build. */
export const ZINNIA_LIBRARY_NAMES = process.platform === 'win32' ? ['zinnia.dll', 'libzinnia.dll'] : ['libzinnia.so.0', 'libzinnia.so'];
/** Debian's tegaki-zinnia-simplified-chinese. */
export const DEFAULT_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';

type Functions = Record<string, (...args: unknown[]) => unknown>;
const bound = new Map<string, Functions>();
let typesDeclared = false;

/** libzinnia's functions, bound once per library: koffi's type names are global, and two models share one library. */
function zinnia(libraryNames: readonly string[]): Functions {
  const key = libraryNames.join('\n');
  const known = bound.get(key);
  if (known) return known;
  const lib = loadNativeLibrary('libzinnia', libraryNames);
  if (!typesDeclared) {
    koffi.opaque('zinnia_recognizer_t');
    koffi.opaque('zinnia_character_t');
    koffi.opaque('zinnia_result_t');
    typesDeclared = true;
  }
  const fns: Functions = {
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
  bound.set(key, fns);
  return fns;
}

/**
 * Zinnia's flat C API through koffi: one recogniser with one model, one character reused for each
 * request. Calls are synchronous (~7 ms for a whole character), on the JS thread.
 */
export class ZinniaRecogniser {
  readonly #fns: Functions;
  readonly #recogniser: unknown;
  readonly #character: unknown;

  constructor(modelPath: string = DEFAULT_MODEL, libraryNames: readonly string[] = ZINNIA_LIBRARY_NAMES) {
    this.#fns = zinnia(libraryNames);
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
