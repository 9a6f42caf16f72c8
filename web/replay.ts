// Rebuilds the page's World from its log: the Engine API journal replayed as src/api/journal's
// replay() does (each entry at its virtual time, responses discarded, requests that wait on the
// clock left running), with the learner's changes to the host's files applied between the
// entries where they were made. A request is given a macrotask to reach its first wait, taken
// from a MessageChannel (setTimeout(0) is clamped to 4 ms in nested timers).

import { createEngineApi } from '../src/api/app';
import type { Hijacked } from '../src/api/hijack';
import type { JournalEntry } from '../src/api/journal';
import { applyFsOp } from '../src/shell';
import type { World } from '../src/sim/world';
import type { LogRecord } from './store';

const HIJACK = /^(\/v[\d.]+)?(\/containers\/[^/]+\/attach|\/exec\/[^/]+\/start)$/;

const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

function settle(): Promise<void> {
  if (!channel) return new Promise((r) => setTimeout(r, 0));
  return new Promise((r) => {
    waiting.push(r);
    channel.port2.postMessage(0);
  });
}

/**
 * Replays `log` into `world`. Returns the journal entries (for journaledApi to continue) and
 * the hijacked streams still open at the end: their client (the page before the reload) is
 * gone, so the caller closes them and journals that.
 */
export async function replayLog(
  world: World,
  log: readonly LogRecord[],
  owner: { uid: number; gid: number },
): Promise<{ journal: JournalEntry[]; open: Map<number, Hijacked> }> {
  const api = createEngineApi(world);
  const open = new Map<number, Hijacked>();
  const enc = new TextEncoder();
  const journal: JournalEntry[] = [];
  const hostFs = world.daemon().hostFs;
  for (const r of log) {
    if ('f' in r) {
      if (r.t > world.now()) world.clock.advanceTo(r.t);
      applyFsOp(hostFs, r.f, owner);
      continue;
    }
    const e = r.j;
    const i = journal.length;
    journal.push(e);
    if (e.t > world.now()) world.clock.advanceTo(e.t);
    if (e.k === 'req') {
      const req = new Request(`http://docker${e.path}`, { method: e.method, headers: e.headers, body: e.body === '' ? undefined : e.body });
      const url = new URL(req.url);
      if (e.method === 'POST' && HIJACK.test(url.pathname)) {
        const h = await api.hijack(req);
        if (h && !(h instanceof Response)) {
          h.onOutput(() => {});
          open.set(i, h);
        }
      } else {
        void api.fetch(req).then((res) => res.body?.cancel());
        await settle();
      }
    } else {
      const h = open.get(e.ref);
      if (!h) continue;
      if (e.k === 'in') h.write(enc.encode(e.data));
      else if (e.k === 'eof') h.closeWrite();
      else {
        h.abort();
        open.delete(e.ref);
      }
    }
  }
  return { journal, open };
}
