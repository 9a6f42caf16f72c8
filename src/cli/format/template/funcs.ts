/**
 * Template functions: Go's builtins (and, or, not, len, index, slice, print, printf,
 * println, eq, ne, lt, le, gt, ge, html, js, urlquery, call) and those the docker CLI
 * 28.2.2 registers (templates/templates.go): json, split, join, title, lower, upper,
 * pad, truncate — plus the header variants it swaps in for table headers.
 */
import { REFLECT_VALUE, isTrue, resultValue, toJS, type GoFunc } from './exec';
import { goJSON } from './json';
import { sprint, sprintf, sprintln, sprintValue, formatValue } from './gofmt';
import {
  GoStruct,
  INVALID,
  STRING_SLICE,
  T,
  elemValue,
  isFloatKind,
  isIntKind,
  isNilValue,
  isUintKind,
  lengthOf,
  mapLookup,
  sliceItems,
  zeroValue,
  type Value,
} from './value';

const RV = REFLECT_VALUE;

function indirectInterface(v: Value): Value {
  if (v.type?.kind === 'interface' && (v.v === null || v.v === undefined)) return INVALID;
  return v.iface ? { type: v.type, v: v.v } : v;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';
function basicKind(v: Value): BasicKind {
  const k = v.type?.kind;
  if (!k) return 'invalid';
  if (k === 'bool') return 'bool';
  if (isIntKind(k)) return 'int';
  if (isUintKind(k)) return 'uint';
  if (isFloatKind(k)) return 'float';
  if (k === 'string') return 'string';
  return 'invalid';
}

const ERR_BAD_COMPARISON_TYPE = 'invalid type for comparison';
const ERR_BAD_COMPARISON = 'incompatible types for comparison';
const ERR_NO_COMPARISON = 'missing argument for comparison';

function eq(arg1: Value, ...rest: Value[]): boolean {
  arg1 = indirectInterface(arg1);
  if (rest.length === 0) throw new Error(ERR_NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = Number(arg1.v) >= 0 && Number(arg1.v) === Number(arg.v);
      else if (k1 === 'uint' && k2 === 'int') truth = Number(arg.v) >= 0 && Number(arg1.v) === Number(arg.v);
      else if (arg1.type && arg.type) throw new Error(ERR_BAD_COMPARISON);
    } else if (k1 !== 'invalid') {
      truth = k1 === 'string' ? String(arg1.v) === String(arg.v) : arg1.v === arg.v || Number(arg1.v) === Number(arg.v);
      if (k1 === 'bool') truth = arg1.v === arg.v;
    } else {
      // non-basic kinds: nil comparisons, or identity for comparable kinds
      const nil1 = !arg1.type || isNilValue(arg1);
      const nil2 = !arg.type || isNilValue(arg);
      if (arg1.type && arg.type && arg1.type.kind !== arg.type.kind) {
        throw new Error(`non-comparable types ${sprintValue(arg1)}: ${arg1.type.name}, ${arg.type.name}: ${sprintValue(arg)}`);
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else {
        const kk = arg.type!.kind;
        if (kk === 'slice' || kk === 'map' || kk === 'func') {
          throw new Error(`non-comparable type ${formatValue(arg, 's', { minus: false, plus: false, sharp: false, space: false, zero: false }, 0)}: ${arg.type!.name}`);
        }
        truth = arg1.v === arg.v;
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: Value, arg2: Value): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new Error(ERR_BAD_COMPARISON_TYPE);
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new Error(ERR_BAD_COMPARISON_TYPE);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return Number(arg1.v) < 0 || Number(arg1.v) < Number(arg2.v);
    if (k1 === 'uint' && k2 === 'int') return Number(arg2.v) >= 0 && Number(arg1.v) < Number(arg2.v);
    throw new Error(ERR_BAD_COMPARISON);
  }
  if (k1 === 'bool') throw new Error(ERR_BAD_COMPARISON_TYPE);
  if (k1 === 'string') return String(arg1.v) < String(arg2.v);
  return Number(arg1.v) < Number(arg2.v);
}
function le(a: Value, b: Value): boolean {
  return lt(a, b) || eq(a, b);
}

function indexArg(index: Value, cap: number): number {
  const k = index.type?.kind;
  let x: number;
  if (k && (isIntKind(k) || isUintKind(k))) x = Number(index.v);
  else if (!k) throw new Error('cannot index slice/array with nil');
  else throw new Error(`cannot index slice/array with type ${index.type!.name}`);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function indirectPtr(v: Value): { v: Value; isNil: boolean } {
  if ((v.type?.kind === 'ptr' || v.type?.kind === 'interface') && (v.v === null || v.v === undefined)) return { v, isNil: true };
  if (v.type?.kind === 'ptr') return { v: { type: { kind: 'struct', name: v.type.name.replace(/^\*/, '') }, v: v.v }, isNil: false };
  return { v, isNil: false };
}

function index(item: Value, ...indexes: Value[]): Value {
  item = indirectInterface(item);
  if (!item.type) throw new Error('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    const p = indirectPtr(item);
    if (p.isNil) throw new Error('index of nil pointer');
    item = p.v;
    const k = item.type!.kind;
    if (k === 'slice' || k === 'string') {
      const len = lengthOf(item);
      const x = indexArg(idx, len);
      // Go's reflect panics for x == len, after indexArg allowed it
      if (x === len) throw new Error(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      if (k === 'string') item = { type: { kind: 'uint8', name: 'uint8' }, v: new TextEncoder().encode(String(item.v))[x] };
      else item = elemValue(item.type!.elem, sliceItems(item)[x]);
    } else if (k === 'map') {
      const keyType = item.type!.key ?? T.string;
      if (!idx.type) {
        throw new Error(`value is nil; should be of type ${keyType.name}`);
      }
      if (idx.type.name !== keyType.name && keyType.kind !== 'interface') {
        throw new Error(`value has type ${idx.type.name}; should be ${keyType.name}`);
      }
      const { found, x } = mapLookup(item, String(idx.v));
      item = found ? elemValue(item.type!.elem, x) : zeroValue(item.type!.elem ?? T.iface);
    } else {
      throw new Error(`can't index item of type ${item.type!.name}`);
    }
  }
  return item;
}

function slice(item: Value, ...indexes: Value[]): Value {
  item = indirectInterface(item);
  if (!item.type) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const k = item.type.kind;
  let cap: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    cap = lengthOf(item);
  } else if (k === 'slice') {
    cap = lengthOf(item);
  } else {
    throw new Error(`can't slice item of type ${item.type.name}`);
  }
  const idx = [0, lengthOf(item), 0];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(ix, cap);
  });
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') {
    const bytes = new TextEncoder().encode(String(item.v)).slice(idx[0], idx[1]);
    return { type: item.type, v: new TextDecoder().decode(bytes) };
  }
  return { type: item.type, v: sliceItems(item).slice(idx[0], idx[1]) };
}

