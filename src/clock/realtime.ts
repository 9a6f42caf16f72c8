// Drives a World's virtual clock from real time, for hosts that serve people (the Node host,
// the page, the edge). Virtual time = start + elapsed real time × speed; due timers fire when
// real time reaches them. Tests do not use this: they advance the clock explicitly.

import type { World } from '../sim/world';

export interface RealtimeOptions {
  /** Virtual milliseconds per real millisecond (1 = real time). */
  speed?: number;
  /** Real clock in ms (performance.now by default). */
  now?: () => number;
}

export class RealtimeDriver {
  private readonly speed: number;
  private readonly realNow: () => number;
  private realStart: number;
  private virtualStart: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What the timer is set for: the due time and the virtual start it was reckoned from. */
  private armedDue = NaN;
  private armedStart = NaN;
  private stopped = false;
  private unsub: () => void;

  constructor(
    readonly world: World,
    opts: RealtimeOptions = {},
  ) {
    this.speed = opts.speed ?? 1;
    this.realNow = opts.now ?? (() => performance.now());
    this.realStart = this.realNow();
    this.virtualStart = world.now();
    this.unsub = world.clock.onSchedule(() => this.arm());
    this.arm();
  }

  /** Brings virtual time up to now, firing what fell due. */
  sync(): void {
    if (this.stopped) return;
    const target = this.virtualStart + (this.realNow() - this.realStart) * this.speed;
    const now = this.world.now();
    // Someone moved the world ahead of real time (a fast-forward): follow from there.
    if (now > target) this.virtualStart += now - target;
    else this.world.clock.advanceTo(Math.floor(target));
    this.arm();
  }

  private arm(): void {
    if (this.stopped) return;
    const due = this.world.clock.nextDue();
    // the timer already set fires at the same real time: keep it (sync runs on every request
    // and every reading of the time, so this is the common case)
    if (this.timer && due === this.armedDue && this.virtualStart === this.armedStart) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (due === undefined) return;
    this.armedDue = due;
    this.armedStart = this.virtualStart;
    const virtualNow = this.virtualStart + (this.realNow() - this.realStart) * this.speed;
    const wait = Math.max(0, (due - virtualNow) / this.speed);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sync();
    }, Math.min(wait, 2 ** 31 - 1));
  }

  stop(): void {
    this.stopped = true;
    this.unsub();
    if (this.timer) clearTimeout(this.timer);
  }
}
