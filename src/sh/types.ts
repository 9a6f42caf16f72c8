// The contract between the shell language (src/sh), the commands it runs, and whoever drives
// it. Commands are generator functions: they run synchronously until they need time or input,
// and then yield an Effect. The driver decides what an effect means:
//   - inside the simulator a `sleep` is a timer on the virtual clock and `read` waits for the
//     container's stdin;
//   - on the host (the browser terminal) `await` resolves a Promise (an Engine API call).
// The interpreter never interprets effects itself; it passes them up with `yield*`.
// Deterministic by construction: nothing here reads a real clock or random source.

import type { FileSystem } from '../vfs/types';

export type Effect =
  /** Wait this many milliseconds of (virtual or real) time. */
  | { type: 'sleep'; ms: number }
  /** Wait for input on stdin; the driver resumes with a chunk, or null at end of input. */
  | { type: 'read' }
  /** Host only: wait for a promise; the driver resumes with its value or throws its error. */
  | { type: 'await'; promise: Promise<unknown> }
  /** Anything else a particular driver understands (e.g. a network request inside the sim). */
  | { type: 'custom'; name: string; data?: unknown };

/** What a command is resumed with after yielding an effect. */
export type EffectResult = unknown;

export type Run<T = number> = Generator<Effect, T, EffectResult>;

export interface Output {
  write(text: string): void;
}

export interface Input {
  /** Whatever is already buffered and not yet read; '' when nothing is buffered. */
  take(): string;
  /** True when the writer has closed its end and the buffer is drained. */
  readonly ended: boolean;
  /** True when stdin is an interactive terminal (the driver reads via the 'read' effect). */
  readonly interactive: boolean;
}

/** Unix signals delivered to a running command by the driver (gen.throw(new Signal(...))). */
export class Signal extends Error {
  constructor(
    readonly signal: string,
    readonly number: number,
  ) {
    super(signal);
    this.name = 'Signal';
  }
}

/** Thrown by `exit N` (and by fatal errors); unwinds to the top of the shell. */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
    this.name = 'ExitRequest';
  }
}

export interface SystemInfo {
  hostname: string;
  /** Name of the current user, e.g. 'root'. */
  user: string;
  uid: number;
  gid: number;
  /** `uname -a` fields */
  kernelName: string;
  kernelRelease: string;
  kernelVersion: string;
  machine: string;
  os: string;
  /** Milliseconds since the epoch, from the driver's clock (virtual inside the simulator). */
  now(): number;
  /** Optional: CPUs (`nproc`); 2 when absent. */
  cpus?: number;
  /** Optional: memory in KiB (`free`); 2 GiB when absent. */
  memTotalKiB?: number;
  /** Optional: the process's controlling terminal (a container's -t): its device and its size now. */
  terminal?: { path: string; size(): { rows: number; columns: number } };
}

export interface CommandContext {
  args: string[]; // args[0] is the command name as invoked
  env: Map<string, string>;
  /** Absolute path of the working directory. */
  cwd: string;
  fs: FileSystem;
  stdin: Input;
  stdout: Output;
  stderr: Output;
  sys: SystemInfo;
  /** True when stdout is a terminal (affects e.g. `ls` columns, docker's TTY rendering). */
  isatty: boolean;
  /** Terminal width in columns when isatty. */
  columns: number;
  /** Optional: the process id the shell gave this command (a nested shell's $$). */
  pid?: number;
  /**
   * Optional: where process ids come from (a container's PID namespace). A shell run as this
   * command takes its children's ids from it, so they follow the ids the namespace gave out.
   */
  allocPid?: () => number;
}

export type Command = (ctx: CommandContext) => Run<number>;

export interface CommandTable {
  /** Finds a command by name (after PATH lookup rules of the environment); null if none. */
  lookup(name: string, ctx: { env: Map<string, string>; fs: FileSystem }): Command | null;
  /** Names for completion and `which`/`command -v`. */
  names(): string[];
  /**
   * Optional: the path a name resolves to (e.g. '/bin/ls'), for `which`, `type` and
   * `command -v`; null when not found. Tables without it are shown by bare name.
   */
  which?(name: string, ctx: { env: Map<string, string>; fs: FileSystem }): string | null;
}
