/**
 * Go's time.Duration: String() and time.ParseDuration, with Go's error texts.
 * A Duration is a count of nanoseconds (int64 in Go). The bigint functions are
 * exact over the whole int64 range; the number variants are convenient for the
 * usual values (exact up to about 104 days in nanoseconds).
 */

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const U63 = 1n << 63n;

export const NANOSECOND = 1;
export const MICROSECOND = 1_000;
export const MILLISECOND = 1_000_000;
export const SECOND = 1_000_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

function toBigInt(ns: number | bigint): bigint {
  if (typeof ns === 'bigint') return ns;
  if (!Number.isFinite(ns)) throw new RangeError(`duration must be finite, got ${ns}`);
  return BigInt(Math.trunc(ns));
}

/** Fraction of v / 10^prec as ".ddd" without trailing zeros ('' when zero). */
function frac(v: bigint, prec: number): { text: string; rest: bigint } {
  let text = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) text = digit.toString() + text;
    v /= 10n;
  }
  return { text: print ? '.' + text : '', rest: v };
}

/** time.Duration.String(): `1h2m3.5s`, `1.5s`, `500ms`, `1.2µs`, `7ns`, `0s`. */
export function formatGoDuration(ns: number | bigint): string {
  const d = toBigInt(ns);
  if (d > INT64_MAX || d < INT64_MIN) throw new RangeError('duration out of int64 range');
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const f = frac(u, prec);
    out = f.rest.toString() + f.text + unit;
  } else {
    const f = frac(u, 9);
    u = f.rest; // whole seconds
    out = (u % 60n).toString() + f.text + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** The time package's own quoting for error messages: non-ASCII and control bytes as \xNN. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** time.ParseDuration, exact: returns nanoseconds as a bigint or throws Go's error. */
export function parseGoDurationNs(input: string): bigint {
  const invalid = () => new Error('time: invalid duration ' + timeQuote(input));
  let s = input;
  let neg = false;
  if (s !== '') {
    const c = s[0];
    if (c === '-' || c === '+') {
      neg = c === '-';
      s = s.slice(1);
    }
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1;
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    // leading integer
    let i = 0;
    while (i < s.length && isDigit(s[i])) {
      if (v > U63 / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > U63) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && isDigit(s[j])) {
        if (!overflow) {
          if (f > INT64_MAX / 10n) {
            overflow = true;
          } else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > U63) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && !(s[k] === '.' || isDigit(s[k]))) k++;
    if (k === 0) throw new Error('time: missing unit in duration ' + timeQuote(input));
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[u];
    if (unit === undefined) {
      throw new Error('time: unknown unit ' + timeQuote(u) + ' in duration ' + timeQuote(input));
    }
    if (v > U63 / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // float64 arithmetic, as Go does, then truncation to an integer
      const add = Number(f) * (Number(unit) / scale);
      v += BigInt(Math.trunc(add));
      if (v > U63) throw invalid();
    }
    d += v;
    if (d > U63) throw invalid();
  }
  if (neg) return -d;
  if (d > INT64_MAX) throw invalid();
  return d;
}

/** time.ParseDuration returning nanoseconds as a number (see parseGoDurationNs). */
export function parseGoDuration(input: string): number {
  return Number(parseGoDurationNs(input));
}
