/// <reference types="vite/client" />
// Everything behind a lesson page's prompt: the lesson (parsed from its Markdown), a World of its
// own — restored from the browser's storage by replaying its journal, or new and prepared by the
// lesson's setup — with the daemon on the addresses the lesson names, the host shell, the run
// that ticks steps off (its progress kept in localStorage), and the picture of the World.
// "Start over" (and the `reset` command) begins the lesson again on a new World.
//
// The World's persistence is the playground's (web/store.ts, web/replay.ts, the journaled API),
// in a database of the lesson's own.

import type { Terminal } from '@xterm/xterm';
import { journaledApi, type JournalEntry, type JournaledApi } from '../../../src/api/journal';
import { RealtimeDriver } from '../../../src/clock/realtime';
import { EngineClient } from '../../../src/engine-client';
import { applySetup, LessonRun, lessonIdOf, parseLesson, readSavedProgress, type Lesson } from '../../../src/lessons';
import type { HostSession, HostTerminal } from '../../../src/shell';
import { createWorld } from '../../../src/sim/engine';
import type { World } from '../../../src/sim/world';
import type { History } from '../../../src/term';
import { pageEditor, type PageEditor } from '../../editor';
import { mountPictureLazy, type LazyPicture } from '../../picture/lazy';
import { worldSource } from '../../picture/world-source';
import { replayLog } from '../../replay';
import { keepShell, OWNER, pageSession } from '../../session';
import { openStore, type LogRecord, type Store, type WorldMeta } from '../../store';
import { inProcessTransport } from '../../transport';
import { lessonStoreName, progressKey } from '../routes';
import { daemonListeners, marked, type DaemonAccess } from './daemon-access';
import type { LessonPanel } from './panel';

const LESSONS = import.meta.glob<string>('../../../content/lessons/*.md', { query: '?raw', import: 'default' });

export interface LessonBootContext {
  term: Terminal;
  history: History;
  first: PageEditor;
  firstLine: Promise<string | null>;
  lessonId: string;
  panel: LessonPanel;
  /** Where the picture goes. */
  picture: HTMLElement;
  /** The line editor of the terminal changed (a new session after Start over). */
  onEditor(pe: PageEditor): void;
  /** The shell is back at its prompt (a command ended). */
  onPrompt(): void;
}

export interface LessonRuntime {
  reset(): Promise<void>;
  showPicture(): void;
}

/** What tests and benchmarks reach through window.__docksim. */
export interface LessonPageHook {
  ready: Promise<void>;
  readonly lesson: Lesson;
  readonly world: World;
  readonly session: HostSession;
  readonly engine: EngineClient;
  readonly run: LessonRun;
  readonly picture: LazyPicture;
  reset(): Promise<void>;
  flush(): Promise<void>;
}

interface Runtime {
  gen: number;
  world: World;
  clock: RealtimeDriver;
  api: JournaledApi;
  access: DaemonAccess;
  engine: EngineClient;
  run: LessonRun;
  picture: LazyPicture;
}


