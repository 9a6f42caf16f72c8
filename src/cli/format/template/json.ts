/**
 * encoding/json as the docker CLI's `json` template function uses it: compact, HTML
 * escaping off, map keys sorted, struct fields in declaration order, a MarshalJSON
 * override honoured, floats formatted as Go does, no trailing newline.
 */
import { formatFloat } from '../../../units/gofloat';
import {
  GoStruct,
  GoTyped,
  elemValue,
  isFloatKind,
  isIntKind,
  isUintKind,
  mapEntries,
  sliceItems,
  type Value,
} from './value';

function encodeString(s: string, escapeHTML = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
    }
    if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + cp.toString(16);
    else if (cp < 0x20) out += '\\u' + cp.toString(16).padStart(4, '0');
    else if (cp === 0x2028 || cp === 0x2029) out += '\\u' + cp.toString(16);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // lone surrogate: invalid UTF-8 in Go
    else out += ch;
  }
  return out + '"';
}

function encodeFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`json: unsupported value: ${formatFloat(x, 'g', -1)}`);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go: 'e' format with a two-digit exponent shortened (1e-07 -> 1e-7)
    return formatFloat(x, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return formatFloat(x, 'f', -1);
}

/** JSON of a plain JS value read as Go would (objects keep their key order). */
function encodeJS(x: unknown, escapeHTML = false): string {
  if (x instanceof GoTyped || x instanceof GoStruct) return encodeValue(elemValue(undefined, x));
  if (x === null || x === undefined) return 'null';
  switch (typeof x) {
    case 'string':
      return encodeString(x, escapeHTML);
    case 'boolean':
      return x ? 'true' : 'false';
    case 'number':
      return Number.isInteger(x) ? String(x) : encodeFloat(x);
    case 'bigint':
      return x.toString();
    case 'function':
      throw new Error('json: unsupported type: func()');
  }
  if (Array.isArray(x)) return '[' + x.map((e) => encodeJS(e, escapeHTML)).join(',') + ']';
  if (x instanceof Map) {
    const keys = [...x.keys()].map(String).sort();
    return '{' + keys.map((k) => encodeString(k, escapeHTML) + ':' + encodeJS(x.get(k), escapeHTML)).join(',') + '}';
  }
  const o = x as Record<string, unknown>;
  return '{' + Object.keys(o).map((k) => encodeString(k, escapeHTML) + ':' + encodeJS(o[k], escapeHTML)).join(',') + '}';
}

/**
 * A MarshalJSON method built on json.Marshal of a map (as the CLI's formatter contexts do):
 * keys sorted, and HTML characters escaped (`<` → `\u003c`), which the `json` template
 * function keeps since it cannot undo the method's own encoding.
 */
function encodeMarshalJSON(x: unknown): string {
  if (x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Map) && !(x instanceof GoTyped) && !(x instanceof GoStruct)) {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return '{' + keys.map((k) => encodeString(k, true) + ':' + encodeJS(o[k], true)).join(',') + '}';
  }
  return encodeJS(x, true);
}

/** JSON of a typed template value. */
export function encodeValue(v: Value): string {
  if (!v.type) return 'null';
  const k = v.type.kind;
  if (v.v instanceof GoStruct) {
    const s = v.v;
    if (s.options.json) return encodeMarshalJSON(s.options.json());
    if (s.options.mapKind) {
      const keys = Object.keys(s.fields).sort();
      return '{' + keys.map((key) => encodeString(key) + ':' + encodeJS(s.fields[key])).join(',') + '}';
    }
    return '{' + Object.entries(s.fields).map(([name, x]) => encodeString(name) + ':' + encodeJS(x)).join(',') + '}';
  }
  if (v.v === null || v.v === undefined) return 'null';
  if (v.type.name === 'json.Number') return String(v.v);
  if (k === 'bool') return v.v ? 'true' : 'false';
  if (k === 'string') return encodeString(String(v.v));
  if (isIntKind(k) || isUintKind(k)) return String(v.v);
  if (isFloatKind(k)) return encodeFloat(v.v as number);
  if (k === 'slice') {
    return '[' + sliceItems(v).map((x) => encodeValue(elemValue(v.type!.elem, x))).join(',') + ']';
  }
  if (k === 'map') {
    // a JS Map is a Go map (sorted keys); a plain object keeps its key order, which is the
    // order the daemon wrote (struct field order, or already-sorted map keys)
    if (v.v instanceof Map || !isPlainObjectLike(v.v)) {
      const entries = mapEntries(v).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return '{' + entries.map(([key, x]) => encodeString(key) + ':' + encodeValue(elemValue(v.type!.elem, x))).join(',') + '}';
    }
    const o = v.v as Record<string, unknown>;
    return '{' + Object.keys(o).map((key) => encodeString(key) + ':' + encodeValue(elemValue(v.type!.elem, o[key]))).join(',') + '}';
  }
  if (k === 'interface') return encodeJS(v.v);
  if (k === 'func') throw new Error(`json: unsupported type: ${v.type.name}`);
  return encodeJS(v.v);
}

function isPlainObjectLike(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** The docker CLI's `json` function: Go's encoding without HTML escaping and without the newline. */
export function goJSON(v: Value): string {
  return encodeValue(v);
}
