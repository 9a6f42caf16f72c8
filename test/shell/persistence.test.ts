// The page keeps its World as a log: the Engine API journal interleaved with the changes the
// learner's shell made to the host's files. Replaying the log gives the same World: the same
// containers, the same files with the same owners and times, bind mounts that saw the files
// as they were when the containers read them.

import { afterEach, describe, expect, test } from 'vitest';
import { applyFsOp, userFs, type FsOp } from '../../src/shell';
import { createWorld } from '../../src/sim/engine';
import { MemoryFs, walk, type FileSystem } from '../../src/vfs';
import { replayLog } from '../../web/replay';
import type { LogRecord } from '../../web/store';
import { startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});

/**
 * Entries with type, mode, owner, content and, for what the learner made, the time: what a
 * container wrote carries the moment its process ran, which a real-time host does not pin to
 * the millisecond.
 */
function tree(fs: FileSystem, root: string): string[] {
  const out: string[] = [];
  for (const e of walk(fs, root)) {
    const st = fs.lstat(e.path);
    const time = st.uid === 1000 ? ` ${st.mtime}` : '';
    out.push(`${e.path} ${st.type} ${st.mode.toString(8)} ${st.uid}:${st.gid}${time}${st.type === 'file' ? ` ${JSON.stringify(fs.readFile(e.path))}` : ''}`);
  }
  return out;
}

describe('the page’s log', () => {
  test('file changes are recorded as the learner makes them, owned by the learner, and apply again', () => {
    const fs = new MemoryFs({ now: () => 1000 });
    fs.mkdir('/home', { recursive: true });
    const ops: FsOp[] = [];
    const user = userFs(fs, { uid: 1000, gid: 1000, onChange: (op) => ops.push(op) });
    user.mkdir('/home/site');
    user.writeFile('/home/site/a.txt', 'one\n');
    user.writeFile('/home/site/a.txt', 'two\n', { append: true });
    user.rename('/home/site/a.txt', '/home/site/b.txt');
    user.symlink('b.txt', '/home/site/link');
    user.chmod('/home/site/b.txt', 0o600);
    expect(() => user.rmdir('/nope')).toThrow();
    expect(ops.map((o) => o.op)).toEqual(['mkdir', 'writeFile', 'writeFile', 'rename', 'symlink', 'chmod']);
    expect(fs.stat('/home/site/b.txt').uid).toBe(1000);
    const again = new MemoryFs({ now: () => 1000 });
    again.mkdir('/home', { recursive: true });
    for (const op of JSON.parse(JSON.stringify(ops)) as FsOp[]) applyFsOp(again, op, { uid: 1000, gid: 1000 });
    expect(tree(again, '/home')).toEqual(tree(fs, '/home'));
  });

  test('replaying the log rebuilds the same World: containers, logs, files, bind mounts', async () => {
    const log: LogRecord[] = [];
    const h = (host = startHost({ log, seed: 'persist', start: Date.UTC(2026, 10, 27, 9, 0, 0) }));
    await h.run('mkdir site && echo first > site/note.txt', 30_000);
    await h.run('docker run --name reader -v /home/learner/site:/data alpine cat /data/note.txt', 60_000);
    await h.run('echo second > site/note.txt && docker run -d --name writer -v /home/learner/site:/data alpine sh -c "echo from-container >> /data/log; sleep 1000"', 30_000);
    await new Promise((r) => setTimeout(r, 100));
    await h.run('cat > site/Dockerfile <<EOF\nFROM alpine\nEOF', 30_000);
    await h.run('docker stop -t 1 writer && docker network create backend', 30_000);
    // freeze the World (its clock follows real time) before looking at it
    h.stop();
    host = null;
    const end = h.world.now();
    const d = h.world.daemon();
    const before = {
      files: tree(d.hostFs, '/home/learner'),
      containers: await (await h.engine.transport.fetch(new Request('http://docker/containers/json?all=1'))).text(),
      logs: await (await h.engine.transport.fetch(new Request('http://docker/containers/reader/logs?stdout=1'))).text(),
    };
    expect(before.logs).toContain('first');
    expect(log.some((r) => 'f' in r)).toBe(true);
    expect(log.some((r) => 'j' in r)).toBe(true);

    const world = createWorld({ seed: 'persist', start: Date.UTC(2026, 10, 27, 9, 0, 0) });
    const { journal } = await replayLog(world, JSON.parse(JSON.stringify(log)) as LogRecord[], { uid: 1000, gid: 1000 });
    world.clock.advanceTo(end);
    expect(journal.length).toBe(log.filter((r) => 'j' in r).length);
    const { createEngineApi } = await import('../../src/api/app');
    const api = createEngineApi(world);
    const get = async (p: string) => (await api.fetch(new Request(`http://docker${p}`))).text();
    expect(tree(world.daemon().hostFs, '/home/learner')).toEqual(before.files);
    // Times are left out: a real-time host stamps a request in the journal a moment before the
    // API handles it, so a time may move by that moment in the replay.
    const listing = (text: string) =>
      (JSON.parse(text) as { Id: string; Names: string[]; Image: string; Command: string; State: string; Status: string; Mounts: unknown }[]).map((c) => ({
        Id: c.Id,
        Names: c.Names,
        Image: c.Image,
        Command: c.Command,
        State: c.State,
        Exit: /\(\d+\)/.exec(c.Status)?.[0],
        Mounts: c.Mounts,
      }));
    expect(listing(await get('/containers/json?all=1'))).toEqual(listing(before.containers));
    // the first container read the file as it was then
    expect(await get('/containers/reader/logs?stdout=1')).toBe(before.logs);
    expect(world.daemon().hostFs.readFile('/home/learner/site/log')).toBe('from-container\n');
  });
});
