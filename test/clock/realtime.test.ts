import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeDriver } from '../../src/clock/realtime';
import { VirtualClock } from '../../src/sim/core/clock';
import type { World } from '../../src/sim/world';

// The driver needs only the world's clock: a VirtualClock stands in for a World.
function fakeWorld(start: number): { world: World; clock: VirtualClock } {
  const clock = new VirtualClock(start);
  return { clock, world: { clock, now: () => clock.now() } as unknown as World };
}

describe('RealtimeDriver', () => {
  // real time is the fake timers' clock: Date.now() moves as the timers are advanced
  const real = (): number => Date.now();
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires a virtual timer when real time reaches it, however often it syncs before', () => {
    const { world, clock } = fakeWorld(1_000_000);
    const driver = new RealtimeDriver(world, { now: real });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 1000);
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(1);
      driver.sync();
    }
    // one real timer for the one due time, not one per sync
    expect(vi.getTimerCount()).toBe(1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(899);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([1_001_000]);
    expect(vi.getTimerCount()).toBe(0);
    driver.stop();
  });

  it('re-arms for an earlier timer and after the world is moved ahead', () => {
    const { world, clock } = fakeWorld(0);
    const driver = new RealtimeDriver(world, { now: real });
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('late'), 5000);
    clock.setTimeout(() => fired.push('early'), 100);
    driver.sync();
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(['early']);
    // a fast-forward: virtual time runs 2 s ahead of real time from now on
    clock.advance(2000);
    driver.sync();
    vi.advanceTimersByTime(2899);
    expect(fired).toEqual(['early']);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['early', 'late']);
    driver.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
