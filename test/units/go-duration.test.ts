import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration, parseGoDurationNs } from '../../src/units/go-duration';

describe('formatGoDuration (time.Duration.String)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [999n, '999ns'],
    [1000n, '1µs'],
    [1001n, '1.001µs'],
    [1500n, '1.5µs'],
    [999999n, '999.999µs'],
    [1000000n, '1ms'],
    [1500000n, '1.5ms'],
    [500000000n, '500ms'],
    [999999999n, '999.999999ms'],
    [1000000000n, '1s'],
    [1500000000n, '1.5s'],
    [60000000000n, '1m0s'],
    [62000000000n, '1m2s'],
    [90000000000n, '1m30s'],
    [62123456789n, '1m2.123456789s'],
    [3600000000000n, '1h0m0s'],
    [3661500000000n, '1h1m1.5s'],
    [259200000000000n, '72h0m0s'], // no days: Go stops at hours
    [224874990090150n, '62h27m54.99009015s'],
    [-1n, '-1ns'],
    [-1500000000n, '-1.5s'],
    [9223372036854775807n, '2562047h47m16.854775807s'],
    [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ])('%s ns -> %s', (ns, want) => {
    expect(formatGoDuration(ns)).toBe(want);
  });

  it('accepts plain numbers of nanoseconds', () => {
    expect(formatGoDuration(30_000_000_000)).toBe('30s');
    expect(formatGoDuration(2.5e9)).toBe('2.5s');
  });
});

describe('parseGoDuration (time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['0s', 0n],
    ['1s', 1000000000n],
    ['-1s', -1000000000n],
    ['+1s', 1000000000n],
    ['10m', 600000000000n],
    ['1.5h', 5400000000000n],
    ['1h2m3.5s', 3723500000000n],
    ['300ms', 300000000n],
    ['1us', 1000n],
    ['1µs', 1000n], // micro sign
    ['1μs', 1000n], // Greek mu
    ['2ns', 2n],
    ['.5s', 500000000n],
    ['5.s', 5000000000n],
    ['00001s', 1000000000n],
    ['3.000000001s', 3000000001n],
    ['1.0000000000000000000001s', 1000000000n], // extra fraction digits are ignored
    ['0.333333333333333333333h', 1200000000000n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
    ['2562047h47m16.854775807s', 9223372036854775807n],
  ])('%s -> %s ns', (s, want) => {
    expect(parseGoDurationNs(s)).toBe(want);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1h1', 'time: missing unit in duration "1h1"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-.s', 'time: invalid duration "-.s"'],
    [' 1s', 'time: invalid duration " 1s"'],
    ['x', 'time: invalid duration "x"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['1hh', 'time: unknown unit "hh" in duration "1hh"'],
    ['1h-1m', 'time: unknown unit "h-" in duration "1h-1m"'],
    ['1s ', 'time: unknown unit "s " in duration "1s "'],
    ['1.5e3s', 'time: unknown unit "e" in duration "1.5e3s"'],
    ['1µx', 'time: unknown unit "\\xc2\\xb5x" in duration "1\\xc2\\xb5x"'], // non-ASCII as UTF-8 bytes
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
    ['100000000000000000000s', 'time: invalid duration "100000000000000000000s"'],
  ])('%j fails with %s', (s, message) => {
    expect(() => parseGoDurationNs(s)).toThrow(new Error(message));
  });

  it('number variant', () => {
    expect(parseGoDuration('1m30s')).toBe(90e9);
    expect(parseGoDuration('-250ms')).toBe(-250e6);
  });

  it('round-trips through String()', () => {
    for (const s of ['1h0m0s', '1m2.5s', '999.999µs', '3ns', '-2h3m4s']) {
      expect(formatGoDuration(parseGoDurationNs(s))).toBe(s);
    }
  });
});
