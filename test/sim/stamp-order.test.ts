import { describe, expect, it } from 'vitest';
import { World } from '../../src/sim/world';

describe('World.stamp', () => {
  it('never goes backwards within a millisecond (events and log lines keep their order)', () => {
    const w = new World({ seed: 'stamps' });
    const stamps = Array.from({ length: 50 }, () => w.stamp());
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]!.ns).toBeGreaterThan(stamps[i - 1]!.ns);
    expect(new Set(stamps.map((s) => s.ms)).size).toBe(1);
  });

  it('draws a fresh sub-millisecond part when the clock has moved', () => {
    const a = new World({ seed: 'stamps' });
    const b = new World({ seed: 'stamps' });
    a.stamp();
    b.stamp();
    a.advance(1);
    b.advance(1);
    expect(a.stamp()).toEqual(b.stamp());
  });
});
