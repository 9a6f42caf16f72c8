// The interpreter: executes parsed programs as generators, passing effects up with yield*.
//
// Processes. External commands, the stages of a pipeline and background jobs run as tasks of
// a Scheduler (one per Shell tree), so a pipeline's stages run concurrently and a signal can
// reach the shell without reaching its foreground child (as `docker stop` does to PID 1).
// Subshells ( ... ) and command substitutions run inline on a copy of the shell's state.

import type {
  AndOr,
  ArithFor,
  CondCommand,
  FuncDef,
  Case,
  CommandNode,
  For,
  If,
  List,
  Loop,
  Pipeline,
  Program,
  Redir,
  SimpleCommand,
  Word,
} from './ast';
import { Expander, ExpansionError } from './expand';
import { ArithError, evalArith } from './arith';
import { runTest } from './applets/test';
import { fsCode, resolvePath, strerror } from './errors';
import {
  StringInput,
  StringOutput,
  emptyInput,
  nullOutput,
  Pipe,
  pushbackInput,
  readLine,
  type PushbackInput,
} from './io';
import { Parser, isComplete, isName } from './parser';
import { hasGlob, matchPattern, patternSource } from './pattern';
import { Scheduler, type JoinInterrupted, type Task } from './scheduler';
import { ParseError, describeSyntaxError, type Flavor } from './syntax-error';
import {
  ExitRequest,
  Signal,
  type Command,
  type Effect,
  type CommandContext,
  type CommandTable,
  type Input,
  type Output,
  type Run,
  type SystemInfo,
} from './types';
import type { FileSystem } from '../vfs/types';
import { BUILTINS, SPECIAL_BUILTINS } from './builtins';

export type ShellMode = 'interactive' | 'command' | 'script';

export interface ShellOptions {
  flavor: Flavor;
  fs: FileSystem;
  commands: CommandTable;
  sys: SystemInfo;
  /** Initial environment (all exported). */
  env?: Map<string, string> | Record<string, string>;
  cwd?: string;
  stdin?: Input;
  stdout?: Output;
  stderr?: Output;
  /** stdout/stderr are a terminal. */
  isatty?: boolean;
  columns?: number;
  /** Prompts, job messages, SIGINT returns to the prompt, SIGTERM ignored. */
  interactive?: boolean;
  /** How the shell was started, for message prefixes; defaults from `interactive`. */
  mode?: ShellMode;
  /** $0: 'bash', 'sh', or the script's path. */
  name?: string;
  /** $1 ... */
  args?: string[];
  /** $$ */
  pid?: number;
  /** Process ids for background jobs ($!); defaults to counting up from pid. */
  allocPid?: () => number;
  /** $BASH_VERSION (bash only); default 5.2.21(1)-release as in Ubuntu 24.04. */
  bashVersion?: string;
}

/** One end of a process substitution: what <(cmd) printed, or what >(cmd) will read. */
export interface ProcFd {
  /** The process id of the command. */
  pid?: number;
  text?: string;
  sink?: StringOutput;
  program?: Program;
}

export interface Fd {
  input?: PushbackInput;
  output?: Output;
  /** Output goes to the terminal. */
  tty?: boolean;
}
export type Fds = Map<number, Fd>;

interface Var {
  value?: string;
  exported?: boolean;
  readonly?: boolean;
}

export interface Job {
  id: number;
  pid: number;
  task: Task;
  command: string;
  reported?: boolean;
}

export class BreakRequest {
  constructor(
    public n: number,
    readonly kind: 'break' | 'continue',
  ) {}
}
export class ReturnRequest {
  constructor(readonly status: number) {}
}

class CondError extends Error {}

/** A signal delivered to the whole foreground process group (Ctrl-C). */
export class GroupSignal extends Signal {}

/** Shared by a shell and its subshells. */
interface Root {
  sched: Scheduler;
  /** Set by `exec cmd` in the shell's own process: what replaces the shell when it unwinds. */
  handover?: { cmd: Command; ctx: CommandContext };
  mainTask?: Task;
  pendingSignals: Signal[];
  interruptPending?: Signal;
  jobs: Job[];
  nextJob: number;
  allocPid: () => number;
  commandCount: number;
  /** Nesting of function calls, subshells and command substitutions (bounded by the JS stack). */
  nesting: number;
}

const PREEMPT_EVERY = 1000;
/** Process limit (a fork bomb ends with "fork: Resource temporarily unavailable"). */
const MAX_TASKS = 2048;
/** Function call depth limit (real shells overflow their stack; ours is the JS stack). */
const MAX_FUNC_DEPTH = 150;

export class Shell {
  readonly flavor: Flavor;
  readonly fs: FileSystem;
  readonly commands: CommandTable;
  readonly sys: SystemInfo;
  readonly interactive: boolean;
  readonly mode: ShellMode;
  readonly columns: number;
  readonly isatty: boolean;
  readonly pid: number;
  /** $0 */
  name: string;

  vars = new Map<string, Var>();
  positional: string[];
  funcs = new Map<string, CommandNode>();
  /** bash's $BASH_SOURCE: the script or sourced file being read (undefined in -c strings). */
  sourceFile: string | undefined;
  aliases = new Map<string, string>();
  traps = new Map<string, string>();
  cwd: string;
  opts = { errexit: false, xtrace: false, nounset: false, noglob: false, noclobber: false, verbose: false, pipefail: false, nullglob: false, errtrace: false, functrace: false };
  /** $? */
  status = 0;
  /** $! */
  lastBg: number | undefined;
  lineno = 1;
  /** Function call depth and the saved variables of `local`. */
  locals: Map<string, Var | undefined>[] = [];
  loopDepth = 0;
  /** Inside a condition (if/while test, && || left side, !): set -e does not apply. */
  private errexitOff = 0;
  /** Status of the last command substitution, for `x=$(false)`. */
  private substStatus: number | undefined;
  /** Depth of command substitution (for xtrace's '++'). */
  private substDepth = 0;
  /** True in a subshell / pipeline stage / background job. */
  private isSubshell = false;
  /**
   * The process id of this subshell's fork; its first external command runs in it (as real
   * shells exec the command a forked child was made for instead of forking again).
   */
  private forkPid: number | undefined;
  private inBackground = false;
  /** The task this shell (or subshell process) runs as, for kill's process tree. */
  selfTask?: Task;
  /** Commands come from a non-interactive stdin (`echo cmd | bash`). */
  private fromStdin = false;
  /** Set after `exit` (or a fatal error) in the top-level shell. */
  exited = false;
  fds: Fds;
  /** Process substitutions open for the command being run, by fd number (bash's 63, 62, ...). */
  procFds = new Map<number, ProcFd>();
  readonly root: Root;
  readonly expander: Expander;
  /** The terminal's output (to know whether fd 1 is a tty). */
  private readonly termOut: Output;
  private readonly termIn: PushbackInput;

