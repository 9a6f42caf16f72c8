// A process inside the simulator: a program (a generator from src/sh's contract) driven on the
// virtual clock. `sleep` effects become clock timers, `read` waits for stdin, custom effects go
// to the host of the process (its container's runtime). Signals follow Linux: SIGKILL always
// kills; a caught signal is thrown into the program; a signal left at its default action kills
// the process (status 128+N) unless the process is PID 1 of its namespace, which the kernel
// protects from default-action signals.

import type { Command, CommandContext, Effect, Input, Output, Run, SystemInfo } from '../../sh/types';
import { ExitRequest, Signal } from '../../sh/types';
import type { FileSystem } from '../../vfs/types';
import type { VirtualClock } from '../core/clock';
import { SIGNALS, signalNumber } from './signals';

export type Disposition = 'default' | 'catch' | 'ignore';

export interface CustomOutcome {
  /** Resume at once with this value. */
  value?: unknown;
  /** Or suspend: call resume/fail later; return a cancel function (used when a signal interrupts). */
  suspend?: (resume: (v: unknown) => void, fail: (e: unknown) => void) => () => void;
}

export interface ProcessHost {
  clock: VirtualClock;
  output(proc: SimProcess, stream: 'stdout' | 'stderr', text: string): void;
  exited(proc: SimProcess, code: number, signal: string | null): void;
  custom(proc: SimProcess, name: string, data: unknown): CustomOutcome;
}

export interface ProcessSpec {
  pid: number;
  hostPid: number;
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  sys: SystemInfo;
  tty: boolean;
  columns: number;
  /** PID 1 of its PID namespace. */
  init: boolean;
  /** PID of the parent inside the namespace, for a process forked by another one. */
  ppid?: number;
  /** Signals the program handles from the start (a daemon's handlers). */
  catches?: readonly string[];
  program: Command;
}

/** Synchronous steps a process may take without time passing before it is charged 1 ms. */
const STEPS_PER_MS = 2000;

export class StdinPipe implements Input {
  private buf = '';
  private closed = false;
  private waiter: ((chunk: string | null) => void) | null = null;

  constructor(readonly interactive: boolean) {}

  get ended(): boolean {
    return this.closed && this.buf === '';
  }

  take(): string {
    const b = this.buf;
    this.buf = '';
    return b;
  }

  write(data: string): void {
    if (this.closed) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(data);
    } else this.buf += data;
  }

  close(): void {
    this.closed = true;
    if (this.waiter && this.buf === '') {
      const w = this.waiter;
      this.waiter = null;
      w(null);
    }
  }

  /** Resolves with buffered data, or waits for the next write / close. */
  read(cb: (chunk: string | null) => void): () => void {
    if (this.buf !== '') {
      cb(this.take());
      return () => {};
    }
    if (this.closed) {
      cb(null);
      return () => {};
    }
    this.waiter = cb;
    return () => {
      if (this.waiter === cb) this.waiter = null;
    };
  }
}

/** A command a shell runs as a process of its own (forked, then exec'd), inside this process's program. */
export interface ShellChild {
  pid: number;
  ppid: number;
  hostPid: number;
  argv: string[];
  uid: number;
  gid: number;
  startedAt: number;
  running(): boolean;
  /** Delivers a signal to the command (the shell runs it; the process must then be woken). */
  signal(name: string, number: number): void;
}

