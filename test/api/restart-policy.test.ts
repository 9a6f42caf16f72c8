import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// Restart policy validation at create, as moby v28.2.2's container.ValidateRestartPolicy words it.
describe('Engine API: restart policy validation', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
  });
  const create = (RestartPolicy: unknown) => t.json('POST', '/v1.50/containers/create', { Image: 'busybox', Cmd: ['true'], HostConfig: { RestartPolicy } });

  it('says a negative count is doubly wrong with a policy that takes none', async () => {
    expect(await create({ Name: 'always', MaximumRetryCount: -1 })).toEqual({
      status: 400,
      body: { message: "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative" },
    });
    expect((await create({ Name: 'no', MaximumRetryCount: 2 })).body.message).toBe(
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  });

  it('accepts an empty policy name with any count (what engines before 25.0 stored)', async () => {
    expect((await create({ Name: '', MaximumRetryCount: 3 })).status).toBe(201);
  });

  it('names the policies it knows when the name is unknown', async () => {
    expect((await create({ Name: 'sometimes' })).body.message).toBe(
      "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    );
  });

  it('resets RestartCount on a manual start or restart (container.ResetRestartManager)', async () => {
    const r = await t.json('POST', '/v1.50/containers/create?name=rc', {
      Image: 'busybox',
      Cmd: ['sh', '-c', 'sleep 1; exit 1'],
      HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } },
    });
    expect(r.status).toBe(201);
    await t.call('POST', '/v1.50/containers/rc/start');
    await t.advance(5000);
    const count = async () => (await t.json('GET', '/v1.50/containers/rc/json')).body.RestartCount;
    expect(await count()).toBe(2);
    await t.call('POST', '/v1.50/containers/rc/start');
    expect(await count()).toBe(0);
    await t.advance(5000);
    expect(await count()).toBe(2);
    await t.call('POST', '/v1.50/containers/rc/restart');
    expect(await count()).toBe(0);
  });
});
