// A world rebuilt from its journal is the same world: same ids, names, states, logs and times.

import { describe, expect, it } from 'vitest';
import { journaledApi, replay, type JournalEntry } from '../../src/api/journal';
import { createWorld } from '../../src/sim/engine';
import type { World } from '../../src/sim/world';

const tick = () => new Promise<void>((r) => setImmediate(r));

async function drive(world: World, api: { fetch(r: Request): Promise<Response> }) {
  const call = async (method: string, path: string, body?: unknown) => {
    const p = api.fetch(new Request(`http://docker${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined }));
    let done = false;
    void p.finally(() => (done = true));
    await tick(); // as with a real-time host, the request runs before time moves on
    while (!done) {
      world.advance(37);
      await tick();
    }
    const res = await p;
    // consume streams while the clock runs
    const reader = res.body?.getReader();
    if (reader) {
      let end = false;
      const all = (async () => {
        while (!(await reader.read()).done);
        end = true;
      })();
      while (!end) {
        world.advance(37);
        await tick();
      }
      await all;
    }
  };
  await call('POST', '/images/create?fromImage=debian&tag=bookworm');
  await call('POST', '/images/create?fromImage=hello-world&tag=latest');
  await call('POST', '/containers/create?name=one', { Image: 'hello-world' });
  await call('POST', '/containers/one/start');
  await call('POST', '/containers/create', { Image: 'debian:bookworm', Cmd: ['sleep', '3'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } } });
  await call('POST', '/containers/create?name=two', { Image: 'debian:bookworm', Cmd: ['sleep', '1000'], HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '' }] } } });
  await call('POST', '/containers/two/start');
  await call('POST', '/containers/two/pause');
  world.advance(2500);
  await call('POST', '/containers/two/unpause');
  await call('POST', '/containers/two/stop?t=1');
  await call('POST', '/containers/one/rename?name=uno');
  await call('POST', '/images/debian:bookworm/tag?repo=mine&tag=1');
}

async function dump(world: World): Promise<string> {
  const { createEngineApi } = await import('../../src/api/app');
  const api = createEngineApi(world);
  const get = async (p: string) => (await api.fetch(new Request(`http://docker${p}`))).text();
  const list = JSON.parse(await get('/containers/json?all=1')) as { Id: string }[];
  const inspects = await Promise.all(list.map((c) => get(`/containers/${c.Id}/json`)));
  const logs = await Promise.all(list.map((c) => get(`/containers/${c.Id}/logs?stdout=1&stderr=1&timestamps=1`)));
  return [JSON.stringify(list), ...inspects, ...logs, await get('/images/json'), await get('/networks'), String(world.now())].join('\n');
}

describe('journal', () => {
  it('replaying the journal of a session rebuilds the same world', async () => {
    const a = createWorld({ seed: 's1', start: Date.UTC(2026, 0, 1) });
    const entries: JournalEntry[] = [];
    const api = journaledApi(a, { entries });
    await drive(a, api);
    expect(entries.length).toBeGreaterThan(8);
    expect(entries.every((e) => e.k !== 'req' || e.method !== 'GET')).toBe(true);

    const b = createWorld({ seed: 's1', start: Date.UTC(2026, 0, 1) });
    await replay(b, JSON.parse(JSON.stringify(entries)));
    b.clock.advanceTo(a.now());
    expect(await dump(b)).toBe(await dump(a));
  });
});

describe('reset', () => {
  it('POST /_sim/reset starts over with a fresh world and an empty journal', async () => {
    const entries: JournalEntry[] = [];
    let resets = 0;
    const api = journaledApi(createWorld({ seed: 'r' }), { entries, reset: () => (resets++, createWorld({ seed: 'r2' })) });
    const first = api.world;
    await api.fetch(new Request('http://docker/images/create?fromImage=hello-world&tag=latest', { method: 'POST' }));
    expect(entries.length).toBe(1);
    const r = await api.fetch(new Request('http://docker/_sim/reset', { method: 'POST' }));
    expect(r.status).toBe(200);
    expect(resets).toBe(1);
    expect(api.world).not.toBe(first);
    expect(entries).toEqual([]);
    const list = await api.fetch(new Request('http://docker/images/json'));
    expect(await list.json()).toEqual([]);
  });

  it('is refused where the host cannot start over', async () => {
    const api = journaledApi(createWorld());
    const r = await api.fetch(new Request('http://docker/_sim/reset', { method: 'POST' }));
    expect(r.status).toBe(400);
    expect((await r.json()).message).toBe('reset is not available on this host');
  });
});