export class SimProcess {
  readonly pid: number;
  readonly hostPid: number;
  readonly argv: string[];
  readonly stdin: StdinPipe;
  readonly startedAt: number;
  /** The command line `ps` shows; programs may change it (nginx: "nginx: master process ..."). */
  title: string;
  /** The user the process runs as now (gosu, setpriv and su-exec change it across an exec). */
  uid: number;
  gid: number;
  state: 'running' | 'exited' = 'running';
  /** Commands a shell in this process runs as processes of their own (its children to ps). */
  readonly children = new Map<number, ShellChild>();
  exitCode: number | null = null;
  termSignal: string | null = null;
  readonly dispositions = new Map<string, Disposition>();
  private gen: Run<number> | null = null;
  private cancelWait: (() => void) | null = null;
  private steps = 0;
  private stepsAt = -1;
  private running = false;
  /** Set while a step is on the stack; a signal arriving then is delivered after it yields. */
  private pendingSignals: Signal[] = [];
  /** Set while an effect is being performed (its handler may signal this very process). */
  private performing = false;
  /** sigprocmask: caught signals held back until unblocked or until sigsuspend. */
  private readonly blocked = new Set<string>();
  /** Blocked signals that arrived (one of each, as Linux keeps standard signals), with their sender. */
  private readonly held = new Map<string, number>();
  /** Inside sigsuspend: blocked signals are delivered. */
  private suspended = false;
  /** A paused (frozen) process runs nothing; what would resume it waits for thaw(). */
  private frozen = false;
  private deferred: { value?: unknown; error?: unknown } | null = null;
  private sleepTimer: { id: number; at: number } | null = null;
  readonly ctx: CommandContext;

  constructor(
    private readonly host: ProcessHost,
    readonly spec: ProcessSpec,
  ) {
    this.pid = spec.pid;
    this.hostPid = spec.hostPid;
    this.argv = spec.argv;
    this.startedAt = host.clock.now();
    this.title = spec.argv.join(' ');
    this.uid = spec.sys.uid;
    this.gid = spec.sys.gid;
    this.stdin = new StdinPipe(spec.tty);
    for (const s of spec.catches ?? []) this.dispositions.set(s, 'catch');
    const out = (stream: 'stdout' | 'stderr'): Output => ({
      write: (text: string) => {
        if (this.state === 'running' && text !== '') this.host.output(this, stream, text);
      },
    });
    this.ctx = {
      args: spec.argv,
      env: spec.env,
      cwd: spec.cwd,
      fs: spec.fs,
      stdin: this.stdin,
      stdout: out('stdout'),
      stderr: out('stderr'),
      sys: spec.sys,
      isatty: spec.tty,
      columns: spec.columns,
      pid: spec.pid,
    };
  }

  start(): void {
    try {
      this.gen = this.spec.program(this.ctx);
    } catch (e) {
      this.finish(exitStatusOf(e));
      return;
    }
    this.resume({ value: undefined });
  }

  /** PID (in this namespace) of the sender of the last signal caught; 0 when from outside. */
  lastSender = 0;

  /**
   * Delivers a signal the way the kernel would. Returns false if the process ignored it.
   * `sender`: the sending process's PID in this namespace (siginfo's si_pid), 0 from outside.
   */
  kill(signal: string, sender = 0): boolean {
    if (this.state !== 'running') return false;
    this.lastSender = sender;
    const num = signalNumber(signal);
    if (signal === 'SIGKILL') {
      this.terminate(signal, 128 + num);
      return true;
    }
    const disp = this.dispositions.get(signal) ?? defaultDisposition(signal);
    if (disp === 'ignore') return false;
    if (disp === 'default') {
      if (this.spec.init || SIGNALS[signal]?.defaultAction === 'ignore') return false;
      this.terminate(signal, 128 + num);
      return true;
    }
    if (this.blocked.has(signal) && !this.suspended) {
      this.held.delete(signal);
      this.held.set(signal, sender);
      return true;
    }
    const sig = new Signal(signal, num);
    if (this.running || this.performing) {
      this.pendingSignals.push(sig);
      return true;
    }
    this.cancelWait?.();
    this.cancelWait = null;
    this.resume({ error: sig });
    return true;
  }

  private terminate(signal: string, code: number): void {
    this.cancelWait?.();
    this.cancelWait = null;
    const g = this.gen;
    this.gen = null;
    this.termSignal = signal;
    this.finish(code);
    try {
      g?.return(code);
    } catch {
      // a program's finally blocks may throw while unwinding; the process is gone anyway
    }
  }

