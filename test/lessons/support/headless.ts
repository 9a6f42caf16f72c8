// A lesson, headless: a fresh World prepared by the lesson's setup, the Engine API on the
// addresses the lesson's daemon listens on, and the host shell (src/shell, with the docker CLI
// emulator of src/cli) running the command lines a learner types, on the World's virtual clock.
//
// Two things the host does not do yet are done here, and each line that needs them says so
// (LineResult.emulated):
// - `docker -H ADDR` and DOCKER_HOST: the shell hands the CLI one Engine API connection; here
//   the CLI gets the connection to the address it names (refused when the daemon does not
//   listen there).
// - curl to the Engine API: `curl --unix-socket /var/run/docker.sock ...`, or a TCP address the
//   daemon listens on. The shell's curl reaches published ports only.
// TODO: drop each emulation when src/shell (or the page's transport) does it.

import { createEngineApi, type EngineApi } from '../../../src/api/app';
import { runDocker } from '../../../src/cli/docker';
import { COMMANDS } from '../../../src/cli/commands';
import { handlerName } from '../../../src/cli/docker';
import type { CliIo } from '../../../src/cli/io';
import { EngineClient, type Transport } from '../../../src/engine-client';
import { applySetup, LessonRun, splitWords, type Lesson } from '../../../src/lessons';
import type { Command, CommandContext, Run } from '../../../src/sh';
import { curlCommand, HostSession, userFs, type HostServices, type HostTerminal } from '../../../src/shell';
import { createWorld } from '../../../src/sim/engine';
import type { World } from '../../../src/sim/world';
import { inProcessTransport } from '../../../web/transport';

const tick = () => new Promise<void>((r) => setImmediate(r));

export interface LineResult {
  line: string;
  exitCode: number;
  /** What the terminal showed (stdout and stderr together, as on a screen). */
  output: string;
  /** What this runner did in place of the host (see the top of this file). */
  emulated: ('docker -H' | 'curl to the Engine API')[];
}

const GLOBAL_WITH_VALUE = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const MANAGEMENT = new Set(['builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume', 'compose']);

/** The -H/--host of docker's arguments (after `docker`), and the words after the global options. */
export function dockerGlobals(argv: readonly string[]): { host: string | null; rest: string[] } {
  let host: string | null = null;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (GLOBAL_WITH_VALUE.has(name)) value = argv[++i];
    else if (/^-H./.test(a)) value = a.slice(2);
    if (name === '-H' || name === '--host' || /^-H./.test(a)) host = value ?? null;
  }
  return { host, rest: argv.slice(i) };
}

/** Whether the CLI emulator has the command of a docker line. */
export function cliHas(line: string): boolean {
  const argv = splitWords(line);
  if (argv[0] !== 'docker') return false;
  const words = dockerGlobals(argv.slice(1)).rest.filter((w) => !w.startsWith('-'));
  const first = words[0] ?? '';
  return COMMANDS[handlerName(MANAGEMENT.has(first) ? [first, words[1] ?? ''] : [first])] !== undefined;
}

/** A line this runner emulates part of (see the top of this file), or null. */
export function emulationOf(line: string, listen: readonly string[]): LineResult['emulated'][number] | null {
  const argv = splitWords(line);
  if (argv[0] === 'docker' && dockerGlobals(argv.slice(1)).host !== null) return 'docker -H';
  if (argv[0] === 'curl') {
    const { socket, url } = curlTarget(argv.slice(1));
    if (socket !== null) return 'curl to the Engine API';
    try {
      const u = new URL(url);
      if (matchListener(listen, `tcp://${u.hostname}:${u.port || '80'}`)) return 'curl to the Engine API';
    } catch {
      return null;
    }
  }
  return null;
}

