import { describe, expect, it } from 'vitest';
import { formatFloat } from '../../src/units/gofloat';
import fixture from './fixtures/go-format-float.json';

// Expectations in the fixture were printed by Go's strconv.FormatFloat (float64).
describe('formatFloat (Go strconv.FormatFloat)', () => {
  for (const fmt of ['g', 'e', 'f'] as const) {
    const rows = (fixture as Record<string, unknown>)[fmt] as [number, number, string][];
    it.each(rows)(`'${fmt}' %s with precision %i -> %s`, (value, prec, want) => {
      expect(formatFloat(value, fmt, prec)).toBe(want);
    });
  }

  it.each([
    [999.5, 3, '1e+03'], // rounds half to even: 999|5 -> 1000
    [0.125, 2, '0.12'], // exact tie, even digit kept
    [0.375, 2, '0.38'], // exact tie, odd digit rounded up
    [2.5, 1, '2'],
    [3.5, 1, '4'],
    [1e6, 4, '1e+06'], // exponent has at least two digits
    [123456, 3, '1.23e+05'],
    [100, 3, '100'],
    [1234.5678, 6, '1234.57'],
    [0.0001234, 4, '0.0001234'],
    [0.00001234, 4, '1.234e-05'],
  ])('%%.%ig-style: %s with precision %i', (value, prec, want) => {
    expect(formatFloat(value, 'g', prec)).toBe(want);
  });

  it('shortest %v-style output switches to exponent form at 1e+21 and at 1e-05 like Go', () => {
    expect(formatFloat(1e6, 'g', -1)).toBe('1e+06');
    expect(formatFloat(123456, 'g', -1)).toBe('123456');
    expect(formatFloat(1234567, 'g', -1)).toBe('1.234567e+06');
    expect(formatFloat(0.0001, 'g', -1)).toBe('0.0001');
    expect(formatFloat(0.00001, 'g', -1)).toBe('1e-05');
  });

  it('prints specials and signed zero as Go does', () => {
    expect(formatFloat(Infinity, 'g', -1)).toBe('+Inf');
    expect(formatFloat(-Infinity, 'f', 2)).toBe('-Inf');
    expect(formatFloat(NaN, 'e', 3)).toBe('NaN');
    expect(formatFloat(-0, 'g', -1)).toBe('-0');
    expect(formatFloat(0, 'e', 2)).toBe('0.00e+00');
  });

  it('upper-case variants', () => {
    expect(formatFloat(1e21, 'G', -1)).toBe('1E+21');
    expect(formatFloat(1234, 'E', 2)).toBe('1.23E+03');
  });
});
