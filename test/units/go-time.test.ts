import { describe, expect, it } from 'vitest';
import {
  GO_ZERO_TIME,
  formatGoTimeString,
  formatRFC3339,
  formatRFC3339Nano,
  formatRFC3339NanoFixed,
  goTime,
  goTimeFromUnixNano,
  goTimeSub,
  goTimeToUnixNano,
  isGoZeroTime,
} from '../../src/units/go-time';

describe('Go time formatting', () => {
  // [unix nanoseconds, RFC3339Nano, Time.String(), fixed nine-digit form] as Go prints them (UTC)
  it.each([
    [0n, '1970-01-01T00:00:00Z', '1970-01-01 00:00:00 +0000 UTC', '1970-01-01T00:00:00.000000000Z'],
    [1n, '1970-01-01T00:00:00.000000001Z', '1970-01-01 00:00:00.000000001 +0000 UTC', '1970-01-01T00:00:00.000000001Z'],
    [1500n, '1970-01-01T00:00:00.0000015Z', '1970-01-01 00:00:00.0000015 +0000 UTC', '1970-01-01T00:00:00.000001500Z'],
    [-1n, '1969-12-31T23:59:59.999999999Z', '1969-12-31 23:59:59.999999999 +0000 UTC', '1969-12-31T23:59:59.999999999Z'],
    [1764275197513269321n, '2025-11-27T20:26:37.513269321Z', '2025-11-27 20:26:37.513269321 +0000 UTC', '2025-11-27T20:26:37.513269321Z'],
    [951782400000000000n, '2000-02-29T00:00:00Z', '2000-02-29 00:00:00 +0000 UTC', '2000-02-29T00:00:00.000000000Z'],
    [4107542400123000000n, '2100-03-01T00:00:00.123Z', '2100-03-01 00:00:00.123 +0000 UTC', '2100-03-01T00:00:00.123000000Z'],
    [-154971601384435380n, '1965-02-02T08:19:58.61556462Z', '1965-02-02 08:19:58.61556462 +0000 UTC', '1965-02-02T08:19:58.615564620Z'],
    [-2285215904862565110n, '1897-08-01T17:48:15.13743489Z', '1897-08-01 17:48:15.13743489 +0000 UTC', '1897-08-01T17:48:15.137434890Z'],
    [2155579634540625680n, '2038-04-22T20:07:14.54062568Z', '2038-04-22 20:07:14.54062568 +0000 UTC', '2038-04-22T20:07:14.540625680Z'],
  ])('%s ns', (ns, nano, str, fixed) => {
    const t = goTimeFromUnixNano(ns);
    expect(formatRFC3339Nano(t)).toBe(nano);
    expect(formatGoTimeString(t)).toBe(str);
    expect(formatRFC3339NanoFixed(t)).toBe(fixed);
    expect(goTimeToUnixNano(t)).toBe(ns);
  });

  it('prints the zero time as moby does', () => {
    expect(formatRFC3339Nano(GO_ZERO_TIME)).toBe('0001-01-01T00:00:00Z');
    expect(formatGoTimeString(GO_ZERO_TIME)).toBe('0001-01-01 00:00:00 +0000 UTC');
    expect(isGoZeroTime(GO_ZERO_TIME)).toBe(true);
    expect(isGoZeroTime(goTime(0))).toBe(false);
  });

  it('takes virtual-clock milliseconds plus deterministic sub-millisecond digits', () => {
    const t = goTime(Date.UTC(2026, 10, 27, 20, 26, 37, 513), 269321);
    expect(formatRFC3339Nano(t)).toBe('2026-11-27T20:26:37.513269321Z');
    expect(formatRFC3339Nano(goTime(Date.UTC(2026, 10, 27, 20, 26, 37, 500)))).toBe('2026-11-27T20:26:37.5Z');
    expect(formatRFC3339(t)).toBe('2026-11-27T20:26:37Z');
    expect(() => goTime(1, 1_000_000)).toThrow(RangeError);
    expect(() => goTime(1.5)).toThrow(RangeError);
  });

  it('formats fixed zones like Go', () => {
    const t = goTime(Date.UTC(2026, 0, 1, 0, 30, 0));
    expect(formatRFC3339Nano(t, { name: 'CET', offsetSeconds: 3600 })).toBe('2026-01-01T01:30:00+01:00');
    expect(formatGoTimeString(t, { name: 'PST', offsetSeconds: -8 * 3600 })).toBe('2025-12-31 16:30:00 -0800 PST');
  });

  it('subtracts exactly', () => {
    expect(goTimeSub(goTime(2000, 5), goTime(1000, 10))).toBe(999_999_995n);
  });
});
