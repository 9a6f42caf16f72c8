// The host shell the terminal opens on: bash as Ubuntu 24.04 sets it up for user `learner`
// (prompt, environment, aliases), over the host's filesystem, with the host's commands (GNU
// coreutils from src/sh, and docker, curl, wget, ping, history, help, reset here). It reads
// command lines from the terminal's line editor, runs them through the interpreter, performs
// what the commands wait for, and passes Ctrl-C and friends to what runs.

import type { EngineClient } from '../engine-client';
import { hostCommands, Shell, Signal, type Command, type Input, type Output, type ProcessInfo, type SystemInfo } from '../sh';
import type { FileSystem } from '../vfs';
import { helpCommand, historyCommand, resetCommand, sudoCommand } from './commands';
import { hostCompleter } from './complete';
import { curlCommand, wgetCommand } from './curl';
import { DEFAULT_DOCKER_HOST, type DaemonListeners } from './daemon';
import { dockerCommand, type DockerRunner } from './docker';
import { EffectDriver, realSleep } from './driver';
import { pingCommand } from './ping';
import { expandPrompt, UBUNTU_PS1 } from './prompt';
import type { HostServices } from './services';
import type { HostTerminal, TerminalSize } from './terminal';

export interface HostSessionOptions {
  terminal: HostTerminal;
  /** The host's files (shared with the daemon: bind mounts and build contexts see them). */
  fs: FileSystem;
  /** The Engine API on the daemon's socket (/var/run/docker.sock). */
  engine: EngineClient;
  /**
   * Where dockerd listens (its -H addresses: `unix:///var/run/docker.sock`,
   * `tcp://127.0.0.1:2375`) and, for each, the Engine API as a client reaching it there gets it
   * (the host marks requests over TCP so, for the trace). `docker -H`, DOCKER_HOST and curl
   * (--unix-socket, or a TCP address) reach these; elsewhere a connection is refused.
   * Default: the socket only, served by `engine`.
   */
  daemon?: DaemonListeners;
  /** Terminal size now. */
  size: () => TerminalSize;
  /** The host's clock (ms since the epoch). */
  now: () => number;
  hostname?: string;
  hostIp?: string;
  kernelRelease?: string;
  user?: { name: string; uid: number; gid: number; home: string };
  /** Waits on real time; tests make it faster. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Starts over (the `reset` command). */
  reset?: () => void;
  /** Replaces the docker CLI (tests). */
  docker?: DockerRunner;
  /** More commands (or replacements) for the host's table. */
  commands?: Record<string, Command>;
}

