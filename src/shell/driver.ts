// Runs the shell's generators on the host: each effect a command yields is performed for real
// (a timer, a line from the terminal, a promise), and signals typed on the terminal (Ctrl-C)
// are thrown into the generator at the effect it waits on. The shell's scheduler then hands
// the signal to the foreground commands, which decide what it means (most die of it; docker
// passes it to the CLI; ping prints its statistics).

import { GroupSignal, signalNumber, type Effect } from '../sh';

export interface EffectHandlers {
  /** Waits `ms` milliseconds; rejects (or resolves early) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The next input for the shell's stdin (the terminal): a chunk, or null at end of input. */
  read(signal: AbortSignal): Promise<string | null>;
  /** Answers a custom effect (`ps`, `kill`...); undefined when unknown. */
  custom?(name: string, data: unknown): unknown;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'signal' };

/** Drives one generator at a time; signals sent while it runs are thrown into it. */
export class EffectDriver {
  private signals: GroupSignal[] = [];
  private wake: (() => void) | null = null;
  private running = 0;
  /** How many signals were delivered so far. */
  delivered = 0;

  constructor(private readonly handlers: EffectHandlers) {}

  /** True while a generator is being driven (a command runs). */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Delivers a signal to what runs now (the terminal's foreground process group). */
  send(name: string): void {
    if (this.running === 0) return;
    const bare = name.replace(/^SIG/, '');
    this.signals.push(new GroupSignal(`SIG${bare}`, signalNumber(bare) ?? 2));
    this.wake?.();
  }

  async drive<T>(gen: Generator<Effect, T, unknown>): Promise<T> {
    this.running++;
    this.signals = [];
    try {
      let r = gen.next();
      while (!r.done) {
        const sig = this.signals.shift();
        if (sig) {
          this.delivered++;
          r = gen.throw(sig);
          continue;
        }
        const outcome = await this.perform(r.value);
        if (outcome.kind === 'signal') continue;
        r = outcome.kind === 'value' ? gen.next(outcome.value) : gen.throw(outcome.error);
      }
      return r.value;
    } finally {
      this.running--;
      this.signals = [];
    }
  }

  private perform(eff: Effect): Promise<Outcome> {
    const abort = new AbortController();
    const signalled = new Promise<Outcome>((resolve) => {
      this.wake = () => resolve({ kind: 'signal' });
    });
    let work: Promise<unknown>;
    switch (eff.type) {
      case 'sleep':
        work = this.handlers.sleep(eff.ms, abort.signal);
        break;
      case 'read':
        work = this.handlers.read(abort.signal);
        break;
      case 'await':
        work = eff.promise;
        break;
      case 'custom':
        work = Promise.resolve(this.handlers.custom?.(eff.name, eff.data));
        break;
    }
    const done = work.then(
      (value): Outcome => ({ kind: 'value', value }),
      (error): Outcome => ({ kind: 'error', error }),
    );
    return Promise.race([done, signalled]).then((o) => {
      this.wake = null;
      if (o.kind === 'signal') abort.abort();
      return o;
    });
  }
}

/** A sleep on real time (setTimeout) that ends early when aborted. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
