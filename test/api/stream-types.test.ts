import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

// The content type of logs and attach streams by API version (moby v28.2.2 container_routes.go:
// multiplexed without a TTY since API 1.42, raw-stream before and with a TTY).
describe('Engine API: stream content types', () => {
  it('names a non-TTY stream multiplexed for API 1.42 and later, raw-stream before', async () => {
    const t = testEngine();
    await t.pull('busybox:latest');
    await t.json('POST', '/v1.50/containers/create?name=s1', { Image: 'busybox', Cmd: ['echo', 'hi'] });
    await t.json('POST', '/v1.50/containers/create?name=s2', { Image: 'busybox', Cmd: ['echo', 'hi'], Tty: true });
    const type = async (v: string, name: string) => (await t.call('GET', `/v${v}/containers/${name}/logs?stdout=1`)).headers.get('content-type');
    expect(await type('1.50', 's1')).toBe('application/vnd.docker.multiplexed-stream');
    expect(await type('1.42', 's1')).toBe('application/vnd.docker.multiplexed-stream');
    expect(await type('1.41', 's1')).toBe('application/vnd.docker.raw-stream');
    expect(await type('1.50', 's2')).toBe('application/vnd.docker.raw-stream');
    const attach = async (v: string) => {
      const h = await t.api.hijack(new Request(`http://docker/v${v}/containers/s1/attach?stream=1&stdout=1`, { method: 'POST' }));
      if (h === null || h instanceof Response) throw new Error('not hijacked');
      h.abort();
      return h.contentType;
    };
    expect(await attach('1.50')).toBe('application/vnd.docker.multiplexed-stream');
    expect(await attach('1.41')).toBe('application/vnd.docker.raw-stream');
  });
});
