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
});
