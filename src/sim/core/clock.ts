// The virtual clock: the only source of time inside the simulator. Timers fire in order of
// (due time, creation order), each with the clock set to its due time, so a run is
// reproducible however fast or slow the host drives it. Compatible with xstate's Clock.

interface Timer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

export class VirtualClock {
  private t: number;
  private seq = 0;
  private nextId = 1;
  private heap: Timer[] = [];
  private live = new Map<number, Timer>();
  private listeners = new Set<() => void>();
  /** Errors thrown by timer callbacks: one failing timer must not stop the world's time. */
  readonly errors: unknown[] = [];

  constructor(startMs: number) {
    this.t = startMs;
  }

  /** Milliseconds since the epoch, virtual. */
  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): number {
    const timer: Timer = { id: this.nextId++, at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.live.set(timer.id, timer);
    this.push(timer);
    this.notify();
    return timer.id;
  }

  clearTimeout(id: number | undefined): void {
    if (id !== undefined) this.live.delete(id);
  }

  /** Due time of the earliest pending timer, if any. */
  nextDue(): number | undefined {
    while (this.heap.length > 0 && !this.live.has(this.heap[0]!.id)) this.pop();
    return this.heap[0]?.at;
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  advanceTo(target: number): void {
    for (;;) {
      const due = this.nextDue();
      if (due === undefined || due > target) break;
      const timer = this.pop()!;
      this.live.delete(timer.id);
      if (timer.at > this.t) this.t = timer.at;
      try {
        timer.fn();
      } catch (e) {
        this.errors.push(e);
        if (this.errors.length > 50) this.errors.shift();
      }
    }
    if (target > this.t) this.t = target;
  }

  /** Fires timers until none is left or `limitMs` of virtual time has passed. */
  runUntilIdle(limitMs = 24 * 3600_000): void {
    const end = this.t + limitMs;
    for (let due = this.nextDue(); due !== undefined && due <= end; due = this.nextDue()) {
      this.advanceTo(due);
    }
  }

  /** Called whenever a timer is added (a real-time driver re-arms its wake-up). */
  onSchedule(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