  private finish(code: number): void {
    if (this.state === 'exited') return;
    this.state = 'exited';
    this.exitCode = code;
    this.stdin.close();
    this.host.exited(this, code, this.termSignal);
  }

  /**
   * Lets a process that sleeps run now (its program has work that did not come through an
   * effect: a signal for a command its shell runs). A process waiting on anything else is left
   * to wake when that comes.
   */
  wake(): void {
    if (this.state !== 'running' || this.running || this.performing || this.frozen || !this.sleepTimer) return;
    this.cancelWait?.();
    this.cancelWait = null;
    this.resume({ value: undefined });
  }

  /** cgroup freezer: stops the process where it is. */
  freeze(): void {
    if (this.frozen || this.state !== 'running') return;
    this.frozen = true;
    if (this.sleepTimer) {
      const remaining = Math.max(0, this.sleepTimer.at - this.host.clock.now());
      this.host.clock.clearTimeout(this.sleepTimer.id);
      this.sleepTimer = { id: -1, at: remaining };
    }
  }

  thaw(): void {
    if (!this.frozen) return;
    this.frozen = false;
    if (this.sleepTimer && this.sleepTimer.id === -1) {
      const remaining = this.sleepTimer.at;
      this.sleepTimer = null;
      this.sleep(remaining);
    }
    const d = this.deferred;
    this.deferred = null;
    if (d && this.state === 'running') this.resume(d);
  }

  private sleep(ms: number): void {
    const clock = this.host.clock;
    const at = clock.now() + ms;
    const id = clock.setTimeout(() => {
      this.sleepTimer = null;
      this.cancelWait = null;
      this.resume({ value: undefined });
    }, ms);
    this.sleepTimer = { id, at };
    this.cancelWait = () => {
      if (this.sleepTimer && this.sleepTimer.id !== -1) clock.clearTimeout(this.sleepTimer.id);
      this.sleepTimer = null;
    };
  }

  private resume(input: { value?: unknown; error?: unknown }): void {
    if (this.frozen) {
      this.deferred = input;
      return;
    }
    let next: { value?: unknown; error?: unknown } | null = input;
    while (next && this.gen && this.state === 'running') {
      let r: IteratorResult<Effect, number>;
      this.running = true;
      try {
        r = next.error !== undefined ? this.gen.throw(next.error) : this.gen.next(next.value);
      } catch (e) {
        this.running = false;
        this.gen = null;
        this.finish(exitStatusOf(e));
        return;
      }
      this.running = false;
      if (r.done) {
        this.gen = null;
        this.finish(typeof r.value === 'number' ? r.value & 0xff : 0);
        return;
      }
      if (this.pendingSignals.length > 0) {
        next = { error: this.pendingSignals.shift() };
        continue;
      }
      this.performing = true;
      try {
        next = this.perform(r.value);
      } finally {
        this.performing = false;
      }
      if (next === null && this.pendingSignals.length > 0 && this.state === 'running') {
        // a signal raised while the effect was set up interrupts the wait it began
        this.cancelWait?.();
        this.cancelWait = null;
        this.suspended = false;
        next = { error: this.pendingSignals.shift() };
      }
    }
  }