  constructor(opts: ShellOptions, root?: Root) {
    this.flavor = opts.flavor;
    this.fs = opts.fs;
    this.commands = opts.commands;
    this.sys = opts.sys;
    this.interactive = !!opts.interactive;
    this.mode = opts.mode ?? (this.interactive ? 'interactive' : 'command');
    this.columns = opts.columns ?? 80;
    this.isatty = !!opts.isatty;
    this.pid = opts.pid ?? 1;
    this.name = opts.name ?? (this.flavor === 'bash' ? 'bash' : 'sh');
    this.positional = [...(opts.args ?? [])];
    this.cwd = opts.cwd ?? '/';
    this.termOut = opts.stdout ?? nullOutput;
    this.termIn = pushbackInput(opts.stdin ?? emptyInput());
    this.fds = new Map<number, Fd>([
      [0, { input: this.termIn }],
      [1, { output: this.termOut, tty: this.isatty }],
      [2, { output: opts.stderr ?? nullOutput, tty: this.isatty }],
    ]);
    if (root) this.root = root;
    else {
      let next = this.pid;
      const sched = new Scheduler(() => this.sys.now());
      this.root = {
        sched,
        pendingSignals: [],
        jobs: [],
        nextJob: 1,
        allocPid: opts.allocPid ?? (() => ++next),
        commandCount: 0,
        nesting: 0,
      };
      sched.onSignal = (sig) => this.onSignal(sig);
      sched.selfPid = this.pid;
      if (opts.interactive) sched.tty = this.termIn;
    }
    const env = opts.env instanceof Map ? opts.env : new Map(Object.entries(opts.env ?? {}));
    for (const [k, v] of env) this.vars.set(k, { value: v, exported: true });
    if (!this.vars.has('IFS')) this.vars.set('IFS', { value: ' \t\n' });
    if (!this.vars.has('PS1')) this.vars.set('PS1', { value: this.defaultPs1() });
    if (!this.vars.has('PS2')) this.vars.set('PS2', { value: '> ' });
    if (!this.vars.has('PS4')) this.vars.set('PS4', { value: '+ ' });
    if (!this.vars.has('PWD')) this.vars.set('PWD', { value: this.cwd, exported: true });
    else this.vars.get('PWD')!.value = this.cwd;
    if (!this.vars.has('PATH')) this.vars.set('PATH', { value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' });
    if (this.flavor === 'bash') {
      if (!this.vars.has('HOSTNAME')) this.vars.set('HOSTNAME', { value: this.sys.hostname });
      this.vars.set('BASH_VERSION', { value: opts.bashVersion ?? '5.2.21(1)-release' });
      this.vars.set('UID', { value: String(this.sys.uid), readonly: true });
      this.vars.set('EUID', { value: String(this.sys.uid), readonly: true });
    }
    if (!root) {
      // A new shell process: one level deeper than the one that started it.
      const lvl = Number(this.vars.get('SHLVL')?.value ?? '0');
      this.vars.set('SHLVL', { value: String((Number.isFinite(lvl) ? lvl : 0) + 1), exported: true });
    }
    this.expander = this.makeExpander();
  }

  private makeExpander(): Expander {
    const self = this;
    return new Expander({
      get flavor() {
        return self.flavor;
      },
      getVar: (n) => self.getVar(n),
      setVar: (n, v) => self.assign(n, v),
      special: (n) => self.special(n),
      positional: () => self.positional,
      varNames: () => [...self.vars.keys()],
      commandSubst: (p, t) => self.commandSubst(p, t),
      procSubst: (p, d) => self.procSubst(p, d),
      homeOf: (u) => self.homeOf(u),
      glob: (p) => self.glob(p),
      get nounset() {
        return self.opts.nounset;
      },
      get noglob() {
        return self.opts.noglob;
      },
      get nullglob() {
        return self.opts.nullglob;
      },
    });
  }

  private defaultPs1(): string {
    if (this.flavor === 'bash') return '\\u@\\h:\\w\\$ ';
    if (this.flavor === 'ash') return '\\w \\$ ';
    return this.sys.uid === 0 ? '# ' : '$ ';
  }

  // ================================================================== public API

  /** Runs source text (a script, a -c string, or one complete line typed at the prompt). */
  *run(source: string): Run<number> {
    const main = this.root.sched.spawn(this.script(source), this.termIn, source);
    main.background = false;
    const status = yield* this.runMain(main);
    // Jobs that finished are reported before the next prompt.
    if (this.interactive && !this.exited) this.reportDoneJobs();
    return status;
  }

  /**
   * Starts the shell as `sh` would be started by exec: options (-c, -e, -x, -s, -i, -l),
   * a script file, or an interactive session / commands read from stdin.
   */
  *main(argv: string[]): Run<number> {
    const main = this.root.sched.spawn(this.mainBody(argv), this.termIn, argv.join(' '));
    const status = yield* this.runMain(main);
    // `exec cmd` (an entrypoint's `exec "$@"`): the command takes the shell's place in the
    // process, so signals sent to the process now reach it, not the shell
    const h = this.root.handover;
    if (h) {
      this.root.handover = undefined;
      // execve: the process takes the command's name (ps shows it), caught signals reset
      yield { type: 'custom', name: 'exec', data: { argv: h.ctx.args, uid: h.ctx.sys.uid, gid: h.ctx.sys.gid } };
      return yield* h.cmd(h.ctx);
    }
    return status;
  }

  /**
   * For `exec cmd`: when this is the shell process's own main line (not a subshell, pipeline
   * stage or job, not interactive), arranges for `cmd` to replace the shell and returns true.
   */
  handOver(cmd: Command, ctx: CommandContext): boolean {
    const root = this.root;
    if (this.isSubshell || this.interactive || root.sched.running !== root.mainTask) return false;
    root.handover = { cmd, ctx };
    return true;
  }

  /** Reads commands from stdin until end of input, with prompts when interactive. */
  *repl(): Run<number> {
    const main = this.root.sched.spawn(this.replBody(), this.termIn, 'sh');
    return yield* this.runMain(main);
  }

  /** Is this input a complete command, or does the terminal need a continuation line? */
  isComplete(src: string): boolean {
    return isComplete(src, this.flavor);
  }

  /** The primary prompt (PS1 expanded), as the shell prints it. */
  prompt(which: 'PS1' | 'PS2' = 'PS1'): string {
    const raw = this.getVar(which) ?? '';
    const escaped = which === 'PS1' ? this.expandPrompt(raw) : raw;
    // Parameter expansion in prompts ($PWD, ${USER}); command substitution is not done.
    return escaped.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*|[?$#0-9]))/g, (_, a?: string, b?: string) => {
      const n = (a ?? b)!;
      return (/^[A-Za-z_]/.test(n) ? this.getVar(n) : this.special(n)) ?? '';
    });
  }

  /** Exported variables, as commands see them. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of [...this.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (v.exported && v.value !== undefined) env.set(k, v.value);
    }
    return env;
  }

  getVar(name: string): string | undefined {
    if (name === 'RANDOM' && this.flavor !== 'dash') return String(this.sys.now() % 32768);
    if (name === 'LINENO') return String(this.lineno);
    if (name === 'PPID' && !this.vars.has('PPID')) return '0';
    if (name === 'BASH_SOURCE' && this.flavor === 'bash' && !this.vars.has(name)) return this.sourceFile;
    return this.vars.get(name)?.value;
  }

  /** Sets a variable (respecting readonly); throws ExpansionError when readonly. */
  assign(name: string, value: string, opts: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw this.readonlyError(name);
    if (v) {
      v.value = value;
      if (opts.export) v.exported = true;
    } else this.vars.set(name, { value, exported: !!opts.export || this.allexport });
  }

  private allexport = false;

  readonlyError(name: string): ExpansionError {
    if (this.flavor === 'bash') return new ExpansionError(`${name}: readonly variable`, 1, false);
    return new ExpansionError(`${name}: is read only`, 2);
  }

  /** The message prefix the shell puts before errors: `bash: line 1: ` and friends. */
  prefix(builtin?: string): string {
    const n = this.name;
    switch (this.flavor) {
      case 'bash': {
        if (this.mode === 'interactive') return `${n}: ${builtin ? builtin + ': ' : ''}`;
        // Inside a function bash names the place the function came from: "environment" for
        // a -c string, "main" for commands read from stdin.
        const where = this.locals.length && this.mode !== 'script' ? (this.fromStdin ? 'main' : 'environment') : n;
        return `${where}: line ${this.lineno}: ${builtin ? builtin + ': ' : ''}`;
      }
      case 'dash':
        return `${n}: ${this.lineno}: ${builtin ? builtin + ': ' : ''}`;
      case 'ash': {
        const cmd = builtin ?? (this.mode === 'script' ? n : undefined);
        let s = `${n}: `;
        if (cmd !== undefined) {
          if (cmd !== n) s += `${cmd}: `;
          if (this.mode !== 'interactive') s += `line ${this.mode === 'command' ? this.lineno - 1 : this.lineno}: `;
        }
        return s;
      }
    }
  }

  /** Writes an error with the shell's prefix to the current stderr. */
  error(msg: string, builtin?: string, fds: Fds = this.fds): void {
    this.out(fds, 2, `${this.prefix(builtin)}${msg}\n`);
  }

  out(fds: Fds, fd: number, text: string): void {
    fds.get(fd)?.output?.write(text);
  }

  // ================================================================== processes

  private *runMain(main: Task): Run<number> {
    const root = this.root;
    const prevMain = root.mainTask;
    root.mainTask = main;
    root.sched.main = main;
    this.selfTask = main;
    try {
      yield* root.sched.run(() => main.state === 'done');
    } finally {
      root.mainTask = prevMain;
      root.sched.main = prevMain;
    }
    if (!this.interactive || this.exited) root.sched.abandon(root.sched.tasks.filter((t) => t !== main));
    this.status = main.status;
    return main.status;
  }

  /** Spawns a task for a command; its process tree hangs off this shell's task. */
  spawn(gen: Run<number>, stdin: Input | null, label: string): Task {
    if (this.root.sched.tasks.length >= MAX_TASKS) {
      gen.return(0);
      throw new ExpansionError('fork: Resource temporarily unavailable', 254, false);
    }
    const t = this.root.sched.spawn(gen, stdin, label);
    t.parent = this.selfTask;
    t.background = this.inBackground;
    t.ignored = this.selfTask?.ignored;
    return t;
  }

  /** A copy of this shell's state for a subshell (same scheduler, files, commands). */
  fork(): Shell {
    const sub = Object.create(Shell.prototype) as Shell;
    Object.assign(sub, this);
    const s = sub as unknown as {
      vars: Map<string, Var>;
      funcs: Map<string, CommandNode>;
      aliases: Map<string, string>;
      traps: Map<string, string>;
      positional: string[];
      opts: Shell['opts'];
      locals: Map<string, Var | undefined>[];
      fds: Fds;
      isSubshell: boolean;
      expander: Expander;
      procFds: Map<number, ProcFd>;
      forkPid: number | undefined;
    };
    s.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    s.funcs = new Map(this.funcs);
    s.aliases = new Map(this.aliases);
    // Traps are reset in subshells, except ignored signals.
    s.traps = new Map([...this.traps].filter(([, v]) => v === ''));
    s.positional = [...this.positional];
    s.opts = { ...this.opts };
    s.locals = [];
    s.fds = new Map(this.fds);
    s.isSubshell = true;
    s.forkPid = undefined;
    s.procFds = new Map(this.procFds);
    s.expander = sub.makeExpander();
    return sub;
  }

  /** A subshell that is a process of its own (a fork with the next process id). */
  forkProcess(pid = this.root.allocPid()): Shell {
    const sub = this.fork();
    (sub as unknown as { forkPid: number | undefined }).forkPid = pid;
    return sub;
  }

  /** The process id for an external command: the fork's own, once, else a new one. */
  commandPid(): number {
    const pid = this.forkPid;
    if (pid !== undefined) {
      this.forkPid = undefined;
      return pid;
    }
    return this.root.allocPid();
  }

  /** Runs a body as a separate process (subshell): exit and errors end only it. */
  *asProcess(body: Run<number>): Run<number> {
    try {
      const st = yield* body;
      yield* this.runExitTrap();
      return st;
    } catch (e) {
      if (e instanceof ExitRequest) {
        yield* this.runExitTrap();
        return e.status;
      }
      if (e instanceof ExpansionError) {
        this.error(e.message);
        return e.status;
      }
      if (e instanceof BreakRequest) return 0;
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    }
  }

  // ================================================================== signals

  private onSignal(sig: Signal): void {
    const root = this.root;
    const sched = root.sched;
    const main = root.mainTask;
    if (!main || main.state === 'done') return;
    if (sig.signal === 'SIGKILL') {
      sched.throwInto(main, sig);
      return;
    }
    const name = sig.signal.replace(/^SIG/, '');
    const group = sig instanceof GroupSignal || (this.interactive && sig.signal === 'SIGINT');
    const fg = sched.tasks.filter((t) => t !== main && t.state !== 'done' && !t.background);
    if (group) for (const t of fg) sched.throwInto(t, new GroupSignal(sig.signal, sig.number));
    const trap = this.traps.get(name);
    if (trap !== undefined) {
      if (trap === '' || trap === '-') {
        if (trap === '') return;
      } else {
        root.pendingSignals.push(sig);
        if (main.state === 'join' && main.interruptible) {
          const r: JoinInterrupted = { interrupted: sig };
          sched.resumeWith(main, r);
        }
        return;
      }
    }
    if (this.interactive) {
      if (sig.signal === 'SIGTERM' || sig.signal === 'SIGQUIT' || sig.signal === 'SIGTSTP') return;
      if (sig.signal === 'SIGINT' && group && fg.length) {
        root.interruptPending = sig;
        return;
      }
    }
    // Default action: the shell dies (or, interactive, abandons the current line).
    sched.throwInto(main, sig);
  }

  /** Runs the handlers of signals that arrived (at a point between commands). */
  *runTraps(): Run<void> {
    const root = this.root;
    while (root.pendingSignals.length) {
      const sig = root.pendingSignals.shift()!;
      const action = this.traps.get(sig.signal.replace(/^SIG/, ''));
      if (!action) continue;
      const saved = this.status;
      yield* this.evalString(action, this.fds);
      this.status = saved;
    }
  }

  private exitTrapDone = false;
  *runExitTrap(): Run<void> {
    const action = this.traps.get('EXIT');
    if (!action || this.exitTrapDone) return;
    this.exitTrapDone = true;
    this.traps.delete('EXIT');
    const saved = this.status;
    try {
      yield* this.evalString(action, this.fds);
    } catch (e) {
      if (!(e instanceof ExitRequest)) throw e;
      this.status = e.status;
      return;
    }
    this.status = saved;
  }

  private checkInterrupt(): void {
    const sig = this.root.interruptPending;
    if (sig) {
      this.root.interruptPending = undefined;
      throw sig;
    }
  }

  // ================================================================== top level

  /** Executes source text command by command, as shells do (a syntax error stops there). */
  private *script(source: string): Run<number> {
    const parser = new Parser(source, { flavor: this.flavor });
    let status = this.status;
    try {
      for (;;) {
        let list: List | null;
        try {
          list = parser.parseNext();
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          this.syntaxError(e);
          status = 2;
          this.status = 2;
          if (!this.interactive) {
            this.exited = true;
            yield* this.runExitTrap();
            return 2;
          }
          return 2;
        }
        this.reportHeredocWarnings(parser);
        if (!list) break;
        try {
          status = yield* this.execList(list, this.fds);
        } catch (e) {
          if (e instanceof ExpansionError) {
            this.error(e.message);
            // bash exits 127 after ${x?} or set -u in a -c string, 1 in a script.
            status = this.flavor === 'bash' && e.status === 127 && this.mode !== 'command' ? 1 : e.status;
            this.status = status;
            if (!this.interactive && e.fatal) throw new ExitRequest(status);
            if (!this.interactive) continue;
            return status;
          }
          if (e instanceof BreakRequest) {
            status = 0;
            continue;
          }
          if (e instanceof ReturnRequest) {
            this.status = e.status;
            return e.status;
          }
          throw e;
        }
      }
      if (!this.interactive && !this.isSubshell) yield* this.runExitTrap();
      return status;
    } catch (e) {
      if (e instanceof ExitRequest) {
        this.status = e.status;
        this.exited = true;
        yield* this.runExitTrap();
        return this.status;
      }
      if (e instanceof Signal) {
        const st = 128 + e.number;
        this.status = st;
        if (this.interactive && e.signal !== 'SIGKILL') {
          this.root.interruptPending = undefined;
          return st;
        }
        this.exited = true;
        if (this.flavor === 'bash' && e.signal !== 'SIGKILL') yield* this.runExitTrap();
        return st;
      }
      throw e;
    }
  }

  private reportHeredocWarnings(parser: Parser): void {
    while (parser.heredocWarnings.length) {
      const w = parser.heredocWarnings.shift()!;
      if (this.flavor !== 'bash') continue;
      const saved = this.lineno;
      this.lineno = w.endLine - 1;
      const prefix = this.mode === 'interactive' ? `${this.name}: ` : `${this.name}: line ${this.lineno}: `;
      this.out(this.fds, 2, `${prefix}warning: here-document at line ${w.line} delimited by end-of-file (wanted \`${w.delimiter}')\n`);
      this.lineno = saved;
    }
  }

  syntaxError(e: ParseError, fds: Fds = this.fds): void {
    const msg = describeSyntaxError(e.detail, this.flavor);
    const saved = this.lineno;
    this.lineno = e.line;
    let text: string;
    if (this.flavor === 'bash') {
      if (e.detail.kind === 'badsub' || e.detail.kind === 'badfor') {
        text = `${this.prefix()}${msg}\n`;
      } else if (this.mode === 'interactive') {
        text = `${this.name}: ${msg}\n`;
      } else {
        const where = this.mode === 'command' ? `${this.name}: -c: line ${e.line}: ` : `${this.name}: line ${e.line}: `;
        text = `${where}${msg}\n`;
        if (e.detail.kind === 'unexpected' && e.detail.token.kind !== 'eof') text += `${where}\`${e.lineText}'\n`;
      }
    } else if (this.flavor === 'dash') {
      text = `${this.name}: ${e.line}: ${msg}\n`;
    } else {
      text = this.mode === 'script' ? `${this.name}: line ${e.line}: ${msg}\n` : `${this.name}: ${msg}\n`;
    }
    this.lineno = saved;
    this.out(fds, 2, text);
  }

  private *mainBody(argv: string[]): Run<number> {
    // argv[0] is the name the shell was invoked as.
    let i = 1;
    let command: string | undefined;
    let readStdin = false;
    let forceInteractive = false;
    const self = this as { name: string; mode: ShellMode; interactive: boolean };
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--' || a === '-') {
        i++;
        break;
      }
      if (!/^[-+]/.test(a) || a.length < 2) break;
      if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') continue;
      if (a.startsWith('--')) {
        this.out(this.fds, 2, `${this.name}: ${a}: invalid option\n`);
        return 2;
      }
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'c') command = '';
        else if (f === 's') readStdin = true;
        else if (f === 'i') forceInteractive = true;
        else if (f === 'l') continue;
        else if (f === 'o') {
          const opt = argv[++i];
          this.setOption(opt, on);
        } else if (!this.setFlag(f, on)) {
          const msg = this.flavor === 'bash' ? `${this.name}: -${f}: invalid option\n` : `${this.name}: ${this.flavor === 'dash' ? '0: ' : ''}Illegal option -${f}\n`;
          this.out(this.fds, 2, msg);
          return 2;
        }
      }
    }
    const rest = argv.slice(i);
    if (command !== undefined) {
      if (rest.length === 0) {
        const msg =
          this.flavor === 'bash'
            ? `${this.name}: -c: option requires an argument\n`
            : this.flavor === 'dash'
              ? `${this.name}: 0: -c requires an argument\n`
              : `${this.name}: -c requires an argument\n`;
        this.out(this.fds, 2, msg);
        return 2;
      }
      command = rest[0];
      if (rest.length > 1) self.name = rest[1];
      this.positional = rest.slice(2);
      self.mode = 'command';
      self.interactive = forceInteractive;
      return yield* this.script(command);
    }
    if (rest.length > 0 && !readStdin) {
      const file = rest[0];
      const path = resolvePath(this.cwd, file);
      let text: string;
      try {
        text = this.fs.readFile(path);
      } catch (e) {
        const code = fsCode(e);
        const msg =
          this.flavor === 'bash'
            ? `${this.name}: ${file}: ${strerror(code)}\n`
            : this.flavor === 'dash'
              ? `${this.name}: 0: cannot open ${file}: ${code === 'ENOENT' ? 'No such file' : strerror(code)}\n`
              : `${this.name}: can't open '${file}': ${strerror(code)}\n`;
        this.out(this.fds, 2, msg);
        return this.flavor === 'bash' ? 127 : 2;
      }
      self.name = file;
      this.sourceFile = file;
      self.mode = 'script';
      self.interactive = false;
      this.positional = rest.slice(1);
      return yield* this.script(text);
    }
    this.positional = rest;
    self.interactive = forceInteractive || (this.termIn.interactive && this.isatty);
    self.mode = this.interactive ? 'interactive' : 'command';
    if (this.interactive) this.root.sched.tty = this.termIn;
    this.fromStdin = !this.interactive;
    return yield* this.replBody();
  }

  /** Read-eval-print: prompts (when interactive), reads lines, runs complete commands. */
  private *replBody(): Run<number> {
    let buf = '';
    for (;;) {
      if (this.interactive) {
        this.reportDoneJobs();
        this.out(this.fds, 2, buf === '' ? this.prompt('PS1') : this.prompt('PS2'));
      }
      let r: { line: string; eof: boolean } | null;
      try {
        r = yield* readLine(this.termIn);
      } catch (e) {
        if (e instanceof Signal && this.interactive && e.signal === 'SIGINT') {
          buf = '';
          this.status = 130;
          this.out(this.fds, 2, '\n');
          continue;
        }
        if (e instanceof Signal) return 128 + e.number;
        throw e;
      }
      if (r === null) {
        if (buf !== '') {
          const st = yield* this.script(buf);
          if (this.exited) return st;
        }
        if (this.interactive && this.flavor === 'bash') this.out(this.fds, 2, 'exit\n');
        yield* this.runExitTrap();
        return this.status;
      }
      buf += r.line + '\n';
      if (!r.eof && !isComplete(buf, this.flavor)) continue;
      const src = buf;
      buf = '';
      if (!this.interactive) {
        // Non-interactive stdin: parse the rest as it comes, one complete command at a time.
        yield* this.script(src);
        if (this.exited) return this.status;
        continue;
      }
      yield* this.script(src);
      if (this.exited) return this.status;
    }
  }

  private reportDoneJobs(): void {
    const root = this.root;
    for (const j of root.jobs) {
      if (j.task.state === 'done' && !j.reported) {
        j.reported = true;
        const status = j.task.status === 0 ? 'Done' : `Exit ${j.task.status}`;
        if (this.flavor === 'bash') this.out(this.fds, 2, `[${j.id}]+  ${status.padEnd(24)}${j.command}\n`);
        else this.out(this.fds, 2, `[${j.id}]+  ${status.padEnd(24)}${j.command}\n`);
      }
    }
    root.jobs = root.jobs.filter((j) => !j.reported);
    if (root.jobs.length === 0) root.nextJob = 1;
  }

  // ================================================================== lists

  *execList(list: List, fds: Fds): Run<number> {
    let status = this.status;
    for (const item of list.items) {
      if (item.background) {
        this.startJob(item.node, fds);
        status = 0;
        this.status = 0;
      } else {
        status = yield* this.execAndOr(item.node, fds);
        this.status = status;
      }
      if (this.root.pendingSignals.length) yield* this.runTraps();
    }
    return status;
  }

  private *execAndOr(node: AndOr, fds: Fds): Run<number> {
    let status: number;
    this.errexitOff += node.rest.length ? 1 : 0;
    let last = node.rest.length === 0;
    try {
      status = yield* this.execPipeline(node.first, fds);
      this.status = status;
      for (let i = 0; i < node.rest.length; i++) {
        const { op, pipeline } = node.rest[i];
        if ((op === '&&') !== (status === 0)) continue;
        if (i === node.rest.length - 1) {
          this.errexitOff--;
          last = true;
          try {
            status = yield* this.execPipeline(pipeline, fds);
          } finally {
            this.errexitOff++;
          }
        } else status = yield* this.execPipeline(pipeline, fds);
        this.status = status;
      }
    } finally {
      this.errexitOff -= node.rest.length ? 1 : 0;
    }
    if (status !== 0 && last && this.opts.errexit && this.errexitOff === 0) {
      const lastPipe = node.rest.length ? node.rest[node.rest.length - 1].pipeline : node.first;
      if (!lastPipe.bang) throw new ExitRequest(status);
    }
    return status;
  }

  private *execPipeline(p: Pipeline, fds: Fds): Run<number> {
    if (p.timed) {
      const t0 = this.sys.now();
      const st = yield* this.execPipeline({ ...p, timed: false }, fds);
      const ms = this.sys.now() - t0;
      const real = `${Math.floor(ms / 60000)}m${((ms % 60000) / 1000).toFixed(3)}s`;
      this.out(fds, 2, `\nreal\t${real}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
      return st;
    }
    if (p.bang) this.errexitOff++;
    let status: number;
    try {
      if (p.commands.length === 1) {
        status = yield* this.execCommand(p.commands[0], fds);
      } else {
        status = yield* this.runPipeline(p, fds);
      }
    } finally {
      if (p.bang) this.errexitOff--;
    }
    return p.bang ? (status === 0 ? 1 : 0) : status;
  }

  private *runPipeline(p: Pipeline, fds: Fds): Run<number> {
    const n = p.commands.length;
    const pipes: Pipe[] = [];
    for (let i = 0; i < n - 1; i++) pipes.push(new Pipe(this.root.sched));
    const tasks: Task[] = [];
    for (let i = 0; i < n; i++) {
      const stageFds: Fds = new Map(fds);
      if (i > 0) stageFds.set(0, { input: pipes[i - 1] });
      if (i < n - 1) {
        stageFds.set(1, { output: pipes[i] });
        if (p.stderrToo?.[i]) stageFds.set(2, { output: pipes[i] });
      }
      const sub = this.forkProcess();
      sub.fds = stageFds;
      const cmd = p.commands[i];
      const t = this.spawn(sub.asProcess(sub.execCommand(cmd, stageFds)), stageFds.get(0)?.input ?? null, '');
      t.pid = sub.forkPid;
      sub.selfTask = t;
      if (i < n - 1) t.onExit.push(() => (pipes[i].writerClosed = true));
      if (i > 0) t.onExit.push(() => (pipes[i - 1].readerClosed = true));
      tasks.push(t);
    }
    yield this.root.sched.join(tasks);
    this.checkInterrupt();
    if (this.opts.pipefail) {
      for (let i = n - 1; i >= 0; i--) if (tasks[i].status !== 0) return tasks[i].status;
      return 0;
    }
    return tasks[n - 1].status;
  }

  private startJob(node: AndOr, fds: Fds): void {
    const pid = this.root.allocPid();
    const sub = this.forkProcess(pid);
    sub.inBackground = true;
    const jobFds: Fds = new Map(fds);
    if (!this.interactive) jobFds.set(0, { input: emptyInput() });
    sub.fds = jobFds;
    const text = andOrText(node);
    const t = this.spawn(sub.asProcess(sub.execAndOr(node, jobFds)), jobFds.get(0)?.input ?? null, text);
    t.background = true;
    // without job control, an asynchronous list ignores SIGINT and SIGQUIT (POSIX 2.11)
    if (!this.interactive) t.ignored = ASYNC_IGNORED;
    t.pid = pid;
    sub.selfTask = t;
    this.root.sched.keep.add(t);
    const job: Job = { id: this.root.nextJob++, pid, task: t, command: text };
    this.root.jobs.push(job);
    this.lastBg = pid;
    if (this.interactive && !this.isSubshell) this.out(fds, 2, `[${job.id}] ${pid}\n`);
  }

  // ================================================================== commands

  *execCommand(node: CommandNode, fds: Fds): Run<number> {
    const open = this.procFds.size;
    if (node.type !== 'simple' && node.type !== 'func' && node.redirs.length === 0 && open === 0) return yield* this.execCommandBody(node, fds);
    // process substitutions in its words and redirections last as long as the command
    const before = open ? new Set(this.procFds.keys()) : null;
    let status: number;
    try {
      status = yield* this.execCommandBody(node, fds);
    } catch (e) {
      this.closeProcFds(before);
      throw e;
    }
    if (this.procFds.size !== open || before?.size) yield* this.finishProcFds(before);
    return status;
  }

  /** Runs what >(cmd) substitutions of a finished command received, and closes them all. */
  private *finishProcFds(before: Set<number> | null): Run<void> {
    const done = [...this.procFds].filter(([n]) => !before?.has(n));
    this.closeProcFds(before);
    for (const [, p] of done) {
      if (!p.sink || !p.program) continue;
      const sub = this.forkProcess(p.pid);
      const subFds: Fds = new Map(this.fds);
      subFds.set(0, { input: new StringInput(p.sink.text) });
      sub.fds = subFds;
      yield* sub.asProcess(sub.execList(p.program, subFds));
    }
  }

  private closeProcFds(before: Set<number> | null): void {
    for (const n of [...this.procFds.keys()]) if (!before?.has(n)) this.procFds.delete(n);
  }

  /** bash <(cmd) / >(cmd): runs cmd for its output (or arranges to feed it), gives /dev/fd/N. */
  private *procSubst(program: Program, dir: '<' | '>'): Run<string> {
    let n = 63;
    while (this.procFds.has(n)) n--;
    // a forked process: $! names it
    const pid = this.root.allocPid();
    this.lastBg = pid;
    if (dir === '>') {
      this.procFds.set(n, { pid, sink: new StringOutput(), program });
      return `/dev/fd/${n}`;
    }
    if (this.root.nesting >= MAX_FUNC_DEPTH) throw new ExpansionError('maximum nesting level exceeded', 2, false);
    const sub = this.forkProcess(pid);
    const out = new StringOutput();
    const subFds: Fds = new Map(this.fds);
    subFds.set(1, { output: out });
    sub.fds = subFds;
    this.root.nesting++;
    try {
      yield* sub.asProcess(sub.execList(program, subFds));
    } finally {
      this.root.nesting--;
    }
    this.procFds.set(n, { text: out.text });
    return `/dev/fd/${n}`;
  }

  /** The open process substitution a /dev/fd/N (or /proc/self/fd/N) path names. */
  procFdAt(path: string): ProcFd | undefined {
    if (this.procFds.size === 0) return undefined;
    const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path);
    return m ? this.procFds.get(Number(m[1])) : undefined;
  }

  private *execCommandBody(node: CommandNode, fds: Fds): Run<number> {
    if (++this.root.commandCount % PREEMPT_EVERY === 0) {
      // Let the driver breathe (and deliver Ctrl-C) in long loops of builtins.
      yield { type: 'sleep', ms: 0 };
    }
    switch (node.type) {
      case 'simple':
        return yield* this.execSimple(node, fds);
      case 'func':
        this.funcs.set(node.name, node.body);
        funcFile.set(node.body, this.sourceFile);
        return 0;
      default:
        break;
    }
    this.lineno = node.line;
    const rfds = yield* this.redirect(node.redirs, fds);
    if (!rfds) return this.redirStatus();
    if (rfds === this.fds) return yield* this.execCompound(node, rfds);
    // the redirections hold for everything the command does, its expansions ($(cat)) too
    const saved = this.fds;
    this.fds = rfds;
    try {
      return yield* this.execCompound(node, rfds);
    } finally {
      this.fds = saved;
    }
  }

  private *execCompound(node: Exclude<CommandNode, SimpleCommand | FuncDef>, rfds: Fds): Run<number> {
    switch (node.type) {
      case 'group':
        return yield* this.execList(node.body, rfds);
      case 'subshell': {
        if (this.root.nesting >= MAX_FUNC_DEPTH) throw new ExpansionError('maximum nesting level exceeded', 2, false);
        const sub = this.forkProcess();
        sub.fds = rfds;
        this.root.nesting++;
        try {
          return yield* sub.asProcess(sub.execList(node.body, rfds));
        } finally {
          this.root.nesting--;
        }
      }
      case 'if':
        return yield* this.execIf(node, rfds);
      case 'while':
      case 'until':
        return yield* this.execLoop(node, rfds);
      case 'for':
        return yield* this.execFor(node, rfds);
      case 'case':
        return yield* this.execCase(node, rfds);
      case 'arith': {
        const text = yield* this.expander.string(node.expr);
        if (this.opts.xtrace) this.out(rfds, 2, `${this.getVar('PS4') ?? '+ '}(( ${text.trim()} ))\n`);
        return this.arith(text) === 0n ? 1 : 0;
      }
      case 'afor':
        return yield* this.execArithFor(node, rfds);
      case 'cond':
        return yield* this.execCond(node, rfds);
    }
  }

  /** Evaluates arithmetic text; errors become ExpansionErrors. */
  arith(text: string): bigint {
    try {
      return evalArith(text, { get: (n) => this.getVar(n) ?? this.special(n), set: (n, v) => this.assign(n, v) }, this.flavor);
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message, this.flavor === 'bash' ? 1 : 2, this.flavor !== 'bash');
      throw e;
    }
  }

  private *execArithFor(node: ArithFor, fds: Fds): Run<number> {
    let status = 0;
    this.arith(yield* this.expander.string(node.init));
    this.loopDepth++;
    try {
      for (;;) {
        const c = (yield* this.expander.string(node.cond)).trim();
        if (c !== '' && this.arith(c) === 0n) break;
        const r = yield* (this.loopBody(node.body, fds) as Run<'break' | 'continue' | number>);
        if (r === 'break') break;
        if (typeof r === 'number') status = r;
        this.arith(yield* this.expander.string(node.step));
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  /** [[ ... ]]: no field splitting or globbing; == matches patterns, =~ regular expressions. */
  private *execCond(node: CondCommand, fds: Fds): Run<number> {
    const items = node.items;
    let i = 0;
    const tokText = (k: number): string | undefined => {
      const it = items[k];
      if (!it) return undefined;
      if ('op' in it) return it.op;
      return it.word.parts.every((p) => p.type === 'lit') ? it.word.text : undefined;
    };
    const fail = (msg: string): never => {
      throw new CondError(msg);
    };
    const word = function* (self: Shell): Run<string> {
      const it = items[i++];
      if (!it) fail('unexpected argument');
      if ('op' in it) return it.op;
      return yield* self.expander.string(it.word);
    };
    const UNARY = /^-[abcdefghkprstuwxOGLSNzn]$/;
    const BINARY = new Set(['=', '==', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
    const self = this;
    function* primary(): Run<boolean> {
      const t = tokText(i);
      if (t === '(') {
        i++;
        const v = yield* or();
        if (tokText(i) !== ')') fail("expected `)'");
        i++;
        return v;
      }
      if (t !== undefined && UNARY.test(t) && i + 1 < items.length && !BINARY.has(tokText(i + 1) ?? '')) {
        i++;
        const arg = yield* word(self);
        const r = runTest([t, arg], false, 'bash', { fs: self.fs, cwd: self.cwd, uid: self.sys.uid, gid: self.sys.gid, isatty: () => false });
        return r.status === 0;
      }
      const left = yield* word(self);
      const op = tokText(i);
      if (op !== undefined && BINARY.has(op)) {
        i++;
        const rightItem = items[i];
        if (!rightItem || 'op' in rightItem) fail(`unexpected argument to conditional binary operator`);
        const rw = (rightItem as { word: Word }).word;
        i++;
        if (op === '==' || op === '=' || op === '!=') {
          const pat = yield* self.expander.pattern(rw);
          const m = matchPattern(pat, left);
          return op === '!=' ? !m : m;
        }
        if (op === '=~') {
          const src = yield* self.expander.regex(rw);
          let re: RegExp;
          try {
            re = new RegExp(src);
          } catch {
            return false;
          }
          const m = re.exec(left);
          if (m) self.assign('BASH_REMATCH', m[0]);
          return !!m;
        }
        const right = yield* self.expander.string(rw);
        if (op === '<') return left < right;
        if (op === '>') return left > right;
        if (op.startsWith('-') && ['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op)) {
          const a = self.arith(left);
          const b = self.arith(right);
          switch (op) {
            case '-eq':
              return a === b;
            case '-ne':
              return a !== b;
            case '-lt':
              return a < b;
            case '-le':
              return a <= b;
            case '-gt':
              return a > b;
            default:
              return a >= b;
          }
        }
        const r = runTest([left, op, right], false, 'bash', { fs: self.fs, cwd: self.cwd, uid: self.sys.uid, gid: self.sys.gid, isatty: () => false });
        return r.status === 0;
      }
      return left !== '';
    }
    function* not(): Run<boolean> {
      if (tokText(i) === '!') {
        i++;
        return !(yield* not());
      }
      return yield* primary();
    }
    function* and(): Run<boolean> {
      let v = yield* not();
      while (tokText(i) === '&&') {
        i++;
        const r = yield* not();
        v = v && r;
      }
      return v;
    }
    function* or(): Run<boolean> {
      let v = yield* and();
      while (tokText(i) === '||') {
        i++;
        const r = yield* and();
        v = v || r;
      }
      return v;
    }
    try {
      if (items.length === 0) return 1;
      const v = yield* or();
      if (i < items.length) fail(`syntax error in conditional expression`);
      return v ? 0 : 1;
    } catch (e) {
      if (e instanceof CondError) {
        this.error(e.message, undefined, fds);
        return 2;
      }
      throw e;
    }
  }

  private *cond(list: List, fds: Fds): Run<number> {
    this.errexitOff++;
    try {
      return yield* this.execList(list, fds);
    } finally {
      this.errexitOff--;
    }
  }

  private *execIf(node: If, fds: Fds): Run<number> {
    for (const c of node.clauses) {
      if ((yield* this.cond(c.cond, fds)) === 0) return yield* this.execList(c.body, fds);
    }
    if (node.else) return yield* this.execList(node.else, fds);
    return 0;
  }

  private *loopBody(body: List, fds: Fds): Generator<Effect, 'break' | 'continue' | number, unknown> {
    try {
      return (yield* this.execList(body, fds)) as number;
    } catch (e) {
      if (e instanceof BreakRequest) {
        if (e.n > 1) {
          e.n--;
          throw e;
        }
        return e.kind;
      }
      throw e;
    }
  }

  private *execLoop(node: Loop, fds: Fds): Run<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        const c = yield* this.cond(node.cond, fds);
        if ((c === 0) !== (node.type === 'while')) break;
        const r = yield* (this.loopBody(node.body, fds) as Run<'break' | 'continue' | number>);
        if (r === 'break') break;
        if (r === 'continue') continue;
        status = r;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *execFor(node: For, fds: Fds): Run<number> {
    if (!isName(node.name)) {
      this.error(`\`${node.name}': not a valid identifier`);
      return 1;
    }
    const items = node.words ? yield* this.expander.words(node.words) : [...this.positional];
    let status = 0;
    this.loopDepth++;
    try {
      for (const it of items) {
        this.assign(node.name, it);
        const r = yield* (this.loopBody(node.body, fds) as Run<'break' | 'continue' | number>);
        if (r === 'break') break;
        if (r === 'continue') continue;
        status = r;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *execCase(node: Case, fds: Fds): Run<number> {
    const word = yield* this.expander.string(node.word);
    let i = 0;
    for (; i < node.items.length; i++) {
      let matched = false;
      for (const p of node.items[i].patterns) {
        const pat = yield* this.expander.pattern(p);
        if (matchPattern(pat, word)) {
          matched = true;
          break;
        }
      }
      if (!matched) continue;
      let status = 0;
      for (;;) {
        const item = node.items[i];
        status = item.body ? yield* this.execList(item.body, fds) : 0;
        if (item.term === ';&' && i + 1 < node.items.length) {
          i++;
          continue;
        }
        break;
      }
      return status;
    }
    return 0;
  }

  private *execSimple(node: SimpleCommand, fds: Fds): Run<number> {
    this.lineno = node.line;
    this.substStatus = undefined;
    let argv = yield* this.expander.words(node.words);
    if (argv.length && this.aliases.size && node.words[0].parts.every((p) => p.type === 'lit')) {
      const a = this.aliases.get(argv[0]);
      if (a !== undefined) argv = [...a.split(/\s+/).filter(Boolean), ...argv.slice(1)];
    }
    const assigns: [string, string, boolean][] = [];
    for (const a of node.assigns) {
      let v = yield* this.expander.string(a.value);
      if (a.append) v = (this.getVar(a.name) ?? '') + v;
      assigns.push([a.name, v, !!a.append]);
    }
    if (this.opts.xtrace) this.trace(assigns, argv, fds);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.assign(k, v);
      const rfds = yield* this.redirect(node.redirs, fds);
      if (!rfds) return this.redirStatus();
      return this.substStatus ?? 0;
    }
    const rfds = yield* this.redirect(node.redirs, fds);
    if (!rfds) return this.redirStatus();
    return yield* this.invoke(argv, assigns, rfds);
  }

  /** Runs a command by name: function, builtin, or a command found through the table. */
  *invoke(argv: string[], assigns: [string, string, boolean][], fds: Fds): Run<number> {
    const name = argv[0];
    const fn = this.funcs.get(name);
    // bash looks for functions first; POSIX shells (dash, ash) find special builtins first.
    if (fn && (this.flavor === 'bash' || !SPECIAL_BUILTINS.has(name))) return yield* this.withTempVars(assigns, true, () => this.callFunction(fn, argv, fds));
    const builtin = this.builtin(name);
    if (builtin) {
      const persist = SPECIAL_BUILTINS.has(name) && this.flavor !== 'bash';
      if (persist) {
        for (const [k, v] of assigns) this.assign(k, v);
        return yield* builtin(this, this.context(argv, fds, this.environment()), fds);
      }
      return yield* this.withTempVars(assigns, false, () => builtin(this, this.context(argv, fds, this.environment()), fds));
    }
    return yield* this.runExternal(argv, assigns, fds);
  }

  builtin(name: string): ((sh: Shell, ctx: CommandContext, fds: Fds) => Run<number>) | undefined {
    const b = BUILTINS[name];
    if (!b) return undefined;
    if (b.flavors && !b.flavors.includes(this.flavor)) return undefined;
    return b.run;
  }

  private *withTempVars(assigns: [string, string, boolean][], exportThem: boolean, body: () => Run<number>): Run<number> {
    if (assigns.length === 0) return yield* body();
    const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of assigns) {
      const cur = this.vars.get(k);
      if (cur?.readonly) throw this.readonlyError(k);
      this.vars.set(k, { value: v, exported: exportThem || !!cur?.exported });
    }
    try {
      return yield* body();
    } finally {
      for (const [k, v] of saved.reverse()) {
        if (v) this.vars.set(k, v);
        else this.vars.delete(k);
      }
    }
  }

  *callFunction(body: CommandNode, argv: string[], fds: Fds): Run<number> {
    if (this.root.nesting >= MAX_FUNC_DEPTH) {
      throw new ExpansionError(`${argv[0]}: maximum function nesting level exceeded (${MAX_FUNC_DEPTH})`, 2, false);
    }
    this.root.nesting++;
    const savedPos = this.positional;
    const savedLoop = this.loopDepth;
    const savedFile = this.sourceFile;
    const savedFds = this.fds;
    // the call's redirections hold for the body's expansions too (f <<EOF with x=$(cat) inside)
    this.fds = fds;
    this.positional = argv.slice(1);
    this.locals.push(new Map());
    this.loopDepth = 0;
    // $BASH_SOURCE in a function: the file that defined it
    this.sourceFile = funcFile.get(body);
    try {
      return yield* this.execCommand(body, fds);
    } catch (e) {
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    } finally {
      this.sourceFile = savedFile;
      this.fds = savedFds;
      this.root.nesting--;
      this.positional = savedPos;
      this.loopDepth = savedLoop;
      const scope = this.locals.pop()!;
      for (const [k, v] of scope) {
        if (v) this.vars.set(k, v);
        else this.vars.delete(k);
      }
    }
  }

  /** The CommandContext handed to a command. */
  context(argv: string[], fds: Fds, env: Map<string, string>): CommandContext {
    const out = fds.get(1);
    return {
      args: argv,
      env,
      cwd: this.cwd,
      fs: this.procFds.size ? procView(this.fs, this.procFds) : this.fs,
      stdin: fds.get(0)?.input ?? emptyInput(),
      stdout: out?.output ?? nullOutput,
      stderr: fds.get(2)?.output ?? nullOutput,
      sys: this.sys,
      isatty: !!out?.tty,
      columns: this.columns,
      allocPid: this.root.allocPid,
    };
  }

  private *runExternal(argv: string[], assigns: [string, string, boolean][], fds: Fds): Run<number> {
    const name = argv[0];
    const env = this.environment();
    for (const [k, v] of assigns) env.set(k, v);
    const found = this.findCommand(name, env, fds);
    if (typeof found === 'number') return found;
    const ctx = this.context(argv, fds, env);
    ctx.pid = this.commandPid();
    const t = this.spawn(found(ctx), ctx.stdin, argv.join(' '));
    t.pid = ctx.pid;
    // the command is a process of its own to the system (ps, docker top) for as long as it runs
    yield {
      type: 'custom',
      name: 'child-started',
      data: {
        pid: ctx.pid,
        ppid: this.pid,
        argv,
        uid: this.sys.uid,
        gid: this.sys.gid,
        running: () => t.state !== 'done',
        signal: (name: string, num: number) => this.signalTask(t, new Signal(name, num)),
      },
    };
    yield this.root.sched.join([t]);
    // As bash does: a command that handled Ctrl-C itself and exited (ping printing its
    // statistics) does not interrupt the rest of the line; one that died of it does.
    if (this.root.interruptPending?.signal === 'SIGINT' && t.status !== 128 + 2) this.root.interruptPending = undefined;
    this.checkInterrupt();
    return t.status;
  }

  /** Resolves a command name to a Command, or prints the shell's error and returns a status. */
  findCommand(name: string, env: Map<string, string>, fds: Fds): Command | number {
    const lookupCtx = { env, fs: this.fs };
    if (name.includes('/')) {
      const path = resolvePath(this.cwd, name);
      const known = this.commands.lookup(path, lookupCtx);
      if (known) return known;
      let st;
      try {
        st = this.fs.stat(path);
      } catch (e) {
        const code = fsCode(e);
        if (this.flavor === 'bash') {
          this.error(`${name}: ${strerror(code)}`, undefined, fds);
          return code === 'ENOENT' ? 127 : 126;
        }
        this.error(`${name}: not found`, undefined, fds);
        return 127;
      }
      if (st.type === 'dir') {
        this.error(`${name}: ${this.flavor === 'bash' ? 'Is a directory' : 'Permission denied'}`, undefined, fds);
        return 126;
      }
      if ((st.mode & 0o111) === 0) {
        this.error(`${name}: Permission denied`, undefined, fds);
        return 126;
      }
      if (this.flavor === 'bash') this.error(`${name}: cannot execute binary file: Exec format error`, undefined, fds);
      else this.error(`${name}: Exec format error`, undefined, fds);
      return 126;
    }
    const cmd = this.commands.lookup(name, lookupCtx);
    if (cmd) return cmd;
    this.error(`${name}: ${this.flavor === 'bash' ? 'command not found' : 'not found'}`, undefined, fds);
    return 127;
  }

  /** Runs a string as shell code in this shell (eval, traps). */
  *evalString(src: string, fds: Fds): Run<number> {
    const parser = new Parser(src, { flavor: this.flavor, firstLine: this.lineno });
    let status = 0;
    for (;;) {
      let list: List | null;
      try {
        list = parser.parseNext();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.syntaxError(e, fds);
        if (!this.interactive && this.flavor !== 'bash') throw new ExitRequest(2);
        return 2;
      }
      if (!list) break;
      status = yield* this.execList(list, fds);
    }
    return status;
  }

  /** Runs a parsed program in this shell. */
  *execProgram(p: Program, fds: Fds): Run<number> {
    return yield* this.execList(p, fds);
  }

  private *commandSubst(program: Program, _text: string): Run<string> {
    if (this.root.nesting >= MAX_FUNC_DEPTH) throw new ExpansionError('maximum nesting level exceeded', 2, false);
    this.root.nesting++;
    try {
      return yield* this.commandSubstInner(program);
    } finally {
      this.root.nesting--;
    }
  }

  private *commandSubstInner(program: Program): Run<string> {
    const only = program.items.length === 1 && !program.items[0].background && program.items[0].node.rest.length === 0 ? program.items[0].node.first : null;
    const cmd = only && !only.bang && only.commands.length === 1 ? only.commands[0] : null;
    if (this.flavor === 'bash' && cmd?.type === 'simple' && cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 1 && cmd.redirs[0].op === '<' && (cmd.redirs[0].fd ?? 0) === 0) {
      // bash's $(< file): the file's content, without running a command
      const target = yield* this.expander.string(cmd.redirs[0].target);
      const fd = this.openIn(target, this.fds);
      const status = fd ? 0 : 1;
      this.substStatus = status;
      this.status = status;
      return fd?.input ? fd.input.take() : '';
    }
    const sub = this.forkProcess();
    const out = new StringOutput();
    const subFds: Fds = new Map(this.fds);
    subFds.set(1, { output: out });
    sub.fds = subFds;
    sub.substDepth = this.substDepth + 1;
    const status = yield* sub.asProcess(sub.execList(program, subFds));
    this.substStatus = status;
    this.status = status;
    return out.text;
  }

  // ================================================================== redirections

  private lastRedirStatus = 1;
  private redirStatus(): number {
    return this.lastRedirStatus;
  }

  /** Applies redirections; returns the new fd table, or null after printing an error. */
  *redirect(redirs: Redir[], fds: Fds): Generator<Effect, Fds | null, unknown> {
    if (redirs.length === 0) return fds;
    const out: Fds = new Map(fds);
    redirectBase.set(out, redirectBase.get(fds) ?? fds);
    for (const r of redirs) {
      const ok = yield* (this.redirectOne(r, out) as Run<boolean>);
      if (!ok) return null;
    }
    return out;
  }

  private redirFail(status: { bash: number; dash: number; ash: number }, msg: string, fds: Fds): boolean {
    this.lastRedirStatus = status[this.flavor];
    this.error(msg, undefined, fds);
    return false;
  }

  private *redirectOne(r: Redir, fds: Fds): Run<boolean> {
    const op = r.op;
    if (op === '<<' || op === '<<-') {
      const body = r.heredoc ? (r.heredoc.quoted ? r.heredoc.body.text : yield* this.expander.string(r.heredoc.body)) : '';
      fds.set(r.fd ?? 0, { input: new StringInput(body) });
      return true;
    }
    if (op === '<<<') {
      const s = yield* this.expander.string(r.target);
      fds.set(r.fd ?? 0, { input: new StringInput(s + '\n') });
      return true;
    }
    const target = yield* this.expander.string(r.target);
    if (op === '>&' || op === '<&') {
      const fd = r.fd ?? (op === '>&' ? 1 : 0);
      if (target === '-') {
        fds.set(fd, op === '>&' ? { output: nullOutput } : { input: emptyInput() });
        return true;
      }
      if (/^\d+$/.test(target)) {
        const src = fds.get(Number(target));
        if (!src) {
          return this.redirFail({ bash: 1, dash: 2, ash: 1 }, this.flavor === 'bash' ? `${target}: Bad file descriptor` : `${target}: Bad file descriptor`, fds);
        }
        fds.set(fd, src);
        return true;
      }
      if (op === '>&' && r.fd === undefined && this.flavor !== 'dash') {
        // bash: >&file is &>file
        const o = this.openOut(target, false, fds);
        if (!o) return false;
        fds.set(1, o);
        fds.set(2, o);
        return true;
      }
      return this.redirFail({ bash: 1, dash: 2, ash: 1 }, this.flavor === 'bash' ? `${target}: ambiguous redirect` : `Syntax error: Bad fd number`, fds);
    }
    if (op === '<' || op === '<>') {
      const inp = this.openIn(target, fds);
      if (!inp) return false;
      fds.set(r.fd ?? 0, inp);
      return true;
    }
    // > >> >| &> &>>
    const append = op === '>>' || op === '&>>';
    const o = this.openOut(target, append, fds, op === '>|');
    if (!o) return false;
    if (op === '&>' || op === '&>>') {
      fds.set(1, o);
      fds.set(2, o);
    } else fds.set(r.fd ?? 1, o);
    return true;
  }

  private openIn(target: string, fds: Fds): Fd | null {
    if (target === '/dev/null') return { input: emptyInput() };
    const proc = this.procFdAt(target);
    if (proc) return { input: new StringInput(proc.text ?? '') };
    if (target === '/dev/stdin') return this.fds.get(0) ?? { input: emptyInput() };
    const path = resolvePath(this.cwd, target);
    try {
      const st = this.fs.stat(path);
      if (st.type === 'dir') return { input: new StringInput('') };
      return { input: new StringInput(this.fs.readFile(path)) };
    } catch (e) {
      const code = fsCode(e);
      switch (this.flavor) {
        case 'bash':
          this.redirFail({ bash: 1, dash: 2, ash: 1 }, `${target}: ${strerror(code)}`, fds);
          break;
        case 'dash':
          this.redirFail({ bash: 1, dash: 2, ash: 1 }, `cannot open ${target}: ${code === 'ENOENT' ? 'No such file' : strerror(code)}`, fds);
          break;
        case 'ash':
          this.redirFail({ bash: 1, dash: 2, ash: 1 }, `can't open ${target}: ${code === 'ENOENT' ? 'no such file' : strerror(code)}`, fds);
          break;
      }
      return null;
    }
  }

  private openOut(target: string, append: boolean, fds: Fds, clobber = false): Fd | null {
    if (target === '/dev/null') return { output: nullOutput };
    const proc = this.procFdAt(target);
    if (proc) return { output: proc.sink ?? nullOutput };
    if (target === '/dev/stdout') return this.fds.get(1) ?? { output: nullOutput };
    if (target === '/dev/stderr') return this.fds.get(2) ?? { output: nullOutput };
    if (target === '/dev/tty') return { output: this.termOut, tty: this.isatty };
    const path = resolvePath(this.cwd, target);
    const fail = (code: string) => {
      switch (this.flavor) {
        case 'bash':
          return this.redirFail({ bash: 1, dash: 2, ash: 1 }, `${target}: ${strerror(code)}`, fds);
        case 'dash':
          return this.redirFail(
            { bash: 1, dash: 2, ash: 1 },
            `cannot create ${target}: ${code === 'ENOENT' ? 'Directory nonexistent' : strerror(code)}`,
            fds,
          );
        case 'ash':
          return this.redirFail(
            { bash: 1, dash: 2, ash: 1 },
            `can't create ${target}: ${code === 'ENOENT' ? 'nonexistent directory' : strerror(code)}`,
            fds,
          );
      }
    };
    try {
      let exists = false;
      try {
        const st = this.fs.stat(path);
        exists = true;
        if (st.type === 'dir') {
          fail('EISDIR');
          return null;
        }
      } catch (e) {
        if (fsCode(e) !== 'ENOENT') throw e;
      }
      if (exists && this.opts.noclobber && !append && !clobber) {
        if (this.flavor === 'bash') this.redirFail({ bash: 1, dash: 2, ash: 1 }, `${target}: cannot overwrite existing file`, fds);
        else fail('EEXIST');
        return null;
      }
      if (!append || !exists) this.fs.writeFile(path, '');
    } catch (e) {
      fail(fsCode(e));
      return null;
    }
    const fs = this.fs;
    return {
      output: {
        write(text: string) {
          fs.writeFile(path, text, { append: true });
        },
      },
    };
  }

  // ================================================================== helpers

  special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.pid);
      case '#':
        return String(this.positional.length);
      case '!':
        return this.lastBg === undefined ? (this.flavor === 'bash' ? undefined : '') : String(this.lastBg);
      case '-': {
        const on = new Set<string>();
        if (this.allexport) on.add('a');
        if (this.opts.errexit) on.add('e');
        if (this.opts.noglob) on.add('f');
        if (this.interactive) on.add('i');
        if (this.opts.nounset) on.add('u');
        if (this.opts.verbose) on.add('v');
        if (this.opts.xtrace) on.add('x');
        if (this.opts.noclobber) on.add('C');
        if (this.opts.errtrace) on.add('E');
        if (this.opts.functrace) on.add('T');
        if (this.fromStdin || this.mode === 'interactive') on.add('s');
        else if (this.mode === 'command' && this.flavor !== 'dash') on.add('c');
        if (this.interactive) on.add('m');
        if (this.flavor === 'bash') {
          on.add('h');
          on.add('B');
          if (this.interactive) on.add('H');
        }
        // the order each shell prints its option letters in
        const order = this.flavor === 'bash' ? 'abefhikmnptuvxBCEHIPTcs' : this.flavor === 'dash' ? 'ubaCEVvxsnmiIfe' : 'EubaCvxcsnmiIfe';
        return [...order].filter((c) => on.has(c)).join('');
      }
      case '0':
        return this.name;
      case '@':
      case '*':
        return this.positional.join(' ');
    }
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    return undefined;
  }

  homeOf(user: string): string | undefined {
    const who = user || this.sys.user;
    try {
      const passwd = this.fs.readFile('/etc/passwd');
      for (const line of passwd.split('\n')) {
        const f = line.split(':');
        if (f[0] === who && f[5]) return f[5];
      }
    } catch {
      // no passwd file
    }
    if (who === 'root') return '/root';
    if (user === '') return undefined;
    return undefined;
  }

  glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    let paths: string[] = [abs ? '/' : ''];
    const fs = this.fs;
    const segments = abs ? segs.slice(1) : segs;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const last = i === segments.length - 1;
      const next: string[] = [];
      for (const base of paths) {
        const dirPath = resolvePath(this.cwd, base === '' ? '.' : base);
        if (!hasGlob(seg)) {
          const lit = seg.replace(/\\(.)/g, '$1');
          const p = base === '' ? lit : base.endsWith('/') ? base + lit : `${base}/${lit}`;
          if (last) {
            if (existsL(fs, resolvePath(this.cwd, p))) next.push(p);
          } else next.push(p);
          continue;
        }
        let names: string[];
        try {
          if (fs.stat(dirPath).type !== 'dir') continue;
          names = fs.readdir(dirPath);
        } catch {
          continue;
        }
        const re = new RegExp(`^(?:${patternSource(seg, { pathname: true })})$`);
        const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
        for (const n of names) {
          if (n.startsWith('.') && !dotOk) continue;
          if (!re.test(n)) continue;
          const p = base === '' ? n : base.endsWith('/') ? base + n : `${base}/${n}`;
          if (!last) {
            try {
              if (fs.stat(resolvePath(this.cwd, p)).type !== 'dir') continue;
            } catch {
              continue;
            }
          }
          next.push(p);
        }
      }
      paths = next;
      if (paths.length === 0) return [];
    }
    if (pattern.endsWith('/')) paths = paths.map((p) => p + '/');
    return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private trace(assigns: [string, string, boolean][], argv: string[], fds: Fds): void {
    const ps4 = this.getVar('PS4') ?? '+ ';
    const lead = this.flavor === 'bash' ? ps4.charAt(0).repeat(this.substDepth) + ps4 : ps4;
    const q = (s: string) => (this.flavor === 'dash' ? s : traceQuote(s));
    const parts = [...assigns.map(([k, v]) => `${k}=${q(v)}`), ...argv.map(q)];
    this.out(fds, 2, `${lead}${parts.join(' ')}\n`);
  }

  setFlag(f: string, on: boolean): boolean {
    switch (f) {
      case 'e':
        this.opts.errexit = on;
        return true;
      case 'x':
        this.opts.xtrace = on;
        return true;
      case 'u':
        this.opts.nounset = on;
        return true;
      case 'f':
        this.opts.noglob = on;
        return true;
      case 'C':
        this.opts.noclobber = on;
        return true;
      case 'v':
        this.opts.verbose = on;
        return true;
      case 'a':
        this.allexport = on;
        return true;
      case 'E':
        // bash: errtrace (the ERR trap in functions); dash and ash: emacs line editing
        this.opts.errtrace = on;
        return true;
      case 'T':
        if (this.flavor !== 'bash') return false;
        this.opts.functrace = on;
        return true;
      case 'h':
      case 'm':
      case 'B':
      case 'H':
        return true;
    }
    return false;
  }

  setOption(name: string | undefined, on: boolean): boolean {
    const map: Record<string, string> = { errexit: 'e', xtrace: 'x', nounset: 'u', noglob: 'f', noclobber: 'C', verbose: 'v', allexport: 'a' };
    if (this.flavor === 'bash') Object.assign(map, { errtrace: 'E', functrace: 'T' });
    else map.emacs = 'E';
    if (name && map[name]) return this.setFlag(map[name], on);
    if (name === 'pipefail' && this.flavor !== 'dash') {
      this.opts.pipefail = on;
      return true;
    }
    if (name === 'vi' || name === 'emacs' || name === 'monitor') return true;
    return false;
  }

  expandPrompt(ps: string): string {
    if (this.flavor === 'dash') return ps;
    const home = this.getVar('HOME');
    const w = () => {
      const cwd = this.cwd;
      if (home && home !== '/' && (cwd === home || cwd.startsWith(home + '/'))) return '~' + cwd.slice(home.length);
      return cwd;
    };
    const now = this.sys.now();
    const d = new Date(now);
    const two = (n: number) => String(n).padStart(2, '0');
    const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return ps.replace(/\\([0-7]{3}|[uhHwW$n\\saetdAT@\[\]])/g, (_, c: string) => {
      if (/^[0-7]{3}$/.test(c)) return String.fromCharCode(parseInt(c, 8));
      switch (c) {
        case 't':
          return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
        case 'T':
          return `${two(d.getUTCHours() % 12 || 12)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
        case '@':
          return `${two(d.getUTCHours() % 12 || 12)}:${two(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
        case 'A':
          return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
        case 'd':
          return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())}`;
        case 'u':
          return this.sys.user;
        case 'h':
          return this.sys.hostname.split('.')[0];
        case 'H':
          return this.sys.hostname;
        case 'w':
          return w();
        case 'W': {
          const p = w();
          return p === '/' || p === '~' ? p : p.slice(p.lastIndexOf('/') + 1);
        }
        case '$':
          return this.sys.uid === 0 ? '#' : '$';
        case 'n':
          return '\n';
        case 's':
          return this.name.replace(/^.*\//, '');
        case 'a':
          return '\x07';
        case 'e':
          return '\x1b';
        case '[':
        case ']':
          return '';
        default:
          return '\\';
      }
    });
  }

  /** Called by `cd`: changes directory and PWD/OLDPWD. */
  chdir(path: string): void {
    const old = this.cwd;
    this.cwd = path;
    if (this.vars.has('OLDPWD') || this.flavor !== 'dash') this.assign('OLDPWD', old);
    this.assign('PWD', path);
  }

  /** Waits for tasks; returns the signal if a trapped signal interrupted the wait. */
  *waitTasks(tasks: Task[], interruptible: boolean): Generator<Effect, Signal | null, unknown> {
    if (tasks.every((t) => t.state === 'done')) return null;
    const r = yield this.root.sched.join(tasks, interruptible);
    if (r && typeof r === 'object' && 'interrupted' in r) return (r as JoinInterrupted).interrupted;
    return null;
  }

  /** Delivers a signal to a task and its children (kill of a job). */
  signalTask(task: Task, sig: Signal): void {
    const sched = this.root.sched;
    const tree = (t: Task): Task[] => [t, ...sched.tasks.filter((c) => c.parent === t).flatMap(tree)];
    for (const t of tree(task).reverse()) if (!t.ignored?.has(sig.signal)) sched.throwInto(t, sig);
  }

  /** Delivers a signal to this shell itself (kill $$). */
  signalSelf(sig: Signal): void {
    this.onSignal(sig);
  }

}

/** What a background job of a shell without job control ignores. */
const ASYNC_IGNORED: ReadonlySet<string> = new Set(['SIGINT', 'SIGQUIT']);

const BASE_FS = Symbol.for('docksim.sh.baseFs');

/**
 * The filesystem a view stands for: tables kept per filesystem object (Unix sockets) look
 * the filesystem up by it, whatever view of it a command was given.
 */
export function baseFs(fs: FileSystem): FileSystem {
  return ((fs as unknown as Record<symbol, FileSystem | undefined>)[BASE_FS]) ?? fs;
}

/**
 * The filesystem as a command sees it while process substitutions are open: /dev/fd/N and
 * /proc/self/fd/N read what <(cmd) printed and write to what >(cmd) reads.
 */
function procView(fs: FileSystem, procFds: Map<number, ProcFd>): FileSystem {
  const at = (p: string): ProcFd | undefined => {
    const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(p);
    return m ? procFds.get(Number(m[1])) : undefined;
  };
  // a pipe: no size, no time
  const stat = (_: ProcFd) => ({ type: 'file' as const, mode: 0o600, uid: 0, gid: 0, size: 0, mtime: 0 });
  const over: Partial<Record<keyof FileSystem | 'readData', unknown>> = {
    stat: (p: string) => {
      const e = at(p);
      return e ? stat(e) : fs.stat(p);
    },
    lstat: (p: string) => {
      const e = at(p);
      return e ? stat(e) : fs.lstat(p);
    },
    exists: (p: string) => !!at(p) || fs.exists(p),
    readFile: (p: string) => {
      const e = at(p);
      return e ? (e.text ?? '') : fs.readFile(p);
    },
    readData: (p: string) => {
      const e = at(p);
      if (e) return { kind: 'text', text: e.text ?? '' };
      return (fs as FileSystem & { readData(p: string): unknown }).readData(p);
    },
    writeFile: (p: string, data: string, o?: { append?: boolean; mode?: number }) => {
      const e = at(p);
      if (e) e.sink?.write(data);
      else fs.writeFile(p, data, o);
    },
    realpath: (p: string) => (at(p) ? p : fs.realpath(p)),
  };
  return new Proxy(fs, {
    get(target, prop) {
      if (prop === BASE_FS) return target;
      if (typeof prop === 'string' && prop in over && (prop !== 'readData' || typeof (target as unknown as Record<string, unknown>).readData === 'function')) return over[prop as keyof typeof over];
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The file each function was defined in (bash's $BASH_SOURCE inside it). */
const funcFile = new WeakMap<CommandNode, string | undefined>();

/** The fd table a redirected copy was made from (for `exec >file`, which makes them stick). */
export const redirectBase = new WeakMap<Fds, Fds>();

function existsL(fs: FileSystem, p: string): boolean {
  try {
    fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function traceQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}


/** Source-like text of an and-or list, for job messages. */
function andOrText(node: AndOr): string {
  return node.text;
}

export { ExpansionError };
