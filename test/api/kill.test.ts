import { beforeEach, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// kill and stop checked against moby v28.2.2 (daemon/kill.go, daemon/stop.go and the container
// router) and the real daemon's event order.
describe('Engine API: kill and stop', () => {
  let t: TestEngine;
  let id: string;
  beforeEach(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    id = (await t.json('POST', '/v1.50/containers/create?name=k1', { Image: 'busybox', Cmd: ['sleep', '1000'] })).body.Id;
    await t.call('POST', '/v1.50/containers/k1/start');
  });

  const events = async (since: number) => {
    const res = await t.call('GET', `/v1.50/events?since=${since / 1000}&until=${t.world.now() / 1000 + 1}&filters=${encodeURIComponent('{"type":["container"]}')}`);
    return (await t.drain(res))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((e) => [e.Action, e.Actor.Attributes.signal ?? e.Actor.Attributes.exitCode ?? '']);
  };

  it('wraps every kill error with the container reference, as the router does', async () => {
    expect(await t.json('POST', '/v1.50/containers/k1/kill?signal=SIGNOPE')).toEqual({
      status: 400,
      body: { message: 'cannot kill container: k1: invalid signal: SIGNOPE' },
    });
    expect(await t.json('POST', '/v1.50/containers/nosuch/kill')).toEqual({
      status: 404,
      body: { message: 'cannot kill container: nosuch: No such container: nosuch' },
    });
  });

  it('takes any non-zero number as a signal and refuses those Linux does not have', async () => {
    expect(await t.json('POST', '/v1.50/containers/k1/kill?signal=99')).toEqual({
      status: 400,
      body: { message: 'cannot kill container: k1: the linux daemon does not support signal 99' },
    });
    expect((await t.json('POST', '/v1.50/containers/k1/kill?signal=0')).body.message).toBe('cannot kill container: k1: invalid signal: 0');
    expect((await t.json('GET', '/v1.50/containers/k1/json')).body.State.Running).toBe(true);
  });

  it('logs kill before the die it causes', async () => {
    await t.advance(10);
    const t0 = t.world.now();
    await t.call('POST', '/v1.50/containers/k1/kill');
    expect(await events(t0)).toEqual([
      ['kill', '9'],
      ['die', '137'],
    ]);
  });

  it('ignores the stop signal parameter before API 1.42 and honours it since', async () => {
    await t.advance(10);
    let t0 = t.world.now();
    await t.call('POST', '/v1.41/containers/k1/stop?signal=SIGKILL&t=2');
    expect(t.world.now() - t0).toBeGreaterThanOrEqual(2000);
    expect(await events(t0)).toEqual([
      ['kill', '15'],
      ['kill', '9'],
      ['die', '137'],
      ['stop', ''],
    ]);
    await t.call('POST', '/v1.50/containers/k1/start');
    await t.advance(10);
    t0 = t.world.now();
    await t.call('POST', '/v1.42/containers/k1/stop?signal=SIGKILL&t=2');
    expect(t.world.now() - t0).toBeLessThan(500);
    expect((await events(t0)).map((e) => e[0])).toEqual(['kill', 'die', 'stop']);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });
});
