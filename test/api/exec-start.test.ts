import { beforeEach, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// docker exec through the Engine API, checked against moby v28.2.2 (api/server/router/container/
// exec.go, daemon/exec.go, daemon/errors.go setExitCodeFromError, daemon/monitor.go).
describe('Engine API: exec', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    await t.json('POST', '/v1.50/containers/create?name=box', { Image: 'busybox', Cmd: ['sleep', '1000'] });
    await t.call('POST', '/v1.50/containers/box/start');
  });

  const create = async (body: Record<string, unknown>) => (await t.json('POST', '/v1.50/containers/box/exec', { AttachStdout: true, AttachStderr: true, ...body })).body.Id as string;
  /** Starts attached; the stdout frames' text. */
  const start = async (id: string) => {
    const h = await t.api.hijack(new Request(`http://docker/v1.50/exec/${id}/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    if (h === null || h instanceof Response) throw new Error('not hijacked');
    const chunks: Uint8Array[] = [];
    h.onOutput((c) => chunks.push(c));
    await new Promise<void>((r) => h.onEnd(r));
    let text = '';
    for (const c of chunks) text += new TextDecoder().decode(c.subarray(8));
    return text;
  };
  const inspect = async (id: string) => (await t.json('GET', `/v1.50/exec/${id}/json`)).body;

  it('writes a start refused after the hijack down the stream, on stdout', async () => {
    const id = await create({ Cmd: ['true'] });
    await start(id);
    expect(await start(id)).toBe(`exec command ${id} has already run\r\n`);
  });

  it('fails on a missing working directory with 127, and on a directory as command with 126', async () => {
    const cwd = await create({ Cmd: ['pwd'], WorkingDir: '/nope' });
    expect(await start(cwd)).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\r\n',
    );
    expect((await inspect(cwd)).ExitCode).toBe(127);
    const dir = await create({ Cmd: ['/etc'] });
    expect(await start(dir)).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "/etc": is a directory: unknown: permission denied\r\n');
    expect((await inspect(dir)).ExitCode).toBe(126);
  });

  it('lists only live execs in ExecIDs, and forgets them all when the container stops', async () => {
    const done = await create({ Cmd: ['true'] });
    const pending = await create({ Cmd: ['true'] });
    await start(done);
    expect((await t.json('GET', '/v1.50/containers/box/json')).body.ExecIDs).toEqual([pending]);
    expect((await inspect(done)).ExitCode).toBe(0);
    await t.call('POST', '/v1.50/containers/box/kill');
    expect((await t.json('GET', '/v1.50/containers/box/json')).body.ExecIDs).toBeNull();
    expect((await t.json('GET', `/v1.50/exec/${done}/json`)).status).toBe(404);
  });

  it('names a paused container as the client did; checks the command first; DetachKeys as Go bytes', async () => {
    const id = await create({ Cmd: ['true'], DetachKeys: 'ctrl-p,ctrl-q' });
    await start(id);
    expect((await inspect(id)).DetachKeys).toBe('EBE=');
    const plain = await create({ Cmd: ['true'] });
    await start(plain);
    expect((await inspect(plain)).DetachKeys).toBe('');
    await t.call('POST', '/v1.50/containers/box/pause');
    expect(await t.json('POST', '/v1.50/containers/box/exec', { Cmd: ['true'] })).toEqual({
      status: 409,
      body: { message: 'Container box is paused, unpause the container before exec' },
    });
    expect((await t.json('POST', '/v1.50/containers/nosuch/exec', { Cmd: [] })).body.message).toBe('No exec command specified');
  });

  it('logs exec events with moby\'s action text (a space after the command, even without arguments)', async () => {
    await t.advance(10);
    const t0 = t.world.now();
    await start(await create({ Cmd: ['true'] }));
    const res = await t.call('GET', `/v1.50/events?since=${t0 / 1000}&until=${t.world.now() / 1000 + 1}`);
    const actions = (await t.drain(res)).trim().split('\n').map((l) => JSON.parse(l).Action);
    expect(actions).toEqual(['exec_create: true ', 'exec_start: true ', 'exec_die']);
  });
});
