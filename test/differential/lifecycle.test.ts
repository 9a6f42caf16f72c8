// Container lifecycle on the real daemon and on docksim: states after each operation, and the
// answers to operations a state does not allow.

import { describe } from 'vitest';
import { create, demux, eventsSince, inspect, mark, scenario, stateOf } from './harness';
import { killNotRunning, notRunning, rmPaused, rmRunning } from './texts';

describe('differential: container lifecycle', () => {
  scenario('create, start, pause, unpause, stop, restart, kill, rm: the state after each', async (s, o) => {
    const c = await create(s, 'life', { Cmd: ['sleep', '1000'] });
    o.status('create', c);
    o.rec('created', await stateOf(s, 'life'));
    o.status('start', await s.api('POST', '/containers/life/start'));
    o.rec('started', await stateOf(s, 'life'));
    o.status('pause', await s.api('POST', '/containers/life/pause'));
    o.rec('paused', await stateOf(s, 'life'));
    o.status('unpause', await s.api('POST', '/containers/life/unpause'));
    o.rec('unpaused', await stateOf(s, 'life'));
    o.status('stop t=1', await s.api('POST', '/containers/life/stop?t=1'));
    o.rec('stopped', await stateOf(s, 'life'));
    o.status('restart t=1', await s.api('POST', '/containers/life/restart?t=1'));
    o.rec('restarted', await stateOf(s, 'life'));
    o.status('kill', await s.api('POST', '/containers/life/kill'));
    o.rec('killed', await stateOf(s, 'life'));
    o.status('rm', await s.api('DELETE', '/containers/life'));
    o.error('inspect removed', await inspect(s, 'life'));
  });

  scenario('operations a state refuses: start running, stop stopped, rm running, pause paused, unpause running, kill stopped', async (s, o) => {
    const id = (await create(s, 'st', { Cmd: ['sleep', '1000'] })).json.Id as string;
    o.error('stop created', await s.api('POST', '/containers/st/stop'));
    o.error('kill created', await s.api('POST', '/containers/st/kill'), killNotRunning('st', id));
    o.error('pause created', await s.api('POST', '/containers/st/pause'), notRunning(id));
    o.error('unpause created', await s.api('POST', '/containers/st/unpause'));
    await s.api('POST', '/containers/st/start');
    o.error('start running', await s.api('POST', '/containers/st/start'));
    o.error('unpause running', await s.api('POST', '/containers/st/unpause'));
    o.error('rm running', await s.api('DELETE', '/containers/st'), rmRunning('st', id));
    await s.api('POST', '/containers/st/pause');
    o.error('pause paused', await s.api('POST', '/containers/st/pause'));
    o.error('start paused', await s.api('POST', '/containers/st/start'));
    o.error('rm paused', await s.api('DELETE', '/containers/st'), rmPaused('st', id));
    o.error('stop paused t=1', await s.api('POST', '/containers/st/stop?t=1'));
    o.rec('after stop of paused', await stateOf(s, 'st'));
    o.error('stop stopped', await s.api('POST', '/containers/st/stop'));
    o.error('kill stopped', await s.api('POST', `/containers/${id.slice(0, 10)}/kill`), killNotRunning(id.slice(0, 10), id));
    o.error('pause stopped', await s.api('POST', '/containers/st/pause'), notRunning(id));
    o.error('restart stopped', await s.api('POST', '/containers/st/restart?t=1'));
    o.rec('restarted', await stateOf(s, 'st'));
    o.error('rm -f running', await s.api('DELETE', '/containers/st?force=1'));
    o.error('rm removed', await s.api('DELETE', `/containers/${id}`));
  });
});

describe('differential: signals and attach around pause and stop', () => {
  scenario('kill of a paused container: SIGTERM thaws it (the signal is delivered), SIGKILL ends it', async (s, o) => {
    await create(s, 'pk', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/pk/start');
    await s.api('POST', '/containers/pk/pause');
    const t0 = await mark(s);
    o.status('kill TERM', await s.api('POST', '/containers/pk/kill?signal=TERM'));
    await s.sleep(300);
    o.rec('after TERM', await stateOf(s, 'pk'));
    o.rec('TERM events', (await eventsSince(s, t0, { type: ['container'] })).map((e) => e.Action));
    await s.api('POST', '/containers/pk/pause');
    const t1 = await mark(s);
    o.status('kill', await s.api('POST', '/containers/pk/kill'));
    o.rec('after KILL', await stateOf(s, 'pk'));
    await s.sleep(300);
    o.rec('KILL events', (await eventsSince(s, t1, { type: ['container'] })).map((e) => e.Action).sort());
  });

  scenario(
    'attach without stream ends at once; a stream attached to an exited container carries its next run',
    async (s, o) => {
      await create(s, 'ac', { Cmd: ['sh', '-c', 'echo run'] });
      const a = await s.hijack('/containers/ac/attach?stdout=1&stderr=1');
      o.rec('no stream', { status: a.status, bytes: (await a.read()).length });
      await s.api('POST', '/containers/ac/start');
      await s.until(async () => (await stateOf(s, 'ac')).Status === 'exited', 5000);
      const b = await s.hijack('/containers/ac/attach?stream=1&stdout=1&stderr=1');
      await s.sleep(200);
      await s.api('POST', '/containers/ac/start');
      o.rec('stream on exited, then started', demux(await b.read()).frames);
    },
    { shell: true },
  );
});
