import koffi from 'koffi';
import { loadNativeLibrary } from '../native/load-library';

/**
 * librime's C API reached through koffi, without a C shim. `rime_get_api()` hands back a struct
 * of function pointers (rime_api.h, librime 1.x); the members are declared here in header order
 * so each offset is right, and only those we call are decoded into functions. The flat `Rime*`
 * exports do the same but are deprecated upstream.
 */

const API_MEMBERS = [
  'setup', 'set_notification_handler', 'initialize', 'finalize', 'start_maintenance', 'is_maintenance_mode',
  'join_maintenance_thread', 'deployer_initialize', 'prebuild', 'deploy', 'deploy_schema', 'deploy_config_file',
  'sync_user_data', 'create_session', 'find_session', 'destroy_session', 'cleanup_stale_sessions',
  'cleanup_all_sessions', 'process_key', 'commit_composition', 'clear_composition', 'get_commit', 'free_commit',
  'get_context', 'free_context', 'get_status', 'free_status', 'set_option', 'get_option', 'set_property',
  'get_property', 'get_schema_list', 'free_schema_list', 'get_current_schema', 'select_schema', 'schema_open',
  'config_open', 'config_close', 'config_get_bool', 'config_get_int', 'config_get_double', 'config_get_string',
  'config_get_cstring', 'config_update_signature', 'config_begin_map', 'config_next', 'config_end',
  'simulate_key_sequence', 'register_module', 'find_module', 'run_task', 'get_shared_data_dir',
  'get_user_data_dir', 'get_sync_dir', 'get_user_id', 'get_user_data_sync_dir', 'config_init',
  'config_load_string', 'config_set_bool', 'config_set_int', 'config_set_double', 'config_set_string',
  'config_get_item', 'config_set_item', 'config_clear', 'config_create_list', 'config_create_map',
  'config_list_size', 'config_begin_list', 'get_input', 'get_caret_pos', 'select_candidate', 'get_version',
  'set_caret_pos', 'select_candidate_on_current_page', 'candidate_list_begin', 'candidate_list_next',
  'candidate_list_end',
] as const;

const RimeTraits = koffi.struct('RimeTraits', {
  data_size: 'int',
  shared_data_dir: 'const char *',
  user_data_dir: 'const char *',
  distribution_name: 'const char *',
  distribution_code_name: 'const char *',
  distribution_version: 'const char *',
  app_name: 'const char *',
  modules: 'void *',
  min_log_level: 'int',
  log_dir: 'const char *',
  prebuilt_data_dir: 'const char *',
  staging_dir: 'const char *',
});

const RimeCandidate = koffi.struct('RimeCandidate', { text: 'char *', comment: 'char *', reserved: 'void *' });
const RimeCandidateListIterator = koffi.struct('RimeCandidateListIterator', {
  ptr: 'void *',
  index: 'int',
  candidate: RimeCandidate,
});
const RimeComposition = koffi.struct('RimeComposition', {
  length: 'int',
  cursor_pos: 'int',
  sel_start: 'int',
  sel_end: 'int',
  preedit: 'char *',
});
const RimeMenu = koffi.struct('RimeMenu', {
  page_size: 'int',
  page_no: 'int',
  is_last_page: 'int',
  highlighted_candidate_index: 'int',
  num_candidates: 'int',
  candidates: 'void *',
  select_keys: 'char *',
});
const RimeContext = koffi.struct('RimeContext', {
  data_size: 'int',
  composition: RimeComposition,
  menu: RimeMenu,
  commit_text_preview: 'char *',
  select_labels: 'void *',
});

const RimeApiStruct = koffi.struct('RimeApi', {
  data_size: 'int',
  ...Object.fromEntries(API_MEMBERS.map((name) => [name, 'void *'])),
});

