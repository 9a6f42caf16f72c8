import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// GET /containers/json filters as moby v28.2.2's daemon/list.go folds them.
describe('Engine API: container list filters', () => {
  let t: TestEngine;
  const q = (filters: unknown, all = false) => `/v1.50/containers/json?${all ? 'all=1&' : ''}filters=${encodeURIComponent(JSON.stringify(filters))}`;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    await t.json('POST', '/v1.50/containers/create?name=done', { Image: 'busybox', Cmd: ['true'] });
    await t.call('POST', '/v1.50/containers/done/start');
  });

  it('lists stopped containers for an exited filter only with all (unlike a status filter)', async () => {
    expect((await t.json('GET', q({ exited: ['0'] }))).body).toEqual([]);
    expect((await t.json('GET', q({ exited: ['0'] }, true))).body.map((c: any) => c.Names[0])).toEqual(['/done']);
    expect((await t.json('GET', q({ status: ['exited'] }))).body.map((c: any) => c.Names[0])).toEqual(['/done']);
  });

  it('names the valid states when a status is unknown', async () => {
    expect(await t.json('GET', q({ status: ['bogus'] }))).toEqual({
      status: 400,
      body: { message: "invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead" },
    });
  });

  it('checks exit codes before states', async () => {
    const r = await t.json('GET', q({ status: ['bogus'], exited: ['x'] }));
    expect(r.body.message).toBe(`invalid filter 'exited=x': strconv.Atoi: parsing "x": invalid syntax`);
  });
});
