// --init: docker-init is PID 1 and the command its child, so the stop signal reaches a program
// without a handler (sleep) and ends it at once with 143.

import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

describe('docker run --init', () => {
  it('stops sleep with 143 at once; without --init the grace period runs out and it is 137', async () => {
    const t = testEngine();
    await t.pull('alpine');
    for (const [init, code, slow] of [[true, 143, false], [false, 137, true]] as const) {
      const c = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['sleep', '1000'], HostConfig: { Init: init } });
      await t.call('POST', `/containers/${c.body.Id}/start`);
      await t.advance(100);
      const top = await t.json('GET', `/containers/${c.body.Id}/top`);
      const cmds = top.body.Processes.map((p: string[]) => p.at(-1));
      expect(cmds).toEqual(init ? ['/sbin/docker-init -- sleep 1000', 'sleep 1000'] : ['sleep 1000']);
      const t0 = t.world.now();
      await t.call('POST', `/containers/${c.body.Id}/stop`);
      expect(t.world.now() - t0 >= 10_000).toBe(slow);
      const st = (await t.json('GET', `/containers/${c.body.Id}/json`)).body.State;
      expect(st.ExitCode).toBe(code);
    }
  });

  it('passes the child\'s exit status through, and reports a command it cannot run', async () => {
    const t = testEngine();
    await t.pull('alpine');
    const ok = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['sh', '-c', 'exit 7'], HostConfig: { Init: true } });
    await t.call('POST', `/containers/${ok.body.Id}/start`);
    await t.advance(100);
    expect((await t.json('GET', `/containers/${ok.body.Id}/json`)).body.State.ExitCode).toBe(7);
    const bad = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['nosuch'], HostConfig: { Init: true } });
    expect((await t.call('POST', `/containers/${bad.body.Id}/start`)).status).toBe(204);
    await t.advance(100);
    expect((await t.json('GET', `/containers/${bad.body.Id}/json`)).body.State.ExitCode).toBe(127);
    const logs = new TextDecoder().decode(await (await t.call('GET', `/containers/${bad.body.Id}/logs?stderr=1`)).arrayBuffer());
    expect(logs).toContain('[FATAL tini (7)] exec nosuch failed: No such file or directory');
  });
});
