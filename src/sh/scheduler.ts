// Runs several commands at once inside one generator: the stages of a pipeline and background
// jobs. Each task is a generator; the scheduler steps them in turn and handles the effects it
// can answer itself:
//   - `read` by a task whose stdin is one of its pipes waits for the writer;
//   - `sleep` becomes a timer; when every task is waiting, the earliest timer is passed up as
//     one `sleep` effect;
//   - `sh:join` (internal) waits for other tasks to finish.
// Everything else (`read` from the real stdin, `await`, `custom`) is passed up to the driver,
// one at a time in the order the tasks asked. Signals the driver throws in are handed to the
// shell's signal handler, which decides who receives them.

import { ExitRequest, Signal, type Effect, type Input, type Run } from './types';
import { Pipe } from './io';

export type Resume = { kind: 'next'; value: unknown } | { kind: 'throw'; error: unknown };

/** 'stopped': a background job that read from the terminal (SIGTTIN); it waits for ever. */
export type TaskState = 'ready' | 'pipe' | 'sleep' | 'external' | 'join' | 'stopped' | 'done';

export interface Task {
  readonly id: number;
  readonly gen: Run<number>;
  /** Its standard input, to recognise reads from the scheduler's own pipes. */
  readonly stdin: Input | null;
  state: TaskState;
  resume: Resume;
  until?: number;
  effect?: Effect;
  /** When state is 'join': the tasks it waits for. */
  joinOn?: Task[];
  /** A join that a trapped signal may interrupt (the `wait` builtin). */
  interruptible?: boolean;
  status: number;
  /** Called when the task finishes (closes pipe ends). */
  onExit: (() => void)[];
  /** Free-form label (the command line), for `jobs`. */
  label: string;
  /** The task that started it (a shell), for delivering a signal to a process tree. */
  parent?: Task;
  /** Part of a background job: not in the terminal's foreground process group. */
  background?: boolean;
  /** Signals the task ignores (SIG_IGN), inherited by what it starts. */
  ignored?: ReadonlySet<string>;
  /** Process id, when the shell gave it one. */
  pid?: number;
}

/** The internal effect a task yields to wait for other tasks. */
export interface JoinRequest {
  sched: Scheduler;
  tasks: Task[];
  interruptible?: boolean;
}

export const JOIN = 'sh:join';

/**
 * Custom effects that concern the asking process alone (see src/sim/programs/effects.ts): a
 * child's are answered by the scheduler, so that only the shell's own process reaches the driver.
 */
const PROCESS_LOCAL = new Set(['exec', 'set-title', 'signal-disposition', 'getpid']);

/** What a join resumes with: nothing, or the signal that interrupted an interruptible join. */
export interface JoinInterrupted {
  interrupted: Signal;
}

export type SignalHandler = (sig: Signal, sched: Scheduler) => void;

export class Scheduler {
  readonly tasks: Task[] = [];
  private nextId = 1;
  private time = 0;
  /** The interactive terminal's input: background jobs that read it are stopped. */
  tty: Input | null = null;
  /** The task that is the shell's own process (its effects are the process's). */
  main: Task | undefined;
  /** The shell's process id (the parent of its children). */
  selfPid = 0;
  /** Installed by the shell: decides what a signal from the driver does. */
  onSignal: SignalHandler = (sig, sched) => {
    for (const t of sched.tasks) if (t.state !== 'done') sched.throwInto(t, sig);
  };

  constructor(private readonly now: () => number) {}

  spawn(gen: Run<number>, stdin: Input | null, label = ''): Task {
    const task: Task = {
      id: this.nextId++,
      gen,
      stdin,
      state: 'ready',
      resume: { kind: 'next', value: undefined },
      status: 0,
      onExit: [],
      label,
    };
    this.tasks.push(task);
    return task;
  }

  /** An effect for `yield` that waits until the tasks are done. */
  join(tasks: Task[], interruptible = false): Effect {
    const data: JoinRequest = { sched: this, tasks, interruptible };
    return { type: 'custom', name: JOIN, data };
  }

  /** Makes a waiting task continue by throwing into it (a signal, usually). */
  throwInto(task: Task, error: unknown): void {
    if (task.state === 'done') return;
    task.state = 'ready';
    task.resume = { kind: 'throw', error };
    task.effect = undefined;
  }

  /** Makes a waiting task continue with a value. */
  resumeWith(task: Task, value: unknown): void {
    if (task.state === 'done') return;
    task.state = 'ready';
    task.resume = { kind: 'next', value };
    task.effect = undefined;
  }

  private clock(): number {
    this.time = Math.max(this.time, this.now());
    return this.time;
  }

