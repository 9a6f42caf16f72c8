import { describe, expect, it } from 'vitest';
import { detachKeyBytes } from '../../src/sim/runtime/detach-keys';
import { testEngine } from '../support/engine';

describe('detach keys', () => {
  it('parse as moby/term does: single characters, exact ctrl-<c>, DEL; anything else is refused', () => {
    expect(detachKeyBytes('')).toEqual([16, 17]);
    expect(detachKeyBytes('ctrl-a,x,DEL')).toEqual([1, 120, 127]);
    expect(detachKeyBytes('ctrl-@,ctrl-_')).toEqual([0, 31]);
    expect(detachKeyBytes('CTRL-A')).toBeNull();
    expect(detachKeyBytes('ctrl-p, ctrl-q')).toBeNull();
  });

  it('an exec with unknown detach keys is refused at creation, and one not yet run has no exit code', async () => {
    const t = testEngine();
    await t.pull('alpine');
    const c = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['sleep', '100'] });
    await t.call('POST', `/containers/${c.body.Id}/start`);
    const bad = await t.json('POST', `/containers/${c.body.Id}/exec`, { Cmd: ['true'], DetachKeys: 'ctrl-1' });
    expect(bad).toEqual({ status: 500, body: { message: 'Invalid escape keys (ctrl-1) provided' } });
    const ok = await t.json('POST', `/containers/${c.body.Id}/exec`, { Cmd: ['true'], DetachKeys: 'ctrl-a,x' });
    expect(ok.status).toBe(201);
    const ins = await t.json('GET', `/exec/${ok.body.Id}/json`);
    expect(ins.body.ExitCode).toBeNull();
    expect(ins.body.DetachKeys).toBe(Buffer.from([1, 120]).toString('base64'));
  });
});
