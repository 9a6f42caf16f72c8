// Engine API behaviour found wrong by the conformance suite (test/conformance), checked here
// in-process so each fix has a fast test of its own.

import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

describe('Engine API fixes found by the real-CLI conformance suite', () => {
  it('GET /info warns about each TCP listener without TLS, as moby fillAPIInfo does', async () => {
    const t = testEngine({ api: { listeners: ['tcp://127.0.0.1:2375', 'unix:///var/run/docker.sock'] } });
    const { body } = await t.json('GET', '/v1.50/info');
    expect(body.Warnings).toEqual([
      `[DEPRECATION NOTICE]: API is accessible on http://127.0.0.1:2375 without encryption.
         Access to the remote API is equivalent to root access on the host. Refer
         to the 'Docker daemon attack surface' section in the documentation for
         more information: https://docs.docker.com/go/attack-surface/
In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/`,
    ]);
    const plain = testEngine();
    expect((await plain.json('GET', '/v1.50/info')).body.Warnings).toBeNull();
  });

  it('a pulled image has no LastTagTime until `docker tag` (moby TagImage) sets it', async () => {
    const t = testEngine();
    await t.pull('hello-world:latest');
    const pulled = await t.json('GET', '/v1.50/images/hello-world/json');
    expect(pulled.body.Metadata).toEqual({ LastTagTime: '0001-01-01T00:00:00Z' });
    expect((await t.call('POST', '/v1.50/images/hello-world/tag?repo=mine&tag=v1')).status).toBe(201);
    const tagged = await t.json('GET', '/v1.50/images/mine:v1/json');
    expect(tagged.body.Metadata.LastTagTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(tagged.body.Metadata.LastTagTime).not.toBe('0001-01-01T00:00:00Z');
  });

  it('stats keep the unlimited pids limit exact (2^64-1), so Go can decode it', async () => {
    const t = testEngine();
    await t.pull('alpine:latest');
    const created = await t.json('POST', '/v1.50/containers/create?name=stats1', { Image: 'alpine', Cmd: ['sleep', 'infinity'] });
    expect(created.status).toBe(201);
    expect((await t.call('POST', '/v1.50/containers/stats1/start')).status).toBe(204);
    const once = await (await t.call('GET', '/v1.50/containers/stats1/stats?stream=0')).text();
    expect(once).toContain('"pids_stats":{"current":1,"limit":18446744073709551615}');
    expect(once).not.toContain('18446744073709552000');
  });
});
