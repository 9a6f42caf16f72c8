// Restart policies (on-failure with a maximum, always, unless-stopped), their back-off, and what
// stop and kill do to them; AutoRemove and the wait conditions.

import { describe } from 'vitest';
import { create, eventsSince, inspect, scenario, stateOf, waitExit } from './harness';
import { eventsAs28, restartPolicyCount, restartPolicyNegative, restartPolicyUnknown, waitBadCondition, waitBody } from './texts';

const restartCount = async (s: Parameters<Parameters<typeof scenario>[1]>[0], ref: string) => (await inspect(s, ref)).json?.RestartCount as number;

describe('differential: restart policies', () => {
  scenario('on-failure:2 restarts a failing command twice, 100 then 200 ms apart, then leaves it exited', async (s, o) => {
    const t0 = s.now();
    await create(s, 'of', { Cmd: ['false'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } } });
    await s.api('POST', '/containers/of/start');
    const done = await s.until(async () => (await stateOf(s, 'of')).Status === 'exited' && (await restartCount(s, 'of')) === 2, 10_000);
    o.rec('settled', done);
    await s.sleep(800);
    o.rec('state', await stateOf(s, 'of'));
    o.rec('RestartCount', await restartCount(s, 'of'));
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => [e.Action, e.attrs.exitCode ?? '']));
    const dies = ev.filter((e) => e.Action === 'die');
    const starts = ev.filter((e) => e.Action === 'start');
    // the real daemon's runc create adds its own latency (here 0.2-0.7 s) to the back-off;
    // docksim's events carry seeded sub-millisecond digits, hence the millisecond below
    o.within('first back-off', starts[1]!.ms - dies[0]!.ms, 99, 1500);
    o.within('second back-off', starts[2]!.ms - dies[1]!.ms, 199, 1600);
  });

  scenario('on-failure does not restart a command that exits 0', async (s, o) => {
    await create(s, 'ok', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 0 } } });
    await s.api('POST', '/containers/ok/start');
    o.rec('wait', await waitExit(s, 'ok'));
    await s.sleep(500);
    o.rec('state', await stateOf(s, 'ok'));
    o.rec('RestartCount', await restartCount(s, 'ok'));
    o.rec('HostConfig.RestartPolicy', (await inspect(s, 'ok')).json.HostConfig.RestartPolicy);
  });

  scenario('always restarts a command that exits 0; stop ends it for good', async (s, o) => {
    const t0 = s.now();
    await create(s, 'al', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'always' } } });
    await s.api('POST', '/containers/al/start');
    o.rec('three restarts', await s.until(async () => (await restartCount(s, 'al')) >= 3, 10_000));
    o.status('stop', await s.api('POST', '/containers/al/stop?t=1'));
    const n = await restartCount(s, 'al');
    await s.sleep(1000);
    o.rec('state', await stateOf(s, 'al'));
    o.rec('no restart after stop', (await restartCount(s, 'al')) === n);
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('last events', ev.map((e) => e.Action).filter((a) => a !== 'kill').slice(-2));
    o.rec('restart events', ev.filter((e) => e.Action === 'restart').length);
  });

  scenario('unless-stopped: stop keeps it stopped; kill does not restart it either; start clears that', async (s, o) => {
    await create(s, 'us', { Cmd: ['sleep', '1000'], HostConfig: { RestartPolicy: { Name: 'unless-stopped' } } });
    await s.api('POST', '/containers/us/start');
    o.status('stop', await s.api('POST', '/containers/us/stop?t=1'));
    await s.sleep(500);
    o.rec('after stop', await stateOf(s, 'us'));
    await s.api('POST', '/containers/us/start');
    o.status('kill', await s.api('POST', '/containers/us/kill'));
    await s.sleep(500);
    o.rec('after kill', await stateOf(s, 'us'));
    o.rec('RestartCount', await restartCount(s, 'us'));
  });

  scenario('always: kill with a signal that ends the container does not restart it (ExitOnNext)', async (s, o) => {
    await create(s, 'ak', { Cmd: ['sleep', '1000'], HostConfig: { RestartPolicy: { Name: 'always' } } });
    await s.api('POST', '/containers/ak/start');
    o.status('kill', await s.api('POST', '/containers/ak/kill'));
    await s.sleep(500);
    o.rec('after kill', await stateOf(s, 'ak'));
    o.rec('RestartCount', await restartCount(s, 'ak'));
  });

  scenario('restart policy validation: unknown name, a count with always, a negative count', async (s, o) => {
    o.error('unknown', await create(s, 'v1', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'sometimes' } } }), restartPolicyUnknown('sometimes'));
    o.error(
      'count with always',
      await create(s, 'v2', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 3 } } }),
      restartPolicyCount('always'),
    );
    o.error(
      'negative count',
      await create(s, 'v3', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: -1 } } }),
      restartPolicyNegative,
    );
    o.error('with AutoRemove', await create(s, 'v4', { Cmd: ['true'], HostConfig: { AutoRemove: true, RestartPolicy: { Name: 'always' } } }));
    o.rec('nothing created', (await s.api('GET', '/containers/json?all=1')).json.length);
  });
});

