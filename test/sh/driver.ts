// A test driver for shell generators: resumes effects synchronously. `sleep` advances a fake
// clock, `read` feeds the given stdin chunks (then end of input), signals are thrown in when
// the clock reaches their time.

import type { Effect, Input, Run } from '../../src/sh/types';
import { Signal } from '../../src/sh/types';

export class Clock {
  constructor(public t = Date.UTC(2024, 0, 15, 10, 30, 0)) {}
  now = (): number => this.t;
}

/** stdin for the shell under test: empty until the driver answers a read effect. */
export class DriverInput implements Input {
  constructor(readonly interactive = false) {}
  take(): string {
    return '';
  }
  ended = false;
}

export interface DriveOptions {
  clock: Clock;
  /** Chunks handed out one per `read` effect; after them, end of input (null). */
  stdin?: string[];
  /** Signals thrown in when the clock reaches `at` (ms since the clock's start). */
  signals?: { at: number; signal: Signal }[];
  /** Signals thrown in at the n-th effect (0-based), before resuming it. */
  signalAtEffect?: { n: number; signal: Signal }[];
  /** Answers custom effects. */
  custom?: (name: string, data: unknown) => unknown;
  /** Safety net against runaway loops. */
  maxEffects?: number;
  input?: DriverInput;
}

export interface DriveResult {
  status: number;
  effects: Effect[];
  /** Virtual milliseconds that passed. */
  elapsed: number;
}

export function drive(gen: Run<number>, o: DriveOptions): DriveResult {
  const start = o.clock.t;
  const stdin = [...(o.stdin ?? [])];
  const signals = [...(o.signals ?? [])].sort((a, b) => a.at - b.at);
  const atEffect = [...(o.signalAtEffect ?? [])];
  const effects: Effect[] = [];
  const max = o.maxEffects ?? 100_000;
  let r = gen.next();
  while (!r.done) {
    const eff = r.value;
    effects.push(eff);
    if (effects.length > max) throw new Error('too many effects');
    const n = effects.length - 1;
    const hit = atEffect.findIndex((s) => s.n === n);
    if (hit >= 0) {
      const [s] = atEffect.splice(hit, 1);
      r = gen.throw(s.signal);
      continue;
    }
    switch (eff.type) {
      case 'sleep': {
        const next = signals[0];
        const until = o.clock.t + eff.ms;
        if (next && start + next.at <= until) {
          signals.shift();
          o.clock.t = Math.max(o.clock.t, start + next.at);
          r = gen.throw(next.signal);
          continue;
        }
        o.clock.t = until;
        r = gen.next(undefined);
        continue;
      }
      case 'read': {
        if (stdin.length) {
          r = gen.next(stdin.shift());
          continue;
        }
        const next = signals[0];
        if (next) {
          signals.shift();
          o.clock.t = Math.max(o.clock.t, start + next.at);
          r = gen.throw(next.signal);
          continue;
        }
        if (o.input) o.input.ended = true;
        r = gen.next(null);
        continue;
      }
      case 'custom':
        r = gen.next(o.custom?.(eff.name, eff.data));
        continue;
      case 'await':
        throw new Error('await effect in a synchronous test driver');
    }
  }
  return { status: r.value, effects, elapsed: o.clock.t - start };
}

export { Signal };
