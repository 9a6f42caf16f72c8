// A learner's way through one lesson on one World: which steps are done and which is current.
// Steps are taken in order; the current step is ticked off as soon as the world satisfies its
// check, and the next one is checked at once (the learner may already have done it). The run
// re-evaluates when the daemon emits an event or the trace records a hop — once the world has
// been quiet for a moment of virtual time, so that the instant between two requests of one
// command does not count — and on request: the page calls evaluate() when a command ends.
//
// Progress serialises to a small JSON object the browser keeps; a restored run keeps the steps
// already done (the world itself is restored from its own journal).

import { CheckContext, markWorld, type Marker } from './checks';
import type { Lesson, LessonStep } from './lesson';
import type { World } from '../sim/world';

export interface StepState {
  id: string;
  done: boolean;
  /** Virtual time (ms) the step was ticked off. */
  doneAt: number | null;
}

export interface Progress {
  lesson: string;
  steps: readonly StepState[];
  /** Index of the current step; steps.length when the lesson is complete. */
  current: number;
  complete: boolean;
}

/** What the browser stores. */
export interface SavedProgress {
  v: 1;
  lesson: string;
  done: { id: string; at: number }[];
  marker: Marker;
}

export interface LessonRunOptions {
  /** The host whose daemon the lesson watches (default: the world's first). */
  host?: string;
  /** Where history starts (default: now, after the setup). */
  marker?: Marker;
  /** Progress saved earlier for this lesson. */
  saved?: SavedProgress;
  /**
   * Virtual milliseconds the world must stay quiet (no event, no hop) before a change is
   * evaluated (default 500). One command is several requests — `docker run` creates, then
   * starts — and a step must not be ticked off by the moment in between. 0: evaluate as soon
   * as the simulator's current piece of work is over (a microtask later).
   */
  settleMs?: number;
}

export class LessonRun {
  readonly marker: Marker;
  private readonly states: StepState[];
  private readonly listeners = new Set<(p: Progress, ticked: LessonStep[]) => void>();
  private unsubscribe: (() => void)[] = [];
  private scheduled = false;
  private timer: number | undefined;
  private readonly settleMs: number;

  constructor(
    readonly lesson: Lesson,
    readonly world: World,
    private readonly opts: LessonRunOptions = {},
  ) {
    if (opts.saved && opts.saved.lesson !== lesson.id) throw new Error(`saved progress is for lesson "${opts.saved.lesson}", not "${lesson.id}"`);
    this.marker = opts.saved?.marker ?? opts.marker ?? markWorld(world, opts.host);
    const done = new Map((opts.saved?.done ?? []).map((d) => [d.id, d.at]));
    this.states = lesson.steps.map((s) => ({ id: s.id, done: done.has(s.id), doneAt: done.get(s.id) ?? null }));
    // steps are taken in order: a saved gap (a step added to the lesson since) becomes current again
    const firstOpen = this.states.findIndex((s) => !s.done);
    if (firstOpen >= 0)
      for (let i = firstOpen + 1; i < this.states.length; i++) {
        this.states[i]!.done = false;
        this.states[i]!.doneAt = null;
      }
    this.settleMs = opts.settleMs ?? 500;
  }

  /** Watches the world: the daemon's events and the trace. Returns this. */
  start(): this {
    if (this.unsubscribe.length > 0) return this;
    const d = this.world.daemon(this.opts.host);
    this.unsubscribe.push(d.events.subscribe(() => this.schedule()));
    this.unsubscribe.push(this.world.trace.subscribe(() => this.schedule()));
    this.schedule();
    return this;
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.world.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Evaluates once the world has been quiet for settleMs of virtual time (the clock's timer only reads the world). */
  private schedule(): void {
    if (this.settleMs <= 0) {
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.evaluate();
      });
      return;
    }
    this.world.clock.clearTimeout(this.timer);
    this.timer = this.world.clock.setTimeout(() => {
      this.timer = undefined;
      this.evaluate();
    }, this.settleMs);
  }

  /** Checks the current step (and the ones after it, while they hold); returns the steps ticked off. */
  evaluate(): LessonStep[] {
    const ticked: LessonStep[] = [];
    const ctx = new CheckContext(this.world, this.marker, this.opts.host);
    for (;;) {
      const i = this.currentIndex();
      if (i >= this.states.length) break;
      const step = this.lesson.steps[i]!;
      if (!step.check.test(ctx)) break;
      this.states[i]!.done = true;
      this.states[i]!.doneAt = this.world.now();
      ticked.push(step);
    }
    if (ticked.length > 0) {
      const p = this.progress();
      for (const l of [...this.listeners]) l(p, ticked);
    }
    return ticked;
  }

  /** Whether a step's check holds now (for a page that shows "done" marks, or a hint trigger). */
  holds(stepId: string): boolean {
    const step = this.lesson.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step "${stepId}" in lesson "${this.lesson.id}"`);
    return step.check.test(new CheckContext(this.world, this.marker, this.opts.host));
  }

  private currentIndex(): number {
    const i = this.states.findIndex((s) => !s.done);
    return i < 0 ? this.states.length : i;
  }

  get current(): LessonStep | null {
    return this.lesson.steps[this.currentIndex()] ?? null;
  }

  get complete(): boolean {
    return this.currentIndex() >= this.states.length;
  }

  progress(): Progress {
    const current = this.currentIndex();
    return { lesson: this.lesson.id, steps: this.states.map((s) => ({ ...s })), current, complete: current >= this.states.length };
  }

  /** Called with the new progress each time steps are ticked off. */
  subscribe(listener: (p: Progress, ticked: LessonStep[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toJSON(): SavedProgress {
    return {
      v: 1,
      lesson: this.lesson.id,
      done: this.states.filter((s) => s.done).map((s) => ({ id: s.id, at: s.doneAt ?? 0 })),
      marker: { traceId: this.marker.traceId, eventStamp: this.marker.eventStamp ? { ...this.marker.eventStamp } : null },
    };
  }
}

/** Reads saved progress back (from localStorage, say); null if it is not ours or is damaged. */
export function readSavedProgress(text: string | null, lessonId?: string): SavedProgress | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const o = v as Partial<SavedProgress> | null;
  if (!o || o.v !== 1 || typeof o.lesson !== 'string' || !Array.isArray(o.done) || !o.marker || typeof o.marker.traceId !== 'number') return null;
  if (lessonId !== undefined && o.lesson !== lessonId) return null;
  const es = o.marker.eventStamp;
  if (es !== null && (typeof es !== 'object' || typeof es.ms !== 'number' || typeof es.ns !== 'number')) return null;
  const done = o.done.filter((d): d is { id: string; at: number } => !!d && typeof d.id === 'string' && typeof d.at === 'number');
  return { v: 1, lesson: o.lesson, done, marker: { traceId: o.marker.traceId, eventStamp: es ? { ms: es.ms, ns: es.ns } : null } };
}
