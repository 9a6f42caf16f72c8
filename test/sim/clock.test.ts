import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/core/clock';

describe('virtual clock', () => {
  it('fires timers in due order, each at its own time, and ties in creation order', () => {
    const c = new VirtualClock(1000);
    const seen: string[] = [];
    c.setTimeout(() => seen.push(`b@${c.now()}`), 20);
    c.setTimeout(() => seen.push(`a@${c.now()}`), 10);
    c.setTimeout(() => seen.push(`c@${c.now()}`), 20);
    c.advance(15);
    expect(seen).toEqual(['a@1010']);
    expect(c.now()).toBe(1015);
    c.advance(100);
    expect(seen).toEqual(['a@1010', 'b@1020', 'c@1020']);
    expect(c.now()).toBe(1115);
  });

  it('runs timers scheduled by timers within the same advance, and honours clearTimeout', () => {
    const c = new VirtualClock(0);
    const seen: number[] = [];
    const id = c.setTimeout(() => seen.push(-1), 5);
    c.setTimeout(() => c.setTimeout(() => seen.push(c.now()), 10), 10);
    c.clearTimeout(id);
    c.advance(30);
    expect(seen).toEqual([20]);
    expect(c.nextDue()).toBeUndefined();
  });
});

describe('virtual clock, failing timers', () => {
  it('keeps time going when a timer throws, and keeps the error', () => {
    const c = new VirtualClock(0);
    const seen: number[] = [];
    c.setTimeout(() => {
      throw new Error('boom');
    }, 5);
    c.setTimeout(() => seen.push(c.now()), 10);
    c.advance(20);
    expect(seen).toEqual([10]);
    expect(String(c.errors[0])).toContain('boom');
  });
});
