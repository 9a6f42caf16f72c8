// Go's view of JSON, for the request and response bodies of the Engine API. A GoType describes
// a moby struct (field order, JSON names, omitempty); `zero` builds its zero value (which is
// what moby prints for anything the client did not send) and `decode` reads a client's JSON the
// way encoding/json does: field names match case-insensitively, unknown fields are ignored,
// null leaves the zero value, and a type mismatch fails with Go's message.

export type GoType =
  | { k: 'string' }
  | { k: 'bool' }
  | { k: 'int'; go: string; min?: number; max?: number }
  | { k: 'float'; go: string }
  | { k: 'slice'; elem: GoType; go?: string }
  | { k: 'array'; len: number; elem: GoType; go: string }
  | { k: 'map'; elem: GoType; go?: string }
  | { k: 'ptr'; elem: GoType }
  | { k: 'struct'; name: string; fields: GoField[] }
  /** strslice.StrSlice: a string or an array of strings; decodes to string[] */
  | { k: 'strslice' }
  /** interface{} / json.RawMessage: anything */
  | { k: 'any' };

export interface GoField {
  name: string;
  type: GoType;
  omitempty?: boolean;
  /** Fields of an embedded struct are promoted into the parent. */
  embedded?: boolean;
}

export const str: GoType = { k: 'string' };
export const bool: GoType = { k: 'bool' };
export const int = (go = 'int'): GoType => {
  const ranges: Record<string, [number, number]> = {
    int: [-(2 ** 63), 2 ** 63 - 1],
    int64: [-(2 ** 63), 2 ** 63 - 1],
    int32: [-(2 ** 31), 2 ** 31 - 1],
    uint16: [0, 65535],
    uint32: [0, 2 ** 32 - 1],
    uint64: [0, 2 ** 64 - 1],
    uint: [0, 2 ** 64 - 1],
    uint8: [0, 255],
  };
  const r = ranges[go] ?? ranges.int!;
  return { k: 'int', go, min: r[0], max: r[1] };
};
export const i64 = int('int64');
export const float = (go = 'float64'): GoType => ({ k: 'float', go });
export const slice = (elem: GoType, go?: string): GoType => ({ k: 'slice', elem, go });
export const map = (elem: GoType, go?: string): GoType => ({ k: 'map', elem, go });
export const ptr = (elem: GoType): GoType => ({ k: 'ptr', elem });
export const strslice: GoType = { k: 'strslice' };
export const any: GoType = { k: 'any' };
export const struct = (name: string, fields: GoField[]): GoType => ({ k: 'struct', name, fields });
export const f = (name: string, type: GoType, opts: { omitempty?: boolean; embedded?: boolean } = {}): GoField => ({
  name,
  type,
  ...opts,
});
export const emptyStruct = struct('struct {}', []);

/** The zero value as moby would print it. */
export function zero(t: GoType): unknown {
  switch (t.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'float':
      return 0;
    case 'array':
      return Array.from({ length: t.len }, () => zero(t.elem));
    case 'struct': {
      const o: Record<string, unknown> = {};
      for (const fld of flatFields(t)) o[fld.name] = zero(fld.type);
      return o;
    }
    default:
      return null;
  }
}

/** Fields with embedded structs flattened, in Go's order. */
export function flatFields(t: Extract<GoType, { k: 'struct' }>): GoField[] {
  const out: GoField[] = [];
  for (const fld of t.fields) {
    if (fld.embedded && fld.type.k === 'struct') out.push(...flatFields(fld.type));
    else out.push(fld);
  }
  return out;
}

export class GoJsonError extends Error {}

function goTypeName(t: GoType): string {
  switch (t.k) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return t.go;
    case 'float':
      return t.go;
    case 'slice':
      return t.go ?? `[]${goTypeName(t.elem)}`;
    case 'array':
      return t.go;
    case 'map':
      return t.go ?? `map[string]${goTypeName(t.elem)}`;
    case 'ptr':
      return `*${goTypeName(t.elem)}`;
    case 'struct':
      return t.name;
    case 'strslice':
      return 'strslice.StrSlice';
    case 'any':
      return 'interface {}';
  }
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return 'number';
  return typeof v; // string, boolean
}

