import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

describe('Engine API: system and images', () => {
  let t: TestEngine;
  let pullOutput: string;
  beforeAll(async () => {
    t = testEngine();
    pullOutput = await t.pull('debian:bookworm');
  });

  it('streams a pull as the daemon does: statuses per layer, digest, status line', () => {
    const lines = pullOutput.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ status: 'Pulling from library/debian', id: 'bookworm' });
    const statuses = new Set(lines.map((l) => l.status));
    for (const s of ['Pulling fs layer', 'Downloading', 'Verifying Checksum', 'Download complete', 'Extracting', 'Pull complete']) expect(statuses).toContain(s);
    const dl = lines.find((l) => l.status === 'Downloading');
    expect(dl.progressDetail.current).toBeLessThan(dl.progressDetail.total);
    expect(dl.progress).toMatch(/^\[=*>\s*\]\s+[\d.]+[kMG]?B\/[\d.]+[kMG]?B$/);
    expect(lines.at(-2).status).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines.at(-1)).toEqual({ status: 'Status: Downloaded newer image for debian:bookworm' });
  });

  it('says "Already exists" for shared layers and "Image is up to date" on a second pull', async () => {
    const again = (await t.pull('debian:bookworm')).trim().split('\n').map((l) => JSON.parse(l));
    expect(again.at(-1)).toEqual({ status: 'Status: Image is up to date for debian:bookworm' });
    const slim = (await t.pull('debian:bookworm-slim')).trim().split('\n').map((l) => JSON.parse(l));
    // bookworm-slim shares nothing with bookworm (different rootfs); python:slim shares with slim
    expect(slim.at(-1).status).toBe('Status: Downloaded newer image for debian:bookworm-slim');
  });

  it('refuses unknown repositories and tags with moby\'s messages, before any output', async () => {
    const r = await t.json('POST', '/v1.50/images/create?fromImage=nosuchrepo&tag=latest');
    expect(r.status).toBe(404);
    expect(r.body.message).toBe("pull access denied for nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    const tag = await t.json('POST', '/v1.50/images/create?fromImage=debian&tag=nosuchtag');
    expect(tag).toEqual({ status: 404, body: { message: 'manifest for debian:nosuchtag not found: manifest unknown: manifest unknown' } });
  });

  it('lists, inspects and shows the history of images; IDs are config digests', async () => {
    const list = await t.json('GET', '/v1.50/images/json');
    const deb = list.body.find((i: any) => i.RepoTags.includes('debian:bookworm'));
    expect(deb.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(deb.RepoDigests[0]).toMatch(/^debian@sha256:[0-9a-f]{64}$/);
    expect(deb.Size).toBeGreaterThan(100_000_000);
    const ins = await t.json('GET', '/v1.50/images/debian:bookworm/json');
    expect(ins.body.Id).toBe(deb.Id);
    expect(ins.body.RootFS.Type).toBe('layers');
    expect(ins.body.Os).toBe('linux');
    expect(ins.body.Architecture).toBe('amd64');
    const hist = await t.json('GET', '/v1.50/images/debian:bookworm/history');
    expect(hist.body[0].Id).toBe(deb.Id);
    expect(hist.body.reduce((n: number, h: any) => n + h.Size, 0)).toBe(ins.body.Size);
    await t.pull('hello-world');
    const hw = await t.json('GET', '/v1.50/images/hello-world/history');
    expect(hw.body.map((h: any) => h.CreatedBy)).toEqual(['CMD ["/hello"]', 'COPY hello / # buildkit']);
    expect(hw.body.map((h: any) => h.Id === '<missing>')).toEqual([false, true]);
    expect(hw.body[0].Size).toBe(0);
    expect((await t.json('GET', '/v1.50/images/nope/json')).body).toEqual({ message: 'No such image: nope:latest' });
  });

  it('tags and untags; removing an image used by a container is a conflict', async () => {
    expect((await t.call('POST', '/v1.50/images/debian:bookworm/tag?repo=mine&tag=v1')).status).toBe(201);
    expect((await t.json('GET', '/v1.50/images/mine:v1/json')).status).toBe(200);
    const un = await t.json('DELETE', '/v1.50/images/mine:v1');
    expect(un.body).toEqual([{ Untagged: 'mine:v1' }]);
    const c = await t.json('POST', '/v1.50/containers/create', { Image: 'debian:bookworm-slim', Cmd: ['true'] });
    const rm = await t.json('DELETE', '/v1.50/images/debian:bookworm-slim');
    expect(rm.status).toBe(409);
    expect(rm.body.message).toBe(
      `conflict: unable to remove repository reference "debian:bookworm-slim" (must force) - container ${c.body.Id.slice(0, 12)} is using its referenced image ${(await t.json('GET', '/v1.50/images/debian:bookworm-slim/json')).body.Id.slice(7, 19)}`,
    );
    await t.call('DELETE', `/v1.50/containers/${c.body.Id}`);
    const ok = await t.json('DELETE', '/v1.50/images/debian:bookworm-slim');
    expect(ok.body[0]).toEqual({ Untagged: 'debian:bookworm-slim' });
    expect(ok.body.some((r: any) => r.Deleted)).toBe(true);
  });

  it('reports info, version and disk usage', async () => {
    const info = await t.json('GET', '/v1.50/info');
    expect(info.body).toMatchObject({ Driver: 'overlay2', OSType: 'linux', ServerVersion: '28.2.2', CgroupVersion: '2' });
    const v = await t.json('GET', '/v1.50/version');
    expect(v.body).toMatchObject({ Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', Os: 'linux' });
    const df = await t.json('GET', '/v1.50/system/df');
    expect(df.body.LayersSize).toBeGreaterThan(0);
    expect(df.body.Images.length).toBeGreaterThan(0);
  });

  it('streams events with since/until and filters, in moby\'s shape', async () => {
    const since = Math.floor(t.world.now() / 1000);
    const c = await t.json('POST', '/v1.50/containers/create?name=evt', { Image: 'debian:bookworm', Cmd: ['true'] });
    await t.call('POST', '/v1.50/containers/evt/start');
    await t.advance(100);
    await t.call('DELETE', '/v1.50/containers/evt');
    const until = Math.ceil(t.world.now() / 1000) + 1;
    const res = await t.call('GET', `/v1.50/events?since=${since}&until=${until}&filters=${encodeURIComponent(JSON.stringify({ container: ['evt'] }))}`);
    const events = (await t.drain(res)).trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.Type} ${e.Action}`)).toEqual(['container create', 'container start', 'container die', 'container destroy']);
    expect(events[0]).toMatchObject({ status: 'create', id: c.body.Id, from: 'debian:bookworm', scope: 'local' });
    expect(events[2].Actor.Attributes).toMatchObject({ exitCode: '0', image: 'debian:bookworm', name: 'evt' });
    expect(String(events[0].timeNano)).toMatch(/^\d{19}$/);
  });
});

describe('the trace of reads', () => {
  it('records a GET as a hop from the client to dockerd, over the transport the client used', async () => {
    const t = testEngine({ api: { transport: 'unix' } });
    const before = t.world.trace.all().length;
    await t.call('GET', '/v1.50/containers/json?all=1');
    await t.call('HEAD', '/_ping');
    const ops = t.world.trace.all().slice(before);
    expect(ops.map((o) => o.op)).toEqual(['GET /containers/json']);
    expect(ops[0]!.hops[0]).toMatchObject({ from: 'client', to: 'dockerd', label: 'GET /containers/json (REST over unix socket)' });
  });
});
