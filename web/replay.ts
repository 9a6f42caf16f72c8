// Rebuilds the page's World from its log: the Engine API journal replayed as src/api/journal's
// replay() does (each entry at its virtual time, responses discarded, requests that wait on the
// clock left running), with the learner's changes to the host's files applied between the
// entries where they were made. A request is given a macrotask to reach its first wait, taken
// from a MessageChannel (setTimeout(0) is clamped to 4 ms in nested timers).

import type { Hijacked } from '../src/api/hijack';
import { replay, type JournalEntry, type ReplayAction } from '../src/api/journal';
import { applyFsOp } from '../src/shell';
import type { World } from '../src/sim/world';
import type { LogRecord } from './store';

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
  const hostFs = world.daemon().hostFs;
  const journal: JournalEntry[] = [];
  const items: (JournalEntry | ReplayAction)[] = [];
  for (const r of log) {
    if ('f' in r) items.push({ k: 'action', t: r.t, apply: () => applyFsOp(hostFs, r.f, owner) });
    else {
      journal.push(r.j);
      items.push(r.j);
    }
  }
  const open = await replay(world, items, { settle });
  return { journal, open };
}
