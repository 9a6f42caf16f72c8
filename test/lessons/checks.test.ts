// The checks as predicates: each one against worlds that satisfy it and worlds that come close,
// history counted from the marker only, and the validation of specs as teachers write them.

import { beforeEach, describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/api/app';
import { applySetup, CheckContext, CHECKS, compileCheck, markWorld, parseSetup, type Marker } from '../../src/lessons';
import { testEngine, type TestEngine } from '../support/engine';

const tick = () => new Promise<void>((r) => setImmediate(r));

let t: TestEngine;
let marker: Marker;

/** Applies setup steps (as a lesson would write them) through the Engine API. */
async function world(steps: unknown[]): Promise<void> {
  await applySetup(parseSetup(steps), { world: t.world, fetch: (r) => t.api.fetch(r), yieldNow: tick });
}

function holds(spec: unknown): boolean {
  return compileCheck(spec).test(new CheckContext(t.world, marker));
}

async function exec(container: string, cmd: string[]): Promise<void> {
  const { body } = await t.json('POST', `/containers/${container}/exec`, { AttachStdout: true, AttachStderr: true, Cmd: cmd });
  const res = await t.api.hijack(new Request(`http://docker/exec/${body.Id}/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"Detach":true}' }));
  expect(res).toBeInstanceOf(Response);
  await t.advance(500);
}

beforeEach(async () => {
  t = testEngine();
  marker = markWorld(t.world);
});

describe('container', () => {
  beforeEach(async () => {
    await world([{ run: { name: 'web', image: 'alpine', command: ['sleep', '1000'], ports: ['8080:80'], restart: 'unless-stopped' } }, { create: { name: 'box', image: 'alpine:3.22', command: 'echo hi' } }]);
  });

  it('matches by name, image, state and command', () => {
    expect(holds({ container: { name: 'web', state: 'running' } })).toBe(true);
    expect(holds({ container: { name: 'web', state: 'exited' } })).toBe(false);
    expect(holds({ container: { name: 'box', state: 'created' } })).toBe(true);
    expect(holds({ container: { image: 'alpine', command: 'sleep' } })).toBe(true);
    expect(holds({ container: { image: 'alpine', command: 'date' } })).toBe(false);
    expect(holds({ container: { name: 'nobody' } })).toBe(false);
  });

  it('matches the image by reference or by image ID, whatever tag created it', () => {
    const id = t.engine().images.find('alpine')!.id;
    expect(holds({ container: { name: 'box', image: 'alpine' } })).toBe(true);
    expect(holds({ container: { name: 'box', image: id } })).toBe(true);
    expect(holds({ container: { name: 'web', image: 'alpine:latest' } })).toBe(true);
    expect(holds({ container: { name: 'web', image: 'busybox' } })).toBe(false);
  });

  it('checks published ports: host port, container port, address', () => {
    expect(holds({ container: { name: 'web', publishes: '8080:80' } })).toBe(true);
    expect(holds({ container: { name: 'web', publishes: '8081:80' } })).toBe(false);
    expect(holds({ container: { name: 'web', publishes: '8080:8080' } })).toBe(false);
    expect(holds({ container: { name: 'web', publishes: '8080:80/udp' } })).toBe(false);
    expect(holds({ container: { name: 'web', publishes: '0.0.0.0:8080:80' } })).toBe(true);
    expect(holds({ container: { name: 'web', publishes: '127.0.0.1:8080:80' } })).toBe(false);
  });

  it('reads the configured bindings of a container that is not running', async () => {
    await t.call('POST', '/containers/web/stop?t=0');
    expect(holds({ container: { name: 'web', state: 'exited', publishes: '8080:80' } })).toBe(true);
    expect(holds({ container: { name: 'web', publishes: '9090:80' } })).toBe(false);
  });

  it('checks the exit code of stopped containers only', async () => {
    expect(holds({ container: { name: 'web', exitCode: 0 } })).toBe(false);
    expect(holds({ container: { name: 'box', exitCode: 0 } })).toBe(false);
    await t.call('POST', '/containers/box/start');
    await t.advance(200);
    expect(holds({ container: { name: 'box', exitCode: 0 } })).toBe(true);
    expect(holds({ container: { name: 'box', exitCode: 1 } })).toBe(false);
  });

  it('checks the restart policy and the restart count', async () => {
    expect(holds({ container: { name: 'web', restart: 'unless-stopped' } })).toBe(true);
    expect(holds({ container: { name: 'web', restart: 'always' } })).toBe(false);
    await world([{ run: { name: 'flaky', image: 'alpine', command: ['sh', '-c', 'exit 2'], restart: 'on-failure:2' } }, { wait: '3s' }]);
    expect(holds({ container: { name: 'flaky', restart: 'on-failure:2', minRestarts: 2 } })).toBe(true);
    expect(holds({ container: { name: 'flaky', restart: 'on-failure:3' } })).toBe(false);
    expect(holds({ container: { name: 'flaky', minRestarts: 3 } })).toBe(false);
  });

  it('noContainer holds once no container matches', async () => {
    expect(holds({ noContainer: { name: 'box' } })).toBe(false);
    expect(holds({ noContainer: { image: 'busybox' } })).toBe(true);
    expect(holds({ noContainer: { name: 'web', state: 'exited' } })).toBe(true);
    await t.call('DELETE', '/containers/box');
    expect(holds({ noContainer: { name: 'box' } })).toBe(true);
  });
});

describe('containerExited', () => {
  beforeEach(async () => {
    await world([
      { run: { name: 'sleeper', image: 'alpine', command: ['sleep', '1000'] } },
      { run: { name: 'trapper', image: 'alpine', command: ['sh', '-c', 'trap "exit 143" TERM; while true; do sleep 1; done'] } },
      { run: { name: 'victim', image: 'alpine', command: ['sleep', '1000'] } },
    ]);
  });

  it('tells docker stop (TERM ignored by PID 1, then KILL: 137) from docker kill and from an exit', async () => {
    await t.call('POST', '/containers/sleeper/stop');
    await t.call('POST', '/containers/victim/kill');
    await world([{ run: { name: 'quitter', image: 'alpine', command: ['sh', '-c', 'exit 3'] } }, { wait: '1s' }]);
    expect(holds({ containerExited: { name: 'sleeper', by: 'stop', exitCode: 137 } })).toBe(true);
    expect(holds({ containerExited: { name: 'sleeper', by: 'stop', signal: 'TERM' } })).toBe(true);
    expect(holds({ containerExited: { name: 'sleeper', by: 'kill' } })).toBe(false);
    expect(holds({ containerExited: { name: 'victim', by: 'kill', exitCode: 137, signal: 'SIGKILL' } })).toBe(true);
    expect(holds({ containerExited: { name: 'victim', by: 'stop' } })).toBe(false);
    expect(holds({ containerExited: { name: 'victim', signal: 15 } })).toBe(false);
    expect(holds({ containerExited: { name: 'quitter', by: 'exit', exitCode: 3 } })).toBe(true);
    expect(holds({ containerExited: { name: 'quitter', by: 'stop' } })).toBe(false);
    expect(holds({ containerExited: { image: 'alpine', exitCode: 3 } })).toBe(true);
    expect(holds({ containerExited: { image: 'busybox', exitCode: 3 } })).toBe(false);
  });

  it('sees a handled SIGTERM (143) as a stop, and remembers exits of removed containers', async () => {
    await t.call('POST', '/containers/trapper/stop');
    expect(holds({ containerExited: { name: 'trapper', by: 'stop', exitCode: 143 } })).toBe(true);
    expect(holds({ containerExited: { name: 'trapper', exitCode: 137 } })).toBe(false);
    await t.call('DELETE', '/containers/trapper');
    expect(holds({ containerExited: { name: 'trapper', by: 'stop', exitCode: 143 } })).toBe(true);
  });

  it('counts only what happened after the marker', async () => {
    await t.call('POST', '/containers/sleeper/kill');
    marker = markWorld(t.world);
    expect(holds({ containerExited: { name: 'sleeper' } })).toBe(false);
    await t.call('POST', '/containers/sleeper/start');
    await t.call('POST', '/containers/sleeper/kill');
    expect(holds({ containerExited: { name: 'sleeper', by: 'kill' } })).toBe(true);
  });
});

describe('images', () => {
  it('imagePresent, imageAbsent and sameImage follow the store', async () => {
    await world([{ pull: ['alpine'] }, { tag: { source: 'alpine', target: 'mine:v1' } }, { pull: ['busybox'] }]);
    expect(holds({ imagePresent: { ref: 'alpine:latest' } })).toBe(true);
    expect(holds({ imagePresent: { ref: 'mine:v1' } })).toBe(true);
    expect(holds({ imagePresent: { ref: 'mine:v2' } })).toBe(false);
    expect(holds({ imageAbsent: { ref: 'nginx' } })).toBe(true);
    expect(holds({ sameImage: { refs: ['alpine', 'mine:v1'] } })).toBe(true);
    expect(holds({ sameImage: { refs: ['alpine', 'busybox'] } })).toBe(false);
    expect(holds({ sameImage: { refs: ['alpine', 'nothing'] } })).toBe(false);
    await t.call('DELETE', '/images/mine:v1');
    expect(holds({ imageAbsent: { ref: 'mine:v1' } })).toBe(true);
  });

  it('imagesShareLayers compares the layer chains', async () => {
    await world([{ pull: ['debian:bookworm-slim', 'nginx', 'alpine'] }]);
    expect(holds({ imagesShareLayers: { refs: ['debian:bookworm-slim', 'nginx'] } })).toBe(true);
    expect(holds({ imagesShareLayers: { refs: ['alpine', 'nginx'] } })).toBe(false);
    expect(holds({ imagesShareLayers: { refs: ['nginx', 'redis'] } })).toBe(false);
  });

  it('imagePulled tells how many layers were already in the store', async () => {
    await world([{ pull: ['debian:bookworm-slim'] }]);
    expect(holds({ imagePulled: { ref: 'debian:bookworm-slim', layersAlreadyPresent: 'none' } })).toBe(true);
    expect(holds({ imagePulled: { ref: 'debian:bookworm-slim', layersAlreadyPresent: 'some' } })).toBe(false);
    expect(holds({ imagePulled: { ref: 'nginx' } })).toBe(false);
    await world([{ pull: ['nginx'] }]);
    expect(holds({ imagePulled: { ref: 'nginx', layersAlreadyPresent: 'some' } })).toBe(true);
    expect(holds({ imagePulled: { ref: 'nginx:latest', layersAlreadyPresent: 'none' } })).toBe(false);
    expect(holds({ imagePulled: { ref: 'nginx', layersAlreadyPresent: 'all' } })).toBe(false);
    await world([{ pull: ['nginx'] }]);
    expect(holds({ imagePulled: { ref: 'nginx', layersAlreadyPresent: 'all' } })).toBe(true);
    expect(holds({ imagePulled: {} })).toBe(true);
  });

  it('imagePulled ignores pulls before the marker', async () => {
    await world([{ pull: ['alpine'] }]);
    marker = markWorld(t.world);
    expect(holds({ imagePulled: { ref: 'alpine' } })).toBe(false);
  });
});

describe('imagePushed', () => {
  /** docker push NAME:TAG, as the CLI asks the daemon; the daemon's progress to its end. */
  const push = async (name: string, tag: string): Promise<string> =>
    t.drain(await t.call('POST', `/images/${encodeURIComponent(name)}/push?tag=${tag}`, undefined, { 'X-Registry-Auth': btoa('{}') }));

  it('the registry took the manifest, on the registry the name says; a refused push does not count', async () => {
    await world([{ run: { name: 'registry', image: 'registry:3', ports: ['5000:5000'] } }, { pull: ['busybox'] }, { tag: { source: 'busybox', target: 'localhost:5000/busybox:1' } }]);
    await t.advance(1000);
    marker = markWorld(t.world);
    expect(holds({ imagePushed: {} })).toBe(false);
    // Docker Hub refuses pushes to library/busybox
    expect(await push('busybox', 'latest')).toContain('denied: requested access to the resource is denied');
    expect(holds({ imagePushed: {} })).toBe(false);
    expect(holds({ imagePushed: { ref: 'busybox' } })).toBe(false);
    expect(await push('localhost:5000/busybox', '1')).toMatch(/"status":"1: digest: sha256:[0-9a-f]{64} size: \d+"/);
    expect(holds({ imagePushed: { ref: 'localhost:5000/busybox:1' } })).toBe(true);
    expect(holds({ imagePushed: {} })).toBe(true);
    expect(holds({ imagePushed: { ref: 'localhost:5000/busybox:2' } })).toBe(false);
    // the same repository and tag on another registry
    expect(holds({ imagePushed: { ref: 'localhost:5001/busybox:1' } })).toBe(false);
    expect(holds({ imagePushed: { ref: 'busybox:1' } })).toBe(false);
  });

  it('a push with the registry stopped fails, and does not count', async () => {
    await world([{ run: { name: 'registry', image: 'registry:3', ports: ['5000:5000'] } }, { pull: ['busybox'] }, { tag: { source: 'busybox', target: 'localhost:5000/busybox:1' } }, { stop: 'registry' }]);
    marker = markWorld(t.world);
    expect(await push('localhost:5000/busybox', '1')).toContain('connection refused');
    expect(holds({ imagePushed: { ref: 'localhost:5000/busybox:1' } })).toBe(false);
  });
});

describe('apiCall', () => {
  it('reads the requests on the trace, with their transport', async () => {
    const tcp = createEngineApi(t.world, { transport: 'tcp' });
    await world([{ create: { name: 'one', image: 'alpine', command: 'true' } }]);
    expect(holds({ apiCall: { method: 'POST', path: '/containers/create', transport: 'unix' } })).toBe(true);
    expect(holds({ apiCall: { path: '/containers/create', transport: 'tcp' } })).toBe(false);
    expect(holds({ apiCall: { path: '/containers/*/start' } })).toBe(false);
    expect(holds({ apiCall: { method: 'DELETE', path: '/containers/create' } })).toBe(false);
    await applySetup(parseSetup([{ start: 'one' }]), { world: t.world, fetch: (r) => tcp.fetch(r), yieldNow: tick });
    expect(holds({ apiCall: { method: 'POST', path: '/containers/*/start', transport: 'tcp' } })).toBe(true);
    expect(holds({ apiCall: { method: 'POST', path: '/containers/*/start', transport: 'unix' } })).toBe(false);
    expect(holds({ apiCall: { path: '/containers/*' } })).toBe(true); // /containers/create
    expect(holds({ apiCall: { path: '/images/*' } })).toBe(true); // the pull: /images/create
    expect(holds({ apiCall: { path: '/volumes/*' } })).toBe(false);
  });
});

describe('hop and ociStates', () => {
  it('follow one container through containerd, the shim and runc', async () => {
    await world([{ create: { name: 'box', image: 'alpine', command: 'sleep 1000' } }, { create: { name: 'other', image: 'alpine', command: 'sleep 1000' } }]);
    expect(holds({ hop: { to: 'containerd', container: 'box' } })).toBe(false);
    expect(holds({ hop: { from: 'client', to: 'dockerd' } })).toBe(true);
    await world([{ start: 'other' }]);
    expect(holds({ hop: { to: 'containerd', container: 'box' } })).toBe(false);
    expect(holds({ hop: { to: 'containerd', container: 'other' } })).toBe(true);
    expect(holds({ ociStates: { container: 'box', states: ['created'] } })).toBe(false);
    await world([{ start: 'box' }, { pause: 'box' }]);
    expect(holds({ ociStates: { container: 'box', states: ['creating', 'created', 'running', 'paused'] } })).toBe(true);
    expect(holds({ ociStates: { container: 'box', states: ['paused', 'created'] } })).toBe(false);
    expect(holds({ hop: { from: 'shim', to: 'runc', label: 'runc pause', container: 'box' } })).toBe(true);
    expect(holds({ hop: { from: 'shim', to: 'runc', label: 'runc pause', container: 'other' } })).toBe(false);
    expect(holds({ hop: { oci: 'stopped', container: 'box' } })).toBe(false);
    await world([{ kill: 'box' }]);
    expect(holds({ hop: { from: 'shim', to: 'containerd', oci: 'stopped', container: 'box' } })).toBe(true);
  });
});

describe('exec, logs, files and events', () => {
  beforeEach(async () => {
    await world([
      {
        run: {
          name: 'srv',
          image: 'alpine',
          command: ['sh', '-c', 'echo ready; echo oops >&2; echo \'172.17.0.1 - - [27/Nov/2026:09:00:00 +0000] "GET /index.html HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\'; sleep 1000'],
        },
      },
      { wait: '1s' },
    ]);
  });

  it('exec sees commands run in a container, and their exit codes', async () => {
    expect(holds({ exec: { container: 'srv' } })).toBe(false);
    await exec('srv', ['sh', '-c', 'exit 4']);
    expect(holds({ exec: { container: 'srv' } })).toBe(true);
    expect(holds({ exec: { container: 'srv', command: 'exit 4', exitCode: 4 } })).toBe(true);
    expect(holds({ exec: { container: 'srv', exitCode: 0 } })).toBe(false);
    expect(holds({ exec: { container: 'other' } })).toBe(false);
    expect(holds({ exec: { command: 'ps' } })).toBe(false);
  });

  it('logged reads the log by text, pattern and stream', () => {
    expect(holds({ logged: { container: 'srv', text: 'ready' } })).toBe(true);
    expect(holds({ logged: { container: 'srv', text: 'oops', stream: 'stderr' } })).toBe(true);
    expect(holds({ logged: { container: 'srv', text: 'oops', stream: 'stdout' } })).toBe(false);
    expect(holds({ logged: { container: 'srv', pattern: '^rea' } })).toBe(true);
    expect(holds({ logged: { container: 'srv', text: 'nothing' } })).toBe(false);
    expect(holds({ logged: { container: 'none', text: 'ready' } })).toBe(false);
  });

  it('httpServed reads access log lines', () => {
    expect(holds({ httpServed: { container: 'srv' } })).toBe(true);
    expect(holds({ httpServed: { container: 'srv', method: 'get', path: '/index.html', status: 200 } })).toBe(true);
    expect(holds({ httpServed: { container: 'srv', path: '/' } })).toBe(false);
    expect(holds({ httpServed: { container: 'srv', status: 404 } })).toBe(false);
  });

  it('file reads the container\'s filesystem', async () => {
    expect(holds({ file: { container: 'srv', path: '/etc/alpine-release' } })).toBe(true);
    expect(holds({ file: { container: 'srv', path: '/tmp/note' } })).toBe(false);
    await exec('srv', ['sh', '-c', 'echo hello there > /tmp/note']);
    expect(holds({ file: { container: 'srv', path: '/tmp/note', contains: 'hello there' } })).toBe(true);
    expect(holds({ file: { container: 'srv', path: '/tmp/note', contains: 'goodbye' } })).toBe(false);
  });

  it('event reads the daemon\'s events since the marker', async () => {
    expect(holds({ event: { type: 'container', action: 'start', name: 'srv' } })).toBe(true);
    marker = markWorld(t.world);
    expect(holds({ event: { type: 'container', action: 'start', name: 'srv' } })).toBe(false);
    await t.call('POST', '/containers/srv/pause');
    expect(holds({ event: { type: 'container', action: 'pause', name: 'srv' } })).toBe(true);
    expect(holds({ event: { type: 'container', action: 'pause', name: 'other' } })).toBe(false);
    expect(holds({ event: { type: 'image', action: 'pause' } })).toBe(false);
  });
});

describe('composition', () => {
  it('all, any and not combine checks', async () => {
    await world([{ pull: ['alpine'] }]);
    const yes = { imagePresent: { ref: 'alpine' } };
    const no = { imagePresent: { ref: 'nginx' } };
    expect(holds({ all: [yes, { not: no }] })).toBe(true);
    expect(holds({ all: [yes, no] })).toBe(false);
    expect(holds({ any: [no, yes] })).toBe(true);
    expect(holds({ any: [no, { not: yes }] })).toBe(false);
    expect(compileCheck({ all: [yes, { not: no }] }).describe()).toBe('the image alpine in the local image store; and not: the image nginx in the local image store');
  });

  it('describes checks in words', () => {
    expect(compileCheck({ container: { image: 'nginx', state: 'running', publishes: '8080:80' } }).describe()).toBe('a running container from nginx publishing host port 8080 to port 80');
    expect(compileCheck({ containerExited: { name: 'ticker', by: 'stop', exitCode: 137 } }).describe()).toBe('a container named ticker exited with code 137 after docker stop');
    expect(compileCheck({ imagePulled: { ref: 'nginx', layersAlreadyPresent: 'some' } }).describe()).toBe(
      'the image nginx pulled from a registry, with some of its layers already present ("Already exists")',
    );
    expect(compileCheck({ apiCall: { method: 'POST', path: '/containers/create', transport: 'unix' } }).describe()).toBe(
      'the request POST /containers/create sent to dockerd over the unix socket',
    );
    for (const def of Object.values(CHECKS)) {
      expect(def.doc.length, def.name).toBeGreaterThan(10);
      for (const [k, p] of Object.entries(def.params)) expect(p.doc.length, `${def.name}.${k}`).toBeGreaterThan(3);
    }
  });

  it('refuses specs a teacher got wrong, saying what is wrong', () => {
    const bad: [unknown, RegExp][] = [
      [{ contaner: { name: 'web' } }, /unknown check "contaner"/],
      [{ container: { nmae: 'web' } }, /unknown parameter "nmae"/],
      [{ container: { exitCode: 'zero' } }, /container.exitCode: expected number/],
      [{ container: { state: 'up' } }, /expected one of created, running/],
      [{ container: { publishes: '8080' } }, /publishes: expected "hostPort:containerPort"/],
      [{ imagePresent: {} }, /missing parameter "ref"/],
      [{ imagePresent: { ref: 'a' }, container: {} }, /exactly one predicate/],
      [{}, /exactly one predicate/],
      [[{ imagePresent: { ref: 'a' } }], /expected a mapping/],
      [{ all: [] }, /non-empty list/],
      [{ all: [{ imagePresent: { ref: 'a' } }, { bogus: {} }] }, /check\.all\[1\]: unknown check "bogus"/],
      [{ not: { container: { name: 1.5, state: 'gone' } } }, /check\.not\.container\.state/],
      [{ logged: { container: 'web', pattern: '(' } }, /logged\.pattern/],
      [{ ociStates: { container: 'box', states: ['running', 'frozen'] } }, /unknown OCI state "frozen"/],
      [{ sameImage: { refs: 'nginx' } }, /refs: expected string\[\]/],
    ];
    for (const [spec, msg] of bad) expect(() => compileCheck(spec), JSON.stringify(spec)).toThrow(msg);
  });
});