function curlTarget(args: readonly string[]): { socket: string | null; url: string } {
  let socket: string | null = null;
  let url = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--unix-socket') socket = args[++i] ?? '';
    else if (['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '-o', '--output', '-w', '--write-out', '-A', '--user-agent'].includes(a)) i++;
    else if (!a.startsWith('-')) url = a;
  }
  return { socket, url };
}

function matchListener(listen: readonly string[], addr: string): string | null {
  if (addr.startsWith('unix://')) return listen.includes(addr) ? addr : null;
  const m = /^(?:tcp|http):\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(addr);
  if (!m) return null;
  for (const l of listen) {
    const lm = /^tcp:\/\/([^:]+):(\d+)$/.exec(l);
    if (!lm || lm[2] !== m[2]) continue;
    if (lm[1] === '0.0.0.0' || lm[1] === m[1] || (lm[1] === '127.0.0.1' && m[1] === 'localhost')) return l;
  }
  return null;
}

/** A connection refused: what the engine client sees when nothing listens at the address. */
const REFUSED: Transport = {
  fetch: () => Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED')),
  hijack: () => Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED')),
};

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
  private emulated: LineResult['emulated'] = [];

  private constructor(
    readonly lesson: Lesson,
    readonly world: World,
    readonly run: LessonRun,
    private readonly apis: Map<string, EngineApi>,
  ) {
    const d = world.daemon();
    const unix = this.apiAt('unix:///var/run/docker.sock') ?? [...apis.values()][0]!;
    const engine = new EngineClient(inProcessTransport(unix));
    const sleep = (ms: number, signal?: AbortSignal) => this.sleep(ms, signal);
    const services: HostServices = {
      engine,
      terminal: this.terminal,
      size: () => ({ columns: 100, rows: 30 }),
      onResize: () => () => {},
      now: () => world.now(),
      sleep,
      hostname: d.info.hostname,
      hostIp: d.info.ip,
    };
    const realCurl = curlCommand(services);
    this.session = new HostSession({
      terminal: this.terminal,
      fs: userFs(d.hostFs, { uid: 1000, gid: 1000 }),
      engine,
      size: services.size,
      now: services.now,
      hostname: d.info.hostname,
      hostIp: d.info.ip,
      sleep,
      docker: (argv, io) => this.docker(argv, io),
      commands: { curl: (ctx) => this.curl(ctx, realCurl) },
    });
  }

  /** A fresh World, the lesson's setup applied through the Engine API, and a run watching it. */
  static async start(lesson: Lesson, opts: { seed?: string } = {}): Promise<HeadlessLesson> {
    const world = createWorld({ seed: opts.seed ?? `lesson-${lesson.id}` });
    const apis = new Map<string, EngineApi>();
    for (const l of lesson.listen) apis.set(l, createEngineApi(world, { transport: l.startsWith('tcp://') ? 'tcp' : 'unix', listeners: lesson.listen }));
    const first = [...apis.values()][0]!;
    const unix = apis.get('unix:///var/run/docker.sock') ?? first;
    await applySetup(lesson.setup, { world, fetch: (r) => unix.fetch(r), yieldNow: tick });
    const run = new LessonRun(lesson, world).start();
    return new HeadlessLesson(lesson, world, run, apis);
  }

  private apiAt(addr: string): EngineApi | null {
    const l = matchListener(this.lesson.listen, addr);
    return l ? (this.apis.get(l) ?? null) : null;
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
    this.emulated = [];
    const exitCode = await this.settle(this.session.run(line));
    const r: LineResult = { line, exitCode, output: this.terminal.text.slice(start), emulated: this.emulated };
    this.results.push(r);
    await this.wait(1000);
    // the page does this when a command ends
    this.run.evaluate();
    return r;
  }

  /** The CLI, connected to the address -H or DOCKER_HOST names (the shell connects it to the socket). */
  private docker(argv: readonly string[], io: CliIo): Promise<number> {
    const host = dockerGlobals(argv).host ?? io.env?.DOCKER_HOST ?? null;
    if (host === null) return runDocker(argv, io);
    this.emulated.push('docker -H');
    const api = this.apiAt(host);
    return runDocker(argv, { ...io, engine: new EngineClient(api ? inProcessTransport(api) : REFUSED) });
  }

  /** curl: to the Engine API (a socket or a TCP address the daemon listens on) here, anything else by the shell's curl. */
  private *curl(ctx: CommandContext, real: Command): Run<number> {
    const args = ctx.args.slice(1);
    const { socket, url } = curlTarget(args);
    let u: URL | null = null;
    try {
      u = new URL(url);
    } catch {
      u = null;
    }
    const api = socket !== null ? this.apiAt(`unix://${socket}`) : u ? this.apiAt(`tcp://${u.hostname}:${u.port || '80'}`) : null;
    if (socket === null && !api) return yield* real(ctx);
    this.emulated.push('curl to the Engine API');
    if (!u) return 3;
    if (!api) {
      ctx.stderr.write(`curl: (7) Couldn't connect to server\n`);
      return 7;
    }
    let method: string | null = null;
    let data: string | null = null;
    let include = false;
    const headers: Record<string, string> = { 'User-Agent': 'curl/8.5.0', Accept: '*/*' };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-X' || a === '--request') method = args[++i]!;
      else if (a === '-H' || a === '--header') {
        const h = args[++i]!;
        const c = h.indexOf(':');
        headers[h.slice(0, c).trim()] = h.slice(c + 1).trim();
      } else if (a === '-d' || a === '--data' || a === '--data-raw') data = args[++i]!;
      else if (a === '--unix-socket') i++;
      else if (a === '-i' || a === '--include') include = true;
    }
    if (data !== null && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const req = new Request(`http://docker${u.pathname}${u.search}`, { method: method ?? (data !== null ? 'POST' : 'GET'), headers, body: data ?? undefined });
    const answer = (async () => {
      const res = await api.fetch(req);
      return { res, body: await res.text() };
    })();
    const { res, body } = (yield { type: 'await', promise: answer }) as { res: Response; body: string };
    if (include) ctx.stdout.write(`HTTP/1.1 ${res.status} ${res.statusText}\r\n${[...res.headers.entries()].map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    ctx.stdout.write(body);
    return 0;
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
