// Scenarios with a shell inside the container (busybox sh -c): exit codes, signals and traps,
// what a stop does to a shell as PID 1, and a process killed by SIGTERM that is not PID 1.

import { describe } from 'vitest';
import { create, eventsSince, mark, scenario, stateOf, waitExit } from './harness';

const sh = (script: string) => ({ Cmd: ['sh', '-c', script] });

describe('differential: shell exit codes and signals', () => {
  scenario(
    'exit codes from sh -c: exit 3, exit 255, exit 256, a missing command (127), a command failing in a pipeline',
    async (s, o) => {
      const cases: [string, string][] = [
        ['exit 3', 'exit 3'],
        ['exit 255', 'exit 255'],
        ['exit 256', 'exit 256'],
        ['missing', 'nosuchcmd'],
        ['not executable', '/etc/passwd'],
        ['pipeline', 'false | true'],
        ['last status', 'false; echo $? >/dev/null; (exit 42)'],
        ['signal', 'kill -9 $$'],
      ];
      for (const [label, script] of cases) {
        const name = `e_${label.replace(/ /g, '_')}`;
        await create(s, name, sh(script));
        await s.api('POST', `/containers/${name}/start`);
        o.rec(label, await waitExit(s, name));
      }
    },
    { shell: true },
  );

  scenario(
    'stop: a shell as PID 1 without a TERM trap is killed after t=1 (137); with trap \'exit 0\' TERM it exits 0 at once',
    async (s, o) => {
      const t0 = await mark(s);
      await create(s, 'loop', sh('while true; do sleep 0.1; done'));
      await s.api('POST', '/containers/loop/start');
      await s.sleep(300);
      let t = s.now();
      o.status('stop loop', await s.api('POST', '/containers/loop/stop?t=1'));
      o.within('stop loop took', s.now() - t, 1000, 2500);
      o.rec('loop state', await stateOf(s, 'loop'));
      await create(s, 'trap', sh("trap 'exit 0' TERM; while true; do sleep 0.1; done"));
      await s.api('POST', '/containers/trap/start');
      await s.sleep(300);
      t = s.now();
      o.status('stop trap', await s.api('POST', '/containers/trap/stop?t=5'));
      o.within('stop trap took', s.now() - t, 0, 900);
      o.rec('trap state', await stateOf(s, 'trap'));
      const ev = await eventsSince(s, t0, { type: ['container'], event: ['kill', 'die', 'stop'] });
      o.rec('events', ev.map((e) => [e.attrs.name, e.Action, e.attrs.signal ?? e.attrs.exitCode ?? '']));
    },
    { shell: true },
  );

  scenario(
    'a trap for TERM that does not exit: the container survives SIGTERM from kill and runs the handler',
    async (s, o) => {
      await create(s, 'tr', sh("trap 'echo got TERM' TERM; while true; do sleep 0.1; done"));
      await s.api('POST', '/containers/tr/start');
      await s.sleep(300);
      o.status('kill TERM', await s.api('POST', '/containers/tr/kill?signal=TERM'));
      await s.sleep(500);
      o.rec('state', (await stateOf(s, 'tr')).Status);
      const logs = await s.open('GET', '/containers/tr/logs?stdout=1');
      o.rec('logs', new TextDecoder().decode((await s.read(logs)).slice(8)));
      o.status('kill', await s.api('POST', '/containers/tr/kill'));
      o.rec('wait', await waitExit(s, 'tr'));
    },
    { shell: true },
  );

  scenario(
    'a child killed by SIGTERM (not PID 1) ends with 143, which the shell passes on; a background job ignores SIGINT',
    async (s, o) => {
      await create(s, 'c143', sh('sleep 1000 & pid=$!; kill -TERM $pid; wait $pid; exit $?'));
      await s.api('POST', '/containers/c143/start');
      o.rec('wait', await waitExit(s, 'c143'));
      // a background job of a non-interactive shell ignores SIGINT (once it has started: the
      // pause keeps the real side from racing the child), so only SIGKILL ends it: 137
      await create(s, 'c137', sh('sleep 1000 & pid=$!; sleep 0.5; kill -INT $pid; sleep 0.2; kill -0 $pid && echo alive; kill -KILL $pid; wait $pid; echo $?'));
      await s.api('POST', '/containers/c137/start');
      await waitExit(s, 'c137');
      const logs = await s.open('GET', '/containers/c137/logs?stdout=1');
      o.rec('INT ignored, KILL status', new TextDecoder().decode((await s.read(logs)).slice(8)));
    },
    { shell: true },
  );
});
