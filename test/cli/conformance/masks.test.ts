// Why the conformance test normalises what it does (conformance.test.ts): each normalised field
// really differs from run to run, or from host to host, in the real docker CLI's own output.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realCliSkipReason } from '../../support/real-cli';
import { runTheReal, startSimHost, type SimHost } from './harness';

const skip = realCliSkipReason();

describe.skipIf(skip)('what the conformance test normalises, and why', () => {
  let h: SimHost;
  beforeAll(async () => {
    h = await startSimHost({ seed: 'masks', start: Date.now() - 3_600_000 });
    await h.call('POST', '/v1.50/images/create?fromImage=busybox&tag=latest');
    await h.call('POST', '/v1.50/images/busybox/tag?repo=myrepo/tool&tag=1.0');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('SystemTime in `docker info --format json` is the daemon clock at the instant of the request', async () => {
    const t1 = await runTheReal(h.host, ['info', '--format', '{{.SystemTime}}']);
    h.world.advance(1500);
    const t2 = await runTheReal(h.host, ['info', '--format', '{{.SystemTime}}']);
    expect(t1.stdout).not.toBe(t2.stdout);
  });

  // (Go 1.24's small maps start iterating at a random slot: an order flips in about 1 run in 8)
  it('the real CLI lists runtimes in Go map order, which changes from run to run', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 80 && seen.size < 2; i++) {
      const r = await runTheReal(h.host, ['info']);
      seen.add(/^ Runtimes:.*$/m.exec(r.stdout)![0]);
    }
    expect(seen.size).toBe(2);
  });

  it('the real CLI lists the repositories of one image in Go map order, which changes from run to run', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 80 && seen.size < 2; i++) {
      const r = await runTheReal(h.host, ['images', '--format', '{{.Repository}}']);
      seen.add(r.stdout);
    }
    expect([...seen].sort()).toEqual(['busybox\nmyrepo/tool\n', 'myrepo/tool\nbusybox\n']);
  });
});
