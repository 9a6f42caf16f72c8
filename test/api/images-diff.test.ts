import { beforeEach, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

// Image tag, delete and list as moby v28.2.2 does them (api/server/router/image,
// daemon/images/image_delete.go), checked against the real daemon.
describe('Engine API: image tag, delete, list', () => {
  let t: TestEngine;
  let id: string;
  beforeEach(async () => {
    t = testEngine();
    await t.pull('busybox:latest');
    id = (await t.json('GET', '/v1.50/images/busybox/json')).body.Id;
  });

  it('checks the new reference before the image, and says "invalid tag format" for a bad tag', async () => {
    expect(await t.json('POST', '/v1.50/images/nosuch/tag?repo=ok&tag=-bad')).toEqual({ status: 400, body: { message: 'invalid tag format' } });
    expect((await t.json('POST', '/v1.50/images/nosuch/tag?repo=ok&tag=v1')).status).toBe(404);
  });

  it('keeps the layers a stopped container uses when its image is force-deleted', async () => {
    await t.json('POST', '/v1.50/containers/create?name=user', { Image: 'busybox', Cmd: ['true'] });
    const records = (await t.json('DELETE', '/v1.50/images/busybox:latest?force=1')).body;
    expect(records).toEqual([{ Untagged: 'busybox:latest' }, { Untagged: expect.stringMatching(/^busybox@sha256:/) }, { Deleted: id }]);
    await t.call('DELETE', '/v1.50/containers/user');
  });

  it('shows <none> placeholders for an untagged image to clients before API 1.43 only', async () => {
    await t.json('POST', '/v1.50/containers/create?name=runner', { Image: 'busybox', Cmd: ['sleep', '100'] });
    await t.call('POST', '/v1.50/containers/runner/start');
    await t.json('DELETE', '/v1.50/images/busybox:latest?force=1');
    const old = (await t.json('GET', '/v1.42/images/json')).body.find((i: any) => i.Id === id);
    expect([old.RepoTags, old.RepoDigests]).toEqual([['<none>:<none>'], ['<none>@<none>']]);
    const now = (await t.json('GET', '/v1.43/images/json')).body.find((i: any) => i.Id === id);
    expect([now.RepoTags, now.RepoDigests]).toEqual([[], []]);
  });
});