  /** Runs an effect; returns how to resume now, or null when the process waits. */
  private perform(effect: Effect): { value?: unknown; error?: unknown } | null {
    const clock = this.host.clock;
    const now = clock.now();
    if (now !== this.stepsAt) {
      this.stepsAt = now;
      this.steps = 0;
    }
    switch (effect.type) {
      case 'sleep':
        this.sleep(Math.max(0, effect.ms));
        return null;
      case 'read': {
        let sync: { value: unknown } | null = null;
        let waiting = true;
        const cancel = this.stdin.read((chunk) => {
          if (waiting) {
            sync = { value: chunk };
          } else {
            this.cancelWait = null;
            this.resume({ value: chunk });
          }
        });
        waiting = false;
        if (sync) return sync;
        this.cancelWait = cancel;
        return null;
      }
      case 'await':
        return { error: new Error('a simulated process cannot await host promises') };
      case 'custom': {
        if (effect.name === 'tick') {
          if (++this.steps < STEPS_PER_MS) return { value: undefined };
          // A busy loop: charge it virtual CPU time so the world keeps moving.
          return this.perform({ type: 'sleep', ms: 1 });
        }
        if (effect.name === 'signal-mask') {
          const d = effect.data as { block?: readonly string[]; unblock?: readonly string[] };
          for (const sig of d.block ?? []) this.blocked.add(sig);
          for (const sig of d.unblock ?? []) {
            this.blocked.delete(sig);
            const from = this.held.get(sig);
            if (from !== undefined) {
              this.held.delete(sig);
              this.lastSender = from;
              this.pendingSignals.push(new Signal(sig, signalNumber(sig)));
            }
          }
          return { value: undefined };
        }
        if (effect.name === 'sigsuspend') {
          // waits for a signal with the mask lifted; a held one is delivered at once
          const first = this.held.entries().next();
          if (!first.done) {
            const [sig, from] = first.value;
            this.held.delete(sig);
            this.lastSender = from;
            return { error: new Signal(sig, signalNumber(sig)) };
          }
          this.suspended = true;
          this.cancelWait = () => {
            this.suspended = false;
          };
          return null;
        }
        if (effect.name === 'signal-disposition') {
          const d = effect.data as { signal: string; action: Disposition };
          this.dispositions.set(d.signal, d.action);
          return { value: undefined };
        }
        const outcome = this.host.custom(this, effect.name, effect.data);
        if (!outcome.suspend) return { value: outcome.value };
        let sync: { value?: unknown; error?: unknown } | null = null;
        let waiting = true;
        const cancel = outcome.suspend(
          (v) => {
            if (waiting) sync = { value: v };
            else {
              this.cancelWait = null;
              this.resume({ value: v });
            }
          },
          (e) => {
            if (waiting) sync = { error: e };
            else {
              this.cancelWait = null;
              this.resume({ error: e });
            }
          },
        );
        waiting = false;
        if (sync) return sync;
        this.cancelWait = cancel;
        return null;
      }
    }
  }
}

function defaultDisposition(signal: string): Disposition {
  return SIGNALS[signal]?.defaultAction === 'ignore' ? 'ignore' : 'default';
}

function exitStatusOf(e: unknown): number {
  if (e instanceof ExitRequest) return e.status & 0xff;
  if (e instanceof Signal) return 128 + e.number;
  return 1;
}

/** A row of a container's process table: a running process, or a command a shell in one runs. */
export interface ProcessRow {
  pid: number;
  ppid: number;
  hostPid: number;
  argv: string[];
  /** what ps shows as the command */
  title: string;
  uid: number;
  gid: number;
  startedAt: number;
  /** the process it is, or the one whose shell runs it */
  process: SimProcess;
}

/** The running processes and their shells' commands, by PID. */
export function processTable(processes: Iterable<SimProcess>): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const p of processes) {
    if (p.state !== 'running') continue;
    rows.push({ pid: p.pid, ppid: p.spec.ppid ?? (p.pid === 1 ? 0 : 1), hostPid: p.hostPid, argv: p.argv, title: p.title, uid: p.uid, gid: p.gid, startedAt: p.startedAt, process: p });
    for (const ch of p.children.values()) {
      if (ch.pid === p.pid || !ch.running()) continue;
      rows.push({ pid: ch.pid, ppid: ch.ppid, hostPid: ch.hostPid, argv: ch.argv, title: ch.argv.join(' '), uid: ch.uid, gid: ch.gid, startedAt: ch.startedAt, process: p });
    }
  }
  return rows.sort((a, b) => a.pid - b.pid);
}
