// Property test: random sequences of Engine API requests, good and bad, against a fresh world;
// after each request the world's invariants must hold, every answer must match the 1.50 spec,
// no request may crash the server (5xx), and a rejected request must change nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/sim/daemon/lifecycle';
import { testEngine, type TestEngine } from '../support/engine';

const NAMES = ['a', 'b', 'web', 'a.b', '-bad', 'x y', ''];
const IMAGES = ['debian:bookworm', 'hello-world', 'nope', 'UPPER', 'debian:nosuchtag'];
const CMDS = [['sleep', '1'], ['sleep', '1000'], ['true'], ['false'], ['nosuchcmd'], []];

type Action =
  | { k: 'create'; name: string; image: string; cmd: string[]; restart: string; rm: boolean }
  | { k: 'op'; op: 'start' | 'stop' | 'restart' | 'kill' | 'pause' | 'unpause' | 'rm' | 'rmf' | 'rename'; target: string; arg: string }
  | { k: 'advance'; ms: number }
  | { k: 'junk'; method: string; path: string; body: string; contentType: string };

const target = fc.constantFrom('a', 'b', 'web', 'nosuch', 'FIRST', '');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    k: fc.constant('create' as const),
    name: fc.constantFrom(...NAMES),
    image: fc.constantFrom(...IMAGES),
    cmd: fc.constantFrom(...CMDS),
    restart: fc.constantFrom('', 'no', 'always', 'on-failure', 'unless-stopped', 'bogus'),
    rm: fc.boolean(),
  }),
  fc.record({
    k: fc.constant('op' as const),
    op: fc.constantFrom('start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'rmf', 'rename'),
    target,
    arg: fc.constantFrom('b', 'web', 'c', '-x', ''),
  }),
  fc.record({ k: fc.constant('advance' as const), ms: fc.constantFrom(50, 900, 1100, 11_000) }),
  fc.record({
    k: fc.constant('junk' as const),
    method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
    path: fc.constantFrom('/containers/create', '/containers/a/start', '/containers/a/update', '/containers/json?filters=%7Bbad', '/containers/json?filters=%7B%22nope%22%3A%5B%22x%22%5D%7D', '/images/create?fromImage=', '/nope', '/v9.99/info', '/containers/a/kill?signal=SIGNOPE', '/containers/a/wait?condition=never', '/images/%2F%2F/json', '/containers/a/logs'),
    body: fc.oneof(fc.constantFrom('', '{', '[]', 'null', '{"Image":5}', '{"Image":"debian:bookworm","HostConfig":{"Memory":"lots"}}', '{"Image":"debian:bookworm","Cmd":7}'), fc.string({ maxLength: 40 })),
    contentType: fc.constantFrom('application/json', 'text/plain', ''),
  }),
);

/** Answers moby itself gives with status 500 (untyped errors): faithful, not crashes. */
const MOBY_500 = [/^Container [0-9a-f]{64} is not paused$/];

function assertNotCrash(res: Response, text: string, what: string): void {
  if (res.status < 500) return;
  const msg = (() => {
    try {
      return JSON.parse(text).message as string;
    } catch {
      return text;
    }
  })();
  expect(MOBY_500.some((re) => re.test(msg)), `${what}: ${res.status} ${msg}`).toBe(true);
}

async function snapshot(t: TestEngine): Promise<string> {
  const r = await t.json('GET', '/v1.50/containers/json?all=1');
  expect(r.status).toBe(200);
  return JSON.stringify(r.body.map((c: any) => [c.Id, c.Names, c.State]).sort());
}

function checkInvariants(t: TestEngine): void {
  const d = t.world.daemon();
  const seenNames = new Set<string>();
  for (const c of d.containers.values()) {
    expect(STATUSES).toContain(c.status);
    expect(seenNames.has(c.name)).toBe(false);
    seenNames.add(c.name);
    expect(d.names.get(c.name)).toBe(c.id);
    expect(d.images.get(c.imageId), `image of ${c.name}`).toBeDefined();
    const st = c.stateJson();
    expect(st.Running).toBe(c.status === 'running' || c.status === 'paused' || c.status === 'restarting');
    if (c.status === 'running' || c.status === 'paused') expect(st.Pid).toBeGreaterThan(0);
    else expect(st.Pid).toBe(0);
    if (c.status === 'exited' || c.status === 'created') expect(c.main).toBeNull();
  }
  expect(d.names.size).toBe(d.containers.size);
  // ports are held only by running containers
  const e = t.engine();
  for (const b of e.net.ports.all()) {
    const c = d.containers.get(b.containerId);
    expect(c && (c.status === 'running' || c.status === 'paused')).toBe(true);
  }
}

async function apply(t: TestEngine, a: Action, first: () => string): Promise<void> {
  const resolve = (x: string) => (x === 'FIRST' ? first() : x);
  let res: Response;
  if (a.k === 'advance') {
    await t.advance(a.ms);
    return;
  }
  if (a.k === 'create') {
    const body: Record<string, unknown> = { Image: a.image, HostConfig: { AutoRemove: a.rm, RestartPolicy: { Name: a.restart } } };
    if (a.cmd.length > 0) body.Cmd = a.cmd;
    res = await t.call('POST', `/v1.50/containers/create${a.name ? `?name=${encodeURIComponent(a.name)}` : ''}`, body);
  } else if (a.k === 'op') {
    const id = encodeURIComponent(resolve(a.target));
    const paths: Record<typeof a.op, [string, string]> = {
      start: ['POST', `/v1.50/containers/${id}/start`],
      stop: ['POST', `/v1.50/containers/${id}/stop?t=1`],
      restart: ['POST', `/v1.50/containers/${id}/restart?t=1`],
      kill: ['POST', `/v1.50/containers/${id}/kill`],
      pause: ['POST', `/v1.50/containers/${id}/pause`],
      unpause: ['POST', `/v1.50/containers/${id}/unpause`],
      rm: ['DELETE', `/v1.50/containers/${id}`],
      rmf: ['DELETE', `/v1.50/containers/${id}?force=1`],
      rename: ['POST', `/v1.50/containers/${id}/rename?name=${encodeURIComponent(a.arg)}`],
    };
    const [m, p] = paths[a.op];
    res = await t.call(m, p);
  } else {
    const before = await snapshot(t);
    const headers: Record<string, string> = a.contentType ? { 'content-type': a.contentType } : {};
    res = await t.call(a.method, a.path, a.method === 'GET' ? undefined : a.body, headers);
    const text = res.status >= 400 ? await res.text() : '';
    if (res.status < 400) await res.body?.cancel();
    assertNotCrash(res, text, `${a.method} ${a.path}`);
    if (res.status >= 400) expect(await snapshot(t)).toBe(before);
    return;
  }
  if (res.status >= 400) {
    const text = await res.text();
    assertNotCrash(res, text, JSON.stringify(a));
    const body = JSON.parse(text);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeGreaterThan(0);
  } else await res.body?.cancel();
}

describe('Engine API under random request sequences', () => {
  it('keeps names unique, states legal and references consistent; rejects bad input cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 25 }), async (actions) => {
        const t = testEngine({ step: 100 });
        await t.pull('debian:bookworm');
        await t.pull('hello-world');
        const first = () => [...t.world.daemon().containers.keys()][0] ?? 'none';
        for (const a of actions) {
          await apply(t, a, first);
          checkInvariants(t);
        }
        t.fetch.assertValid();
      }),
      { numRuns: 80, seed: 4242, endOnFailure: true },
    );
  }, 120_000);
});
