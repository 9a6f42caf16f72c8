import { describe, expect, it } from 'vitest';
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
