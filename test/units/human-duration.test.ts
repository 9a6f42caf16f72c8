import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { humanDuration, humanDurationChangesAt } from '../../src/units/human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units HumanDuration)', () => {
  it.each([
    [-5 * S, 'Less than a second'], // clock skew
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S + 999, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S + 999, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 40 * S, '59 minutes'],
    [59 * M + 59 * S + 999, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M + 59 * S + 999, 'About an hour'], // 1.49999… h rounds to 1
    [90 * M, '2 hours'], // 1.5 h rounds half up
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'], // rounded hours reach 48
    [2 * D - 1, '2 days'],
    [13 * D + 23 * H + 29 * M, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D + 23 * H, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D + 23 * H, '24 months'],
    [730 * D, '2 years'],
    [1e12, '31 years'],
    [56 * 365 * D, '56 years'],
  ])('%s ms -> %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('humanDurationChangesAt', () => {
  const same = (ms: number) => {
    const next = humanDurationChangesAt(ms);
    expect(next).toBeGreaterThan(ms);
    const text = humanDuration(ms);
    for (const t of [next - 1e-6, next - 0.5, next - 1, (ms + next) / 2]) if (t >= ms && t < next) expect([t, humanDuration(t)]).toEqual([t, text]);
  };

  it('keeps the text until then, at the edges of each unit', () => {
    for (const edge of [0, S, 2 * S, 59 * S, M, 2 * M, 59 * M, H, 90 * M, 47 * H + 30 * M, 14 * D, 60 * D, 730 * D])
      for (const d of [-1, -0.25, 0, 0.25, 1]) same(edge + d);
  });

  it('keeps the text until then, for any elapsed time', () => {
    fc.assert(fc.property(fc.double({ min: -10 * S, max: 3 * 365 * D, noNaN: true }), (ms) => same(ms)), { numRuns: 5000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 * 365 * D }), (ms) => same(ms)), { numRuns: 5000 });
  });

  it('is the next second, minute or half hour', () => {
    expect(humanDurationChangesAt(-5 * S)).toBe(S);
    expect(humanDurationChangesAt(1500)).toBe(2 * S);
    expect(humanDurationChangesAt(59 * S + 1)).toBe(M);
    expect(humanDurationChangesAt(61 * S)).toBe(2 * M);
    expect(humanDurationChangesAt(H)).toBe(90 * M - 1);
    expect(humanDurationChangesAt(90 * M - 1)).toBe(90 * M);
    expect(humanDurationChangesAt(90 * M)).toBe(120 * M - 1);
  });
});
