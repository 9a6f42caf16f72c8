import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

describe('Engine API: containers', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('hello-world');
    await t.pull('debian:bookworm');
  });

  it('answers the ping with the daemon headers, HEAD and GET', async () => {
    const head = await t.call('HEAD', '/_ping');
    expect(head.status).toBe(200);
    expect(head.headers.get('api-version')).toBe('1.50');
    expect(head.headers.get('ostype')).toBe('linux');
    expect(head.headers.get('server')).toBe('Docker/28.2.2 (linux)');
    expect(head.headers.get('swarm')).toBe('inactive');
    const get = await t.call('GET', '/_ping');
    expect(await get.text()).toBe('OK');
  });

  it('refuses API versions it does not speak, as moby does', async () => {
    const r = await t.json('GET', '/v1.51/version');
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('client version 1.51 is too new. Maximum supported API version is 1.50');
    const old = await t.json('GET', '/v1.12/version');
    expect(old.body.message).toBe('client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version');
    expect((await t.json('GET', '/v1.44/version')).status).toBe(200);
  });

  it('runs hello-world: created, started, its greeting in the logs, exited 0', async () => {
    const c = await t.json('POST', '/v1.50/containers/create?name=greeter', { Image: 'hello-world' });
    expect(c.status).toBe(201);
    expect(c.body.Id).toMatch(/^[0-9a-f]{64}$/);
    expect(c.body.Warnings).toEqual([]);
    const before = await t.json('GET', '/v1.50/containers/greeter/json');
    expect(before.body.State.Status).toBe('created');
    expect((await t.call('POST', '/v1.50/containers/greeter/start')).status).toBe(204);
    const logs = await t.call('GET', '/v1.50/containers/greeter/logs?stdout=1&stderr=1');
    const bytes = new Uint8Array(await logs.arrayBuffer());
    expect(bytes[0]).toBe(1); // stdcopy frame on stdout
    expect(new TextDecoder().decode(bytes)).toContain('Hello from Docker!');
    const after = await t.json('GET', '/v1.50/containers/greeter/json');
    expect(after.body.State).toMatchObject({ Status: 'exited', Running: false, ExitCode: 0 });
    expect(after.body.Name).toBe('/greeter');
    expect(after.body.Config.Hostname).toBe(c.body.Id.slice(0, 12));
    const list = await t.json('GET', '/v1.50/containers/json?all=1');
    expect(list.body.find((x: any) => x.Id === c.body.Id).Status).toMatch(/^Exited \(0\) /);
    const running = await t.json('GET', '/v1.50/containers/json');
    expect(running.body.find((x: any) => x.Id === c.body.Id)).toBeUndefined();
  });

  it('gives docker-style errors and changes nothing on bad input', async () => {
    const before = (await t.json('GET', '/v1.50/containers/json?all=1')).body.length;
    const noImage = await t.json('POST', '/v1.50/containers/create', { Image: 'nope' });
    expect(noImage).toEqual({ status: 404, body: { message: 'No such image: nope:latest' } });
    const badName = await t.json('POST', '/v1.50/containers/create?name=-bad', { Image: 'hello-world' });
    expect(badName).toEqual({ status: 400, body: { message: 'Invalid container name (-bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed' } });
    const dup = await t.json('POST', '/v1.50/containers/create?name=greeter', { Image: 'hello-world' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/^Conflict\. The container name "\/greeter" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.$/);
    const badJson = await t.call('POST', '/v1.50/containers/create', '{"Image": ', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    const wrongType = await t.json('POST', '/v1.50/containers/create', { Image: 'hello-world', Tty: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toContain('cannot unmarshal string into Go struct field');
    const missing = await t.json('POST', '/v1.50/containers/nosuch/start');
    expect(missing).toEqual({ status: 404, body: { message: 'No such container: nosuch' } });
    const badRef = await t.json('POST', '/v1.50/containers/create', { Image: 'UPPER' });
    expect(badRef.status).toBe(400);
    expect((await t.json('GET', '/v1.50/containers/json?all=1')).body.length).toBe(before);
  });

  it('refuses to remove a running container, removes it with force', async () => {
    const c = await t.json('POST', '/v1.50/containers/create?name=sleeper', { Image: 'debian:bookworm', Cmd: ['sleep', '1000'] });
    expect(c.status).toBe(201);
    expect((await t.call('POST', '/v1.50/containers/sleeper/start')).status).toBe(204);
    expect((await t.call('POST', '/v1.50/containers/sleeper/start')).status).toBe(304);
    const rm = await t.json('DELETE', '/v1.50/containers/sleeper');
    expect(rm).toEqual({
      status: 409,
      body: { message: 'cannot remove container "sleeper": container is running: stop the container before removing or force remove' },
    });
    expect((await t.call('DELETE', '/v1.50/containers/sleeper?force=1')).status).toBe(204);
    expect((await t.json('GET', '/v1.50/containers/sleeper/json')).status).toBe(404);
  });

  it('stops a PID 1 that ignores SIGTERM after the grace period, with 137', async () => {
    await t.json('POST', '/v1.50/containers/create?name=stubborn', { Image: 'debian:bookworm', Cmd: ['sleep', '1000'] });
    await t.call('POST', '/v1.50/containers/stubborn/start');
    const start = t.world.now();
    expect((await t.call('POST', '/v1.50/containers/stubborn/stop')).status).toBe(204);
    const took = t.world.now() - start;
    expect(took).toBeGreaterThanOrEqual(10_000);
    expect(took).toBeLessThan(10_500);
    const s = (await t.json('GET', '/v1.50/containers/stubborn/json')).body.State;
    expect(s).toMatchObject({ Status: 'exited', ExitCode: 137 });
    expect((await t.call('POST', '/v1.50/containers/stubborn/stop')).status).toBe(304);
    await t.call('POST', '/v1.50/containers/stubborn/start');
    const t2 = t.world.now();
    await t.call('POST', '/v1.50/containers/stubborn/stop?t=2');
    expect(t.world.now() - t2).toBeGreaterThanOrEqual(2000);
    expect(t.world.now() - t2).toBeLessThan(2500);
  });

  it('kills with SIGKILL by default (137) and rejects a kill of a stopped container', async () => {
    const c = await t.json('POST', '/v1.50/containers/create?name=victim', { Image: 'debian:bookworm', Cmd: ['sleep', '1000'] });
    await t.call('POST', '/v1.50/containers/victim/start');
    expect((await t.call('POST', '/v1.50/containers/victim/kill')).status).toBe(204);
    expect((await t.json('GET', '/v1.50/containers/victim/json')).body.State.ExitCode).toBe(137);
    const again = await t.json('POST', '/v1.50/containers/victim/kill');
    expect(again).toEqual({ status: 409, body: { message: `cannot kill container: victim: container ${c.body.Id} is not running` } });
  });

  it('waits: the response headers come at once and the body when the container exits', async () => {
    await t.json('POST', '/v1.50/containers/create?name=napper', { Image: 'debian:bookworm', Cmd: ['sleep', '5'] });
    const wait = await t.call('POST', '/v1.50/containers/napper/wait?condition=next-exit');
    expect(wait.status).toBe(200);
    await t.call('POST', '/v1.50/containers/napper/start');
    const body = await t.drain(wait);
    expect(JSON.parse(body)).toEqual({ StatusCode: 0 });
  });
});
