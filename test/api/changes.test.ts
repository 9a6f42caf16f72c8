import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

// GET /containers/{id}/changes: moby's archive.Changes list is nil (null) when nothing changed.
describe('Engine API: container changes', () => {
  it('answers null for a container that changed nothing, a list once it has', async () => {
    const t = testEngine();
    await t.pull('busybox:latest');
    await t.json('POST', '/v1.50/containers/create?name=c0', { Image: 'busybox', Cmd: ['sh', '-c', 'touch /tmp/x'] });
    expect((await t.json('GET', '/v1.50/containers/c0/changes')).body).toBeNull();
    await t.call('POST', '/v1.50/containers/c0/start');
    await t.advance(100);
    expect((await t.json('GET', '/v1.50/containers/c0/changes')).body).toEqual([
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/x', Kind: 1 },
    ]);
  });
});
