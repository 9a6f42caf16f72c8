import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// POST /containers/{id}/rename, checked against moby v28.2.2 daemon/rename.go (and the real 20.10
// daemon, which agrees): the order of the checks and the wrapped reservation errors.
describe('Engine API: rename', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    await t.json('POST', '/v1.50/containers/create?name=r1', { Image: 'busybox', Cmd: ['true'] });
    await t.json('POST', '/v1.50/containers/create?name=r2', { Image: 'busybox', Cmd: ['true'] });
  });

  it('wraps an invalid new name as a failed reservation, naming it with its slash', async () => {
    const r = await t.json('POST', '/v1.50/containers/r1/rename?name=-x');
    expect(r).toEqual({ status: 400, body: { message: 'Error when allocating new name: Invalid container name (/-x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed' } });
  });

  it('checks for empty names before looking the container up', async () => {
    const r = await t.json('POST', '/v1.50/containers/nosuch/rename?name=');
    expect(r).toEqual({ status: 400, body: { message: 'Neither old nor new names may be empty' } });
  });

  it('refuses the same name before validating it', async () => {
    const r = await t.json('POST', '/v1.50/containers/r1/rename?name=/r1');
    expect(r).toEqual({ status: 400, body: { message: 'Renaming a container with the same name as its current name' } });
  });

  it('renames to a free name, and wraps the conflict with a taken one', async () => {
    expect((await t.call('POST', '/v1.50/containers/r1/rename?name=r3')).status).toBe(204);
    const r = await t.json('POST', '/v1.50/containers/r3/rename?name=r2');
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/^Error when allocating new name: Conflict\. The container name "\/r2" is already in use by container "[0-9a-f]{64}"\./);
  });
});
