// Exit codes and signals without a shell: true/false, kill (SIGKILL → 137), signals PID 1 does not
// handle (ignored by the kernel), stop's grace period and SIGKILL, commands that cannot start.

import { describe } from 'vitest';
import { create, eventsSince, scenario, stateOf, waitExit } from './harness';
import { killBadSignal, killUnknown, killUnsupportedSignal } from './texts';

describe('differential: exit codes and signals', () => {
  scenario('true exits 0, false exits 1; wait answers the exit code; die events carry it', async (s, o) => {
    const t0 = s.now();
    for (const [name, cmd] of [['t0', 'true'], ['f1', 'false']] as const) {
      await create(s, name, { Cmd: [cmd] });
      await s.api('POST', `/containers/${name}/start`);
      o.rec(`${cmd} wait`, await waitExit(s, name));
      o.rec(`${cmd} state`, await stateOf(s, name));
    }
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.name, e.attrs.exitCode ?? '']));
  });

  scenario('kill: SIGKILL by default (137); SIGTERM to a PID 1 without a handler is ignored; signal names and numbers', async (s, o) => {
    const t0 = s.now();
    await create(s, 'k1', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/k1/start');
    o.status('kill TERM', await s.api('POST', '/containers/k1/kill?signal=SIGTERM'));
    o.status('kill HUP', await s.api('POST', '/containers/k1/kill?signal=HUP'));
    o.status('kill 15', await s.api('POST', '/containers/k1/kill?signal=15'));
    await s.sleep(300);
    o.rec('after TERM', await stateOf(s, 'k1'));
    o.error('kill bad signal', await s.api('POST', '/containers/k1/kill?signal=SIGNOPE'), killBadSignal('k1', 'SIGNOPE'));
    o.error('kill bad number', await s.api('POST', '/containers/k1/kill?signal=99'), killUnsupportedSignal('k1', 99));
    o.error('kill unknown', await s.api('POST', '/containers/nosuch/kill'), killUnknown('nosuch'));
    o.status('kill', await s.api('POST', '/containers/k1/kill'));
    o.rec('wait', await waitExit(s, 'k1'));
    o.rec('after kill', await stateOf(s, 'k1'));
    await create(s, 'k2', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/k2/start');
    o.status('kill 9', await s.api('POST', '/containers/k2/kill?signal=9'));
    o.rec('k2 wait', await waitExit(s, 'k2'));
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.name, e.attrs.signal ?? '', e.attrs.exitCode ?? '']));
  });

  scenario('stop: a PID 1 ignoring SIGTERM is killed after t=1 (137); API 1.41 ignores stop\'s signal parameter', async (s, o) => {
    const t0 = s.now();
    await create(s, 'st', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/st/start');
    let t = s.now();
    o.status('stop t=1', await s.api('POST', '/containers/st/stop?t=1'));
    o.within('stop t=1 took', s.now() - t, 1000, 2500);
    o.rec('state', await stateOf(s, 'st'));
    await s.api('POST', '/containers/st/start');
    t = s.now();
    o.status('stop signal=SIGKILL', await s.api('POST', '/containers/st/stop?signal=SIGKILL&t=1'));
    o.within('stop signal=SIGKILL t=1 took', s.now() - t, 1000, 2500);
    o.rec('state 2', await stateOf(s, 'st'));
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.signal ?? '', e.attrs.exitCode ?? '']));
  });

  scenario('StopSignal and StopTimeout from the config: stop uses them', async (s, o) => {
    const t0 = s.now();
    await create(s, 'ss', { Cmd: ['sleep', '1000'], StopSignal: 'SIGUSR1', StopTimeout: 1 });
    await s.api('POST', '/containers/ss/start');
    const t = s.now();
    o.status('stop', await s.api('POST', '/containers/ss/stop'));
    o.within('stop took', s.now() - t, 1000, 2500);
    o.rec('state', await stateOf(s, 'ss'));
    const i = (await s.api('GET', '/containers/ss/json')).json;
    o.rec('config', { StopSignal: i.Config.StopSignal, StopTimeout: i.Config.StopTimeout });
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.signal ?? '', e.attrs.exitCode ?? '']));
    // 28.2's moby/sys/signal: "invalid signal" (20.10's pkg/signal said "Invalid signal")
    o.error('bad StopSignal', await create(s, 'ss2', { Cmd: ['true'], StopSignal: 'SIGNOPE' }), { v28: 'invalid signal: SIGNOPE' });
  });

  scenario('a command that cannot start: start fails, State.Error and ExitCode are set, events', async (s, o) => {
    const t0 = s.now();
    o.status('create', await create(s, 'nf', { Cmd: ['nope-not-here'] }));
    const r = await s.api('POST', '/containers/nf/start');
    o.error('start not found', r, {
      v28: 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope-not-here": executable file not found in $PATH: unknown',
    });
    const st = await stateOf(s, 'nf');
    o.rec('state', { ...st, Error: st.Error === r.json?.message ? '(the start error)' : st.Error });
    await create(s, 'np', { Cmd: ['/bin/nope'] });
    const r2 = await s.api('POST', '/containers/np/start');
    o.error('start missing path', r2, {
      v28: 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown',
    });
    o.rec('state 2', (await stateOf(s, 'np')).ExitCode);
    await create(s, 'nd', { Cmd: ['/etc'] });
    const r3 = await s.api('POST', '/containers/nd/start');
    o.error('start a directory', r3, {
      v28: 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/etc": is a directory: unknown: permission denied',
    });
    o.rec('state 3', (await stateOf(s, 'nd')).ExitCode);
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.name, e.attrs.exitCode ?? '']));
  });
});