function newSeed(): string {
  const a = new Uint8Array(8);
  crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function loadLesson(id: string): Promise<Lesson> {
  const file = Object.keys(LESSONS).find((f) => lessonIdOf(f) === id);
  if (!file) throw new Error(`no lesson "${id}"`);
  return parseLesson(file, await LESSONS[file]!());
}

function readProgress(id: string): string | null {
  try {
    return localStorage.getItem(progressKey(id));
  } catch {
    return null;
  }
}

function writeProgress(id: string, run: LessonRun | null): void {
  try {
    if (run) localStorage.setItem(progressKey(id), JSON.stringify(run));
    else localStorage.removeItem(progressKey(id));
  } catch {
    // storage full or disabled: progress lives as long as the page
  }
}

export async function bootLesson(ctx: LessonBootContext): Promise<LessonRuntime> {
  const { term, panel } = ctx;
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let rt!: Runtime;
  let session!: HostSession;
  let editor: PageEditor = ctx.first;
  let generation = 0;
  let resetting: Promise<void> | null = null;
  let resizeSub: { dispose(): void } | null = null;
  let pictureShown = false;

  const lesson = await loadLesson(ctx.lessonId);
  const store: Store = await openStore(lessonStoreName(lesson.id));

  const createRuntime = async (saved: { meta: WorldMeta | null; log: LogRecord[] }): Promise<Runtime> => {
    const gen = ++generation;
    let meta = saved.meta;
    let log = saved.log;
    const fresh = !meta;
    if (!meta) {
      meta = { seed: newSeed(), start: Date.now() };
      log = [];
      store.setMeta(meta);
    }
    const world = createWorld({ seed: meta.seed, start: meta.start });
    let journal: JournalEntry[] = [];
    let open = new Map<number, { abort(): void }>();
    if (log.length) ({ journal, open } = await replayLog(world, log, OWNER));
    world.clock.advanceTo(Math.max(world.now(), Date.now()));
    let clock: RealtimeDriver | null = null;
    const api = journaledApi(world, {
      sync: () => clock?.sync(),
      entries: journal,
      listeners: lesson.listen,
      onAppend: (e) => {
        if (gen === generation) store.append({ j: e });
      },
    });
    for (const [ref, h] of open) {
      const e: JournalEntry = { k: 'close', t: world.now(), ref };
      journal.push(e);
      store.append({ j: e });
      h.abort();
    }
    const base = inProcessTransport(api);
    const access: DaemonAccess = { listen: lesson.listen, transport: (via) => marked(base, via) };
    // a new World: the lesson's setup, through the API like any client (so it is journaled too)
    if (fresh && lesson.setup.length) await applySetup(lesson.setup, { world, fetch: (req) => access.transport('unix').fetch(req) });
    clock = new RealtimeDriver(world);
    // progress belongs to this World: a new World starts the lesson from its first step
    const savedProgress = fresh ? null : readSavedProgress(readProgress(lesson.id), lesson.id);
    const run = new LessonRun(lesson, world, { saved: savedProgress ?? undefined }).start();
    writeProgress(lesson.id, run);
    run.subscribe((p, ticked) => {
      if (gen !== generation) return;
      writeProgress(lesson.id, run);
      panel.show({ done: new Set(p.steps.filter((s) => s.done).map((s) => s.id)), complete: p.complete }, ticked.length > 0);
    });
    // what the saved progress says, now that the World is back (and what it already satisfies)
    const p = run.progress();
    panel.show({ done: new Set(p.steps.filter((s) => s.done).map((s) => s.id)), complete: p.complete });
    run.evaluate();
    const picture = mountPictureLazy(ctx.picture, () => worldSource(world), { compact: 'auto', eager: pictureShown });
    return { gen, world, clock, api, access, engine: new EngineClient(access.transport('unix')), run, picture };
  };

  /** The line editor as the shell sees it, telling the page when a prompt shows and what was run. */
  const watched = (pe: PageEditor, r: Runtime): HostTerminal =>
    new Proxy(pe.editor, {
      get(target, prop) {
        if (prop === 'readLine')
          return (prompt: string, options?: { continuationPrompt?: string }) => {
            const line = target.readLine(prompt, options);
            if (r.gen === generation) {
              // the command before this prompt has ended
              r.run.evaluate();
              ctx.onPrompt();
            }
            return line.then((l) => {
              if (l && l.trim() && r.gen === generation) r.picture.command(l.trim());
              return l;
            });
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as unknown as HostTerminal;

  const startSession = (pe: PageEditor, firstLine?: Promise<string | null>): void => {
    const r = rt;
    const live = () => r.gen === generation;
    const s = pageSession(r, { terminal: watched(pe, r), term, store, live, reset: () => void reset(), daemon: daemonListeners(r.access) });
    session = s;
    resizeSub?.dispose();
    resizeSub = term.onResize(() => s.resized());
    if (firstLine)
      void firstLine.then((l) => {
        if (l && l.trim() && live()) r.picture.command(l.trim());
      });
    keepShell(pe, s, firstLine, () => session === s && live(), () => startSession(pe));
  };

  const doReset = async (): Promise<void> => {
    await ready;
    session.stop();
    editor.retire();
    rt.clock.stop();
    rt.run.stop();
    rt.picture.destroy();
    ctx.picture.textContent = '';
    generation++;
    writeProgress(lesson.id, null);
    await store.clear();
    term.reset();
    term.write('\x1b[2mdocksim: this lesson starts over on a new machine.\x1b[0m\r\n');
    rt = await createRuntime({ meta: null, log: [] });
    editor = pageEditor(term, ctx.history);
    ctx.onEditor(editor);
    startSession(editor);
    term.focus();
  };
  const reset = (): Promise<void> => (resetting ??= doReset().finally(() => (resetting = null)));

  const hook: LessonPageHook = {
    ready,
    lesson,
    get world() {
      return rt.world;
    },
    get session() {
      return session;
    },
    get engine() {
      return rt.engine;
    },
    get run() {
      return rt.run;
    },
    get picture() {
      return rt.picture;
    },
    reset,
    flush: () => store.flush(),
  };
  (window as unknown as { __docksim: LessonPageHook }).__docksim = hook;

  const saved = await store.load().catch(() => ({ meta: null, log: [] as LogRecord[] }));
  rt = await createRuntime(saved);
  startSession(editor, ctx.firstLine);
  markReady();
  return {
    reset,
    showPicture() {
      pictureShown = true;
      rt.picture.ready.catch(() => {});
    },
  };
}
