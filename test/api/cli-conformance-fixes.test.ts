// Engine API behaviour found wrong by the conformance suite (test/conformance), checked here
// in-process so each fix has a fast test of its own.

import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

describe('Engine API fixes found by the real-CLI conformance suite', () => {
  it('GET /info warns about each TCP listener without TLS, as moby fillAPIInfo does', async () => {
    const t = testEngine({ api: { listeners: ['tcp://127.0.0.1:2375', 'unix:///var/run/docker.sock'] } });
    const { body } = await t.json('GET', '/v1.50/info');
    expect(body.Warnings).toEqual([
      `[DEPRECATION NOTICE]: API is accessible on http://127.0.0.1:2375 without encryption.
         Access to the remote API is equivalent to root access on the host. Refer
         to the 'Docker daemon attack surface' section in the documentation for
         more information: https://docs.docker.com/go/attack-surface/
In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/`,
    ]);
    const plain = testEngine();
    expect((await plain.json('GET', '/v1.50/info')).body.Warnings).toBeNull();
  });

  it('a pulled image has no LastTagTime until `docker tag` (moby TagImage) sets it', async () => {
    const t = testEngine();
    await t.pull('hello-world:latest');
    const pulled = await t.json('GET', '/v1.50/images/hello-world/json');
    expect(pulled.body.Metadata).toEqual({ LastTagTime: '0001-01-01T00:00:00Z' });
    expect((await t.call('POST', '/v1.50/images/hello-world/tag?repo=mine&tag=v1')).status).toBe(201);
    const tagged = await t.json('GET', '/v1.50/images/mine:v1/json');
    expect(tagged.body.Metadata.LastTagTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(tagged.body.Metadata.LastTagTime).not.toBe('0001-01-01T00:00:00Z');
  });

  it('stats keep the unlimited pids limit exact (2^64-1), so Go can decode it', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    const created = await t.json('POST', '/v1.50/containers/create?name=stats1', { Image: 'alpine', Cmd: ['sleep', 'infinity'] });
    expect(created.status).toBe(201);
    expect((await t.call('POST', '/v1.50/containers/stats1/start')).status).toBe(204);
    const once = await (await t.call('GET', '/v1.50/containers/stats1/stats?stream=0')).text();
    expect(once).toContain('"pids_stats":{"current":1,"limit":18446744073709551615}');
    expect(once).not.toContain('18446744073709552000');
  });

  it('logs -t prints RFC3339Nano with nine fraction digits (moby jsonmessage.RFC3339NanoFixed)', async () => {
    const t = testEngine();
    await t.pull('hello-world:latest');
    expect((await t.json('POST', '/v1.50/containers/create?name=hello1', { Image: 'hello-world' })).status).toBe(201);
    expect((await t.call('POST', '/v1.50/containers/hello1/start')).status).toBe(204);
    await t.advance(100);
    const body = await t.drain(await t.call('GET', '/v1.50/containers/hello1/logs?stdout=1&timestamps=1'));
    const lines = body.split('\n').filter((l) => /\d{4}-\d\d-\d\dT/.test(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
  });

  it('a fresh container has SizeRw 0: /etc/hosts, hostname and resolv.conf are mounts, not layer changes', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    expect((await t.json('POST', '/v1.50/containers/create?name=rw1', { Image: 'alpine', Cmd: ['sleep', 'infinity'] })).status).toBe(201);
    expect((await t.call('POST', '/v1.50/containers/rw1/start')).status).toBe(204);
    const list = await t.json('GET', '/v1.50/containers/json?size=1');
    // container.Summary's SizeRw is omitempty: 0 is left out, SizeRootFs stays
    expect(list.body[0].SizeRw).toBeUndefined();
    expect(list.body[0].SizeRootFs).toBeGreaterThan(0);
    const inspect = await t.json('GET', '/v1.50/containers/rw1/json?size=1');
    expect(inspect.body.SizeRw).toBe(0);
  });

  it('POST /build/prune answers an empty report (docker system prune calls it last)', async () => {
    const t = testEngine();
    expect(await t.json('POST', '/v1.50/build/prune')).toEqual({ status: 200, body: { CachesDeleted: null, SpaceReclaimed: 0 } });
    const bad = await t.json('POST', `/v1.50/build/prune?filters=${encodeURIComponent('{"mutable":{"true":true}}')}`);
    expect(bad).toEqual({ status: 400, body: { message: "invalid filter 'mutable'" } });
  });

  it('events --since a container\'s Created (to the nanosecond, as the CLI sends it) include its create event', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    expect((await t.json('POST', '/v1.50/containers/create?name=ev1', { Image: 'alpine', Cmd: ['true'] })).status).toBe(201);
    const created: string = (await t.json('GET', '/v1.50/containers/ev1/json')).body.Created;
    // the CLI turns RFC 3339 into <seconds>.<nanoseconds>
    const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(created)!;
    const arg = `${Date.parse(`${m[1]}Z`) / 1000}.${(m[2] ?? '').padEnd(9, '0')}`;
    await t.advance(1000);
    const until = `${Math.floor(t.world.now() / 1000)}.000000000`;
    const body = await t.drain(await t.call('GET', `/v1.50/events?since=${arg}&until=${until}`));
    const actions = body.trim().split('\n').map((l) => JSON.parse(l).Action);
    expect(actions).toEqual(['create']);
  });

  it('container prune deletes newest first, as moby walks daemon.List()', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    const ids: string[] = [];
    for (const name of ['p1', 'p2', 'p3']) {
      ids.push((await t.json('POST', `/v1.50/containers/create?name=${name}`, { Image: 'alpine', Cmd: ['true'] })).body.Id);
      await t.advance(1000);
    }
    const r = await t.json('POST', '/v1.50/containers/prune');
    expect(r.body.ContainersDeleted).toEqual([...ids].reverse());
  });

  it("container inspect's overlay2 directories: the mount's own, its -init layer, then the image's layer directories", async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    const id = (await t.json('POST', '/v1.50/containers/create?name=gd1', { Image: 'alpine' })).body.Id as string;
    const ctr = (await t.json('GET', '/v1.50/containers/gd1/json')).body.GraphDriver;
    const img = (await t.json('GET', '/v1.50/images/alpine/json')).body.GraphDriver;
    expect(ctr.Name).toBe('overlay2');
    expect(ctr.Data.ID).toBe(id);
    const [init, ...image] = (ctr.Data.LowerDir as string).split(':');
    const mount = (ctr.Data.UpperDir as string).replace(/\/diff$/, '');
    expect(init).toBe(`${mount}-init/diff`);
    expect(image).toEqual([img.Data.UpperDir]);
    // moby's mount directory is not named after the container
    expect(mount).not.toContain(id);
    expect(ctr.Data.MergedDir).toBe(`${mount}/merged`);
    expect(ctr.Data.WorkDir).toBe(`${mount}/work`);
  });

  it('a port already allocated: the error names the endpoint that failed to bind', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    const hc = { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } };
    for (const name of ['pa', 'pb']) {
      const r = await t.json('POST', `/v1.50/containers/create?name=${name}`, { Image: 'alpine', Cmd: ['sleep', 'infinity'], ExposedPorts: { '80/tcp': {} }, HostConfig: hc });
      expect(r.status).toBe(201);
    }
    expect((await t.call('POST', '/v1.50/containers/pa/start')).status).toBe(204);
    const r = await t.json('POST', '/v1.50/containers/pb/start');
    expect(r.body.message).toMatch(
      /^failed to set up container networking: driver failed programming external connectivity on endpoint pb \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
  });
});
