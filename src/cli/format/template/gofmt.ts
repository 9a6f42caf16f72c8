/**
 * Go's fmt for template values: Sprint, Sprintln, Sprintf and the %v rendering that
 * text/template uses to print values (`map[a:b]`, `[a b]`, `{x y}`, `<nil>`).
 */
import { formatFloat } from '../../../units/gofloat';
import { goQuote, goQuoteRune, goQuoteToASCII } from '../../../units/go-quote';
import {
  GoStruct,
  isFloatKind,
  isIntKind,
  isNilValue,
  isUintKind,
  elemValue,
  sliceItems,
  sortedMapEntries,
  type Value,
} from './value';

interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const NO_FLAGS: Flags = { minus: false, plus: false, sharp: false, space: false, zero: false };

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(s: string, f: Flags, zeroOK = false): string {
  if (f.width === undefined) return s;
  const n = f.width - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  if (f.zero && zeroOK) {
    // zero padding goes after the sign
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function truncateRunes(s: string, n: number): string {
  let out = '';
  let i = 0;
  for (const ch of s) {
    if (i++ >= n) break;
    out += ch;
  }
  return out;
}

function typeName(v: Value): string {
  return v.type ? v.type.name : '<nil>';
}

/** The Stringer of a value, if it has one. */
function stringer(v: Value): (() => string) | undefined {
  if (v.v instanceof GoStruct && v.v.options.string) return v.v.options.string;
  return undefined;
}

function intText(n: number | bigint, base: number, upper: boolean): string {
  let s = (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n)).toString(base);
  if (upper) s = s.toUpperCase();
  return s;
}

function fmtInteger(v: Value, verb: string, f: Flags): string {
  const n = v.v as number | bigint;
  const neg = typeof n === 'bigint' ? n < 0n : n < 0;
  let digits: string;
  let prefix = '';
  switch (verb) {
    case 'd':
    case 'v':
      digits = intText(n, 10, false);
      break;
    case 'b':
      digits = intText(n, 2, false);
      if (f.sharp) prefix = '0b';
      break;
    case 'o':
    case 'O':
      digits = intText(n, 8, false);
      if (verb === 'O') prefix = '0o';
      else if (f.sharp) prefix = '0';
      break;
    case 'x':
      digits = intText(n, 16, false);
      if (f.sharp) prefix = '0x';
      break;
    case 'X':
      digits = intText(n, 16, true);
      if (f.sharp) prefix = '0X';
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(n)), f);
    case 'q':
      return pad(goQuoteRune(Number(n)), f);
    case 'U': {
      let s = 'U+' + intText(n, 16, true).padStart(4, '0');
      if (f.sharp) s += ` '${String.fromCodePoint(Number(n))}'`;
      return pad(s, f);
    }
    default:
      return badVerb(v, verb);
  }
  if (f.prec !== undefined) {
    if (f.prec === 0 && Number(n) === 0) digits = '';
    digits = digits.padStart(f.prec, '0');
  }
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + prefix + digits, f, f.prec === undefined);
}

function fmtFloatVerb(v: Value, verb: string, f: Flags): string {
  const x = v.v as number;
  let s: string;
  switch (verb) {
    case 'v':
    case 'g':
      s = formatFloat(x, 'g', f.prec ?? -1);
      break;
    case 'G':
      s = formatFloat(x, 'G', f.prec ?? -1);
      break;
    case 'e':
    case 'E':
      s = formatFloat(x, verb, f.prec ?? 6);
      break;
    case 'f':
    case 'F':
      s = formatFloat(x, 'f', f.prec ?? 6);
      break;
    case 'x':
    case 'X':
      s = hexFloat(x, f.prec ?? -1, verb === 'X');
      break;
    default:
      return badVerb(v, verb);
  }
  if (f.plus && s[0] !== '-' && s[0] !== '+') s = '+' + s;
  else if (f.space && s[0] !== '-' && s[0] !== '+') s = ' ' + s;
  if (s === '+Inf' && !f.plus) s = f.space ? ' Inf' : '+Inf';
  const special = /Inf|NaN/.test(s);
  return pad(s, f, !special);
}

/** strconv.FormatFloat(x, 'x', prec, 64): `0x1.cp+01` (shortest, or rounded to prec hex digits, ties to even). */
function hexFloat(x: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0 && mant === 0n) {
    exp = 0;
  } else if (exp === 0) {
    // subnormal: normalise so that the leading bit is at position 52
    exp = -1022;
    while ((mant & (1n << 52n)) === 0n) {
      mant <<= 1n;
      exp--;
    }
  } else {
    mant |= 1n << 52n;
    exp -= 1023;
  }
  // mant has the leading 1 at bit 52 (or is 0); round the 52 fraction bits to prec hex digits
  if (prec >= 0 && prec < 13) {
    const shift = BigInt(52 - 4 * prec);
    const half = 1n << (shift - 1n);
    const rem = mant & ((1n << shift) - 1n);
    mant >>= shift;
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
    if (mant >> BigInt(4 * prec + 1) !== 0n) {
      mant >>= 1n;
      exp++;
    }
    mant <<= shift;
  }
  const lead = mant === 0n ? '0' : '1';
  let frac = (mant & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  if (prec < 0) frac = frac.replace(/0+$/, '');
  else frac = prec <= 13 ? frac.slice(0, prec) : frac.padEnd(prec, '0');
  const e = (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  const s = (neg ? '-' : '') + '0x' + lead + (frac ? '.' + frac : '') + 'p' + e;
  return upper ? s.toUpperCase() : s;
}

function hexOfString(s: string, upper: boolean, f: Flags): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  bytes.forEach((b, i) => {
    if (f.space && i > 0) out += ' ';
    if (f.sharp && (f.space || i === 0)) out += upper ? '0X' : '0x';
    const h = b.toString(16).padStart(2, '0');
    out += upper ? h.toUpperCase() : h;
  });
  return out;
}