function length(item: Value): number {
  const p = indirectPtr(item);
  if (p.isNil) throw new Error('len of nil pointer');
  item = p.v;
  const k = item.type?.kind;
  if (k === 'slice' || k === 'map' || k === 'string') return lengthOf(item);
  throw new Error(`len of type ${item.type ? item.type.name : '<nil>'}`);
}

// html / js / urlquery -------------------------------------------------------------------
function evalArgs(args: Value[]): string {
  if (args.length === 1 && args[0]!.type?.kind === 'string') return String(args[0]!.v);
  return sprint(args);
}
function htmlEscape(s: string): string {
  return s
    .replace(/\0/g, '\uFFFD')
    .replace(/[&'<>"]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' })[c]!);
}
function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (cp < 0x20) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}
function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const fn = (params: GoFunc['params'], f: GoFunc['fn'], extra: Partial<GoFunc> = {}): GoFunc => ({ params, fn: f, ...extra });
const str = (v: Value): string => String(v.v ?? '');

/** Go's builtin template functions. */
export const builtinFuncs: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['and', fn([RV, RV], () => INVALID, { variadic: true })],
  ['or', fn([RV, RV], () => INVALID, { variadic: true })],
  ['not', fn([RV], (a) => ({ type: T.bool, v: !isTrue(indirectInterface(a))[0] }))],
  ['len', fn([RV], (a) => ({ type: T.int, v: length(a) }))],
  ['index', fn([RV, RV], (a, ...ix) => index(a, ...ix), { variadic: true })],
  ['slice', fn([RV, RV], (a, ...ix) => slice(a, ...ix), { variadic: true })],
  ['print', fn([T.iface], (...a) => ({ type: T.string, v: sprint(a) }), { variadic: true })],
  ['printf', fn([T.string, T.iface], (f, ...a) => ({ type: T.string, v: sprintf(str(f), a) }), { variadic: true })],
  ['println', fn([T.iface], (...a) => ({ type: T.string, v: sprintln(a) }), { variadic: true })],
  ['eq', fn([RV, RV], (a, ...b) => ({ type: T.bool, v: eq(a, ...b) }), { variadic: true })],
  ['ne', fn([RV, RV], (a, b) => ({ type: T.bool, v: !eq(a, b!) }))],
  ['lt', fn([RV, RV], (a, b) => ({ type: T.bool, v: lt(a, b!) }))],
  ['le', fn([RV, RV], (a, b) => ({ type: T.bool, v: le(a, b!) }))],
  ['gt', fn([RV, RV], (a, b) => ({ type: T.bool, v: !le(a, b!) }))],
  ['ge', fn([RV, RV], (a, b) => ({ type: T.bool, v: !lt(a, b!) }))],
  ['html', fn([T.iface], (...a) => ({ type: T.string, v: htmlEscape(evalArgs(a)) }), { variadic: true })],
  ['js', fn([T.iface], (...a) => ({ type: T.string, v: jsEscape(evalArgs(a)) }), { variadic: true })],
  ['urlquery', fn([T.iface], (...a) => ({ type: T.string, v: queryEscape(evalArgs(a)) }), { variadic: true })],
  [
    'call',
    fn(
      [RV, RV],
      (f, ...args) => {
        f = indirectInterface(f);
        if (!f.type) throw new Error('call of nil');
        if (f.type.kind !== 'func' || typeof f.v !== 'function') throw new Error(`non-function of type ${f.type.name}`);
        return resultValue((f.v as (...a: unknown[]) => unknown)(...args.map(toJS)));
      },
      { variadic: true },
    ),
  ],
]);

