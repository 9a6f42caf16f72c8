/**
 * Sizes as github.com/docker/go-units v0.5.0 prints and parses them (the version the
 * docker CLI 28.2.2 and moby 28.2.2 vendor). Printing uses Go's `%.<p>g` (see
 * gofloat.ts), parsing follows go-units' parseSize and Go's strconv.ParseFloat.
 */
import { formatFloat } from './gofloat';
import { goQuote } from './go-quote';

export const KB = 1000;
export const MB = 1000 * KB;
export const GB = 1000 * MB;
export const TB = 1000 * GB;
export const PB = 1000 * TB;
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, units: readonly string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i]!];
}

/** HumanSizeWithPrecision: base 1000, units B kB MB GB …, `%.<precision>g`, no space. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const [size, unit] = sizeAndUnit(bytes, 1000, DECIMAL_ABBRS);
  return formatFloat(size, 'g', precision) + unit;
}

/** HumanSize: `humanSizeWithPrecision(bytes, 4)` — `1.234kB`, `187.7MB`, `0B`. */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** BytesSize: base 1024, units B KiB MiB GiB …, `%.4g` — `3.5MiB`, `7.667GiB`. */
export function bytesSize(bytes: number): string {
  const [size, unit] = sizeAndUnit(bytes, 1024, BINARY_ABBRS);
  return formatFloat(size, 'g', 4) + unit;
}

// ---------------------------------------------------------------------------------
// strconv.ParseFloat (64-bit), as far as go-units' parsing needs it.

function syntaxError(s: string): Error {
  return new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
}
function rangeError(s: string): Error {
  return new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: value out of range`);
}

/** Go's rule for digit-separating underscores: each one between two digits (or after 0x). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1]!.toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1]!.toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * strconv.ParseFloat(s, 64): decimal and hexadecimal (`0x1.8p3`) forms, `inf`,
 * `infinity`, `nan` (any case). Throws Go's *NumError text.
 */
export function parseGoFloat(s: string): number {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  let t = s;
  if (t.includes('_')) {
    if (!underscoreOK(t)) throw syntaxError(s);
    t = t.replace(/_/g, '');
  }
  let value: number;
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) {
    value = Number(t);
  } else {
    const hex = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))[pP]([+-]?\d+)$/.exec(t);
    if (!hex) throw syntaxError(s);
    const [intPart, fracPart = ''] = hex[2]!.split('.');
    const mant = BigInt('0x' + ((intPart ?? '') + fracPart || '0'));
    const exp = Number(hex[3]) - 4 * fracPart.length;
    value = Number(mant) * 2 ** exp;
    if (!Number.isFinite(value) && mant !== 0n) value = Infinity;
    if (hex[1] === '-') value = -value;
  }
  if (!Number.isFinite(value)) throw rangeError(s);
  return value;
}

/** Go's int64(f) on amd64: truncation, and the "integer indefinite" value when out of range. */
function goInt64(f: number): number {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) {
    return -9223372036854775808;
  }
  const t = Math.trunc(f);
  return t === 0 ? 0 : t; // no -0
}

type UnitMap = Record<string, number>;
const DECIMAL_MAP: UnitMap = { k: KB, m: MB, g: GB, t: TB, p: PB };
const BINARY_MAP: UnitMap = { k: KiB, m: MiB, g: GiB, t: TiB, p: PiB };

function lastIndexAny(s: string, chars: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (chars.includes(s[i]!)) return i;
  return -1;
}

function parseSize(sizeStr: string, map: UnitMap): number {
  const sep = lastIndexAny(sizeStr, '01234567890. ');
  if (sep === -1) throw new Error(`invalid size: '${sizeStr}'`);
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== ' ') {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  let size = parseGoFloat(num);
  if (size < 0) throw new Error(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return goInt64(size);
  const bad = (suffix: string) => new Error(`invalid suffix: '${suffix}'`);
  // go-units measures the suffix in bytes
  if (new TextEncoder().encode(sfx).length > 3) throw bad(sfx);
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad(sfx);
    return goInt64(size);
  }
  const mul = map[sfx[0]!];
  if (mul === undefined) throw bad(sfx);
  size *= mul;
  if (sfx.length === 2 && sfx[1] !== 'b') throw bad(sfx);
  if (sfx.length === 3 && sfx.slice(1) !== 'ib') throw bad(sfx);
  return goInt64(size);
}

/**
 * FromHumanSize: decimal units (`44kB`, `17MB`, `1.5 g`), case-insensitive, `b` optional.
 * Throws `invalid size: '<s>'`, `invalid suffix: '<sfx>'` or a strconv.ParseFloat error.
 */
export function fromHumanSize(size: string): number {
  return parseSize(size, DECIMAL_MAP);
}

/**
 * RAMInBytes: binary units (`512m` → 536870912, `1g`, `2KiB`), as `--memory`,
 * `--memory-swap`, `--shm-size` parse them. Same errors as fromHumanSize.
 */
export function ramInBytes(size: string): number {
  return parseSize(size, BINARY_MAP);
}
