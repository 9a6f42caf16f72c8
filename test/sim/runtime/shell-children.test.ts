// The commands a container's shell runs are processes of the container while they run: ps
// inside, docker top and /proc list them with their own PIDs and the shell as their parent.

import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from '../programs/support';

describe("a container shell's commands as processes", () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['alpine']);
  });

  it('the sleep of a loop: in ps and docker top, gone when it ends', async () => {
    const id = await t.run({ Image: 'alpine', Cmd: ['sh', '-c', 'while true; do sleep 10; done'] });
    await t.advance(500);
    const ps = (await t.exec(id, ['ps'])).stdout.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));
    expect(ps.map((f) => f.slice(3).join(' '))).toEqual(['COMMAND', 'sh -c while true; do sleep 10; done', 'sleep 10', 'ps']);
    const sleepPid = ps[2]![0]!;
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(['sh -c while true; do sleep 10; done', 'sleep 10']);
    expect((await t.exec(id, ['cat', `/proc/${sleepPid}/cmdline`])).stdout).toBe('sleep\x0010\x00');
    expect((await t.exec(id, ['grep', 'PPid', `/proc/${sleepPid}/status`])).stdout).toBe('PPid:\t1\n');
    // the next round of the loop is another process
    await t.advance(10_000);
    const next = (await t.exec(id, ['ps'])).stdout.split('\n').find((l) => l.includes('sleep 10'))!;
    expect(next.trim().split(/\s+/)[0]).not.toBe(sleepPid);
  });

  it('background jobs and the foreground command, each a process', async () => {
    const id = await t.run({ Image: 'alpine', Cmd: ['sh', '-c', 'sleep 100 & sleep 200 & sleep 300'] });
    await t.advance(500);
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(['sh -c sleep 100 & sleep 200 & sleep 300', 'sleep 100', 'sleep 200', 'sleep 300']);
    await t.advance(150_000);
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(['sh -c sleep 100 & sleep 200 & sleep 300', 'sleep 200', 'sleep 300']);
  });
});

describe('signals to a command a shell runs', () => {
  it('kill from another process ends it; the shell goes on and sees 128+n', async () => {
    const t = await programEngine(['alpine']);
    const id = await t.run({ Image: 'alpine', Cmd: ['sh', '-c', 'sleep 1000; echo "status $?"; sleep 1000'] });
    await t.advance(200);
    const sleepPid = (await t.exec(id, ['ps'])).stdout.split('\n').find((l) => /^\s*\d+\s+\S+\s+\S+\s+sleep 1000$/.test(l))!.trim().split(/\s+/)[0]!;
    expect(await t.exec(id, ['kill', '-0', sleepPid])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await t.exec(id, ['kill', sleepPid])).code).toBe(0);
    await t.advance(100);
    expect((await t.logs(id)).stdout).toBe('status 143\n');
    expect((await t.inspect(id)).State.Status).toBe('running');
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(['sh -c sleep 1000; echo "status $?"; sleep 1000', 'sleep 1000']);
    expect((await t.exec(id, ['kill', '-9', sleepPid])).stderr).toMatch(/No such process/);
  });
});