// ---- docker CLI functions (templates/templates.go) ---------------------------------------

/** strings.Title: upper-case the first letter of each word. */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}
function isSeparator(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (cp <= 0x7f) {
    if (/[0-9A-Za-z_]/.test(c)) return false;
    return true;
  }
  if (/[\p{L}\p{Nd}]/u.test(c)) return false;
  return /\s/u.test(c);
}

/** strings.ToUpper: simple (one-to-one) case mapping per rune, as Go's unicode tables do. */
export function goToUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += Array.from(u).length === 1 ? u : ch;
  }
  return out;
}

/** strings.ToLower with simple case mapping (İ → i). */
export function goToLower(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') {
      out += 'i';
      continue;
    }
    const l = ch.toLowerCase();
    out += Array.from(l).length === 1 ? l : ch;
  }
  return out;
}

/** strings.Split. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

function truncateBytes(s: string, n: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length < n) return s;
  return new TextDecoder().decode(bytes.slice(0, n));
}

function jsonFunc(v: Value): Value {
  return { type: T.string, v: goJSON(indirectForJSON(v)) };
}
function indirectForJSON(v: Value): Value {
  return v.iface ? { type: v.type, v: v.v } : v;
}

/** The functions the docker CLI adds to every template. */
export const dockerFuncs: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['json', fn([T.iface], jsonFunc)],
  ['split', fn([T.string, T.string], (s, sep) => ({ type: STRING_SLICE, v: goSplit(str(s), str(sep)) }))],
  ['join', fn([STRING_SLICE, T.string], (elems, sep) => ({ type: T.string, v: (sliceItems(elems) as string[]).join(str(sep)) }))],
  ['title', fn([T.string], (s) => ({ type: T.string, v: goTitle(str(s)) }))],
  ['lower', fn([T.string], (s) => ({ type: T.string, v: goToLower(str(s)) }))],
  ['upper', fn([T.string], (s) => ({ type: T.string, v: goToUpper(str(s)) }))],
  [
    'pad',
    fn([T.string, T.int, T.int], (s, p, q) => {
      const src = str(s);
      if (src === '') return { type: T.string, v: src };
      if (Number(p.v) < 0 || Number(q.v) < 0) throw new Error('strings: negative Repeat count');
      return { type: T.string, v: ' '.repeat(Number(p.v)) + src + ' '.repeat(Number(q.v)) };
    }),
  ],
  ['truncate', fn([T.string, T.int], (s, n) => ({ type: T.string, v: truncateBytes(str(s), Number(n.v)) }))],
]);

/** templates.HeaderFunctions: used when the header row of a table is rendered. */
export const dockerHeaderFuncs: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['json', fn([T.string], (v) => v)],
  ['split', fn([T.string, T.string], (v) => v)],
  ['join', fn([T.string, T.string], (v) => v)],
  ['title', fn([T.string], (v) => v)],
  ['lower', fn([T.string], (v) => v)],
  ['upper', fn([T.string], (v) => v)],
  ['truncate', fn([T.string, T.int], (v) => v)],
]);

void GoStruct;
