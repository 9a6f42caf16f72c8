// A lesson, headless: a fresh World prepared by the lesson's setup, the Engine API on the
// addresses the lesson's daemon listens on, and the host shell (src/shell, with the docker CLI
// emulator of src/cli) running the command lines a learner types, on the World's virtual clock.
// The shell reaches the daemon as on the page: `docker -H`, DOCKER_HOST and `curl
// --unix-socket` (or curl to a TCP address the daemon listens on) pick the address.

import { createEngineApi } from '../../../src/api/app';
import { COMMANDS } from '../../../src/cli/commands';
import { handlerName } from '../../../src/cli/docker';
import { EngineClient } from '../../../src/engine-client';
import { applySetup, LessonRun, splitWords, type Lesson } from '../../../src/lessons';
import { DEFAULT_DOCKER_HOST, HostSession, userFs, type HostTerminal } from '../../../src/shell';
import { createWorld } from '../../../src/sim/engine';
import type { World } from '../../../src/sim/world';
import { daemonListeners, marked, type DaemonAccess } from '../../../web/site/lesson/daemon-access';
import { inProcessTransport } from '../../../web/transport';

const tick = () => new Promise<void>((r) => setImmediate(r));

export interface LineResult {
  line: string;
  exitCode: number;
  /** What the terminal showed (stdout and stderr together, as on a screen). */
  output: string;
}

const GLOBAL_WITH_VALUE = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const MANAGEMENT = new Set(['builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume', 'compose']);

/** The words of docker's arguments (after `docker`) that follow its global options. */
function afterGlobals(argv: readonly string[]): string[] {
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    if (!a.includes('=') && GLOBAL_WITH_VALUE.has(a)) i++;
  }
  return argv.slice(i);
}

/** Whether the CLI emulator has the command of a docker line. */
export function cliHas(line: string): boolean {
  const argv = splitWords(line);
  if (argv[0] !== 'docker') return false;
  const words = afterGlobals(argv.slice(1)).filter((w) => !w.startsWith('-'));
  const first = words[0] ?? '';
  return COMMANDS[handlerName(MANAGEMENT.has(first) ? [first, words[1] ?? ''] : [first])] !== undefined;
}

/** A terminal with no keyboard: output is collected, input is at its end. */
class CollectingTerminal implements HostTerminal {
  text = '';
  readonly history = { length: 0, entries: () => [], clear: () => {} };
  get column(): number {
    const nl = this.text.lastIndexOf('\n');
    return this.text.length - nl - 1;
  }
  readLine(): Promise<string | null> {
    return Promise.resolve(null);
  }
  readInput(): Promise<string | null> {
    return Promise.resolve(null);
  }
  takeInput(): string {
    return '';
  }
  setRawMode(): void {}
  write(text: string): void {
    this.text += text;
  }
  configure(): void {}
}

export class HeadlessLesson {
  readonly results: LineResult[] = [];
  private readonly terminal = new CollectingTerminal();
  private readonly session: HostSession;

  private constructor(
    readonly lesson: Lesson,
    readonly world: World,
    readonly run: LessonRun,
    access: DaemonAccess,
  ) {
    const d = world.daemon();
    const daemon = daemonListeners(access);
    this.session = new HostSession({
      terminal: this.terminal,
      fs: userFs(d.hostFs, { uid: 1000, gid: 1000 }),
      engine: new EngineClient(daemon[DEFAULT_DOCKER_HOST] ?? access.transport('unix')),
      daemon,
      size: () => ({ columns: 100, rows: 30 }),
      now: () => world.now(),
      hostname: d.info.hostname,
      hostIp: d.info.ip,
      sleep: (ms, signal) => this.sleep(ms, signal),
    });
  }

  /** A fresh World, the lesson's setup applied through the Engine API, and a run watching it. */
  static async start(lesson: Lesson, opts: { seed?: string } = {}): Promise<HeadlessLesson> {
    const world = createWorld({ seed: opts.seed ?? `lesson-${lesson.id}` });
    // as on the lesson page: one API, each request marked with the way it came (socket or TCP)
    const api = createEngineApi(world, { listeners: lesson.listen });
    const base = inProcessTransport(api);
    const access: DaemonAccess = { listen: lesson.listen, transport: (via) => marked(base, via) };
    await applySetup(lesson.setup, { world, fetch: (r) => access.transport('unix').fetch(r), yieldNow: tick });
    const run = new LessonRun(lesson, world).start();
    return new HeadlessLesson(lesson, world, run, access);
  }

  /**
   * Runs the clock until the promise settles (at most an hour of virtual time). The clock only
   * moves while the command waits on it: the client's own work between two requests (create,
   * then start) takes no virtual time, as on a page where the clock follows real time.
   */
  async settle<T>(p: Promise<T>): Promise<T> {
    let done = false;
    const q = p.finally(() => {
      done = true;
    });
    for (let i = 0; !done && i < 72_000; i++) {
      for (let k = 0; k < 8 && !done; k++) await tick();
      if (!done) this.world.advance(50);
    }
    return q;
  }

  /** The shell's sleeps (curl's meter, `sleep 1`) pass on the virtual clock, as it is driven here. */
  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const end = this.world.now() + ms;
    return new Promise<void>((resolve) => {
      const check = () => {
        if (this.world.now() >= end || signal?.aborted) resolve();
        else setImmediate(check);
      };
      check();
    });
  }

  /** Virtual time passes (the learner reads the output). */
  async wait(ms: number): Promise<void> {
    const end = this.world.now() + ms;
    while (this.world.now() < end) {
      this.world.advance(Math.min(50, end - this.world.now()));
      await tick();
    }
  }

  /** Runs one command line as a learner would type it, then lets a second of virtual time pass. */
  async line(line: string): Promise<LineResult> {
    const start = this.terminal.text.length;
    const exitCode = await this.settle(this.session.run(line));
    const r: LineResult = { line, exitCode, output: this.terminal.text.slice(start) };
    this.results.push(r);
    await this.wait(1000);
    // the page does this when a command ends
    this.run.evaluate();
    return r;
  }

  /** Runs a step's reference solution; returns the results. */
  async solve(stepId: string): Promise<LineResult[]> {
    const step = this.lesson.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${stepId}`);
    const out: LineResult[] = [];
    for (const l of step.solution) out.push(await this.line(l));
    return out;
  }
}
