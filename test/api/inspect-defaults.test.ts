import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// HostConfig defaults at create, as moby v28.2.2 fills them (and the real daemon agrees).
describe('Engine API: HostConfig defaults', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
  });

  it('keeps PortBindings null when the request has none, and as sent otherwise', async () => {
    await t.json('POST', '/v1.50/containers/create?name=bare', { Image: 'busybox', Cmd: ['true'] });
    expect((await t.json('GET', '/v1.50/containers/bare/json')).body.HostConfig.PortBindings).toBeNull();
    await t.json('POST', '/v1.50/containers/create?name=cli', { Image: 'busybox', Cmd: ['true'], HostConfig: { PortBindings: {} } });
    expect((await t.json('GET', '/v1.50/containers/cli/json')).body.HostConfig.PortBindings).toEqual({});
  });
});
