// A World persisted as its journal: every Engine API request that may change it, and every
// byte sent into a hijacked stream (stdin of `docker run -it`, `docker exec -it`), with the
// virtual time it arrived. The simulator is deterministic, so replaying the journal into a new
// World with the same seed and start gives the same world. The page keeps the journal in the
// browser's storage, the edge in a Durable Object's SQLite.

import type { World } from '../sim/world';
import { createEngineApi, type ApiOptions, type EngineApi } from './app';
import type { Hijacked } from './hijack';

export type JournalEntry =
  | { k: 'req'; t: number; method: string; path: string; headers: Record<string, string>; body: string }
  /** Input into the hijacked stream opened by request number `ref` (its index in the journal). */
  | { k: 'in'; t: number; ref: number; data: string }
  | { k: 'eof'; t: number; ref: number }
  | { k: 'close'; t: number; ref: number };

// x-docksim-transport: how the request travelled (unix socket or TCP), which the trace records
const KEPT_HEADERS = ['content-type', 'x-registry-auth', 'connection', 'upgrade', 'x-docksim-transport'];
const HIJACK = /^(\/v[\d.]+)?(\/containers\/[^/]+\/attach|\/exec\/[^/]+\/start)$/;

function headersOf(req: Request): Record<string, string> {
  const h: Record<string, string> = {};
  for (const k of KEPT_HEADERS) {
    const v = req.headers.get(k);
    if (v !== null) h[k] = v;
  }
  return h;
}

export interface JournaledApi extends EngineApi {
  readonly entries: readonly JournalEntry[];
}

/**
 * The Engine API of `world`, journaling what changes it. `onAppend` sees each new entry (to
 * persist it). Reads (GET, HEAD) are not journaled: they must not change the world.
 */
export function journaledApi(
  initial: World,
  opts: ApiOptions & { onAppend?: (e: JournalEntry, index: number) => void; onClear?: () => void; entries?: JournalEntry[] } = {},
): JournaledApi {
  const entries: JournalEntry[] = opts.entries ?? [];
  // a reset starts a new world with an empty journal
  const reset = opts.reset
    ? () => {
        entries.length = 0;
        opts.onClear?.();
        return opts.reset!();
      }
    : undefined;
  const api = createEngineApi(initial, { ...opts, reset });
  const world = () => api.world;
  const append = (e: JournalEntry): number => {
    entries.push(e);
    opts.onAppend?.(e, entries.length - 1);
    return entries.length - 1;
  };
  const record = async (req: Request): Promise<number> => {
    opts.sync?.();
    const url = new URL(req.url);
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.clone().text();
    return append({ k: 'req', t: world().now(), method: req.method, path: url.pathname + url.search, headers: headersOf(req), body });
  };
  return {
    app: api.app,
    get world() {
      return api.world;
    },
    entries,
    async fetch(req: Request): Promise<Response> {
      if (req.method !== 'GET' && req.method !== 'HEAD') await record(req);
      return api.fetch(req);
    },
    async hijack(req: Request): Promise<Hijacked | Response | null> {
      const url = new URL(req.url);
      if (req.method !== 'POST' || !HIJACK.test(url.pathname)) return api.hijack(req);
      const ref = await record(req);
      const h = await api.hijack(req);
      if (!h || h instanceof Response) return h;
      const dec = new TextDecoder();
      return {
        contentType: h.contentType,
        onOutput: (cb) => h.onOutput(cb),
        onEnd: (cb) => h.onEnd(cb),
        write(data) {
          opts.sync?.();
          append({ k: 'in', t: world().now(), ref, data: dec.decode(data, { stream: true }) });
          h.write(data);
        },
        closeWrite() {
          opts.sync?.();
          append({ k: 'eof', t: world().now(), ref });
          h.closeWrite();
        },
        abort() {
          append({ k: 'close', t: world().now(), ref });
          h.abort();
        },
      };
    },
  };
}

/** Lets a request run until it waits on the virtual clock (only microtasks are involved). */
const settleByTimer = () => new Promise<void>((r) => setTimeout(r, 0));

/** A timed action replayed between journal entries (a host's own change, e.g. to its files). */
export interface ReplayAction {
  k: 'action';
  t: number;
  apply: () => void;
}

/**
 * Rebuilds a world from a journal: each entry at its virtual time, responses discarded.
 * Requests that wait on the clock (stop, a pull) are not awaited: as in the live session, time
 * moves on to the next entry and they finish when they would have. `items` may mix in timed
 * actions of the host's; `settle` gives a request the moment it needs to reach its first wait.
 * Returns the hijacked streams still open at the end (by journal index), for the caller to close.
 */
export async function replay(
  world: World,
  items: readonly (JournalEntry | ReplayAction)[],
  opts: { settle?: () => Promise<void> } = {},
): Promise<Map<number, Hijacked>> {
  const settle = opts.settle ?? settleByTimer;
  const api = createEngineApi(world);
  const open = new Map<number, Hijacked>();
  const enc = new TextEncoder();
  let index = -1; // position in the journal (actions are not journal entries)
  for (const e of items) {
    if (e.t > world.now()) world.clock.advanceTo(e.t);
    if (e.k === 'action') {
      e.apply();
      continue;
    }
    index++;
    if (e.k === 'req') {
      const req = new Request(`http://docker${e.path}`, { method: e.method, headers: e.headers, body: e.body === '' ? undefined : e.body });
      const url = new URL(req.url);
      if (e.method === 'POST' && HIJACK.test(url.pathname)) {
        const h = await api.hijack(req);
        if (h && !(h instanceof Response)) {
          h.onOutput(() => {});
          open.set(index, h);
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
  return open;
}
