/**
 * Timestamps given to `--since` / `--until` (docker logs, events, …), as the docker CLI
 * converts them with moby's api/types/time.GetTimestamp: a Go duration (`10m`, relative to
 * a reference time), an RFC 3339 date/time with or without zone, a date alone, or a Unix
 * timestamp (`1700000000`, `1700000000.5`). Also Go's time.Parse for the few layouts
 * involved, with its error texts.
 */
import { parseGoDurationNs, timeQuote } from './go-duration';
import { goQuote } from './go-quote';
import { goTimeToUnixNano, UTC, type GoTime, type GoZone } from './go-time';

export const LAYOUT_RFC3339 = '2006-01-02T15:04:05Z07:00';
export const LAYOUT_RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

const ELEMENTS = ['2006', '01', '02', '15', '04', '05', '.999999999', 'Z07:00'] as const;
type Elem = (typeof ELEMENTS)[number];

function nextChunk(layout: string): [string, Elem | null, string] {
  for (let i = 0; i < layout.length; i++) {
    for (const e of ELEMENTS) {
      if (layout.startsWith(e, i)) return [layout.slice(0, i), e, layout.slice(i + e.length)];
    }
  }
  return [layout, null, ''];
}

const isDigit = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | null {
  if (!isDigit(s, 0)) return null;
  if (!isDigit(s, 1)) {
    if (fixed) return null;
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Seconds and nanoseconds since the Unix epoch. */
export interface UnixTime {
  seconds: bigint;
  nanos: number;
}

/**
 * time.Parse (zone given in the value) / time.ParseInLocation (values without a zone use
 * `zone`) for layouts built from 2006 01 02 15 04 05 .999999999 Z07:00 and literals.
 * Throws Go's *time.ParseError text (Go 1.24: the value shown is what remained when the
 * element started; zone offsets over 24h or 60min are out of range).
 */
export function goParseTime(layout: string, value: string, zone: GoZone = UTC): UnixTime {
  const fail = (layoutElem: string, valueElem: string, message = ''): never => {
    if (message !== '') throw new Error(`parsing time ${timeQuote(value)}${message}`);
    throw new Error(
      `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`,
    );
  };
  let rest = value;
  let lay = layout;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nsec = 0;
  let offset: number | null = null;
  const fraction = (digits: string): number => Number((digits + '000000000').slice(0, 9));
  for (;;) {
    const [prefix, elem, suffix] = nextChunk(lay);
    if (!rest.startsWith(prefix)) fail(prefix, rest);
    rest = rest.slice(prefix.length);
    if (elem === null) break;
    lay = suffix;
    let range = '';
    switch (elem) {
      case '2006':
        if (rest.length < 4 || !/^\d{4}/.test(rest)) fail(elem, rest);
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      case '01': {
        const n = getnum(rest, true);
        if (!n) return fail(elem, rest);
        [month, rest] = n;
        if (month <= 0 || month > 12) range = 'month';
        break;
      }
      case '02': {
        const n = getnum(rest, true);
        if (!n) return fail(elem, rest);
        [day, rest] = n;
        break;
      }
      case '15': {
        const n = getnum(rest, false);
        if (!n) return fail(elem, rest);
        [hour, rest] = n;
        if (hour < 0 || hour >= 24) range = 'hour';
        break;
      }
      case '04': {
        const n = getnum(rest, true);
        if (!n) return fail(elem, rest);
        [minute, rest] = n;
        if (minute < 0 || minute >= 60) range = 'minute';
        break;
      }
      case '05': {
        const n = getnum(rest, true);
        if (!n) return fail(elem, rest);
        [second, rest] = n;
        if (second < 0 || second >= 60) {
          range = 'second';
          break;
        }
        // a fractional second may follow even when the layout has none
        if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
          const [, nextElem] = nextChunk(lay);
          if (nextElem === '.999999999') break;
          let k = 2;
          while (isDigit(rest, k)) k++;
          nsec = fraction(rest.slice(1, Math.min(k, 10)));
          rest = rest.slice(k);
        }
        break;
      }
      case '.999999999': {
        if (rest.length < 2 || !(rest[0] === '.' || rest[0] === ',') || !isDigit(rest, 1)) break;
        let k = 1;
        while (isDigit(rest, k)) k++;
        nsec = fraction(rest.slice(1, Math.min(k, 10)));
        rest = rest.slice(k);
        break;
      }
      case 'Z07:00': {
        if (rest[0] === 'Z') {
          rest = rest.slice(1);
          offset = 0;
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') fail(elem, rest);
        const sign = rest[0];
        const hh = getnum(rest.slice(1, 3), true);
        const mm = getnum(rest.slice(4, 6), true);
        if (!hh || !mm || (sign !== '+' && sign !== '-')) fail(elem, rest);
        if (hh![0] > 24) range = 'time zone offset hour';
        else if (mm![0] > 60) range = 'time zone offset minute';
        offset = (sign === '-' ? -1 : 1) * (hh![0] * 3600 + mm![0] * 60);
        rest = rest.slice(6);
        break;
      }
    }
    if (range !== '') fail(elem, rest, `: ${range} out of range`);
  }
  if (rest.length > 0) fail('', rest, `: extra text: ${timeQuote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) fail('', rest, ': day out of range');
  const days = daysFromCivil(year, month, day);
  const local = BigInt(days) * 86400n + BigInt(hour * 3600 + minute * 60 + second);
  const off = offset ?? zone.offsetSeconds;
  return { seconds: local - BigInt(off), nanos: nsec };
}

function parseGoInt64(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) {
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  }
  return v;
}

/** ParseTimestamps: `seconds[.fraction]` → seconds and nanoseconds; '' gives the default. */
export function parseTimestamps(value: string, defaultSeconds: bigint): [bigint, bigint] {
  if (value === '') return [defaultSeconds, 0n];
  return parseTimestamp(value);
}

function parseTimestamp(value: string): [bigint, bigint] {
  const dot = value.indexOf('.');
  const s = dot < 0 ? value : value.slice(0, dot);
  const sec = parseGoInt64(s);
  if (dot < 0) return [sec, 0n];
  const n = value.slice(dot + 1);
  const nsec = parseGoInt64(n);
  return [sec, BigInt(Math.trunc(Number(nsec) * 10 ** (9 - n.length)))];
}

/**
 * GetTimestamp(value, reference): the string the CLI sends as `since`/`until`:
 * `"<unix seconds>"` for durations (`10m` → reference − 10m), `"<seconds>.<nanoseconds>"`
 * for dates, the value itself for Unix timestamps. Values without a zone are read in
 * `zone` (the CLI's local zone). Throws Go's errors.
 */
export function getTimestamp(value: string, reference: GoTime, zone: GoZone = UTC): string {
  if (value !== '0') {
    let d: bigint | undefined;
    try {
      d = parseGoDurationNs(value);
    } catch {
      d = undefined;
    }
    if (d !== undefined) {
      const ns = goTimeToUnixNano(reference) - d;
      let secs = ns / 1_000_000_000n;
      if (ns % 1_000_000_000n < 0n) secs -= 1n;
      return secs.toString();
    }
  }
  const parseInLocation = !/[zZ+]/.test(value) && value.split('-').length - 1 !== 3;
  let format: string;
  if (value.includes('.')) {
    format = parseInLocation ? '2006-01-02T15:04:05.999999999' : LAYOUT_RFC3339_NANO;
  } else if (value.includes('T')) {
    let tcolons = value.split(':').length - 1;
    if (!parseInLocation && !/[zZ]/.test(value) && tcolons > 0) tcolons--;
    if (parseInLocation) {
      format = tcolons === 0 ? '2006-01-02T15' : tcolons === 1 ? '2006-01-02T15:04' : '2006-01-02T15:04:05';
    } else {
      format = tcolons === 0 ? '2006-01-02T15Z07:00' : tcolons === 1 ? '2006-01-02T15:04Z07:00' : LAYOUT_RFC3339;
    }
  } else {
    format = parseInLocation ? '2006-01-02' : '2006-01-02Z07:00';
  }
  let t: UnixTime;
  try {
    t = goParseTime(format, value, parseInLocation ? zone : UTC);
  } catch (err) {
    if (value.includes('-')) throw err;
    try {
      parseTimestamp(value);
    } catch {
      throw new Error(`failed to parse value as time or duration: ${goQuote(value)}`);
    }
    return value;
  }
  return `${t.seconds}.${String(t.nanos).padStart(9, '0')}`;
}
