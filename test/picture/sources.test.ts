// The picture's sources: an in-page World and a remote host through /_sim and the Engine API
// hand over the same trace and the same objects.

import { describe, expect, it } from 'vitest';
import { remoteSource } from '../../web/picture/remote-source';
import type { Hop, HostSnapshot, OpInfo } from '../../web/picture/source';
import { worldSource } from '../../web/picture/world-source';
import { dockerRun, engineWithAlpine } from './support';

const tick = () => new Promise<void>((r) => setTimeout(r, 5));

describe('world source', () => {
  it('hands over recent operations, then every hop live, and says when objects change', async () => {
    const t = await engineWithAlpine();
    const src = worldSource(t.world);
    const recent = await src.recent();
    expect(recent.map((o) => o.op)).toEqual(['image.pull', 'image.pull']);
    const live: [OpInfo, Hop | null][] = [];
    let changes = 0;
    const off = src.subscribe((op, hop) => live.push([op, hop]));
    const offChange = src.onChange(() => changes++);
    const before = src.snapshot() as HostSnapshot;
    await dockerRun(t);
    expect(live.filter(([, h]) => h === null).map(([o]) => o.op)).toEqual(['container.create', 'container.start']);
    expect(live.some(([, h]) => h?.from === 'shim' && h.to === 'runc' && h.oci === 'running')).toBe(true);
    expect(changes).toBeGreaterThan(0);
    const after = src.snapshot() as HostSnapshot;
    expect(before.containers).toEqual([]);
    expect(after.containers.map((c) => [c.name, c.status])).toEqual([['web', 'running']]);
    // Unchanged world, same snapshot object (the picture redraws nothing).
    expect(src.snapshot()).toBe(after);
    off();
    offChange();
    const n = live.length;
    await dockerRun(t, 'second');
    expect(live.length).toBe(n);
  });

  it('copies what it hands over (the trace keeps growing its own records)', async () => {
    const t = await engineWithAlpine();
    const src = worldSource(t.world);
    const recent = (await src.recent()) as unknown as { hops: Hop[] }[];
    const count = recent[1]!.hops.length;
    recent[1]!.hops.push({ from: 'client', to: 'dockerd', label: 'x', t: 0 });
    expect(t.world.trace.all()[1]!.hops.length).toBe(count);
  });
});

describe('remote source', () => {
  it('reads the same trace and objects through /_sim and the Engine API, and streams hops live', async () => {
    const t = await engineWithAlpine();
    const requests: string[] = [];
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(String(input), init);
      requests.push(`${req.method} ${new URL(req.url).pathname}`);
      return t.api.fetch(req);
    }) as typeof globalThis.fetch;
    const src = remoteSource({ base: 'http://docker/', fetch, throttle: 0 });
    const local = worldSource(t.world);
    expect((await src.recent()).map((o) => o.id)).toEqual((await local.recent()).map((o) => o.id));

    const live: [OpInfo, Hop | null][] = [];
    let changes = 0;
    src.onChange(() => changes++);
    const off = src.subscribe((op, hop) => live.push([op, hop]));
    await tick();
    const id = await dockerRun(t);
    for (let i = 0; i < 50 && !live.some(([, h]) => h?.oci === 'running'); i++) await tick();
    expect(live.filter(([, h]) => h === null).map(([o]) => o.op)).toEqual(['container.create', 'container.start']);
    const hops = live.filter(([, h]) => h).map(([, h]) => `${h!.from}→${h!.to}`);
    expect(hops).toEqual(t.world.trace.all().slice(-2).flatMap((o) => o.hops.map((h) => `${h.from}→${h.to}`)));
    expect(live.find(([, h]) => h?.oci === 'running')![1]!.object).toBe(id);
    expect(changes).toBeGreaterThan(0);

    const remote = await src.snapshot();
    const mine = local.snapshot() as HostSnapshot;
    expect(remote).toEqual(mine);
    // Reads only: no request of the source changes the World.
    expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
    off();
    src.close?.();
  });
});
