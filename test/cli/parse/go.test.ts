import { describe, expect, it } from 'vitest';
import { formatDuration, goQuote, parseBool, parseDuration, parseFloat, parseInt, parseUint, readCsvRecord } from '../../../src/cli/parse/go';
import { formatIP, parseCIDR, parseIP } from '../../../src/cli/parse/ip';
import { parseCPUs, ramInBytes } from '../../../src/cli/parse/values';

const err = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('Go number syntax', () => {
  it('ParseInt with base 0', () => {
    expect(parseInt('0x1F')).toBe(31n);
    expect(parseInt('-0b101')).toBe(-5n);
    expect(parseInt('010')).toBe(8n);
    expect(parseInt('0o17')).toBe(15n);
    expect(parseInt('1_000')).toBe(1000n);
    expect(parseInt('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(err(() => parseInt('9223372036854775808'))).toBe('strconv.ParseInt: parsing "9223372036854775808": value out of range');
    expect(err(() => parseInt('1__0'))).toBe('strconv.ParseInt: parsing "1__0": invalid syntax');
    expect(err(() => parseInt('08'))).toBe('strconv.ParseInt: parsing "08": invalid syntax');
    expect(err(() => parseUint('-1', 16))).toBe('strconv.ParseUint: parsing "-1": invalid syntax');
    expect(err(() => parseUint('65536', 16))).toBe('strconv.ParseUint: parsing "65536": value out of range');
  });

  it('ParseFloat and ParseBool', () => {
    expect(parseFloat('1_0.5')).toBe(10.5);
    expect(parseFloat('0x1p-2')).toBe(0.25);
    expect(parseFloat('-Inf')).toBe(-Infinity);
    expect(err(() => parseFloat('1e99', 32))).toBe('strconv.ParseFloat: parsing "1e99": value out of range');
    expect(parseBool('T')).toBe(true);
    expect(err(() => parseBool('yes'))).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
  });
});

describe('Go durations', () => {
  it('parses like time.ParseDuration', () => {
    expect(parseDuration('1h2m3.5s')).toBe(3_723_500_000_000n);
    expect(parseDuration('.5s')).toBe(500_000_000n);
    expect(parseDuration('-1.5µs')).toBe(-1500n);
    expect(parseDuration('0')).toBe(0n);
    expect(err(() => parseDuration('5'))).toBe('time: missing unit in duration "5"');
    expect(err(() => parseDuration('5d'))).toBe('time: unknown unit "d" in duration "5d"');
    expect(err(() => parseDuration(''))).toBe('time: invalid duration ""');
    expect(err(() => parseDuration('3000000h'))).toBe('time: invalid duration "3000000h"');
  });

  it('prints like time.Duration.String', () => {
    expect(formatDuration(2160n * 3_600_000_000_000n)).toBe('2160h0m0s');
    expect(formatDuration(5_000_000_000n)).toBe('5s');
    expect(formatDuration(1_500_000n)).toBe('1.5ms');
    expect(formatDuration(90_000_000_000n)).toBe('1m30s');
    expect(formatDuration(0n)).toBe('0s');
  });
});

describe('quoting, CSV, sizes, CPUs and IP addresses', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\x01é\u00a0')).toBe('"a\\"b\\\\c\\n\\t\\x01é\\u00a0"');
  });

  it('reads CSV records like encoding/csv', () => {
    expect(readCsvRecord('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(err(() => readCsvRecord('a"b'))).toBe('parse error on line 1, column 2: bare " in non-quoted-field');
    expect(err(() => readCsvRecord('x,"a"b'))).toBe('parse error on line 1, column 5: extraneous or missing " in quoted-field');
  });

  it('reads sizes and CPU counts like go-units and docker', () => {
    expect(ramInBytes('1.5 GiB')).toBe(1.5 * 1024 ** 3);
    expect(ramInBytes('512m')).toBe(512 * 1024 ** 2);
    expect(ramInBytes('100')).toBe(100);
    expect(err(() => ramInBytes('1x'))).toBe("invalid suffix: 'x'");
    expect(err(() => ramInBytes('-1'))).toBe("invalid size: '-1'");
    expect(parseCPUs('0.5')).toBe(500_000_000);
    expect(parseCPUs('3/4')).toBe(750_000_000);
    expect(err(() => parseCPUs('1e-10'))).toBe('value is too precise');
  });

  it('parses and prints IP addresses like Go', () => {
    expect(formatIP(parseIP('0:0:0:0:0:0:0:1')!)).toBe('::1');
    expect(formatIP(parseIP('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(formatIP(parseIP('::ffff:10.0.0.1')!)).toBe('10.0.0.1');
    expect(parseIP('010.0.0.1')).toBeNull();
    expect(parseIP('1.2.3')).toBeNull();
    expect(parseCIDR('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(parseCIDR('10.1.2.3/33')).toBeNull();
  });
});
