// A host session over a real World in node: the Engine API in process, the World's clock run
// faster than real time, the line editor of src/term on a headless xterm.js terminal. Tests
// type keys and read the screen as a learner would.

import { Terminal } from '@xterm/xterm';
import { createEngineApi } from '../../src/api/app';
import { journaledApi } from '../../src/api/journal';
import { RealtimeDriver } from '../../src/clock/realtime';
import { EngineClient } from '../../src/engine-client';
import { HostSession, realSleep, userFs, type HostSessionOptions } from '../../src/shell';
import { createWorld } from '../../src/sim/engine';
import type { World } from '../../src/sim/world';
import { attachLineEditor, History, type LineEditor } from '../../src/term';
import { daemonListeners, marked } from '../../web/site/lesson/daemon-access';
import type { LogRecord } from '../../web/store';
import { inProcessTransport } from '../../web/transport';

export interface Host {
  world: World;
  term: Terminal;
  editor: LineEditor;
  session: HostSession;
  engine: EngineClient;
  /** Feeds keys to the terminal as typing would. */
  type(keys: string): void;
  /** The screen's text (scrollback included): lines joined with \n, wrapped rows joined, trailing blanks dropped. */
  screen(): Promise<string>;
  /** Waits until the screen matches (polls), or fails with what the screen shows. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Runs a command line as if typed and waits for the next prompt; returns the output between. */
  run(line: string, timeoutMs?: number): Promise<string>;
  stop(): void;
}

export const KEYS = {
  enter: '\r',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrl: (c: string): string => String.fromCharCode(c.toUpperCase().charCodeAt(0) & 0x1f),
};

export interface HostOptions extends Partial<HostSessionOptions> {
  /** Virtual time per real time (default 50). */
  speed?: number;
  cols?: number;
  rows?: number;
  history?: string[];
  /** Journal the World and the host's file changes into this log, as the page does. */
  log?: LogRecord[];
  seed?: string;
  start?: number;
  /** dockerd's addresses (its -H), served as the lesson page does; default: the shell's (the socket). */
  listen?: string[];
}

export function startHost(o: HostOptions = {}): Host {
  const speed = o.speed ?? 50;
  const world = createWorld({ seed: o.seed ?? 'shell-test', start: o.start ?? Date.UTC(2026, 10, 27, 9, 0, 0) });
  let clock: RealtimeDriver | null = null;
  const log = o.log;
  const api = log
    ? journaledApi(world, { sync: () => clock?.sync(), onAppend: (e) => log.push({ j: e }) })
    : createEngineApi(world, { sync: () => clock?.sync(), listeners: o.listen });
  clock = new RealtimeDriver(world, { speed });
  const base = inProcessTransport(api);
  const daemon = o.listen ? daemonListeners({ listen: o.listen, transport: (via) => marked(base, via) }) : undefined;
  const engine = new EngineClient(o.listen ? marked(base, 'unix') : base);
  const cols = o.cols ?? 100;
  const rows = o.rows ?? 30;
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const { editor } = attachLineEditor(term, { history: new History(o.history ?? []) });
  const d = world.daemon();
  const session = new HostSession({
    terminal: editor,
    fs: userFs(d.hostFs, { uid: 1000, gid: 1000, onChange: log ? (f) => log.push({ f, t: world.now() }) : undefined }),
    engine,
    daemon,
    size: () => ({ columns: term.cols, rows: term.rows }),
    now: () => {
      clock?.sync();
      return world.now();
    },
    hostname: d.info.hostname,
    hostIp: d.info.ip,
    sleep: (ms, signal) => realSleep(ms / speed, signal ?? new AbortController().signal),
    ...o,
  });
  void session.start();
  const screen = async (): Promise<string> => {
    await new Promise<void>((r) => term.write('', r));
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < b.length; y++) {
      const line = b.getLine(y);
      const text = line?.translateToString(true) ?? '';
      // rows the terminal wrapped make one line again
      if (line?.isWrapped && lines.length) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    // blanks at the ends of lines are not seen, except on the line being typed
    return lines.map((l, i) => (i === lines.length - 1 ? l : l.trimEnd())).join('\n');
  };
  const waitFor = async (pattern: string | RegExp, timeoutMs = 10_000): Promise<string> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const s = await screen();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${s}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const PROMPT = /learner@docksim:[^\n]*\$ $/;
  return {
    world,
    term,
    editor,
    session,
    engine,
    type: (keys) => editor.feed(keys),
    screen,
    waitFor,
    async run(line, timeoutMs = 20_000) {
      await waitFor(PROMPT, timeoutMs);
      const before = (await screen()).split('\n').length;
      editor.feed(`${line}\r`);
      // the prompt comes back once the command is done
      const end = Date.now() + timeoutMs;
      for (;;) {
        await new Promise((r) => setTimeout(r, 10));
        const s = await screen();
        const lines = s.split('\n');
        if (lines.length > before && PROMPT.test(lines[lines.length - 1]!) && !session.busy) return lines.slice(before, -1).join('\n');
        if (Date.now() > end) throw new Error(`timed out running ${line}; the screen shows:\n${s}`);
      }
    },
    stop() {
      session.stop();
      clock?.stop();
      term.dispose();
    },
  };
}