describe('differential: AutoRemove and wait', () => {
  scenario('AutoRemove: wait condition=removed answers once the container is gone; events end with destroy', async (s, o) => {
    const t0 = s.now();
    await create(s, 'ar', { Cmd: ['false'], HostConfig: { AutoRemove: true } });
    const w = await s.open('POST', '/containers/ar/wait?condition=removed');
    o.status('wait headers', { status: w.status } as never);
    await s.api('POST', '/containers/ar/start');
    o.rec('wait body', JSON.parse(new TextDecoder().decode(await s.read(w))).StatusCode);
    o.error('inspect', await inspect(s, 'ar'));
    const ev = await eventsSince(s, t0);
    o.rec('events', eventsAs28(s.kind, ev).map((e) => `${e.Type} ${e.Action}`));
  });

  scenario('wait conditions: not-running on created answers at once; next-exit waits for the start and exit; bad condition', async (s, o) => {
    await create(s, 'w1', { Cmd: ['false'] });
    o.rec('not-running on created', await waitExit(s, 'w1'));
    const next = await s.open('POST', '/containers/w1/wait?condition=next-exit');
    await s.api('POST', '/containers/w1/start');
    o.rec('next-exit', JSON.parse(new TextDecoder().decode(await s.read(next))).StatusCode);
    o.rec('not-running on exited', await waitExit(s, 'w1'));
    const removed = await s.open('POST', '/containers/w1/wait?condition=removed');
    await s.api('DELETE', '/containers/w1');
    o.rec('removed', JSON.parse(new TextDecoder().decode(await s.read(removed))).StatusCode);
    await create(s, 'w2', { Cmd: ['true'] });
    o.error('bad condition', await s.api('POST', '/containers/w2/wait?condition=never'), waitBadCondition('never'));
  });

  scenario('wait on a running container answers when it is killed (137)', async (s, o) => {
    await create(s, 'w3', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/w3/start');
    const w = await s.open('POST', '/containers/w3/wait');
    await s.sleep(200);
    await s.api('POST', '/containers/w3/kill');
    o.rec('wait', waitBody(JSON.parse(new TextDecoder().decode(await s.read(w)))));
  });
});

describe('differential: restart policies and manual operations', () => {
  scenario('a manual start or restart resets RestartCount; the policy counts again from there', async (s, o) => {
    await create(s, 'rc', { Cmd: ['sh', '-c', 'sleep 0.5; exit 1'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 } } });
    await s.api('POST', '/containers/rc/start');
    o.rec('settled', await s.until(async () => (await stateOf(s, 'rc')).Status === 'exited' && (await restartCount(s, 'rc')) === 1, 10_000));
    await s.sleep(300);
    o.rec('after policy', await restartCount(s, 'rc'));
    await s.api('POST', '/containers/rc/start');
    o.rec('right after start', await restartCount(s, 'rc'));
    o.rec('settled again', await s.until(async () => (await stateOf(s, 'rc')).Status === 'exited' && (await restartCount(s, 'rc')) === 1, 10_000));
    await s.sleep(300);
    o.rec('after second run', await restartCount(s, 'rc'));
    o.status('restart', await s.api('POST', '/containers/rc/restart?t=1'));
    o.rec('right after restart', await restartCount(s, 'rc'));
  }, { shell: true });

  scenario('rm -f of a running container: kill, die, destroy; its anonymous volume kept without v', async (s, o) => {
    const t0 = s.now();
    await create(s, 'rf', { Cmd: ['sleep', '1000'], Volumes: { '/data': {} } });
    await s.api('POST', '/containers/rf/start');
    o.status('rm -f', await s.api('DELETE', '/containers/rf?force=1'));
    const ev = await eventsSince(s, t0, { type: ['container'] });
    o.rec('events', ev.map((e) => `${e.Action} ${e.attrs.signal ?? e.attrs.exitCode ?? ''}`.trim()));
    o.rec('volumes left', (((await s.api('GET', '/volumes')).json.Volumes ?? []) as unknown[]).length);
    await create(s, 'rf2', { Cmd: ['sleep', '1000'], Volumes: { '/data': {} } });
    await s.api('POST', '/containers/rf2/start');
    o.status('rm -f -v', await s.api('DELETE', '/containers/rf2?force=1&v=1'));
    o.rec('volumes left after -v', (((await s.api('GET', '/volumes')).json.Volumes ?? []) as unknown[]).length);
  });
});
