// One learner's session on the edge: a World and its Engine API inside a Durable Object. The
// World is kept as the log of the requests that changed it (in the object's SQLite storage) and
// rebuilt by replaying them: the simulator is deterministic, so the replay gives the same world.

import { DurableObject } from 'cloudflare:workers';
import type { EngineApi } from '../src/api/app';
import { journaledApi, replay, type JournalEntry } from '../src/api/journal';
import { RealtimeDriver } from '../src/clock/realtime';
import { createWorld } from '../src/sim/engine';

export class Session extends DurableObject {
  private api: EngineApi | null = null;
  private driver: RealtimeDriver | null = null;
  private ready: Promise<void> | null = null;

  private sql() {
    return this.ctx.storage.sql;
  }

  private async load(): Promise<void> {
    const sql = this.sql();
    sql.exec('CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)');
    sql.exec('CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, entry TEXT)');
    const startRow = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = 'start'").toArray()[0];
    const start = startRow ? Number(startRow.v) : Date.now();
    if (!startRow) sql.exec("INSERT INTO meta (k, v) VALUES ('start', ?)", String(start));
    const world = createWorld({ seed: 'docksim', start });
    const entries = sql.exec<{ entry: string }>('SELECT entry FROM journal ORDER BY seq').toArray().map((r) => JSON.parse(r.entry) as JournalEntry);
    const open = await replay(world, entries);
    // streams whose clients were gone when the object was evicted: closed now, and written down
    for (const [ref, h] of open) {
      h.abort();
      const e: JournalEntry = { k: 'close', t: world.now(), ref };
      entries.push(e);
      sql.exec('INSERT INTO journal (seq, entry) VALUES (?, ?)', entries.length - 1, JSON.stringify(e));
    }
    // real time since the session started: the world moves on from where it was
    world.clock.advanceTo(Math.max(world.now(), Date.now()));
    this.driver = new RealtimeDriver(world);
    this.api = journaledApi(world, {
      transport: 'tcp',
      sync: () => this.driver?.sync(),
      entries,
      onAppend: (e, i) => {
        this.sql().exec('INSERT INTO journal (seq, entry) VALUES (?, ?)', i, JSON.stringify(e));
      },
      onClear: () => {
        this.sql().exec('DELETE FROM journal');
      },
      reset: () => {
        this.driver?.stop();
        const now = Date.now();
        this.sql().exec("INSERT OR REPLACE INTO meta (k, v) VALUES ('start', ?)", String(now));
        const fresh = createWorld({ seed: 'docksim', start: now });
        this.driver = new RealtimeDriver(fresh);
        return fresh;
      },
    });
  }

  async fetch(request: Request): Promise<Response> {
    this.ready ??= this.load();
    await this.ready;
    return this.api!.fetch(request);
  }
}
