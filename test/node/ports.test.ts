// Published ports on this machine: a container publishing a port answers HTTP on it here (as
// `curl localhost:8080` does after `docker run -p 8080:80 nginx` on a real host), until it stops;
// a port this machine already uses is reported and left alone.

import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortForwarder } from '../../src/node/ports';
import { testEngine } from '../support/engine';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(port: number, path = '/'): Promise<{ status: number; headers: Record<string, unknown>; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

const forwarders: PortForwarder[] = [];
afterEach(async () => {
  await Promise.all(forwarders.splice(0).map((f) => f.close()));
});

describe('published ports on this machine', () => {
  it('a running container publishing a port answers on it; after stop the port is closed', async () => {
    const t = testEngine();
    await t.pull('nginx:latest');
    const port = await freePort();
    const f = new PortForwarder(t.api, { host: '127.0.0.1' });
    forwarders.push(f);
    f.watch(t.world);
    const c = await t.json('POST', '/containers/create?name=web', { Image: 'nginx:latest', HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] } } });
    expect(c.status).toBe(201);
    expect(await get(port)).toEqual({ error: 'ECONNREFUSED' });
    expect((await t.call('POST', '/containers/web/start')).status).toBe(204);
    await t.advance(500);
    const r = await get(port);
    expect(r).toMatchObject({ status: 200, headers: { server: 'nginx/1.29.0', 'content-type': 'text/html' } });
    expect('body' in r && r.body).toContain('<h1>Welcome to nginx!</h1>');
    const missing = await get(port, '/nope');
    expect(missing).toMatchObject({ status: 404 });
    // nginx logged the requests, from the bridge's gateway as on a real host
    const logs = await (await t.call('GET', '/containers/web/logs?stdout=1')).text();
    expect(logs).toMatch(/172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615/);
    expect((await t.call('POST', '/containers/web/stop?t=1')).status).toBe(204);
    expect(await get(port)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('a port in use on this machine is said so and left alone', async () => {
    const t = testEngine();
    await t.pull('nginx:latest');
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    const port = (taken.address() as AddressInfo).port;
    const lines: string[] = [];
    const f = new PortForwarder(t.api, { host: '127.0.0.1', log: (l) => lines.push(l) });
    forwarders.push(f);
    f.watch(t.world);
    await t.json('POST', '/containers/create?name=web', { Image: 'nginx:latest', HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] } } });
    expect((await t.call('POST', '/containers/web/start')).status).toBe(204);
    await t.advance(500);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual([expect.stringContaining(`port ${port} is published in the simulation but cannot be opened here (EADDRINUSE)`)]);
    expect(f.ports()).toEqual([]);
    taken.close();
  });
});