function isDescendant(t: { parent?: unknown }, ancestor: unknown): boolean {
  for (let p = t.parent as { parent?: unknown } | undefined; p; p = p.parent as { parent?: unknown } | undefined) if (p === ancestor) return true;
  return false;
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin';

/** Ubuntu's ~/.bashrc aliases. */
const ALIASES: [string, string][] = [
  ['alert', `notify-send --urgency=low -i "$([ $? = 0 ] && echo terminal || echo error)" "$(history|tail -n1|sed -e '\\''s/^\\s*[0-9]\\+\\s*//;s/[;&|]\\s*alert$//'\\'')"`],
  ['egrep', 'egrep --color=auto'],
  ['fgrep', 'fgrep --color=auto'],
  ['grep', 'grep --color=auto'],
  ['l', 'ls -CF'],
  ['la', 'ls -A'],
  ['ll', 'ls -alF'],
  ['ls', 'ls --color=auto'],
];

export class HostSession {
  readonly shell: Shell;
  readonly services: HostServices;
  private readonly driver: EffectDriver;
  private readonly terminal: HostTerminal;
  private readonly resizeListeners = new Set<(s: TerminalSize) => void>();
  private stopped = false;
  /** Stops driving background jobs (a command is about to run). */
  private background: (() => void) | null = null;

  constructor(readonly options: HostSessionOptions) {
    const term = options.terminal;
    this.terminal = term;
    const user = options.user ?? { name: 'learner', uid: 1000, gid: 1000, home: '/home/learner' };
    const hostname = options.hostname ?? 'docksim';
    const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => realSleep(ms, signal ?? new AbortController().signal));
    const services: HostServices = {
      engine: options.engine,
      daemon: options.daemon ?? { [DEFAULT_DOCKER_HOST]: options.engine.transport },
      terminal: term,
      size: options.size,
      onResize: (l) => {
        this.resizeListeners.add(l);
        return () => this.resizeListeners.delete(l);
      },
      now: options.now,
      sleep,
      hostname,
      hostIp: options.hostIp ?? '192.168.65.3',
      reset: options.reset,
    };
    this.services = services;
    const out: Output = { write: (t) => term.write(t) };
    services.isTerminal = (o) => o === out;
    const sys: SystemInfo = {
      hostname,
      user: user.name,
      uid: user.uid,
      gid: user.gid,
      kernelName: 'Linux',
      kernelRelease: options.kernelRelease ?? '6.8.0-60-generic',
      kernelVersion: '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025',
      machine: 'x86_64',
      os: 'GNU/Linux',
      now: options.now,
      cpus: 4,
      memTotalKiB: 8_129_108,
      terminal: {
        path: '/dev/pts/0',
        size: () => {
          const { columns, rows } = options.size();
          return { rows, columns };
        },
      },
    };
    const table: { t?: ReturnType<typeof hostCommands> } = {};
    const commands = hostCommands(
      {
        sudo: sudoCommand(() => table.t!),
        docker: dockerCommand(services, options.docker),
        curl: curlCommand(services),
        wget: wgetCommand(services),
        ping: pingCommand(services),
        history: historyCommand(services),
        help: helpCommand(),
        reset: resetCommand(services),
        ...(options.commands ?? {}),
      },
      { utf8: true },
    );
    table.t = commands;
    const input: Input = {
      take: () => term.takeInput(),
      ended: false,
      interactive: true,
    };
    const size = options.size();
    this.shell = new Shell({
      flavor: 'bash',
      fs: options.fs,
      commands,
      sys,
      env: {
        HOME: user.home,
        LANG: 'C.UTF-8',
        LOGNAME: user.name,
        PATH,
        SHELL: '/bin/bash',
        SHLVL: '0', // bash counts itself: 1
        TERM: 'xterm-256color',
        USER: user.name,
      },
      cwd: user.home,
      stdin: input,
      stdout: out,
      stderr: out,
      isatty: true,
      columns: size.columns,
      interactive: true,
      mode: 'interactive',
      name: 'bash',
      pid: 1234,
    });
    this.shell.assign('PS1', UBUNTU_PS1);
    this.shell.assign('HISTSIZE', '1000');
    this.shell.assign('HISTFILESIZE', '2000');
    this.shell.assign('HISTCONTROL', 'ignoreboth');
    this.shell.assign('COLUMNS', String(size.columns));
    this.shell.assign('LINES', String(size.rows));
    for (const [k, v] of ALIASES) this.shell.aliases.set(k, v);
    const started = options.now();
    this.driver = new EffectDriver({
      sleep: (ms, signal) => sleep(ms, signal),
      read: (signal) => term.readInput({ signal }),
      custom: (name, data) => {
        if (name === 'ps') return this.processes(started);
        if (name === 'kill') return this.kill(data as { pid: number; signal: string; number: number });
        return undefined;
      },
    });
    term.configure({
      isComplete: (text) => this.shell.isComplete(text),
      onSignal: (sig) => {
        // job control is not simulated: Ctrl-Z does nothing
        if (sig !== 'SIGTSTP') this.driver.send(sig);
      },
      onCancel: () => {
        this.shell.status = 130;
        return this.prompt();
      },
      complete: hostCompleter({ shell: this.shell, engine: options.engine }),
    });
  }

  /** The primary prompt, expanded. */
  prompt(): string {
    return expandPrompt(this.shell, this.shell.getVar('PS1') ?? '$ ');
  }

  /** The terminal changed size. */
  resized(): void {
    const s = this.options.size();
    (this.shell as { columns: number }).columns = s.columns;
    this.shell.assign('COLUMNS', String(s.columns));
    this.shell.assign('LINES', String(s.rows));
    for (const l of [...this.resizeListeners]) l(s);
  }

  /** True while a command runs. */
  get busy(): boolean {
    return this.driver.busy;
  }

  /** Runs one command line (as typed at the prompt); resolves with its status. */
  async run(line: string): Promise<number> {
    this.background?.();
    this.background = null;
    const interrupts = this.driver.delivered;
    const status = await this.driver.drive(this.shell.run(line.endsWith('\n') ? line : `${line}\n`));
    // bash starts a new line when Ctrl-C ended the command (after the ^C the tty echoed)
    if (this.driver.delivered !== interrupts && (this.terminal.column ?? 0) !== 0) this.terminal.write('\n');
    return status;
  }

  /** The terminal's processes, for ps: bash and what it runs (the host's other processes are not shown). */
  private processes(started: number): ProcessInfo[] {
    const user = this.shell.sys.user;
    const list: ProcessInfo[] = [{ pid: this.shell.pid, ppid: this.shell.pid - 1, user, command: 'bash', tty: 'pts/0', stat: 'Ss', start: started }];
    const tasks = this.shell.root.sched.tasks.filter((t) => t.pid !== undefined && t.state !== 'done');
    for (const t of tasks) {
      // a job's wrapper and the one command it runs are one process (bash execs it): its pid is $!
      if (tasks.some((a) => a !== t && a.label === t.label && isDescendant(t, a))) continue;
      list.push({ pid: t.pid!, ppid: this.shell.pid, user, command: t.label, tty: 'pts/0', stat: t.background ? 'S' : 'R+', start: this.options.now() });
    }
    return list.sort((a, b) => a.pid - b.pid);
  }

  /** kill PID for the terminal's processes; others do not exist here (or are not the learner's). */
  private kill(req: { pid: number; signal: string; number: number }): true | string | undefined {
    if (req.pid === this.shell.pid) {
      if (req.number !== 0) this.shell.signalSelf(new Signal(req.signal.startsWith('SIG') ? req.signal : `SIG${req.signal}`, req.number));
      return true;
    }
    const task = this.shell.root.sched.tasks.find((t) => t.pid === req.pid && t.state !== 'done');
    if (!task) return req.pid > 0 && req.pid < 1000 ? 'Operation not permitted' : undefined;
    if (req.number !== 0) this.shell.signalTask(task, new Signal(req.signal.startsWith('SIG') ? req.signal : `SIG${req.signal}`, req.number));
    return true;
  }

  /** bash's "[1]+  Done  sleep 5" lines for the jobs that ended, before a prompt. */
  private reportJobs(): void {
    (this.shell as unknown as { reportDoneJobs?: () => void }).reportDoneJobs?.();
  }

  /**
   * Keeps background jobs (`cmd &`) running while the prompt waits: the shell's scheduler is
   * driven until they end or a command is entered (which drives them from then on).
   */
  private driveBackground(): void {
    const sched = this.shell.root.sched;
    const live = () => sched.tasks.some((t) => t.state !== 'done' && t.background);
    if (this.background || !live()) return;
    let stopped = false;
    const abort = new AbortController();
    this.background = () => {
      stopped = true;
      abort.abort();
    };
    const gen = sched.run(() => stopped || !live());
    const sleep = this.services.sleep;
    void (async () => {
      try {
        let r = gen.next();
        while (!r.done && !stopped) {
          const eff = r.value;
          let value: unknown;
          let error: unknown;
          let failed = false;
          try {
            if (eff.type === 'sleep') value = await sleep(eff.ms, abort.signal);
            else if (eff.type === 'await') value = await eff.promise;
            else if (eff.type === 'read') {
              // a background job does not get the terminal (bash stops it with SIGTTIN)
              await new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
            }
          } catch (e) {
            failed = true;
            error = e;
          }
          if (stopped) return;
          r = failed ? gen.throw(error) : gen.next(value);
        }
      } catch {
        // a job failed in a way the shell did not handle: nothing more to drive
      } finally {
        if (!stopped) this.background = null;
      }
    })();
  }

  /** Sends a signal to what runs (as the terminal does for Ctrl-C). */
  signal(sig: 'SIGINT' | 'SIGQUIT' | 'SIGTERM' | 'SIGKILL'): void {
    this.driver.send(sig);
  }

  /**
   * Ends the session (the page is replacing it): reads no more commands, kills what runs and
   * stops driving background jobs.
   */
  stop(): void {
    this.stopped = true;
    this.background?.();
    this.background = null;
    if (this.driver.busy) this.driver.send('SIGKILL');
  }

  /**
   * Reads and runs commands until `exit` or end of input (Ctrl-D); resolves with the shell's
   * status. `first` is a line already being read (the prompt shown before the shell was ready).
   */
  async start(first?: Promise<string | null>): Promise<number> {
    let pending = first;
    while (!this.stopped) {
      if (!pending) this.reportJobs();
      this.driveBackground();
      const line = pending ? await pending : await this.terminal.readLine(this.prompt(), { continuationPrompt: this.shell.prompt('PS2') });
      pending = undefined;
      if (this.stopped) break;
      if (line === null) {
        this.terminal.write('exit\n');
        break;
      }
      await this.run(line);
      if (this.shell.exited) break;
    }
    return this.shell.status;
  }
}
