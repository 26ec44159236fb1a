import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { loadRime, type RimeLibrary } from './rime-binding';

export interface RimeOptions {
  /** Debian's rime-data (luna_pinyin, essay, prelude). */
  sharedDataDir?: string;
  /** Where librime's per-machine build lives; a fresh temporary directory when not given. */
  userDataDir?: string;
}

import type { Candidate, PinyinEngine } from './pinyin-engine';

const SCHEMA = 'luna_pinyin_simp';
/** librime's setup starts glog, which aborts the process if started twice: once per process it is. */
let setUp = false;
const DEFAULT_SHARED = process.platform === 'win32' ? 'rime-data' : '/usr/share/rime-data';

/**
 * A shared kiosk must learn nothing from one citizen for the next: the schema list is cut to the
 * one schema (a 0.5 s deploy instead of 6 s) and the translator's user dictionary is switched off.
 */
const DEFAULT_CUSTOM = `patch:\n  schema_list:\n    - schema: ${SCHEMA}\n`;
const SCHEMA_CUSTOM = `patch:\n  translator/enable_user_dict: false\n  translator/enable_sentence: true\n`;

/**
 * librime behind a stateless call: each query types the whole pinyin into a clean composition
 * and reads the candidates. All calls run synchronously on the one JS thread (librime's own
 * maintenance thread is joined with no notification handler set, which koffi would deadlock on).
 */
export class RimeEngine implements PinyinEngine {
  readonly name = 'rime';
  readonly #lib: RimeLibrary;
  readonly #userDir: string;
  readonly #ownsUserDir: boolean;
  #session: unknown = 0;

  constructor(options: RimeOptions = {}) {
    this.#lib = loadRime();
    this.#ownsUserDir = options.userDataDir === undefined;
    this.#userDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'tongban-rime-'));
    writeFileSync(join(this.#userDir, 'default.custom.yaml'), DEFAULT_CUSTOM);
    writeFileSync(join(this.#userDir, `${SCHEMA}.custom.yaml`), SCHEMA_CUSTOM);
    const shared = options.sharedDataDir ?? DEFAULT_SHARED;
    const { fns } = this.#lib;
    const traits = this.#lib.traits({
      shared_data_dir: shared,
      user_data_dir: this.#userDir,
      distribution_name: 'Tongban',
      distribution_code_name: 'tongban',
      distribution_version: '1',
      app_name: 'rime.tongban',
      min_log_level: 2,
      log_dir: '',
      prebuilt_data_dir: join(shared, 'build'),
      staging_dir: join(this.#userDir, 'build'),
    });
    if (!setUp) fns.setup(traits);
    setUp = true;
    fns.initialize(traits);
    if (fns.start_maintenance(1)) fns.join_maintenance_thread();
    this.#session = this.#newSession();
  }

  get version(): string {
    return String(this.#lib.fns.get_version());
  }

  #newSession(): unknown {
    const { fns } = this.#lib;
    const session = fns.create_session();
    if (!session) throw new Error('librime could not create a session');
    if (!fns.select_schema(session, SCHEMA)) throw new Error(`librime has no schema ${SCHEMA} (rime-data-luna-pinyin installed?)`);
    return session;
  }

  #type(input: string): void {
    const { fns } = this.#lib;
    fns.clear_composition(this.#session);
    fns.simulate_key_sequence(this.#session, input);
  }

  /** Candidates for the whole input, best first; each says how much of the input it covers. */
  candidates(input: string, limit: number): Candidate[] {
    if (input === '') return [];
    const { fns } = this.#lib;
    this.#type(input);
    const out: Candidate[] = [];
    const iterator = this.#lib.newIterator();
    try {
      if (fns.candidate_list_begin(this.#session, iterator.pointer)) {
        while (out.length < limit && fns.candidate_list_next(iterator.pointer)) {
          out.push({ text: iterator.candidate().text, consumes: 0 });
        }
        fns.candidate_list_end(iterator.pointer);
      }
    } finally {
      koffi.free(iterator.pointer);
    }
    // The first candidate is librime's sentence over all the input; those of the same length do too.
    const whole = out[0] ? [...out[0].text].length : 0;
    const consumed = new Map<number, number>([[whole, input.length]]);
    for (const candidate of out) {
      const chars = [...candidate.text].length;
      if (!consumed.has(chars)) consumed.set(chars, this.#consumedBy(input, chars));
      candidate.consumes = consumed.get(chars) ?? input.length;
    }
    fns.clear_composition(this.#session);
    return out;
  }

  /** How many letters of `input` the first `chars` syllables take, as librime segments them. */
  #consumedBy(input: string, chars: number): number {
    const { fns } = this.#lib;
    this.#type(input);
    const iterator = this.#lib.newIterator();
    let index = -1;
    try {
      if (fns.candidate_list_begin(this.#session, iterator.pointer)) {
        for (let i = 0; fns.candidate_list_next(iterator.pointer); i++) {
          if ([...iterator.candidate().text].length === chars) {
            index = i;
            break;
          }
        }
        fns.candidate_list_end(iterator.pointer);
      }
    } finally {
      koffi.free(iterator.pointer);
    }
    if (index < 0 || !fns.select_candidate(this.#session, index)) return input.length;
    // After a partial choice the preedit is the chosen text then the letters still to convert
    // ("张san"); librime may space or mark syllables in those letters, which are not input.
    const rest = this.#lib.withContext(this.#session, (composition) => (composition.preedit ?? '').replace(/^[^a-z]+/i, '')) ?? '';
    return Math.max(0, input.length - rest.replace(/[^a-z]/gi, '').length);
  }

  /** A new session, so nothing typed by the last citizen is left in librime's composition. */
  reset(): void {
    this.#lib.fns.destroy_session(this.#session);
    this.#session = this.#newSession();
  }

  close(): void {
    const { fns } = this.#lib;
    fns.destroy_session(this.#session);
    fns.finalize();
    if (this.#ownsUserDir) rmSync(this.#userDir, { recursive: true, force: true });
  }
}
