// Go standard library behaviour the docker CLI's flag parsing depends on: strconv's number
// parsers and quoting, time.ParseDuration and encoding/csv's single-record reader, with the
// exact error texts Go produces (they reach the user inside pflag's "invalid argument" errors).

import { formatGoDuration, goQuote, parseGoDurationNs, parseGoFloat } from '../../units';

export { goQuote, goQuoteRune } from '../../units';

export class GoError extends Error {}

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

/** strconv.ParseFloat(s, bitSize) */
export function parseFloat(s: string, bitSize: 32 | 64 = 64): number {
  const v = parseGoFloat(s);
  if (bitSize === 32) {
    const f = Math.fround(v);
    if (!Number.isFinite(f) && Number.isFinite(v)) throw rangeError('ParseFloat', s);
    return f;
  }
  return v;
}

/** time.ParseDuration; returns nanoseconds. */
export const parseDuration = parseGoDurationNs;

/** time.Duration.String() */
export const formatDuration = (ns: bigint): string => formatGoDuration(ns);

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