function fmtString(s: string, verb: string, f: Flags, v: Value): string {
  switch (verb) {
    case 'v':
    case 's':
      return pad(f.prec !== undefined ? truncateRunes(s, f.prec) : s, f);
    case 'q': {
      const t = f.prec !== undefined ? truncateRunes(s, f.prec) : s;
      if (f.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(t)) return pad('`' + t + '`', f);
      return pad(f.plus ? goQuoteToASCII(t) : goQuote(t), f);
    }
    case 'x':
    case 'X':
      return pad(hexOfString(f.prec !== undefined ? truncateRunes(s, f.prec) : s, verb === 'X', f), f);
    default:
      return badVerb(v, verb);
  }
}

function badVerb(v: Value, verb: string): string {
  if (!v.type || (v.type.kind === 'interface' && isNilValue(v))) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatValue(v, 'v', NO_FLAGS, 0)})`;
}

/** Print one value with a verb, as fmt's printValue does (depth > 0 inside containers). */
export function formatValue(v: Value, verb: string, f: Flags, depth: number): string {
  if (verb === 'T') return pad(typeName(v), f);
  if (!v.type || (v.type.kind === 'interface' && (v.v === null || v.v === undefined))) {
    if (verb === 'v') return pad('<nil>', f);
    return badVerb(v, verb);
  }
  // Stringer / MarshalJSON-free Go methods
  const str = stringer(v);
  if (str && (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X')) {
    return fmtString(str(), verb, f, v);
  }
  const k = v.type.kind;
  if (k === 'bool') {
    if (verb === 'v' || verb === 't') return pad(v.v ? 'true' : 'false', f);
    return badVerb(v, verb);
  }
  if (isIntKind(k) || isUintKind(k)) return fmtInteger(v, verb, f);
  if (isFloatKind(k)) return fmtFloatVerb(v, verb, f);
  if (k === 'string') return fmtString(String(v.v), verb, f, v);
  if (k === 'slice') {
    if (v.v === null && depth === 0 && verb === 'v' && f.sharp) return `${typeName(v)}(nil)`;
    const items = sliceItems(v).map((x) => formatValue(elemValue(v.type!.elem, x), verb, f, depth + 1));
    return '[' + items.join(' ') + ']';
  }
  if (k === 'map') {
    const parts = sortedMapEntries(v).map(
      ([key, x]) =>
        formatValue({ type: v.type!.key ?? null, v: key }, verb, f, depth + 1) +
        ':' +
        formatValue(elemValue(v.type!.elem, x), verb, f, depth + 1),
    );
    return 'map[' + parts.join(' ') + ']';
  }
  if (k === 'ptr' || k === 'struct') {
    if (v.v === null || v.v === undefined) return verb === 'v' || verb === 's' ? '<nil>' : badVerb(v, verb);
    const s = v.v as GoStruct;
    if (k === 'ptr' && depth > 0) return '0xc000010000';
    const fields = Object.entries(s.fields).map(([name, x]) => {
      const val = formatValue(elemValue(undefined, x), verb, f, depth + 1);
      return f.plus ? `${name}:${val}` : val;
    });
    return (k === 'ptr' ? '&' : '') + '{' + fields.join(' ') + '}';
  }
  if (k === 'func') return '0x47b6a0';
  return badVerb(v, verb);
}

/** %v of a value (what {{.}} prints for non-nil values). */
export function sprintValue(v: Value): string {
  return formatValue(v, 'v', NO_FLAGS, 0);
}

function isStringValue(v: Value): boolean {
  return v.type?.kind === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringValue(a) && !isStringValue(args[i - 1]!)) out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** fmt.Sprintln: spaces between all operands, newline at the end. */
export function sprintln(args: Value[]): string {
  return args.map(sprintValue).join(' ') + '\n';
}

function intArg(v: Value | undefined): number | undefined {
  if (!v || !v.type) return undefined;
  if (isIntKind(v.type.kind) || isUintKind(v.type.kind)) return Number(v.v);
  return undefined;
}

/** fmt.Sprintf with Go's verbs, flags, width/precision (including `*`) and error forms. */
export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f: Flags = { minus: false, plus: false, sharp: false, space: false, zero: false };
    flags: for (; i < n; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    // width
    if (format[i] === '*') {
      i++;
      const w = intArg(args[argNum]);
      if (w === undefined) out += '%!(BADWIDTH)';
      else {
        f.width = Math.abs(w);
        if (w < 0) {
          f.minus = true;
          f.zero = false;
        }
      }
      argNum++;
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        f.width = Number(m[0]);
        i += m[0].length;
      }
    }
    // precision
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const p = intArg(args[argNum]);
        if (p === undefined || p < 0) {
          out += '%!(BADPREC)';
        } else f.prec = p;
        argNum++;
      } else {
        const m = /^\d+/.exec(format.slice(i));
        f.prec = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argNum++]!;
    if (verb === 'v' && f.sharp) {
      out += formatValue(arg, 'v', f, 0);
      continue;
    }
    out += formatValue(arg, verb, f, 0);
  }
  if (argNum < args.length) {
    out +=
      '%!(EXTRA ' +
      args
        .slice(argNum)
        .map((a) => (a.type ? `${typeName(a)}=${sprintValue(a)}` : '<nil>'))
        .join(', ') +
      ')';
  }
  return out;
}
