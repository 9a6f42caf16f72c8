// `exec "$@"` at the end of an entrypoint script replaces the shell: the container's signals
// then reach the program (nginx handles SIGQUIT: exit 0), not the shell that started it.

import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

describe('exec in an entrypoint script', () => {
  it('hands the process to the program: docker stop of nginx ends with its graceful exit 0', async () => {
    const t = testEngine();
    await t.pull('nginx');
    const c = await t.json('POST', '/containers/create?name=web', { Image: 'nginx' });
    expect(c.status).toBe(201);
    await t.call('POST', '/containers/web/start');
    await t.advance(500);
    const top = await t.json('GET', '/containers/web/top');
    expect(top.body.Processes[0].at(-1)).toMatch(/^nginx: master process nginx -g daemon off;$/);
    expect((await t.call('POST', '/containers/web/stop')).status).toBe(204);
    const st = (await t.json('GET', '/containers/web/json')).body.State;
    expect(st).toMatchObject({ Status: 'exited', ExitCode: 0 });
  });

  it('keeps the shell when exec runs inside a subshell', async () => {
    const t = testEngine();
    await t.pull('alpine');
    const c = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['sh', '-c', '(exec echo in-subshell); echo after'] });
    await t.call('POST', `/containers/${c.body.Id}/start`);
    await t.advance(100);
    const logs = new TextDecoder().decode(await (await t.call('GET', `/containers/${c.body.Id}/logs?stdout=1`)).arrayBuffer());
    expect(logs).toContain('in-subshell');
    expect(logs).toContain('after');
  });
});
