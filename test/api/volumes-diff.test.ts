import { beforeEach, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// Volumes as moby v28.2.2 handles them (daemon/start.go Cleanup, container/container.go,
// daemon/create_unix.go, volume/service, api/server/router/volume), checked against the real daemon.
describe('Engine API: volumes', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
  });
  const events = async (since: number) => {
    const res = await t.call('GET', `/v1.50/events?since=${since / 1000}&until=${t.world.now() / 1000 + 1}&filters=${encodeURIComponent('{"type":["volume"]}')}`);
    return (await t.drain(res)).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).Action);
  };

  it('logs mount at start and unmount when the container stops', async () => {
    await t.json('POST', '/v1.50/containers/create?name=v1', { Image: 'busybox', Cmd: ['true'], HostConfig: { Binds: ['data:/data'] } });
    await t.call('POST', '/v1.50/containers/v1/start');
    await t.advance(100);
    expect(await events(0)).toEqual(['create', 'mount', 'unmount']);
  });

  it('leaves Config.Volumes as the image has it (null) and gives anonymous mount points no mode', async () => {
    await t.json('POST', '/v1.50/containers/create?name=v2', { Image: 'busybox', Cmd: ['true'], HostConfig: { Binds: ['data:/data'] } });
    expect((await t.json('GET', '/v1.50/containers/v2/json')).body.Config.Volumes).toBeNull();
    await t.json('POST', '/v1.50/containers/create?name=v3', { Image: 'busybox', Cmd: ['true'], Volumes: { '/anon': {} } });
    const m = (await t.json('GET', '/v1.50/containers/v3/json')).body.Mounts;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ Type: 'volume', Destination: '/anon', Mode: '', RW: true });
  });

  it('shows Options null for a volume created without driver options', async () => {
    await t.json('POST', '/v1.50/containers/create?name=v4', { Image: 'busybox', Cmd: ['true'], HostConfig: { Binds: ['data:/data'] } });
    expect((await t.json('GET', '/v1.50/volumes/data')).body.Options).toBeNull();
    await t.json('POST', '/v1.50/volumes/create', { Name: 'opts', DriverOpts: {} });
    expect((await t.json('GET', '/v1.50/volumes/opts')).body.Options).toEqual({});
  });

  it('prunes every unused volume for clients before API 1.42, only anonymous ones since', async () => {
    await t.json('POST', '/v1.50/volumes/create', { Name: 'named' });
    expect((await t.json('POST', '/v1.42/volumes/prune')).body.VolumesDeleted).toBeNull();
    expect((await t.json('POST', '/v1.41/volumes/prune')).body.VolumesDeleted).toEqual(['named']);
  });

  it('writes the hostname file where the container sees it (also inside a volume mounted on /etc)', async () => {
    await t.json('POST', '/v1.50/containers/create?name=v5', { Image: 'busybox', Cmd: ['sh', '-c', 'ls /etc'], HostConfig: { Binds: ['etc:/etc:nocopy'] } });
    await t.call('POST', '/v1.50/containers/v5/start');
    const bytes = new Uint8Array(await (await t.call('GET', '/v1.50/containers/v5/logs?stdout=1')).arrayBuffer());
    let text = '';
    for (let i = 0; i + 8 <= bytes.length; ) {
      const len = new DataView(bytes.buffer, i + 4, 4).getUint32(0);
      text += new TextDecoder().decode(bytes.subarray(i + 8, i + 8 + len));
      i += 8 + len;
    }
    expect(text.split(/\s+/).filter(Boolean).sort()).toEqual(['hostname', 'hosts', 'resolv.conf']);
  });
});
