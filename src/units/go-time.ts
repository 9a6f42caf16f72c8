/**
 * Instants as Go prints them.
 *
 * Representation: a GoTime is `{ ms, ns? }` — `ms` is whole milliseconds since the Unix
 * epoch (what the simulator's virtual clock counts), `ns` the extra nanoseconds inside
 * that millisecond (0..999999, default 0), so a time such as moby's
 * `2026-11-27T20:26:37.513269321Z` is `{ ms: <…37513>, ns: 269321 }`. Plain objects of
 * numbers: JSON-friendly, deterministic, and exact over every year Go can print.
 * Go's zero time (0001-01-01T00:00:00Z) is `GO_ZERO_TIME`.
 */
export interface GoTime {
  /** Whole milliseconds since 1970-01-01T00:00:00Z (may be negative). */
  readonly ms: number;
  /** Extra nanoseconds within the millisecond, 0..999999. */
  readonly ns?: number;
}

/** Go's time.Time{} (January 1, year 1, 00:00:00 UTC). */
export const GO_ZERO_TIME: GoTime = Object.freeze({ ms: -62135596800000 });

/** Build a GoTime from epoch milliseconds plus optional sub-millisecond nanoseconds. */
export function goTime(ms: number, ns = 0): GoTime {
  if (!Number.isInteger(ms)) throw new RangeError(`GoTime ms must be an integer, got ${ms}`);
  if (!Number.isInteger(ns) || ns < 0 || ns > 999_999) {
    throw new RangeError(`GoTime ns must be an integer in 0..999999, got ${ns}`);
  }
  return ns === 0 ? { ms } : { ms, ns };
}

/** Nanoseconds since the epoch, exact. */
export function goTimeToUnixNano(t: GoTime): bigint {
  return BigInt(t.ms) * 1_000_000n + BigInt(t.ns ?? 0);
}

/** From nanoseconds since the epoch. */
export function goTimeFromUnixNano(ns: bigint): GoTime {
  let ms = ns / 1_000_000n;
  let rest = ns % 1_000_000n;
  if (rest < 0n) {
    rest += 1_000_000n;
    ms -= 1n;
  }
  return goTime(Number(ms), Number(rest));
}

/** True for Go's zero time (time.Time.IsZero). */
export function isGoZeroTime(t: GoTime): boolean {
  return t.ms === GO_ZERO_TIME.ms && (t.ns ?? 0) === 0;
}

interface Civil {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number; // 0..999999999
}

/** Days since 1970-01-01 to a proleptic Gregorian date. */
function civilFromDays(z: number): { year: number; month: number; day: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

function toCivil(t: GoTime, offsetSeconds: number): Civil {
  const totalMs = t.ms + offsetSeconds * 1000;
  const days = Math.floor(totalMs / 86_400_000);
  const msOfDay = totalMs - days * 86_400_000;
  const { year, month, day } = civilFromDays(days);
  const secOfDay = Math.floor(msOfDay / 1000);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor(secOfDay / 60) % 60,
    second: secOfDay % 60,
    nanos: (msOfDay % 1000) * 1_000_000 + (t.ns ?? 0),
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

function fraction(nanos: number, trim: boolean): string {
  let digits = String(nanos).padStart(9, '0');
  if (trim) {
    digits = digits.replace(/0+$/, '');
    if (digits === '') return '';
  }
  return '.' + digits;
}

/** A fixed time zone for the String()/offset forms. */
export interface GoZone {
  /** Zone abbreviation Go prints, e.g. "UTC", "CET". */
  readonly name: string;
  /** Seconds east of UTC. */
  readonly offsetSeconds: number;
}

export const UTC: GoZone = Object.freeze({ name: 'UTC', offsetSeconds: 0 });

function numericOffset(offsetSeconds: number, colon: boolean): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const h = pad(Math.floor(abs / 3600), 2);
  const m = pad(Math.floor(abs / 60) % 60, 2);
  return sign + h + (colon ? ':' : '') + m;
}

function rfc3339(t: GoTime, zone: GoZone, trim: boolean): string {
  const c = toCivil(t, zone.offsetSeconds);
  const date = `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
  const clock = `${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}`;
  const tz = zone.offsetSeconds === 0 ? 'Z' : numericOffset(zone.offsetSeconds, true);
  return `${date}T${clock}${fraction(c.nanos, trim)}${tz}`;
}

/**
 * time.RFC3339Nano as moby writes times in JSON: `2026-11-27T20:26:37.513269321Z`,
 * trailing zeros of the fraction dropped (`…:37.5Z`, `…:37Z`); zero time →
 * `0001-01-01T00:00:00Z`.
 */
export function formatRFC3339Nano(t: GoTime, zone: GoZone = UTC): string {
  return rfc3339(t, zone, true);
}

/** time.RFC3339 (whole seconds): `2026-11-27T20:26:37Z`. */
export function formatRFC3339(t: GoTime, zone: GoZone = UTC): string {
  const s = rfc3339({ ms: Math.floor(t.ms / 1000) * 1000 }, zone, true);
  return s;
}

/**
 * The fixed-width variant with all nine fraction digits
 * (`2006-01-02T15:04:05.000000000Z07:00`), used by `docker logs -t` and event streams.
 */
export function formatRFC3339NanoFixed(t: GoTime, zone: GoZone = UTC): string {
  return rfc3339(t, zone, false);
}

/**
 * time.Time.String(): `2026-11-27 20:26:37.513269321 +0000 UTC` (fraction trimmed,
 * omitted when zero). The docker CLI prints CreatedAt columns this way in the local zone.
 */
export function formatGoTimeString(t: GoTime, zone: GoZone = UTC): string {
  const c = toCivil(t, zone.offsetSeconds);
  const date = `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
  const clock = `${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}`;
  return `${date} ${clock}${fraction(c.nanos, true)} ${numericOffset(zone.offsetSeconds, false)} ${zone.name}`;
}

/** Elapsed nanoseconds from `from` to `to` (to − from), exact. */
export function goTimeSub(to: GoTime, from: GoTime): bigint {
  return goTimeToUnixNano(to) - goTimeToUnixNano(from);
}