const protos = {
  setup: koffi.proto('void rime_setup(RimeTraits *traits)'),
  initialize: koffi.proto('void rime_initialize(RimeTraits *traits)'),
  finalize: koffi.proto('void rime_finalize()'),
  start_maintenance: koffi.proto('int rime_start_maintenance(int full_check)'),
  join_maintenance_thread: koffi.proto('void rime_join_maintenance_thread()'),
  create_session: koffi.proto('uintptr_t rime_create_session()'),
  destroy_session: koffi.proto('int rime_destroy_session(uintptr_t session)'),
  select_schema: koffi.proto('int rime_select_schema(uintptr_t session, const char *schema_id)'),
  simulate_key_sequence: koffi.proto('int rime_simulate_key_sequence(uintptr_t session, const char *keys)'),
  clear_composition: koffi.proto('void rime_clear_composition(uintptr_t session)'),
  select_candidate: koffi.proto('int rime_select_candidate(uintptr_t session, size_t index)'),
  get_context: koffi.proto('int rime_get_context(uintptr_t session, RimeContext *context)'),
  free_context: koffi.proto('int rime_free_context(RimeContext *context)'),
  get_input: koffi.proto('const char *rime_get_input(uintptr_t session)'),
  get_version: koffi.proto('const char *rime_get_version()'),
  candidate_list_begin: koffi.proto('int rime_candidate_list_begin(uintptr_t session, RimeCandidateListIterator *it)'),
  candidate_list_next: koffi.proto('int rime_candidate_list_next(RimeCandidateListIterator *it)'),
  candidate_list_end: koffi.proto('void rime_candidate_list_end(RimeCandidateListIterator *it)'),
};

type Fn = (...args: unknown[]) => unknown;
export type RimeFunctions = { [K in keyof typeof protos]: Fn };

export interface RimeLibrary {
  fns: RimeFunctions;
  /** Traits in librime's layout, with its size field filled in. */
  traits(fields: Omit<Record<keyof typeof RimeTraits.members & string, unknown>, 'data_size' | 'modules'>): unknown;
  /** A candidate-list iterator in C memory (it is passed by pointer from begin to end). */
  newIterator(): { pointer: unknown; candidate(): { text: string; comment: string | null } };
  /** A context in C memory: librime fills its strings and frees them itself, so they must stay librime's. */
  withContext<T>(session: unknown, read: (composition: { preedit: string | null; sel_start: number }) => T): T | undefined;
}

const LIBRARY_NAMES = process.platform === 'win32' ? ['rime.dll'] : ['librime.so.1', 'librime.so'];

/** Loads librime or says why not (a machine without it falls back to the built-in table). */
export function loadRime(): RimeLibrary {
  const lib = loadNativeLibrary('librime', LIBRARY_NAMES);
  const getApi = lib.func('void *rime_get_api()');
  const apiPointer = getApi() as unknown;
  if (!apiPointer) throw new Error('rime_get_api() returned NULL');
  const api = koffi.decode(apiPointer, RimeApiStruct) as Record<string, unknown> & { data_size: number };
  // data_size counts the bytes after itself; a librime older than our member list would lack some.
  const needed = RimeApiStruct.members?.candidate_list_end;
  if (needed && api.data_size + koffi.sizeof('int') < needed.offset + koffi.sizeof('void *')) {
    throw new Error(`librime's API struct is too small (${api.data_size} bytes) for the members Tongban calls`);
  }
  const fns = Object.fromEntries(
    Object.entries(protos).map(([name, proto]) => {
      const pointer = api[name];
      if (!pointer) throw new Error(`librime's API lacks ${name}`);
      return [name, koffi.decode(pointer, proto) as Fn];
    }),
  ) as RimeFunctions;
  return {
    fns,
    traits: (fields) => ({ data_size: koffi.sizeof(RimeTraits) - koffi.sizeof('int'), modules: null, ...fields }),
    newIterator: () => {
      const pointer = koffi.alloc(RimeCandidateListIterator, 1);
      return {
        pointer,
        candidate: () => {
          const it = koffi.decode(pointer, RimeCandidateListIterator) as { candidate: { text: string; comment: string | null } };
          return it.candidate;
        },
      };
    },
    withContext: (session, read) => {
      const pointer = koffi.alloc(RimeContext, 1);
      try {
        koffi.encode(pointer, RimeContext, { data_size: koffi.sizeof(RimeContext) - koffi.sizeof('int') });
        if (!fns.get_context(session, pointer)) return undefined;
        try {
          const context = koffi.decode(pointer, RimeContext) as { composition: { preedit: string | null; sel_start: number } };
          return read(context.composition);
        } finally {
          fns.free_context(pointer);
        }
      } finally {
        koffi.free(pointer);
      }
    },
  };
}
