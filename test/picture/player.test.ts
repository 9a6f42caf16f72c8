// The picture's animation model over real traces: which hops a command has, in which order,
// which OCI states runc shows, and how live playback, stepping, replay and speed behave.

import { describe, expect, it } from 'vitest';
import { CommandLog } from '../../web/picture/model/commands';
import { DWELL_MS, Player, TRAVEL_MS } from '../../web/picture/model/player';
import type { OpRecord } from '../../web/picture/source';
import { dockerRun, engineWithAlpine, opsOf } from './support';

const HOP_MS = TRAVEL_MS + DWELL_MS;
const edge = (s: { hop: { from: string; to: string } }) => `${s.hop.from}→${s.hop.to}`;

/** Feeds recorded ops to a player as a live source would: each begin, then each hop. */
function feed(p: Player, ops: OpRecord[]): void {
  for (const o of ops) {
    const info = { id: o.id, host: o.host, op: o.op, t: o.t };
    p.ingest(info, null);
    for (const h of o.hops) p.ingest(info, h);
  }
}

/** Plays until nothing moves, returning the hops shown in order (each once). */
function playOut(p: Player, frameMs = 16, limit = 100_000): string[] {
  const shown: string[] = [];
  let lastKey = '';
  for (let i = 0; i < limit; i++) {
    const f = p.frame();
    if (f.step) {
      const key = `${f.command!.id}:${f.index}`;
      if (key !== lastKey) shown.push(`${edge(f.step)} ${f.step.hop.label}`);
      lastKey = key;
    }
    if (!f.playing) break;
    p.tick(frameMs);
  }
  return shown;
}

async function runTrace() {
  const t = await engineWithAlpine();
  const before = t.world.trace.last()!.id;
  const id = await dockerRun(t);
  return { t, id, ops: opsOf(t, before) };
}

describe('commands from the trace', () => {
  it('a docker run is one command whose hops go client → dockerd → containerd → shim → runc', async () => {
    const { ops, id } = await runTrace();
    const log = new CommandLog();
    log.load(ops);
    expect(log.commands).toHaveLength(1);
    const cmd = log.commands[0]!;
    expect(cmd.title).toBe('docker run');
    expect(cmd.ops.map((o) => o.op)).toEqual(['container.create', 'container.start']);
    const path = cmd.steps.map(edge);
    // The pipeline, in order (other hops may sit between).
    const want = ['client→dockerd', 'client→dockerd', 'dockerd→containerd', 'containerd→shim', 'shim→runc', 'runc→shim', 'shim→runc'];
    let at = 0;
    for (const e of path) if (e === want[at]) at++;
    expect(at, path.join(', ')).toBe(want.length);
    expect(cmd.steps[0]!.hop.label).toMatch(/^POST \/containers\/create/);
    const oci = cmd.steps.filter((s) => s.hop.oci).map((s) => [s.hop.object, s.hop.oci]);
    expect(oci).toEqual([
      [id, 'creating'],
      [id, 'created'],
      [id, 'running'],
    ]);
  });

  it('a pause in the trace starts a new command; a pull goes to the registry', async () => {
    const t = await engineWithAlpine();
    const log = new CommandLog();
    log.load(opsOf(t));
    const pull = log.commands[0]!;
    expect(log.commands).toHaveLength(1);
    expect(pull.title).toBe('docker pull');
    expect(pull.steps.map(edge)).toContain('dockerd→registry');
    await dockerRun(t);
    const log2 = new CommandLog();
    log2.load(opsOf(t));
    expect(log2.commands.map((c) => c.title)).toEqual(['docker pull', 'docker run']);
  });

  it("the daemon's own operations join the command in progress, or make their own later", async () => {
    const t = await engineWithAlpine();
    const before = t.world.trace.last()!.id;
    await dockerRun(t, 'quick', ['true']);
    await t.advance(3000);
    await dockerRun(t, 'nap', ['sleep', '5']);
    await t.advance(10_000);
    const log = new CommandLog();
    log.load(opsOf(t, before));
    expect(log.commands.map((c) => c.title)).toEqual(['docker run', 'docker run', 'the container’s program exited']);
    expect(log.commands[0]!.ops.map((o) => o.op)).toEqual(['container.create', 'container.start', 'container.exit']);
    expect(log.commands[2]!.steps.map(edge)).toEqual(expect.arrayContaining(['container→shim', 'shim→containerd', 'containerd→dockerd']));
  });

  it('command lines from the host start and title commands', async () => {
    const { ops } = await runTrace();
    const log = new CommandLog();
    log.line('docker run -d --name web alpine sleep 1000');
    log.load(ops.slice(0, 1));
    log.line('docker start web');
    log.load(ops.slice(1));
    expect(log.commands.map((c) => c.title)).toEqual(['docker run -d --name web alpine sleep 1000', 'docker start web']);
  });
});

