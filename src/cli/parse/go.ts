// Go standard library behaviour the docker CLI's flag parsing depends on: strconv's number
// parsers and quoting, time.ParseDuration and encoding/csv's single-record reader, with the
// exact error texts Go produces (they reach the user inside pflag's "invalid argument" errors).

export class GoError extends Error {}

/** fmt's %q for a byte or rune value (pflag quotes the shorthand byte it could not find). */
export function goQuoteRune(c: number): string {
  const ch = String.fromCodePoint(c);
  switch (ch) {
    case "'": return "'\\''";
    case '\\': return "'\\\\'";
    case '\x07': return "'\\a'";
    case '\b': return "'\\b'";
    case '\f': return "'\\f'";
    case '\n': return "'\\n'";
    case '\r': return "'\\r'";
    case '\t': return "'\\t'";
    case '\v': return "'\\v'";
  }
  if (isGoPrint(ch)) return `'${ch}'`;
  if (c < 0x80) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  return `'\\u${c.toString(16).padStart(4, '0')}'`;
}

/** strconv.Quote (and fmt's %q for strings). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (isGoPrint(ch)) out += ch;
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function isGoPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

function syntaxError(fn: string, s: string): GoError {
  return new GoError(`strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`);
}
function rangeError(fn: string, s: string): GoError {
  return new GoError(`strconv.${fn}: parsing ${goQuote(s)}: value out of range`);
}

/** strconv.ParseBool */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1': case 't': case 'T': case 'true': case 'TRUE': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'false': case 'FALSE': case 'False':
      return false;
  }
  throw syntaxError('ParseBool', s);
}

// underscoreOK reports whether the underscores in s are allowed (base-prefixed literals only).
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
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

function parseUintCore(fn: string, s: string, orig: string, bitSize: number): bigint {
  if (s === '') throw syntaxError(fn, orig);
  let base = 10;
  let base0 = true;
  let digits = s;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) { base = 2; digits = s.slice(2); }
    else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) { base = 8; digits = s.slice(2); }
    else if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) { base = 16; digits = s.slice(2); }
    else { base = 8; digits = s.slice(1); }
  }
  const max = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  let overflow = false;
  for (const c of digits) {
    let d: number;
    if (c === '_' && base0) { underscores = true; continue; }
    else if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (/[a-z]/.test(c)) d = c.charCodeAt(0) - 97 + 10;
    else if (/[A-Z]/.test(c)) d = c.charCodeAt(0) - 65 + 10;
    else throw syntaxError(fn, orig);
    if (d >= base) throw syntaxError(fn, orig);
    if (!overflow) {
      n = n * BigInt(base) + BigInt(d);
      if (n > max) overflow = true;
    }
  }
  if (underscores && !underscoreOK(s)) throw syntaxError(fn, orig);
  if (overflow) throw rangeError(fn, orig);
  return n;
}

/** strconv.ParseUint(s, 0, bitSize) */
export function parseUint(s: string, bitSize = 64): bigint {
  return parseUintCore('ParseUint', s, s, bitSize);
}

/** strconv.ParseInt(s, 0, bitSize) */
export function parseInt(s: string, bitSize = 64): bigint {
  if (s === '') throw syntaxError('ParseInt', s);
  let neg = false;
  let rest = s;
  if (s[0] === '+') rest = s.slice(1);
  else if (s[0] === '-') { neg = true; rest = s.slice(1); }
  let un: bigint;
  try {
    un = parseUintCore('ParseInt', rest, s, 64);
  } catch (e) {
    if (e instanceof GoError && e.message.endsWith('value out of range')) throw rangeError('ParseInt', s);
    throw e;
  }
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) throw rangeError('ParseInt', s);
  if (neg && un > cutoff) throw rangeError('ParseInt', s);
  return neg ? -un : un;
}

/** strconv.ParseFloat(s, bitSize) for decimal, hexadecimal and special (inf, nan) forms */
export function parseFloat(s: string, bitSize: 32 | 64 = 64): number {
  const lower = s.toLowerCase();
  const special: Record<string, number> = {
    inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity,
    nan: NaN, '+nan': NaN, '-nan': NaN,
  };
  if (lower in special && !lower.endsWith('nan') || lower === 'nan') return special[lower];
  let v: number;
  const body = s.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(s)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
    if (!m || (m[2] === '' && !m[3]) || !underscoreOK(s)) throw syntaxError('ParseFloat', s);
    const mant = globalThis.parseInt((m[2] || '0') + (m[3] ?? ''), 16) / Math.pow(16, (m[3] ?? '').length);
    v = (m[1] === '-' ? -1 : 1) * mant * Math.pow(2, Number(m[4]));
  } else {
    if ((s.includes('_') && !underscoreOK(s)) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) throw syntaxError('ParseFloat', s);
    v = Number(body);
  }
  if (bitSize === 32) {
    const f = Math.fround(v);
    if (!Number.isFinite(f) && Number.isFinite(v)) throw rangeError('ParseFloat', s);
    return f;
  }
  if (!Number.isFinite(v)) throw rangeError('ParseFloat', s);
  return v;
}

