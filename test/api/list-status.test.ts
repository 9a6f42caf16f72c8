import { describe, expect, it } from 'vitest';
import { containerSummary } from '../../src/api/views/containers';
import { testEngine } from '../support/engine';

describe('GET /containers/json as time passes', () => {
  it("shows each container's Status at the time of the request, while the others stay the same", async () => {
    const t = testEngine();
    await t.pull('debian:bookworm');
    const run = async (name: string) => {
      expect((await t.json('POST', `/containers/create?name=${name}`, { Image: 'debian:bookworm', Cmd: ['sleep', '100000'] })).status).toBe(201);
      expect((await t.call('POST', `/containers/${name}/start`)).status).toBe(204);
    };
    const statuses = async () => Object.fromEntries((await t.json<{ Names: string[]; Status: string }[]>('GET', '/containers/json')).body.map((c) => [c.Names[0], c.Status]));
    await run('early');
    await t.advance(150_000);
    await run('late');
    const first = await statuses();
    expect(first).toEqual({ '/early': 'Up 2 minutes', '/late': 'Up Less than a second' });
    // the same time: the same answer
    expect(await statuses()).toEqual(first);
    await t.advance(2_000);
    expect(await statuses()).toEqual({ '/early': 'Up 2 minutes', '/late': 'Up 2 seconds' });
    await t.advance(60_000);
    expect(await statuses()).toEqual({ '/early': 'Up 3 minutes', '/late': 'Up About a minute' });
    await t.advance(1_000);
    expect(await statuses()).toEqual({ '/early': 'Up 3 minutes', '/late': 'Up About a minute' });
    expect((await t.call('POST', '/containers/late/stop?t=0')).status).toBe(204);
    await t.advance(5_000);
    expect(await statuses()).toEqual({ '/early': 'Up 3 minutes' });
  });
});

describe('GET /containers/json: the body patched as Statuses change', () => {
  it('is byte for byte the body made afresh, whatever the time steps', async () => {
    const t = testEngine();
    await t.pull('debian:bookworm');
    const make = async (name: string, cmd: string[], labels: Record<string, string> = {}) => {
      expect((await t.json('POST', `/containers/create?name=${name}`, { Image: 'debian:bookworm', Cmd: cmd, Labels: labels })).status).toBe(201);
      expect((await t.call('POST', `/containers/${name}/start`)).status).toBe(204);
    };
    // start times apart, multi-byte characters before and after Statuses, every kind of Status
    for (let i = 0; i < 8; i++) {
      await make(`c${i}`, ['sleep', '100000'], i % 3 === 0 ? { note: `été ${'✓'.repeat(i)}` } : {});
      await t.advance(137 * (i + 1));
    }
    await make('gone', ['sh', '-c', 'exit 3'], { 'ü': 'ö' });
    expect((await t.call('POST', '/containers/c2/pause')).status).toBe(204);
    expect((await t.json('POST', '/containers/create?name=fresh', { Image: 'debian:bookworm', Cmd: ['true'] })).status).toBe(201);
    const body = async () => (await t.call('GET', '/containers/json?all=1')).text();
    // each item made again from the container, outside every cache
    const afresh = () => {
      const d = t.world.daemon();
      const items = d.containerList().map((c) => JSON.stringify(containerSummary(d, c, false, t.engine().images.displayRef(c))));
      return `[${items.join(',')}]\n`;
    };
    expect(await body()).toBe(afresh());
    for (const step of [...Array<number>(40).fill(250), 1, 300, 300, 999, 1, 700, 4_000, 45_000, 61_000, 600_000, 3_000_000, 1_799_999, 1, 86_400_000, 0, 14 * 86_400_000]) {
      t.world.advance(step);
      expect(await body()).toBe(afresh());
    }
  });
});

describe('GET /containers/json read by a consumer that takes the bytes away', () => {
  it('makes the body again when the buffer it lent was transferred (detached)', async () => {
    const t = testEngine();
    await t.pull('debian:bookworm');
    for (const name of ['one', 'two']) {
      expect((await t.json('POST', `/containers/create?name=${name}`, { Image: 'debian:bookworm', Cmd: ['sleep', '100000'] })).status).toBe(201);
      expect((await t.call('POST', `/containers/${name}/start`)).status).toBe(204);
      await t.advance(1_500);
    }
    const take = async () => {
      const res = await t.api.fetch(new Request('http://docker/containers/json'));
      const { value } = await res.body!.getReader().read();
      const text = new TextDecoder().decode(value);
      structuredClone(value!.buffer, { transfer: [value!.buffer] }); // as a runtime may do with what it read
      expect(value!.byteLength).toBe(0);
      return text;
    };
    const first = await take();
    expect(await take()).toBe(first); // the same instant
    t.world.advance(2_000);
    const later = await take();
    expect(later).not.toBe(first);
    expect(await (await t.call('GET', '/containers/json')).text()).toBe(later);
  });
});
