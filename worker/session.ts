// One learner's session on the edge: a World and its Engine API inside a Durable Object. The
// World is kept as the log of the requests that changed it (in the object's SQLite storage) and
// rebuilt by replaying them: the simulator is deterministic, so the replay gives the same world.

import { DurableObject } from 'cloudflare:workers';
import { createEngineApi, type EngineApi, type InputEntry } from '../src/api/app';
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
    sql.exec('CREATE TABLE IF NOT EXISTS inputs (seq INTEGER PRIMARY KEY AUTOINCREMENT, t REAL, method TEXT, path TEXT, headers TEXT, body TEXT)');
    const startRow = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = 'start'").toArray()[0];
    const start = startRow ? Number(startRow.v) : Date.now();
    if (!startRow) sql.exec("INSERT INTO meta (k, v) VALUES ('start', ?)", String(start));
    const world = createWorld({ seed: 'docksim', start });
    const replay = createEngineApi(world);
    for (const row of sql.exec<{ t: number; method: string; path: string; headers: string; body: string }>('SELECT t, method, path, headers, body FROM inputs ORDER BY seq')) {
      world.clock.advanceTo(row.t);
      const res = await replay.fetch(new Request(`http://docker${row.path}`, { method: row.method, headers: JSON.parse(row.headers), body: row.body || undefined }));
      await res.body?.cancel();
    }
    // real time since the session started: the world moves on from where it was
    world.clock.advanceTo(Math.max(world.now(), Date.now()));
    this.driver = new RealtimeDriver(world);
    this.api = createEngineApi(world, {
      transport: 'tcp',
      sync: () => this.driver?.sync(),
      onInput: (e: InputEntry) => {
        this.sql().exec('INSERT INTO inputs (t, method, path, headers, body) VALUES (?, ?, ?, ?, ?)', e.t, e.method, e.path, JSON.stringify(e.headers), e.body);
      },
    });
  }

  async fetch(request: Request): Promise<Response> {
    this.ready ??= this.load();
    await this.ready;
    return this.api!.fetch(request);
  }
}
