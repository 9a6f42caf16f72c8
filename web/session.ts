// The host shell of a page (the playground, a lesson) over the page's World: the learner's
// files, journaled while that World is the page's live one; the terminal's size; the World's
// clock and host; and a new shell offered when one ends.

import type { Terminal } from '@xterm/xterm';
import type { EngineClient } from '../src/engine-client';
import { HostSession, userFs, type DaemonListeners, type HostTerminal } from '../src/shell';
import type { World } from '../src/sim/world';
import type { PageEditor } from './editor';
import type { Store } from './store';

/** The learner on the page's host. */
export const OWNER = { uid: 1000, gid: 1000 };

/** What a page's shell runs over. */
export interface PageWorld {
  world: World;
  clock: { sync(): void };
  engine: EngineClient;
}

export interface PageSessionOptions {
  terminal: HostTerminal;
  term: Terminal;
  store: Store;
  /** Whether `r` is still the page's World (a reset makes a new one). */
  live: () => boolean;
  reset: () => void;
  daemon?: DaemonListeners;
}

export function pageSession(r: PageWorld, o: PageSessionOptions): HostSession {
  const d = r.world.daemon();
  return new HostSession({
    terminal: o.terminal,
    fs: userFs(d.hostFs, {
      ...OWNER,
      onChange: (op) => {
        if (o.live()) o.store.append({ f: op, t: r.world.now() });
      },
    }),
    engine: r.engine,
    size: () => ({ columns: o.term.cols, rows: o.term.rows }),
    now: () => {
      r.clock.sync();
      return r.world.now();
    },
    hostname: d.info.hostname,
    hostIp: d.info.ip,
    kernelRelease: d.info.kernelVersion,
    reset: o.reset,
    daemon: o.daemon,
  });
}

/**
 * Runs the shell; when it ends (exit, Ctrl-D) and it is still `current()`, says so and starts a
 * new one on the same machine (`again`) once Enter is pressed.
 */
export function keepShell(pe: PageEditor, s: HostSession, firstLine: Promise<string | null> | undefined, current: () => boolean, again: () => void): void {
  void s.start(firstLine).then(async (status) => {
    if (!current()) return;
    pe.editor.write(`\x1b[2m[bash exited with status ${status}; press Enter for a new shell]\x1b[0m\n`);
    await pe.editor.readInput().catch(() => null);
    if (current()) again();
  });
}
