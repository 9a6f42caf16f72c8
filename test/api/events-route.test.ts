import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// GET /events as moby v28.2.2's system router serves it (getEvents).
describe('Engine API: events route', () => {
  let t: TestEngine;
  let t0: number;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    await t.advance(10);
    t0 = t.world.now();
    await t.json('POST', '/v1.50/containers/create?name=e1', { Image: 'busybox', Cmd: ['true'] });
    await t.advance(10);
  });
  const get = async (query: string) => {
    const res = await t.call('GET', `/v1.50/events?${query}`);
    if (res.status !== 200) return { status: res.status, body: await res.json() };
    return { status: 200, actions: (await t.drain(res)).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).Action) };
  };

  it('ignores filter keys it does not know (they match everything)', async () => {
    const r = await get(`since=${t0 / 1000}&until=${t.world.now() / 1000}&filters=${encodeURIComponent('{"colour":["red"]}')}`);
    expect(r).toEqual({ status: 200, actions: ['create'] });
  });

  it('refuses a since after the until', async () => {
    const r = await get('since=2000&until=1000');
    expect(r).toEqual({ status: 400, body: { message: '`since` time (2000) cannot be after `until` time (1000)' } });
  });

  it('replays past events for an until alone', async () => {
    const r = await get(`until=${t.world.now() / 1000}`);
    expect(r.status).toBe(200);
    expect(r.actions).toContain('create');
  });
});