/**
 * Decodes `value` (already JSON.parse'd) into type t. `root` names the outermost Go type for
 * error messages ("CreateRequest"), `path` the field path so far.
 */
export function decode(t: GoType, value: unknown, root: string, path: string[] = [], into?: unknown): unknown {
  const fail = (what: string) => {
    const field = path.length > 0 ? `Go struct field ${root}.${path.join('.')}` : 'Go value';
    return new GoJsonError(`json: cannot unmarshal ${what} into ${field} of type ${goTypeName(t)}`);
  };
  if (value === null) {
    // null leaves the destination as it was (zero), except pointers/slices/maps become nil
    return into !== undefined && t.k !== 'ptr' && t.k !== 'slice' && t.k !== 'map' ? into : zero(t);
  }
  switch (t.k) {
    case 'any':
      return value;
    case 'string':
      if (typeof value !== 'string') throw fail(jsonKind(value));
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw fail(jsonKind(value));
      return value;
    case 'int': {
      if (typeof value !== 'number') throw fail(jsonKind(value));
      if (!Number.isInteger(value) || value < (t.min ?? -Infinity) || value > (t.max ?? Infinity))
        throw fail(`number ${numberText(value)}`);
      return value;
    }
    case 'float':
      if (typeof value !== 'number') throw fail(jsonKind(value));
      return value;
    case 'strslice':
      if (typeof value === 'string') return [value];
      if (!Array.isArray(value)) throw fail(jsonKind(value));
      return value.map((v, i) => {
        if (typeof v !== 'string') throw new GoJsonError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
        return v;
      });
    case 'slice':
      if (!Array.isArray(value)) throw fail(jsonKind(value));
      return value.map((v) => decode(t.elem, v, root, path));
    case 'array': {
      if (!Array.isArray(value)) throw fail(jsonKind(value));
      const out = zero(t) as unknown[];
      value.slice(0, t.len).forEach((v, i) => (out[i] = decode(t.elem, v, root, path)));
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw fail(jsonKind(value));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = decode(t.elem, v, root, path);
      return out;
    }
    case 'ptr':
      return decode(t.elem, value, root, path);
    case 'struct': {
      if (typeof value !== 'object' || Array.isArray(value)) throw fail(jsonKind(value));
      const out = (into as Record<string, unknown>) ?? (zero(t) as Record<string, unknown>);
      const fields = flatFields(t);
      const byLower = new Map(fields.map((fl) => [fl.name.toLowerCase(), fl]));
      const exact = new Map(fields.map((fl) => [fl.name, fl]));
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const fld = exact.get(k) ?? byLower.get(k.toLowerCase());
        if (!fld) continue;
        out[fld.name] = decode(fld.type, v, root, [...path, fld.name], out[fld.name]);
      }
      return out;
    }
  }
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

/**
 * Encodes a value built from GoTypes in moby's field order, dropping omitempty fields that hold
 * their empty value (false, 0, "", null, empty array or map).
 */
export function encodeOrdered(t: GoType, value: unknown): unknown {
  if (value === null || value === undefined) return t.k === 'struct' ? null : value ?? null;
  switch (t.k) {
    case 'ptr':
      return encodeOrdered(t.elem, value);
    case 'slice':
    case 'array':
      return (value as unknown[]).map((v) => encodeOrdered(t.elem, v));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value as object).sort()) out[k] = encodeOrdered(t.elem, (value as Record<string, unknown>)[k]);
      return out;
    }
    case 'struct': {
      const src = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const fld of flatFields(t)) {
        const v = src[fld.name];
        if (fld.omitempty && isEmpty(v)) continue;
        out[fld.name] = encodeOrdered(fld.type, v === undefined ? zero(fld.type) : v);
      }
      return out;
    }
    default:
      return value;
  }
}

export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}