describe('player', () => {
  it('plays a live docker run hop by hop, in the order the hops happened', async () => {
    const { ops } = await runTrace();
    const p = new Player();
    feed(p, ops);
    const f = p.frame();
    expect(f.mode).toBe('live');
    expect(f.playing).toBe(true);
    expect(f.index).toBe(0);
    expect(f.progress).toBe(0);
    const shown = playOut(p);
    const steps = p.log.commands[0]!.steps.map((s) => `${edge(s)} ${s.hop.label}`);
    expect(shown).toEqual(steps);
    expect(p.frame().playing).toBe(false);
    expect(p.frame().index).toBe(steps.length - 1);
  });

  it('shows at runc the OCI state each runc operation reaches once its token arrives', async () => {
    const { ops, id } = await runTrace();
    const p = new Player();
    feed(p, ops);
    const seen: (string | null)[] = [];
    for (let i = 0; i < 10_000 && p.frame().playing; i++) {
      const f = p.frame();
      if (f.step?.hop.label === 'runc create') {
        // On its way: not reached yet.
        if (f.progress < 1) expect(f.runc?.state ?? null).not.toBe('creating');
        else expect(f.runc).toEqual({ object: id, state: 'creating' });
      }
      const s = f.runc?.state ?? null;
      if (seen[seen.length - 1] !== s) seen.push(s);
      p.tick(16);
    }
    expect(seen).toEqual([null, 'creating', 'created', 'running']);
    // Before runc made it, a container has no OCI state: runc shows none for it.
    const q = new Player();
    feed(q, ops);
    expect(q.frame().runc).toBeNull(); // the client's request names no container yet
    q.tick(HOP_MS + 1);
    expect(q.frame().runc).toEqual({ object: id, state: null });
    expect(p.frame().oci.get(id)).toBe('running');
  });

  it('speed changes how long a hop takes', async () => {
    const { ops } = await runTrace();
    const slow = new Player();
    const fast = new Player();
    fast.setSpeed(2);
    feed(slow, ops);
    feed(fast, ops);
    slow.tick(HOP_MS / 2 + 1);
    fast.tick(HOP_MS / 2 + 1);
    expect(slow.frame().index).toBe(0);
    expect(fast.frame().index).toBe(1);
    fast.setSpeed(0.25);
    fast.tick(HOP_MS);
    expect(fast.frame().index).toBe(1);
  });

  it('steps back and forth through the last command, one hop at a time, and replays it', async () => {
    const { ops } = await runTrace();
    const p = new Player();
    feed(p, ops);
    playOut(p);
    const n = p.log.commands[0]!.steps.length;
    p.prev();
    let f = p.frame();
    expect(f.mode).toBe('manual');
    expect(f.index).toBe(n - 2);
    expect(f.progress).toBe(0);
    p.tick(HOP_MS * 3);
    f = p.frame();
    expect(f.index).toBe(n - 2); // a step plays one hop and stops
    expect(f.progress).toBe(1);
    expect(f.playing).toBe(false);
    p.next();
    p.tick(HOP_MS);
    expect(p.frame().index).toBe(n - 1);
    p.next(); // at the end of the last command: nothing further
    expect(p.frame().index).toBe(n - 1);
    p.replay();
    expect(p.frame().index).toBe(0);
    expect(playOut(p)).toHaveLength(n);
    expect(p.frame().mode).toBe('manual');
    p.jump(2);
    expect(p.frame().index).toBe(2);
  });

  it('pauses and resumes a replay; stepping back from the first hop goes to the previous command', async () => {
    const t = await engineWithAlpine();
    await dockerRun(t);
    const p = new Player();
    p.load(opsOf(t));
    expect(p.log.commands.map((c) => c.title)).toEqual(['docker pull', 'docker run']);
    // A late mount shows the last command done, ready to replay.
    expect(p.frame().command!.title).toBe('docker run');
    expect(p.frame().playing).toBe(false);
    p.replay();
    p.tick(HOP_MS + 1);
    p.toggle();
    const at = p.frame().index;
    p.tick(HOP_MS * 5);
    expect(p.frame().index).toBe(at);
    p.toggle();
    p.tick(HOP_MS * 2);
    expect(p.frame().index).toBeGreaterThan(at);
    p.replay();
    p.prev();
    expect(p.frame().command!.title).toBe('docker pull');
  });

  it('goes back to live when a new command begins while the learner steps', async () => {
    const t = await engineWithAlpine();
    const before = t.world.trace.last()!.id;
    await dockerRun(t, 'one');
    const p = new Player();
    p.load(opsOf(t, before));
    p.prev();
    expect(p.frame().mode).toBe('manual');
    await t.advance(5000);
    const mark = t.world.trace.last()!.id;
    await dockerRun(t, 'two');
    feed(p, opsOf(t, mark));
    const f = p.frame();
    expect(f.mode).toBe('live');
    expect(f.command).toBe(p.log.commands[1]);
    expect(f.index).toBe(0);
  });

  it('catches up when many hops wait, so live never lags far behind', async () => {
    const t = await engineWithAlpine();
    const before = t.world.trace.last()!.id;
    for (let i = 0; i < 5; i++) await dockerRun(t, `c${i}`);
    const ops = opsOf(t, before);
    const p = new Player();
    feed(p, ops);
    const total = p.log.commands.reduce((n, c) => n + c.steps.length, 0);
    expect(total).toBeGreaterThan(30);
    let ms = 0;
    while (p.frame().playing && ms < 1e6) {
      p.tick(16);
      ms += 16;
    }
    expect(ms).toBeLessThan((total * HOP_MS) / 2);
    expect(p.frame().index).toBe(p.log.last()!.steps.length - 1);
  });
});
