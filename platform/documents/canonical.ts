/**
 * The one serialisation a signature is computed over: JSON with object keys sorted by UTF-16
 * code units and no whitespace (the shape of RFC 8785 JCS for the values documents hold:
 * strings, finite numbers, booleans, null, arrays, plain objects). Two parties that hold the
 * same data therefore hash the same bytes whatever order their objects were built in.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$');
}

function serialise(value: unknown, at: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${at}: ${value} cannot be signed (not a finite number)`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => serialise(item, `${at}[${i}]`)).join(',')}]`;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`${at}: a ${(value as object).constructor?.name ?? 'non-plain object'} cannot be signed (plain objects only)`);
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialise(v, `${at}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${at}: a ${typeof value} cannot be signed`);
  }
}