const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5
  'μs': 1000n, // U+03BC
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};
const MAX_INT64 = (1n << 63n) - 1n;

/** time.ParseDuration; returns nanoseconds. */
export function parseDuration(orig: string): bigint {
  const invalid = () => new GoError(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let d = 0n;
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
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid();
    // leading integer
    let i = 0;
    let v = 0n;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX_INT64) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1n;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') {
        if (!overflow) {
          const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
          if (y > MAX_INT64) overflow = true;
          else {
            f = y;
            scale *= 10n;
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && !(s[k] === '.' || (s[k] >= '0' && s[k] <= '9'))) k++;
    if (k === 0) throw new GoError(`time: missing unit in duration ${goQuote(orig)}`);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = DURATION_UNITS[u];
    if (unit === undefined) throw new GoError(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    if (v > MAX_INT64 / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      v += (f * unit) / scale;
      if (v > MAX_INT64) throw invalid();
    }
    d += v;
    if (d > MAX_INT64) throw invalid();
  }
  if (neg) return -d;
  return d;
}

/** time.Duration.String() */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1000000000n) {
    // sub-second: ns, µs or ms with fraction
    let unit: string;
    let div: bigint;
    if (u < 1000n) return (neg ? '-' : '') + u.toString() + 'ns';
    if (u < 1000000n) { unit = 'µs'; div = 1000n; }
    else { unit = 'ms'; div = 1000000n; }
    out = fraction(u, div) + unit;
  } else {
    const h = u / 3600000000000n;
    u -= h * 3600000000000n;
    const m = u / 60000000000n;
    u -= m * 60000000000n;
    out = fraction(u, 1000000000n) + 's';
    if (h > 0n) out = `${h}h${m}m` + out;
    else if (m > 0n) out = `${m}m` + out;
  }
  return (neg ? '-' : '') + out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  let frac = (v % div).toString().padStart(div.toString().length - 1, '0');
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** encoding/csv: read one record (the way pflag reads slice values). */
export function readCsvRecord(input: string): string[] {
  const fields: string[] = [];
  let line = input;
  let col = 1;
  const lineNo = 1;
  for (;;) {
    if (!line.startsWith('"')) {
      // unquoted field
      const i = line.indexOf(',');
      let field = i >= 0 ? line.slice(0, i) : line;
      if (i < 0) field = field.replace(/\r?\n$/, '');
      const j = field.indexOf('"');
      if (j >= 0) throw new GoError(`parse error on line ${lineNo}, column ${col + byteLen(field.slice(0, j))}: bare " in non-quoted-field`);
      fields.push(field);
      if (i >= 0) {
        line = line.slice(i + 1);
        col += byteLen(field) + 1;
        continue;
      }
      return fields;
    }
    // quoted field
    line = line.slice(1);
    col += 1;
    let buf = '';
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        buf += line.slice(0, i);
        col += byteLen(line.slice(0, i)) + 1;
        line = line.slice(i + 1);
        if (line.startsWith('"')) {
          buf += '"';
          line = line.slice(1);
          col += 1;
        } else if (line.startsWith(',')) {
          line = line.slice(1);
          col += 1;
          fields.push(buf);
          break;
        } else if (line === '' || line === '\n' || line === '\r\n') {
          fields.push(buf);
          return fields;
        } else {
          throw new GoError(`parse error on line ${lineNo}, column ${col - 1}: extraneous or missing " in quoted-field`);
        }
      } else {
        buf += line;
        col += byteLen(line);
        throw new GoError(`parse error on line ${lineNo}, column ${col}: extraneous or missing " in quoted-field`);
      }
    }
  }
}

function byteLen(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** strconv.ParseUint(s, 10, bits) */
export function parseUintBase10(s: string, bits: number): bigint {
  if (!/^[0-9]+$/.test(s)) throw new GoError(`strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v >= 1n << BigInt(bits)) throw new GoError(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  return v;
}

/** strconv.ParseInt(s, 10, 64) */
export function parseIntBase10(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new GoError(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) throw new GoError(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return v;
}

