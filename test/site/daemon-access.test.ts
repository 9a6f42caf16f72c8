// The lesson page's host reaching its daemon on each address the lesson names: docker -H and
// DOCKER_HOST pick the connection (refused where dockerd does not listen), curl talks to the
// Engine API over the socket or the TCP address, and the trace records how requests travelled.

import { describe, expect, test } from 'vitest';
import { createEngineApi } from '../../src/api/app';
import { EngineClient } from '../../src/engine-client';
import { apiCallOf } from '../../src/lessons';
import { HostSession, userFs, type HostTerminal } from '../../src/shell';
import { createWorld } from '../../src/sim/engine';
import { daemonListeners, marked, type DaemonAccess } from '../../web/site/lesson/daemon-access';
import { inProcessTransport } from '../../web/transport';

const LISTEN = ['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375'];

class Screen implements HostTerminal {
  text = '';
  readonly history = { length: 0, entries: () => [], clear: () => {} };
  readLine = () => Promise.resolve(null);
  readInput = () => Promise.resolve(null);
  takeInput = () => '';
  setRawMode() {}
  write(t: string) {
    this.text += t;
  }
  configure() {}
}

function host(listen = LISTEN) {
  const world = createWorld({ seed: 'site-access' });
  const api = createEngineApi(world, { listeners: listen });
  const base = inProcessTransport(api);
  const access: DaemonAccess = { listen, transport: (via) => marked(base, via) };
  const screen = new Screen();
  const d = world.daemon();
  const session: HostSession = new HostSession({
    terminal: screen,
    fs: userFs(d.hostFs, { uid: 1000, gid: 1000 }),
    engine: new EngineClient(access.transport('unix')),
    size: () => ({ columns: 120, rows: 30 }),
    now: () => world.now(),
    sleep: async () => {},
    daemon: daemonListeners(access),
  });
  /** Runs a command line; the virtual clock moves while it waits (a pull takes no real time). */
  const run = async (line: string) => {
    const from = screen.text.length;
    let done = false;
    const p = session.run(line).finally(() => (done = true));
    for (let i = 0; !done && i < 10_000; i++) {
      await new Promise((r) => setImmediate(r));
      if (!done) world.advance(50);
    }
    const status = await p;
    return { status, out: screen.text.slice(from) };
  };
  const calls = () => world.trace.all().map(apiCallOf).filter((c) => c !== null);
  return { world, run, calls, access };
}

describe('the host on the page', () => {
  test('curl over the unix socket lists, pulls, creates and starts containers', async () => {
    const h = host();
    const list = await h.run('curl --unix-socket /var/run/docker.sock "http://localhost/v1.50/containers/json?all=1"');
    expect(list).toEqual({ status: 0, out: '[]\n' });
    const body = `-H "Content-Type: application/json" -d '{"Image":"hello-world"}' "http://localhost/v1.50/containers/create?name=from-curl"`;
    // the image is not there: the daemon says so, as JSON
    const missing = await h.run(`curl --unix-socket /var/run/docker.sock -X POST ${body}`);
    expect(missing).toEqual({ status: 0, out: '{"message":"No such image: hello-world:latest"}\n' });
    expect((await h.run('curl -s --unix-socket /var/run/docker.sock -X POST "http://localhost/v1.50/images/create?fromImage=hello-world&tag=latest" >/dev/null')).status).toBe(0);
    const created = await h.run(`curl --unix-socket /var/run/docker.sock -X POST ${body}`);
    expect(created.out).toMatch(/^\{"Id":"[0-9a-f]{64}","Warnings":\[\]\}\n$/);
    expect((await h.run('curl --unix-socket /var/run/docker.sock -X POST http://localhost/v1.50/containers/from-curl/start')).out).toBe('');
    expect(h.world.daemon().containerList().map((c) => [c.bareName, c.status])).toEqual([['from-curl', 'exited']]);
    expect(h.calls()).toContainEqual(expect.objectContaining({ method: 'POST', path: '/containers/create', transport: 'unix' }));
    expect(h.calls()).toContainEqual(expect.objectContaining({ method: 'POST', path: '/containers/from-curl/start', transport: 'unix' }));
  });

  test('curl -i shows the status line and headers; -f fails on errors', async () => {
    const h = host();
    const ping = await h.run('curl -i --unix-socket /var/run/docker.sock http://localhost/_ping');
    expect(ping.out).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(ping.out).toMatch(/Api-Version: 1\.50\r\n/);
    expect(ping.out.endsWith('\r\n\r\nOK')).toBe(true);
    const missing = await h.run('curl -sf --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/nope/json');
    expect(missing).toEqual({ status: 22, out: '' });
  });

  test('curl to a socket nobody listens on cannot connect', async () => {
    const h = host();
    const r = await h.run('curl --unix-socket /run/nothing.sock http://localhost/_ping');
    expect(r.status).toBe(7);
  });

  test('docker -H tcp://… reaches the daemon over TCP, and the trace says so', async () => {
    const h = host();
    const r = await h.run('docker -H tcp://127.0.0.1:2375 create --name over-tcp busybox');
    expect(r.out).toContain("Unable to find image 'busybox:latest' locally");
    expect(h.calls()).toContainEqual(expect.objectContaining({ method: 'POST', path: '/images/create', transport: 'tcp' }));
    expect(h.calls()).toContainEqual(expect.objectContaining({ method: 'POST', path: '/containers/create', transport: 'tcp' }));
    const plain = await h.run('docker ps -a');
    expect(plain.status).toBe(0);
    // without -H: the socket
    expect(h.calls().filter((c) => c.transport === 'unix')).toEqual([expect.objectContaining({ method: 'GET', path: '/containers/json' })]);
  });

  test('DOCKER_HOST does what -H does; an address dockerd does not listen on is refused', async () => {
    const h = host();
    const r = await h.run('DOCKER_HOST=tcp://localhost:2375 docker ps');
    expect(r).toEqual({ status: 0, out: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n' });
    const refused = await h.run('docker -H tcp://127.0.0.1:2376 ps');
    expect(refused.status).toBe(1);
    expect(refused.out).toBe('Cannot connect to the Docker daemon at tcp://127.0.0.1:2376. Is the docker daemon running?\n');
    // a lesson whose daemon listens on the socket only
    const socketOnly = host(['unix:///var/run/docker.sock']);
    expect((await socketOnly.run('docker -H tcp://127.0.0.1:2375 ps')).status).toBe(1);
  });
});
