// GET /containers/{id}/top and /changes: the processes a container runs, and what it changed in
// its writable layer.

import { describe } from 'vitest';
import { create, scenario, waitExit } from './harness';
import { notRunning } from './texts';

const sh = (script: string, extra: Record<string, unknown> = {}) => ({ Cmd: ['sh', '-c', script], ...extra });

describe('differential: top and changes', () => {
  scenario('top: titles and commands of the processes; a container that is not running', async (s, o) => {
    const id = (await create(s, 'tp', { Cmd: ['sleep', '1000'] })).json.Id as string;
    o.error('top created', await s.api('GET', '/containers/tp/top'), notRunning(id));
    await s.api('POST', '/containers/tp/start');
    const top = (await s.api('GET', '/containers/tp/top')).json;
    o.rec('titles', top.Titles);
    o.rec('processes', top.Processes.map((p: string[]) => ({ UID: p[0], CMD: p[p.length - 1], TTY: p[5], TIME: p[6] })));
    const aux = (await s.api('GET', '/containers/tp/top?ps_args=aux')).json;
    o.rec('aux titles', aux.Titles);
    o.rec('aux commands', aux.Processes.map((p: string[]) => p[p.length - 1]));
    await s.api('POST', '/containers/tp/pause');
    o.rec('top paused', (await s.api('GET', '/containers/tp/top')).status);
    await s.api('POST', '/containers/tp/kill');
    o.error('top exited', await s.api('GET', `/containers/${id}/top`), notRunning(id));
  });

  scenario(
    'top: a shell and its children',
    async (s, o) => {
      await create(s, 'tp2', sh('sleep 1000 & sleep 999 & wait'));
      await s.api('POST', '/containers/tp2/start');
      await s.sleep(300);
      const top = (await s.api('GET', '/containers/tp2/top')).json;
      o.rec('commands', top.Processes.map((p: string[]) => p[p.length - 1]).sort());
      const pids = top.Processes.map((p: string[]) => ({ pid: p[1], ppid: p[2] }));
      const main = pids.find((p: { ppid: string }) => !pids.some((q: { pid: string }) => q.pid === p.ppid));
      o.rec('children of the shell', pids.filter((p: { ppid: string }) => p.ppid === main?.pid).length);
    },
    { shell: true },
  );

  scenario(
    'changes: added, changed and deleted paths; none for a fresh container; the daemon\'s mounts left out',
    async (s, o) => {
      await create(s, 'ch0', { Cmd: ['true'] });
      o.rec('fresh', (await s.api('GET', '/containers/ch0/changes')).json);
      await create(s, 'ch', sh('mkdir -p /new/dir; echo x > /new/dir/f; echo y > /tmp/t; rm /etc/passwd; echo z >> /root/.profile'));
      await s.api('POST', '/containers/ch/start');
      await waitExit(s, 'ch');
      const ch = (await s.api('GET', '/containers/ch/changes')).json as { Path: string; Kind: number }[];
      o.rec('changes', [...(ch ?? [])].sort((a, b) => a.Path.localeCompare(b.Path)));
      o.error('changes unknown', await s.api('GET', '/containers/nosuch/changes'));
    },
    { shell: true },
  );
});
