/**
 * A small model of Go values for the template engine: enough of reflect to evaluate
 * fields, methods, maps, slices and basic kinds with text/template's semantics and
 * error texts.
 *
 * Plain JavaScript data is read as Go would see decoded JSON, with types inferred:
 *   string → string, boolean → bool, integer number → int, other number → float64,
 *   bigint → int64, null → nil (interface {}), array → []string when every element is
 *   a string, else []interface {}, plain object / Map → map[string]string when every
 *   value is a string, else map[string]interface {}.
 * `GoStruct` models a Go struct pointer with fields and methods (the CLI's formatter
 * contexts), `goTyped` pins an explicit Go type on a value.
 */

export type Kind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'ptr'
  | 'interface'
  | 'func';

export interface GoType {
  readonly kind: Exclude<Kind, 'invalid'>;
  /** The name Go prints for the type: `int`, `[]string`, `map[string]interface {}`, `*formatter.ContainerContext`. */
  readonly name: string;
  readonly elem?: GoType;
  readonly key?: GoType;
}

const basic = (kind: GoType['kind'], name: string = kind): GoType => ({ kind, name });

export const T = {
  bool: basic('bool'),
  int: basic('int'),
  int64: basic('int64'),
  uint16: basic('uint16'),
  uint64: basic('uint64'),
  float64: basic('float64'),
  string: basic('string'),
  iface: basic('interface', 'interface {}'),
  /** encoding/json.Number: a string kind printed as its text. */
  jsonNumber: basic('string', 'json.Number'),
  func: basic('func', 'func'),
} as const;

export function sliceOf(elem: GoType): GoType {
  return { kind: 'slice', name: `[]${elem.name}`, elem };
}
export function mapOf(key: GoType, elem: GoType): GoType {
  return { kind: 'map', name: `map[${key.name}]${elem.name}`, key, elem };
}
export const STRING_SLICE = sliceOf(T.string);
export const IFACE_SLICE = sliceOf(T.iface);
export const STRING_MAP = mapOf(T.string, T.string);
export const IFACE_MAP = mapOf(T.string, T.iface);

export function isIntKind(k: Kind): boolean {
  return k === 'int' || k === 'int8' || k === 'int16' || k === 'int32' || k === 'int64';
}
export function isUintKind(k: Kind): boolean {
  return k === 'uint' || k === 'uint8' || k === 'uint16' || k === 'uint32' || k === 'uint64';
}
export function isFloatKind(k: Kind): boolean {
  return k === 'float32' || k === 'float64';
}

/** A method of a GoStruct: a function plus (optionally) the Go types of its parameters. */
export interface GoMethod {
  readonly fn: (...args: unknown[]) => unknown;
  /** Parameter types; the last is the element type when `variadic`. Default: none. */
  readonly params?: readonly GoType[];
  readonly variadic?: boolean;
  /** Declared result type, when the returned JS value alone would be inferred wrongly. */
  readonly result?: GoType;
}

/** Declare a method with typed parameters, e.g. `goMethod((k) => labels[k], T.string)`. */
export function goMethod(fn: (...args: never[]) => unknown, ...params: GoType[]): GoMethod {
  return { fn: fn as (...args: unknown[]) => unknown, params };
}

export interface GoStructOptions {
  /**
   * A MarshalJSON method: `json` encodes this value instead of the fields, the way
   * json.Marshal would (plain-object keys sorted, HTML characters escaped as \u003c…).
   */
  readonly json?: () => unknown;
  /** A String() method: used when the value is printed. */
  readonly string?: () => string;
  /** The struct is a value (printed `{…}`) rather than a pointer (printed `&{…}`). Default: pointer when typeName starts with '*'. */
  readonly pointer?: boolean;
  /**
   * The type is a map[string]string with methods (like formatter.SubHeaderContext):
   * `fields` are its entries; missing keys read as missing map keys.
   */
  readonly mapKind?: boolean;
}

/**
 * A Go struct (usually a pointer to one): exported fields in declaration order and
 * methods. `typeName` is what Go errors print, e.g. `*formatter.ContainerContext`.
 */
export class GoStruct {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly methods: Readonly<Record<string, GoMethod | ((...args: never[]) => unknown)>>;
  readonly options: GoStructOptions;
  constructor(
    readonly typeName: string,
    fields: Record<string, unknown> = {},
    methods: Record<string, GoMethod | ((...args: never[]) => unknown)> = {},
    options: GoStructOptions = {},
  ) {
    this.fields = fields;
    this.methods = methods;
    this.options = options;
  }
}

/** A value with an explicit Go type (e.g. an int64 field, a []string that may be empty). */
export class GoTyped {
  constructor(
    readonly type: GoType,
    readonly value: unknown,
  ) {}
}
export function goTyped(type: GoType, value: unknown): GoTyped {
  return new GoTyped(type, value);
}
/** A json.Number (the raw-JSON fallback of `docker inspect` decodes numbers this way). */
export function jsonNumber(text: string | number): GoTyped {
  return new GoTyped(T.jsonNumber, String(text));
}

/** reflect.Value analogue. `type` null means the invalid (zero) Value. */
export interface Value {
  readonly type: GoType | null;
  readonly v: unknown;
  /** Held in an interface {} (an element of []interface {} or map[string]interface {}): errors name the static type `interface {}`. */
  readonly iface?: boolean;
}

