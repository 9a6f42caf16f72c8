import { describe, expect, it } from 'vitest';
import { getTimestamp, goParseTime, goTime, parseTimestamps } from '../../src/units';

/** Reference time 2023-11-14T22:13:20.123456789Z. */
const REF = goTime(1700000000123, 456789);

function result(value: string): string {
  try {
    return getTimestamp(value, REF);
  } catch (e) {
    return 'ERR ' + (e as Error).message;
  }
}

describe('getTimestamp (moby api/types/time.GetTimestamp)', () => {
  // durations and Unix timestamps: computed by Go (GetTimestamp with the same reference)
  it.each([
    ['10m', '1699999400'],
    ['1h30m', '1699994600'],
    ['1s', '1699999999'],
    ['-5m', '1700000300'],
    ['0', '0'], // "0" is a Unix timestamp, not a duration
    ['1700000000', '1700000000'],
    ['1700000000.5', '1700000000.5'],
    ['2024-01-02', '1704153600.000000000'],
    ['2024-01-02T15', '1704207600.000000000'],
    ['2024-01-02T15:04', '1704207840.000000000'],
    ['2024-01-02T15:04:05', '1704207845.000000000'],
    ['2024-01-02T15:04:05.5', '1704207845.500000000'],
    ['2024-01-02T15:04:05.123456789Z', '1704207845.123456789'],
    ['2024-01-02T15:04:05+02:00', '1704200645.000000000'],
    ['2024-01-02T15:04:05.000000001-07:30', '1704234845.000000001'],
    ['2024-01-02Z', '1704153600.000000000'],
    ['2024-01-02+01:00', '1704150000.000000000'],
    ['2024-01-02T15:04+01:00', '1704204240.000000000'],
    ['2024-02-29', '1709164800.000000000'],
    ['2024-01-02T5:04:05', '1704171845.000000000'], // the hour may have one digit
    ['2024-01-02T15:04:05,5', '1704207845.500000000'], // comma before the fraction
  ])('%j -> %s', (value, want) => {
    expect(result(value)).toBe(want);
  });

  // errors as docker 28.2.2 prints them after `invalid value for "since": `
  it.each([
    ['abc', 'failed to parse value as time or duration: "abc"'],
    ['12a', 'failed to parse value as time or duration: "12a"'],
    ['1.2.3', 'failed to parse value as time or duration: "1.2.3"'],
    ['9999999999999999999', 'failed to parse value as time or duration: "9999999999999999999"'],
    ['', 'failed to parse value as time or duration: ""'],
    ['-1700000000', 'parsing time "-1700000000" as "2006-01-02": cannot parse "-1700000000" as "2006"'],
    ['24-01-02', 'parsing time "24-01-02" as "2006-01-02": cannot parse "24-01-02" as "2006"'],
    ['20x4-01-02', 'parsing time "20x4-01-02" as "2006-01-02": cannot parse "20x4-01-02" as "2006"'],
    ['2024-1-2', 'parsing time "2024-1-2" as "2006-01-02": cannot parse "1-2" as "01"'],
    ['2024-13-01', 'parsing time "2024-13-01": month out of range'],
    ['2024-02-30', 'parsing time "2024-02-30": day out of range'],
    ['2024-01-02T25:00:00', 'parsing time "2024-01-02T25:00:00": hour out of range'],
    ['2024-01-02T15:04:05.5Zjunk', 'parsing time "2024-01-02T15:04:05.5Zjunk": extra text: "junk"'],
    ['2024-01-02T15:04:05.', 'parsing time "2024-01-02T15:04:05.": extra text: "."'],
    ['2024-01-02T15:04:05x01:00', 'parsing time "2024-01-02T15:04:05x01:00": extra text: "x01:00"'],
    ['2024-01-02T15:04:05z', 'parsing time "2024-01-02T15:04:05z" as "2006-01-02T15:04:05Z07:00": cannot parse "z" as "Z07:00"'],
    ['2024-01-02T15:04:05+0100', 'parsing time "2024-01-02T15:04:05+0100" as "2006-01-02T15:04Z07:00": cannot parse ":05+0100" as "Z07:00"'],
    ['2024-01-02T15:04:05+ab:00', 'parsing time "2024-01-02T15:04:05+ab:00" as "2006-01-02T15:04:05Z07:00": cannot parse "+ab:00" as "Z07:00"'],
    ['2024-01-02T15:04:05+25:00', 'parsing time "2024-01-02T15:04:05+25:00": time zone offset hour out of range'],
    ['2024-01-02T15:04:05+23:61', 'parsing time "2024-01-02T15:04:05+23:61": time zone offset minute out of range'],
  ])('%j fails: %s', (value, message) => {
    expect(result(value)).toBe('ERR ' + message);
  });

  it('reads zone-less values in the given local zone', () => {
    expect(getTimestamp('2024-01-02T15:04:05', REF, { name: 'CET', offsetSeconds: 3600 })).toBe('1704204245.000000000');
    expect(getTimestamp('2024-01-02T15:04:05Z', REF, { name: 'CET', offsetSeconds: 3600 })).toBe('1704207845.000000000');
  });
});

describe('goParseTime and parseTimestamps', () => {
  it('parses RFC 3339 with nanoseconds', () => {
    expect(goParseTime('2006-01-02T15:04:05.999999999Z07:00', '2026-11-27T20:26:37.513269321Z')).toEqual({
      seconds: 1795811197n,
      nanos: 513269321,
    });
  });
  it('parseTimestamps', () => {
    expect(parseTimestamps('', 42n)).toEqual([42n, 0n]);
    expect(parseTimestamps('1700000000.5', 0n)).toEqual([1700000000n, 500000000n]);
    expect(parseTimestamps('17.000000001', 0n)).toEqual([17n, 1n]);
    expect(() => parseTimestamps('x', 0n)).toThrow('strconv.ParseInt: parsing "x": invalid syntax');
  });
});
