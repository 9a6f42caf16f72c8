// Reaching dockerd from the host: the addresses docker -H and DOCKER_HOST name (parsed as docker
// CLI 28.2.2 does), where the daemon listens (its socket; TCP when configured), curl and wget on
// the Engine API as on a real machine (Docker's status lines, headers in Go's order, bodies), and
// the trace telling how each request travelled.

import { afterEach, describe, expect, test } from 'vitest';
import { apiCallOf } from '../../src/lessons';
import { dockerHostOptions, goResponseHead, listenerFor, parseDockerHost } from '../../src/shell';
import { KEYS, startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});
const start = (...args: Parameters<typeof startHost>): Host => (host = startHost(...args));

const SOCKET = 'unix:///var/run/docker.sock';
const TCP = 'tcp://127.0.0.1:2375';
const DATE = /Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/;

/** The Engine API requests on the trace: method, path and how they came. */
const calls = (h: Host) => h.world.trace.all().map(apiCallOf).filter((c) => c !== null);

describe('daemon addresses as docker reads them', () => {
  test('opts.ParseHost: defaults, bare host:port is TCP, unknown schemes refused', () => {
    expect(parseDockerHost('')).toEqual({ host: SOCKET });
    expect(parseDockerHost('unix://')).toEqual({ host: SOCKET });
    expect(parseDockerHost('unix:///run/docker.sock')).toEqual({ host: 'unix:///run/docker.sock' });
    expect(parseDockerHost('tcp://127.0.0.1:2375')).toEqual({ host: TCP });
    expect(parseDockerHost('tcp://')).toEqual({ host: 'tcp://localhost:2375' });
    expect(parseDockerHost('tcp://127.0.0.1')).toEqual({ host: TCP });
    expect(parseDockerHost('localhost:2376')).toEqual({ host: 'tcp://localhost:2376' });
    expect(parseDockerHost(':2375')).toEqual({ host: 'tcp://localhost:2375' });
    expect(parseDockerHost(' tcp://[::1]:2375 ')).toEqual({ host: 'tcp://[::1]:2375' });
    expect(parseDockerHost('ssh://me@box')).toEqual({ host: 'ssh://me@box' });
    expect(parseDockerHost('foo://x')).toEqual({ error: 'invalid bind address format: foo://x' });
    expect(parseDockerHost('tcp://h:port')).toEqual({ error: 'invalid bind address format: tcp://h:port' });
    expect(parseDockerHost('tcp://unix://x')).toEqual({ error: 'invalid proto, expected tcp: unix://x' });
  });

  test('-H and --host among the global options only, however spelled', () => {
    expect(dockerHostOptions(['-H', TCP, 'ps'])).toEqual([TCP]);
    expect(dockerHostOptions(['--host=tcp://x:1', 'ps'])).toEqual(['tcp://x:1']);
    expect(dockerHostOptions(['-Htcp://x:1', 'ps'])).toEqual(['tcp://x:1']);
    expect(dockerHostOptions(['--log-level', 'debug', '--host', SOCKET, 'ps'])).toEqual([SOCKET]);
    expect(dockerHostOptions(['-H', 'a', '-H', 'b', 'ps'])).toEqual(['a', 'b']);
    expect(dockerHostOptions(['run', '-H', 'x', 'alpine'])).toEqual([]);
  });

  test('an address reaches a listener: localhost is 127.0.0.1, /var/run is /run, 0.0.0.0 is every local address', () => {
    const listen = [SOCKET, TCP];
    expect(listenerFor(listen, 'tcp://localhost:2375')).toBe(TCP);
    expect(listenerFor(listen, 'tcp://127.0.0.1:2376')).toBeNull();
    expect(listenerFor(listen, 'unix:///run/docker.sock')).toBe(SOCKET);
    expect(listenerFor(listen, 'unix:///tmp/docker.sock')).toBeNull();
    const local = { isLocal: (ip: string) => ip.startsWith('127.') || ip === '192.168.65.3' };
    expect(listenerFor(['tcp://0.0.0.0:2375'], 'tcp://192.168.65.3:2375', local)).toBe('tcp://0.0.0.0:2375');
    expect(listenerFor(['tcp://0.0.0.0:2375'], 'tcp://10.1.2.3:2375', local)).toBeNull();
    // bound to 127.0.0.1: the host's other loopback address (its name) does not reach it
    expect(listenerFor(listen, 'tcp://127.0.1.1:2375')).toBeNull();
  });

  test("the Engine API's answer on the wire as Go's server writes it", () => {
    const now = Date.UTC(2026, 10, 27, 9, 0, 1);
    const ping = new Headers({ 'Api-Version': '1.50', Server: 'Docker/28.2.2 (linux)', 'Content-Type': 'text/plain; charset=utf-8', Pragma: 'no-cache', Ostype: 'linux' });
    expect(goResponseHead({ status: 200, headers: ping }, { complete: true, size: 2 }, { method: 'GET', now })).toEqual({
      reason: 'OK',
      headers: [
        ['Api-Version', '1.50'],
        ['Ostype', 'linux'],
        ['Pragma', 'no-cache'],
        ['Server', 'Docker/28.2.2 (linux)'],
        ['Date', 'Fri, 27 Nov 2026 09:00:01 GMT'],
        ['Content-Length', '2'],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
    });
    const json = new Headers({ 'Content-Type': 'application/json', 'Api-Version': '1.50' });
    // more than Go buffers, or still streaming: chunked
    expect(goResponseHead({ status: 200, headers: json }, { complete: true, size: 4000 }, { method: 'GET', now }).headers.slice(-1)).toEqual([['Transfer-Encoding', 'chunked']]);
    expect(goResponseHead({ status: 200, headers: json }, { complete: false, size: 10 }, { method: 'POST', now }).headers.slice(-1)).toEqual([['Transfer-Encoding', 'chunked']]);
    // no body at all for 204 and 304
    const none = goResponseHead({ status: 204, headers: new Headers({ 'Api-Version': '1.50' }) }, { complete: true, size: 0 }, { method: 'POST', now });
    expect(none).toEqual({ reason: 'No Content', headers: [['Api-Version', '1.50'], ['Date', 'Fri, 27 Nov 2026 09:00:01 GMT']] });
    expect(goResponseHead({ status: 409, headers: json }, { complete: true, size: 60 }, { method: 'DELETE', now }).reason).toBe('Conflict');
  });
});

describe('the playground: the daemon on its socket only', () => {
  test('docker -H picks the socket; TCP is refused as by a daemon without -H tcp://', async () => {
    const h = start();
    expect(await h.run(`docker -H ${SOCKET} ps`)).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES');
    expect(await h.run(`docker -H unix:///run/docker.sock ps -q; echo $?`)).toBe('0');
    expect(await h.run(`docker -H ${TCP} ps; echo $?`)).toBe('Cannot connect to the Docker daemon at tcp://127.0.0.1:2375. Is the docker daemon running?\n1');
    expect(await h.run('DOCKER_HOST=localhost:2375 docker images; echo $?')).toBe('Cannot connect to the Docker daemon at tcp://localhost:2375. Is the docker daemon running?\n1');
    expect(await h.run('docker -H unix:///tmp/nothing.sock ps; echo $?')).toBe('Cannot connect to the Docker daemon at unix:///tmp/nothing.sock. Is the docker daemon running?\n1');
    expect(await h.run('curl localhost:2375/_ping; echo $?')).toMatch(/^curl: \(7\) Failed to connect to localhost port 2375 after \d+ ms: Couldn't connect to server\n7$/);
    // the body has no newline: the prompt would follow it on the same line
    expect(await h.run('curl --unix-socket /var/run/docker.sock http://localhost/_ping; echo')).toBe('OK');
  });

  test('addresses docker cannot use: its own messages', async () => {
    const h = start();
    expect(await h.run('docker -H foo://bar ps; echo $?')).toBe('Failed to initialize: unable to resolve docker endpoint: invalid bind address format: foo://bar\n1');
    expect(await h.run(`docker -H ${SOCKET} -H ${TCP} ps; echo $?`)).toBe('Failed to initialize: unable to resolve docker endpoint: Specify only one -H\n1');
  });
});

describe('a daemon listening on its socket and on tcp://127.0.0.1:2375', () => {
  const listen = [SOCKET, TCP];

  test('docker -H, DOCKER_HOST and export DOCKER_HOST pick the address; the trace says how requests came', async () => {
    const h = start({ listen });
    await h.run('docker pull -q hello-world >/dev/null', 60_000);
    expect(await h.run(`docker -H ${TCP} create --name over-tcp hello-world`)).toMatch(/^[0-9a-f]{64}$/);
    expect(calls(h)).toContainEqual({ method: 'POST', path: '/containers/create', transport: 'tcp' });
    expect(await h.run('DOCKER_HOST=tcp://localhost:2375 docker rm over-tcp')).toBe('over-tcp');
    expect(calls(h)).toContainEqual({ method: 'DELETE', path: '/containers/over-tcp', transport: 'tcp' });
    await h.run(`export DOCKER_HOST=${TCP}`);
    await h.run('docker create --name exported hello-world');
    expect(calls(h)).toContainEqual({ method: 'POST', path: '/containers/create', transport: 'tcp' });
    // -H wins over the variable
    await h.run(`docker -H ${SOCKET} create --name by-socket hello-world`);
    expect(calls(h).filter((c) => c.method === 'POST' && c.path === '/containers/create').map((c) => c.transport)).toEqual(['tcp', 'tcp', 'unix']);
    expect(await h.run('DOCKER_HOST=tcp://127.0.0.1:2376 docker ps; echo $?')).toBe('Cannot connect to the Docker daemon at tcp://127.0.0.1:2376. Is the docker daemon running?\n1');
    await h.run('unset DOCKER_HOST');
    expect(await h.run('docker ps -a --format "{{.Names}}"')).toBe('by-socket\nexported');
  });

  test('docker run over TCP streams the container’s output back (attach over the same address)', async () => {
    const h = start({ listen });
    const out = await h.run(`docker -H ${TCP} run --rm hello-world`, 60_000);
    expect(out).toContain('Hello from Docker!');
    expect(calls(h)).toContainEqual({ method: 'POST', path: '/containers/create', transport: 'tcp' });
    expect(calls(h).some((c) => c.transport === 'unix')).toBe(false);
  });

  test('curl over the socket: Docker’s status line, headers and body, -X POST with a JSON body, -s', async () => {
    const h = start({ listen });
    const ping = await h.run('curl -i --unix-socket /var/run/docker.sock http://localhost/_ping; echo');
    const lines = ping.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'HTTP/1.1 200 OK',
      'Api-Version: 1.50',
      'Builder-Version: 2',
      'Cache-Control: no-cache, no-store, must-revalidate',
      'Docker-Experimental: false',
      'Ostype: linux',
      'Pragma: no-cache',
      'Server: Docker/28.2.2 (linux)',
      'Swarm: inactive',
    ]);
    expect(lines[9]).toMatch(DATE);
    expect(lines.slice(10)).toEqual(['Content-Length: 2', 'Content-Type: text/plain; charset=utf-8', '', 'OK']);
    expect(await h.run('curl -s --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json')).toBe('[]');
    const missing = await h.run(`curl -si --unix-socket /var/run/docker.sock -X POST -H 'Content-Type: application/json' -d '{"Image":"hello-world"}' "http://localhost/v1.50/containers/create?name=from-curl"`);
    expect(missing.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(missing).toContain('Content-Type: application/json\n');
    expect(missing).toContain('Content-Length: 48\n');
    expect(missing.endsWith('\n\n{"message":"No such image: hello-world:latest"}')).toBe(true);
    // a pull streams: chunked, its progress as it comes
    const pull = await h.run('curl -si --unix-socket /var/run/docker.sock -X POST "http://localhost/v1.50/images/create?fromImage=hello-world&tag=latest"', 60_000);
    expect(pull).toMatch(/\nTransfer-Encoding: chunked\n\n\{"status":"Pulling from library\/hello-world","id":"latest"\}\n/);
    expect(pull).toContain('{"status":"Status: Downloaded newer image for hello-world:latest"}');
    const created = await h.run(`curl -s --unix-socket /var/run/docker.sock -X POST -H "Content-Type: application/json" -d '{"Image":"hello-world"}' "http://localhost/v1.50/containers/create?name=from-curl"`);
    expect(created).toMatch(/^\{"Id":"[0-9a-f]{64}","Warnings":\[\]\}$/);
    const started = await h.run('curl -i --unix-socket /var/run/docker.sock -X POST http://localhost/v1.50/containers/from-curl/start');
    expect(started.split('\n')[0]).toBe('HTTP/1.1 204 No Content');
    expect(started).not.toContain('Content-Length');
    expect(calls(h)).toContainEqual({ method: 'POST', path: '/containers/from-curl/start', transport: 'unix' });
    expect(h.world.daemon().findContainer('from-curl')?.status).toBe('exited');
  });

  test('curl and wget to the TCP address; a socket or port nothing listens on', async () => {
    const h = start({ listen });
    expect(await h.run('curl http://127.0.0.1:2375/_ping; echo')).toBe('OK');
    expect(await h.run('curl -s localhost:2375/v1.50/version | grep -o \'"ApiVersion":"1.50"\' | head -1')).toBe('"ApiVersion":"1.50"');
    expect(calls(h)).toContainEqual({ method: 'GET', path: '/version', transport: 'tcp' });
    expect(await h.run('wget -qO- http://localhost:2375/_ping; echo')).toBe('OK');
    expect(await h.run('curl --unix-socket /tmp/docker.sock http://localhost/_ping; echo $?')).toMatch(/^curl: \(7\) Failed to connect to localhost port 80 after \d+ ms: Couldn't connect to server\n7$/);
    expect(await h.run('curl -s http://127.0.0.1:2376/_ping; echo $?')).toBe('7');
  });

  test('curl on /events streams until Ctrl-C', async () => {
    const h = start({ listen });
    await h.run('docker pull -q hello-world >/dev/null', 60_000);
    await h.run('echo ready');
    h.type('curl -s --unix-socket /var/run/docker.sock http://localhost/v1.50/events\r');
    await new Promise((r) => setTimeout(r, 100));
    await h.engine.json('POST', '/containers/create', { query: { name: 'watched' }, body: { Image: 'hello-world' } });
    await h.waitFor('"Action":"create"');
    h.type(KEYS.ctrl('c'));
    expect(await h.run('echo $?')).toBe('130');
  });
});