export const INVALID: Value = Object.freeze({ type: null, v: undefined });

/** A nil interface {} (what a JSON null decodes to). */
export const NIL_IFACE: Value = Object.freeze({ type: T.iface, v: null });

function structType(s: GoStruct): GoType {
  if (s.options.mapKind) return { kind: 'map', name: s.typeName, key: T.string, elem: T.string };
  const pointer = s.options.pointer ?? s.typeName.startsWith('*');
  return { kind: pointer ? 'ptr' : 'struct', name: s.typeName };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Infer a Go type for a JS value (see module doc). */
export function typeOfJS(x: unknown): GoType | null {
  if (x === undefined) return null;
  if (x === null) return T.iface;
  if (x instanceof GoTyped) return x.type;
  if (x instanceof GoStruct) return structType(x);
  switch (typeof x) {
    case 'string':
      return T.string;
    case 'boolean':
      return T.bool;
    case 'number':
      return Number.isSafeInteger(x) ? T.int : T.float64;
    case 'bigint':
      return T.int64;
    case 'function':
      return T.func;
  }
  if (Array.isArray(x)) {
    return x.length > 0 && x.every((e) => typeof e === 'string') ? STRING_SLICE : IFACE_SLICE;
  }
  if (x instanceof Map) {
    const vals = [...x.values()];
    return vals.length > 0 && vals.every((e) => typeof e === 'string') ? STRING_MAP : IFACE_MAP;
  }
  if (isPlainObject(x)) {
    const vals = Object.values(x);
    return vals.length > 0 && vals.every((e) => typeof e === 'string') ? STRING_MAP : IFACE_MAP;
  }
  return T.iface;
}

/** Wrap a JS value as a Value with its inferred (or explicit) type. */
export function valueOf(x: unknown): Value {
  if (x instanceof GoTyped) return { type: x.type, v: x.value };
  const type = typeOfJS(x);
  if (type === null) return INVALID;
  return { type, v: x };
}

/** A value stored in a container whose element type is `elem` (interface elements hold their dynamic type). */
export function elemValue(elem: GoType | undefined, x: unknown): Value {
  if (!elem || elem.kind === 'interface') {
    if (x === null || x === undefined) return { type: elem ?? T.iface, v: null };
    const v = valueOf(x);
    return elem ? { ...v, iface: true } : v;
  }
  if (x instanceof GoTyped) return { type: x.type, v: x.value };
  if (x instanceof GoStruct) return valueOf(x);
  return { type: elem, v: x ?? zeroJS(elem) };
}

/** The JS representation of a Go zero value of `t`. */
export function zeroJS(t: GoType): unknown {
  switch (t.kind) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'slice':
    case 'map':
    case 'ptr':
    case 'interface':
    case 'func':
      return null;
    case 'struct':
      return null;
    default:
      return 0;
  }
}

export function zeroValue(t: GoType): Value {
  return { type: t, v: zeroJS(t) };
}

// ---- container access ---------------------------------------------------------------

export function sliceItems(v: Value): unknown[] {
  if (v.v === null || v.v === undefined) return [];
  if (typeof v.v === 'string') return [...new TextEncoder().encode(v.v)];
  return v.v as unknown[];
}

export function mapEntries(v: Value): [string, unknown][] {
  const m = v.v;
  if (m === null || m === undefined) return [];
  if (m instanceof Map) return [...m.entries()].map(([k, x]) => [String(k), x]);
  if (m instanceof GoStruct) return Object.entries(m.fields);
  return Object.entries(m as Record<string, unknown>);
}

/** Map entries in Go's sorted key order (fmt and range sort map keys). */
export function sortedMapEntries(v: Value): [string, unknown][] {
  const keyKind = v.type?.key?.kind ?? 'string';
  const entries = mapEntries(v);
  if (isIntKind(keyKind) || isUintKind(keyKind) || isFloatKind(keyKind)) {
    return entries.sort((a, b) => Number(a[0]) - Number(b[0]));
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function mapLookup(v: Value, key: string): { found: boolean; x: unknown } {
  const m = v.v;
  if (m === null || m === undefined) return { found: false, x: undefined };
  if (m instanceof Map) return m.has(key) ? { found: true, x: m.get(key) } : { found: false, x: undefined };
  const o = (m instanceof GoStruct ? m.fields : m) as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(o, key) ? { found: true, x: o[key] } : { found: false, x: undefined };
}

/** Is the Value a nil of a nilable kind? */
export function isNilValue(v: Value): boolean {
  if (!v.type) return false;
  switch (v.type.kind) {
    case 'slice':
    case 'map':
    case 'ptr':
    case 'interface':
    case 'func':
      return v.v === null || v.v === undefined;
    default:
      return false;
  }
}

/** Length as reflect.Value.Len (strings count bytes). */
export function lengthOf(v: Value): number {
  const k = v.type?.kind;
  if (k === 'string') return new TextEncoder().encode(v.v as string).length;
  if (k === 'slice') return sliceItems(v).length;
  if (k === 'map') return mapEntries(v).length;
  return 0;
}
