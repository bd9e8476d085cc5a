/** A JSON value as the cache keys it: what `canonicalJson` accepts. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * Serialises a JSON value with object keys sorted by code unit at every depth and properties whose
 * value is `undefined` left out, so `{ a: 1, b: undefined }`, `{ a: 1 }` and `{ b: undefined, a: 1 }`
 * serialise the same. Array order is kept: it means something. `null` stays distinct from absent,
 * since a provider option set to null is not the same request as one left out. Throws a TypeError
 * on non-finite numbers and on values JSON has no form for (functions, bigints, symbols), because
 * `JSON.stringify` would silently turn them into `null` and two different requests into one key.
 */
export function canonicalJson(value: JsonValue): string {
  return serialise(value, '$');
}

function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}: a cache key needs finite numbers`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, index) => serialise(item ?? null, `${path}[${index}]`)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${serialise(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path} is a ${typeof value}: a cache key holds JSON values only`);
  }
}