  /** Steps the tasks until `done()` holds; passes effects it cannot answer to the caller. */
  *run(done: () => boolean): Generator<Effect, void, unknown> {
    for (;;) {
      this.runReady(done);
      if (done()) return;
      this.reap();
      const external = this.tasks.find((t) => t.state === 'external');
      const sleepers = this.tasks.filter((t) => t.state === 'sleep');
      if (external) {
        let result: unknown;
        try {
          result = yield external.effect!;
        } catch (e) {
          this.deliver(e, external);
          continue;
        }
        this.resumeWith(external, result);
        continue;
      }
      if (sleepers.length) {
        const now = this.clock();
        const target = Math.min(...sleepers.map((t) => t.until!));
        const ms = Math.max(0, target - now);
        try {
          yield { type: 'sleep', ms };
        } catch (e) {
          this.deliver(e, sleepers[0]);
          continue;
        }
        this.time = Math.max(this.clock(), target);
        for (const t of sleepers) if (t.state === 'sleep' && t.until! <= this.time) this.resumeWith(t, undefined);
        continue;
      }
      // Everyone waits on pipes or joins that cannot progress: give readers end of input.
      const readers = this.tasks.filter((t) => t.state === 'pipe');
      if (readers.length) {
        for (const t of readers) this.resumeWith(t, null);
        continue;
      }
      if (this.tasks.some((t) => t.state === 'stopped')) {
        // Waiting on a stopped job: only a signal ends this.
        try {
          yield { type: 'sleep', ms: 2 ** 31 - 1 };
        } catch (e) {
          this.deliver(e, this.tasks[0]);
        }
        continue;
      }
      throw new Error('sh scheduler: deadlock');
    }
  }

  private deliver(e: unknown, task: Task): void {
    if (e instanceof Signal) this.onSignal(e, this);
    else this.throwInto(task, e);
  }

  /** Steps ready tasks until none is ready (or done() holds). */
  private runReady(done: () => boolean): void {
    for (;;) {
      if (done()) return;
      let progressed = false;
      for (const task of [...this.tasks]) {
        if (task.state === 'ready') {
          this.step(task);
          progressed = true;
          if (done()) return;
        }
      }
      if (this.wake()) progressed = true;
      if (!progressed) return;
    }
  }

  /** Wakes tasks whose pipe has data or whose joined tasks are done. */
  private wake(): boolean {
    let woke = false;
    for (const t of this.tasks) {
      if (t.state === 'pipe') {
        const p = t.stdin as Pipe;
        if (p.hasData) {
          this.resumeWith(t, p.take());
          woke = true;
        } else if (p.ended) {
          this.resumeWith(t, null);
          woke = true;
        }
      } else if (t.state === 'join' && t.joinOn!.every((j) => j.state === 'done')) {
        this.resumeWith(t, undefined);
        woke = true;
      }
    }
    return woke;
  }

  private reap(): void {
    // Keep finished tasks that someone may still join on; drop the rest.
    const joined = new Set<Task>();
    for (const t of this.tasks) if (t.state === 'join') for (const j of t.joinOn!) joined.add(j);
    for (let i = this.tasks.length - 1; i >= 0; i--) {
      const t = this.tasks[i];
      if (t.state === 'done' && !joined.has(t) && !this.keep.has(t)) this.tasks.splice(i, 1);
    }
  }

  /** Tasks kept after they finish (background jobs until `wait` or `jobs` reports them). */
  readonly keep = new Set<Task>();

  /** The task being stepped right now (a builtin asks whether it runs in the main task). */
  running: Task | undefined;

  private step(task: Task): void {
    let r: IteratorResult<Effect, number>;
    this.running = task;
    try {
      r = task.resume.kind === 'next' ? task.gen.next(task.resume.value) : task.gen.throw(task.resume.error);
    } catch (e) {
      this.running = undefined;
      if (e instanceof Signal) return this.finish(task, 128 + e.number);
      if (e instanceof ExitRequest) return this.finish(task, e.status);
      this.finish(task, 1);
      throw e;
    }
    this.running = undefined;
    if (r.done) return this.finish(task, r.value);
    const eff = r.value;
    switch (eff.type) {
      case 'sleep':
        task.state = 'sleep';
        task.until = this.clock() + Math.max(0, eff.ms);
        return;
      case 'read':
        if (task.stdin instanceof Pipe && task.stdin.owner === this) {
          task.state = 'pipe';
          return;
        }
        if (task.background && this.tty && task.stdin === this.tty) {
          task.state = 'stopped';
          return;
        }
        break;
      case 'custom':
        if (task !== this.main && PROCESS_LOCAL.has(eff.name)) {
          // the task is a child process: what it asks about itself must not reach the process
          // running the shell (its title, its signal dispositions, its pid)
          task.state = 'ready';
          task.resume = { kind: 'next', value: eff.name === 'getpid' ? { pid: this.pidOf(task), ppid: this.pidOf(task.parent) } : undefined };
          return;
        }
        if (eff.name === JOIN) {
          const req = eff.data as JoinRequest;
          if (req.sched === this) {
            task.state = 'join';
            task.joinOn = req.tasks;
            task.interruptible = !!req.interruptible;
            return;
          }
        }
        break;
    }
    task.state = 'external';
    task.effect = eff;
  }

  /** The process id of a task: its own, or that of the process it runs in. */
  private pidOf(task: Task | undefined): number {
    for (let t = task; t; t = t.parent) if (t.pid !== undefined) return t.pid;
    return this.selfPid;
  }

  private finish(task: Task, status: number): void {
    task.state = 'done';
    task.status = status;
    task.effect = undefined;
    for (const f of task.onExit) f();
    task.onExit = [];
  }

  /** Abandons unfinished tasks (their generators' finally blocks run). */
  abandon(tasks: Task[] = this.tasks): void {
    for (const t of [...tasks]) {
      if (t.state === 'done') continue;
      try {
        t.gen.return(128 + 9);
      } catch {
        // ignore
      }
      this.finish(t, 128 + 9);
    }
  }

  /** Runs one task to completion (with the others) and returns its status. */
  *wait(task: Task): Generator<Effect, number, unknown> {
    yield* this.run(() => task.state === 'done');
    return task.status;
  }
}
