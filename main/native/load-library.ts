import koffi from 'koffi';

export type NativeLibrary = ReturnType<typeof koffi.load>;

/**
 * Opens the first of a C library's file names that the dynamic loader finds (the versioned
 * soname, then the development link), or says which names were tried and why the last failed,
 * so a machine without the engine falls back with a reason a technician can act on.
 */
export function loadNativeLibrary(what: string, names: readonly string[]): NativeLibrary {
  let lastError: unknown;
  for (const name of names) {
    try {
      return koffi.load(name);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`${what} not found (${names.join(', ')}): ${String(lastError)}`);
}
