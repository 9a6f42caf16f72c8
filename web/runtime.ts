// Everything behind the prompt, loaded once the prompt is on the screen: a World in the page
// (restored from the browser's storage by replaying its journal, or new), its clock following
// real time, the Engine API in process (journaled, so the World survives a reload), the host
// shell on the line editor. `reset` and the Reset button start over with a new World.

import type { Terminal } from '@xterm/xterm';
import { journaledApi, type JournalEntry } from '../src/api/journal';
import { RealtimeDriver } from '../src/clock/realtime';
import { EngineClient } from '../src/engine-client';
import type { HostSession } from '../src/shell';
import { createWorld } from '../src/sim/engine';
import type { World } from '../src/sim/world';
import type { History } from '../src/term';
import { pageEditor, type PageEditor } from './editor';
import { replayLog } from './replay';
import { keepShell, OWNER, pageSession } from './session';
import { openStore, type LogRecord, type Store, type WorldMeta } from './store';
import { inProcessTransport } from './transport';

export interface BootContext {
  term: Terminal;
  history: History;
  /** The editor showing the first prompt, and the line it is reading. */
  first: PageEditor;
  firstLine: Promise<string | null>;
  resetButton: HTMLButtonElement | null;
}

interface Runtime {
  gen: number;
  world: World;
  clock: RealtimeDriver;
  engine: EngineClient;
  api: ReturnType<typeof journaledApi>;
}

/** What tests and benchmarks reach through window.__docksim. */
export interface PageHook {
  ready: Promise<void>;
  /** performance.now() when the World and the shell became ready. */
  readyAt?: number;
  readonly world: World;
  readonly session: HostSession;
  readonly engine: EngineClient;
  /** The page's terminal. */
  readonly term: Terminal;
  reset(): Promise<void>;
  /** Resolves when the journal is stored. */
  flush(): Promise<void>;
}


function newSeed(): string {
  const a = new Uint8Array(8);
  crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function boot(ctx: BootContext): Promise<void> {
  const { term } = ctx;
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let rt: Runtime;
  let session: HostSession;
  let editor: PageEditor = ctx.first;
  let generation = 0;
  let resetting = false;
  let resizeSub: { dispose(): void } | null = null;

  const store: Store = await openStore();

  const createRuntime = async (saved: { meta: WorldMeta | null; log: LogRecord[] }): Promise<Runtime> => {
    const gen = ++generation;
    let meta = saved.meta;
    let log = saved.log;
    if (!meta) {
      meta = { seed: newSeed(), start: Date.now() };
      log = [];
      store.setMeta(meta);
    }
    const world = createWorld({ seed: meta.seed, start: meta.start });
    let journal: JournalEntry[] = [];
    let open = new Map<number, { abort(): void }>();
    if (log.length) ({ journal, open } = await replayLog(world, log, OWNER));
    // the World went on while the page was closed
    world.clock.advanceTo(Math.max(world.now(), Date.now()));
    const clock = new RealtimeDriver(world);
    const api = journaledApi(world, {
      sync: () => clock.sync(),
      entries: journal,
      onAppend: (e) => {
        if (gen === generation) store.append({ j: e });
      },
    });
    // attach and exec streams of the page before the reload lost their client
    for (const [ref, h] of open) {
      const e: JournalEntry = { k: 'close', t: world.now(), ref };
      journal.push(e);
      store.append({ j: e });
      h.abort();
    }
    return { gen, world, clock, api, engine: new EngineClient(inProcessTransport(api)) };
  };

  const startSession = (pe: PageEditor, firstLine?: Promise<string | null>): void => {
    const r = rt;
    const live = () => r.gen === generation;
    const s = pageSession(r, { terminal: pe.editor, term, store, live, reset: () => void reset() });
    session = s;
    resizeSub?.dispose();
    resizeSub = term.onResize(() => s.resized());
    keepShell(pe, s, firstLine, () => session === s && live(), () => startSession(pe));
  };

  const reset = async (): Promise<void> => {
    if (resetting) return;
    resetting = true;
    try {
      await ready;
      session.stop();
      editor.retire();
      rt.clock.stop();
      generation++;
      await store.clear();
      term.reset();
      term.write('\x1b[2mdocksim: started over with a new machine.\x1b[0m\r\n');
      rt = await createRuntime({ meta: null, log: [] });
      editor = pageEditor(term, ctx.history);
      startSession(editor);
      term.focus();
    } finally {
      resetting = false;
    }
  };

  const hook: PageHook = {
    ready,
    get world() {
      return rt.world;
    },
    get session() {
      return session;
    },
    get engine() {
      return rt.engine;
    },
    term,
    reset,
    flush: () => store.flush(),
  };
  (window as unknown as { __docksim: PageHook }).__docksim = hook;

  ctx.resetButton?.addEventListener('click', () => {
    void reset();
  });

  const saved = await store.load().catch(() => ({ meta: null, log: [] as LogRecord[] }));
  try {
    rt = await createRuntime(saved);
  } catch (e) {
    // a journal this version cannot replay: start over rather than not at all
    console.error('docksim: the saved World could not be restored', e);
    await store.clear().catch(() => {});
    ctx.first.editor.write(`\x1b[2mdocksim: the previous session could not be restored; this is a new machine.\x1b[0m\n`);
    rt = await createRuntime({ meta: null, log: [] });
  }
  startSession(editor, ctx.firstLine);
  hook.readyAt = performance.now();
  markReady();
}
