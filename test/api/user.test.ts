import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// Config.User and an exec's User, applied as moby v28.2.2 does (daemon/oci_linux.go WithUser,
// daemon/exec.go), checked against the real daemon.
describe('Engine API: the user a container runs as', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
  });
  const logs = async (name: string) => {
    const bytes = new Uint8Array(await (await t.call('GET', `/v1.50/containers/${name}/logs?stdout=1`)).arrayBuffer());
    return new TextDecoder().decode(bytes.subarray(8));
  };

  it('runs the main process with the uid and gid of Config.User', async () => {
    await t.json('POST', '/v1.50/containers/create?name=u1', { Image: 'busybox', Cmd: ['sh', '-c', 'echo $(id -u) $(id -g) $HOME'], User: '1234:5678' });
    await t.call('POST', '/v1.50/containers/u1/start');
    await t.advance(100);
    expect(await logs('u1')).toBe('1234 5678 /\n');
  });

  it('fails the start (500, exit code 128) for a user name the image does not know', async () => {
    await t.json('POST', '/v1.50/containers/create?name=u2', { Image: 'busybox', Cmd: ['true'], User: 'nosuchuser' });
    expect(await t.json('POST', '/v1.50/containers/u2/start')).toEqual({
      status: 500,
      body: { message: 'unable to find user nosuchuser: no matching entries in passwd file' },
    });
    expect((await t.json('GET', '/v1.50/containers/u2/json')).body.State).toMatchObject({ Status: 'created', ExitCode: 128 });
  });

  it('refuses an exec for an unknown user when it is created', async () => {
    await t.json('POST', '/v1.50/containers/create?name=u3', { Image: 'busybox', Cmd: ['sleep', '100'] });
    await t.call('POST', '/v1.50/containers/u3/start');
    expect(await t.json('POST', '/v1.50/containers/u3/exec', { Cmd: ['true'], User: 'nosuchuser' })).toEqual({
      status: 400,
      body: { message: 'unable to find user nosuchuser: no matching entries in passwd file' },
    });
  });
});
