import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  fromHumanSize,
  humanSize,
  humanSizeWithPrecision,
  parseGoFloat,
  ramInBytes,
} from '../../src/units/size';

describe('humanSizeWithPrecision / humanSize (go-units, base 1000)', () => {
  // shared/reference/cli-output.md §2.6, completed with Go's own output
  it.each([
    [0, '0B', '0B'],
    [999, '999B', '999B'],
    [1000, '1kB', '1kB'],
    [1234, '1.23kB', '1.234kB'],
    [999499, '999kB', '999.5kB'],
    [999500, '1e+03kB', '999.5kB'],
    [7800000, '7.8MB', '7.8MB'],
    [187654321, '188MB', '187.7MB'],
    [1e9, '1GB', '1GB'],
    [123456789, '123MB', '123.5MB'],
    [3670016, '3.67MB', '3.67MB'],
    [8232214528, '8.23GB', '8.232GB'],
    [1289841562506713, '1.29PB', '1.29PB'],
    [1037550378542433800, '1.04EB', '1.038EB'],
    [1e21, '1ZB', '1ZB'],
    [1.7976931348623157e308, '1.8e+284YB', '1.798e+284YB'], // YB is the last unit
    [0.5, '0.5B', '0.5B'],
    [999.5, '1e+03B', '999.5B'],
    [1e-7, '1e-07B', '1e-07B'],
    [-1, '-1B', '-1B'],
    [-5000, '-5e+03B', '-5000B'], // negative sizes are never divided
  ])('%s bytes -> %s (precision 3), %s (HumanSize)', (bytes, p3, p4) => {
    expect(humanSizeWithPrecision(bytes, 3)).toBe(p3);
    expect(humanSize(bytes)).toBe(p4);
  });
});

describe('bytesSize (go-units, base 1024)', () => {
  it.each([
    [0, '0B'],
    [1023, '1023B'],
    [1024, '1KiB'],
    [1234, '1.205KiB'],
    [999500, '976.1KiB'],
    [3670016, '3.5MiB'],
    [187654321, '179MiB'],
    [1e9, '953.7MiB'],
    [8232214528, '7.667GiB'],
    [1116739350809910, '1016TiB'],
    [1e21, '867.4EiB'],
  ])('%s -> %s', (bytes, want) => {
    expect(bytesSize(bytes)).toBe(want);
  });
});

describe('fromHumanSize / ramInBytes (go-units parseSize)', () => {
  // [input, FromHumanSize, RAMInBytes] — numbers, or the error message
  const cases: [string, number | string, number | string][] = [
    ['1', 1, 1],
    ['32', 32, 32],
    ['1b', 1, 1],
    ['32 B', 32, 32],
    ['1k', 1000, 1024],
    ['32K', 32000, 32768],
    ['1kb', 1000, 1024],
    ['32Kb', 32000, 32768],
    ['1KiB', 1000, 1024], // the "ib" form is accepted by both maps
    ['1KIB', 1000, 1024],
    ['1 k', 1000, 1024],
    ['1 kB', 1000, 1024],
    ['1.5g', 1500000000, 1610612736],
    ['32Mb', 32000000, 33554432],
    ['32Gb', 32000000000, 34359738368],
    ['32Tb', 32000000000000, 35184372088832],
    ['0.3Mb', 300000, 314572],
    ['1e3', 1000, 1000],
    ['1e3k', 1000000, 1024000],
    ['1.', 1, 1],
    ['.5k', 500, 512],
    ['1_000', 1000, 1000], // strconv.ParseFloat accepts digit separators
    ['+5k', 5000, 5120],
    ['', "invalid size: ''", "invalid size: ''"],
    ['abc', "invalid size: 'abc'", "invalid size: 'abc'"],
    ['mb', "invalid size: 'mb'", "invalid size: 'mb'"],
    ['-1', "invalid size: '-1'", "invalid size: '-1'"],
    ['-1k', "invalid size: '-1k'", "invalid size: '-1k'"],
    ['1x', "invalid suffix: 'x'", "invalid suffix: 'x'"],
    ['1kx', "invalid suffix: 'kx'", "invalid suffix: 'kx'"],
    ['1kbb', "invalid suffix: 'kbb'", "invalid suffix: 'kbb'"],
    ['1ki', "invalid suffix: 'ki'", "invalid suffix: 'ki'"],
    ['5 kibs', "invalid suffix: 'kibs'", "invalid suffix: 'kibs'"], // too long: not lower-cased
    ['5 KIBS', "invalid suffix: 'KIBS'", "invalid suffix: 'KIBS'"],
    ['1.5Inf', "invalid suffix: 'inf'", "invalid suffix: 'inf'"], // lower-cased once short enough
    ['1..5', 'strconv.ParseFloat: parsing "1..5": invalid syntax', 'strconv.ParseFloat: parsing "1..5": invalid syntax'],
    ['3 4', 'strconv.ParseFloat: parsing "3 4": invalid syntax', 'strconv.ParseFloat: parsing "3 4": invalid syntax'],
    [' 1', 'strconv.ParseFloat: parsing " 1": invalid syntax', 'strconv.ParseFloat: parsing " 1": invalid syntax'],
    ['1 ', 1, 1], // the space is a separator: empty suffix
    ['1e400', 'strconv.ParseFloat: parsing "1e400": value out of range', 'strconv.ParseFloat: parsing "1e400": value out of range'],
  ];
  it.each(cases)('%j -> %j / %j', (input, dec, bin) => {
    for (const [fn, want] of [
      [fromHumanSize, dec],
      [ramInBytes, bin],
    ] as const) {
      if (typeof want === 'number') expect(fn(input)).toBe(want);
      else expect(() => fn(input)).toThrow(want);
    }
  });

  it('keeps int64 precision for large values (Go truncates float64 to int64)', () => {
    expect(BigInt(ramInBytes('32P'))).toBe(36028797018963968n);
    expect(BigInt(fromHumanSize('32PB'))).toBe(32000000000000000n);
  });

  it('gives the int64 "indefinite" value on overflow as Go on amd64 does', () => {
    expect(BigInt(fromHumanSize('10000000000000000000p'))).toBe(-9223372036854775808n);
    expect(BigInt(ramInBytes('inf k'))).toBe(-9223372036854775808n);
  });
});

describe('parseGoFloat (strconv.ParseFloat)', () => {
  it.each([
    ['1e1_0', 1e10],
    ['0x1.8p1', 3],
    ['0X1P-2', 0.25],
    ['0x_1p0', 1],
    ['0x.8p1', 1],
    ['-Infinity', -Infinity],
    ['+inf', Infinity],
    ['1e-400', 0],
  ])('%s = %s', (s, want) => {
    expect(parseGoFloat(s)).toBe(want);
  });
  it('parses NaN', () => expect(parseGoFloat('NaN')).toBeNaN());
  it.each(['1__0', '_1', '1_', '1_.5', '0x1p', '0x1', 'infin', '+nan', '0b1', '0x1_p0', '.e1', '1e', '1e+'])(
    'rejects %s',
    (s) => {
      expect(() => parseGoFloat(s)).toThrow(`strconv.ParseFloat: parsing "${s}": invalid syntax`);
    },
  );
});
