import { beforeEach, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// Signals to a paused container and attaching to a stopped one, as moby v28.2.2 handles them
// (daemon/kill.go resumes the task; daemon/monitor.go EventResumed; daemon/attach.go).
describe('Engine API: paused and stopped containers', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
  });
  const actions = async (since: number) => {
    const res = await t.call('GET', `/v1.50/events?since=${since / 1000}&until=${t.world.now() / 1000 + 1}&filters=${encodeURIComponent('{"type":["container"]}')}`);
    return (await t.drain(res)).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).Action);
  };

  it('thaws a paused container to deliver a signal: it is running again, with an unpause event', async () => {
    await t.json('POST', '/v1.50/containers/create?name=p1', { Image: 'busybox', Cmd: ['sleep', '1000'] });
    await t.call('POST', '/v1.50/containers/p1/start');
    await t.call('POST', '/v1.50/containers/p1/pause');
    await t.advance(10);
    const t0 = t.world.now();
    await t.call('POST', '/v1.50/containers/p1/kill?signal=TERM');
    expect((await t.json('GET', '/v1.50/containers/p1/json')).body.State).toMatchObject({ Status: 'running', Paused: false });
    expect(await actions(t0)).toEqual(['kill', 'unpause']);
    await t.call('POST', '/v1.50/containers/p1/pause');
    await t.advance(10);
    const t1 = t.world.now();
    await t.call('POST', '/v1.50/containers/p1/kill');
    expect((await t.json('GET', '/v1.50/containers/p1/json')).body.State).toMatchObject({ Status: 'exited', ExitCode: 137 });
    expect(await actions(t1)).toEqual(['kill', 'die']);
  });

  it('keeps an attach to a stopped container open for its next run', async () => {
    await t.json('POST', '/v1.50/containers/create?name=a1', { Image: 'busybox', Cmd: ['sh', '-c', 'echo run'] });
    await t.call('POST', '/v1.50/containers/a1/start');
    await t.advance(100);
    const h = await t.api.hijack(new Request('http://docker/v1.50/containers/a1/attach?stream=1&stdout=1', { method: 'POST' }));
    if (h === null || h instanceof Response) throw new Error('not hijacked');
    const chunks: Uint8Array[] = [];
    let ended = false;
    h.onOutput((c) => chunks.push(c));
    h.onEnd(() => (ended = true));
    await t.advance(100);
    expect(ended).toBe(false);
    await t.call('POST', '/v1.50/containers/a1/start');
    await t.advance(100);
    expect(ended).toBe(true);
    expect(new TextDecoder().decode(chunks[0]!.subarray(8))).toBe('run\n');
  });
});
