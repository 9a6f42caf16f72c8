// What the main process sees: its environment, working directory, hostname, user; and Init.

import { describe } from 'vitest';
import { create, scenario, waitExit, type Side } from './harness';

const sh = (script: string, extra: Record<string, unknown> = {}) => ({ Cmd: ['sh', '-c', script], ...extra });

async function run(s: Side, name: string, config: Record<string, unknown>): Promise<{ exit: unknown; out: string; start?: unknown }> {
  const c = await create(s, name, config);
  if (c.status !== 201) return { exit: null, out: '', start: { status: c.status, message: c.json?.message } };
  const st = await s.api('POST', `/containers/${name}/start`);
  if (st.status !== 204) return { exit: null, out: '', start: { status: st.status, message: st.json?.message } };
  const exit = await waitExit(s, name);
  const res = await s.open('GET', `/containers/${name}/logs?stdout=1&stderr=1`);
  const bytes = await s.read(res);
  let out = '';
  for (let i = 0; i + 8 <= bytes.length; ) {
    const len = new DataView(bytes.buffer, bytes.byteOffset + i + 4, 4).getUint32(0);
    out += new TextDecoder().decode(bytes.subarray(i + 8, i + 8 + len));
    i += 8 + len;
  }
  return { exit, out };
}

describe('differential: the main process', () => {
  scenario(
    'environment, working directory and hostname of the main process',
    async (s, o) => {
      const r = await run(s, 'pe', sh('env | sort; pwd; hostname; cat /etc/hostname', { Env: ['A=1', 'PATH=/bin:/usr/bin'], WorkingDir: '/srv/app', Hostname: 'box' }));
      o.rec('out', r.out.split('\n').filter((l) => !l.startsWith('SHLVL=')));
      const r2 = await run(s, 'pe2', sh('echo "$HOME $TERM"', { Tty: true }));
      o.rec('tty env', r2.out);
    },
    { shell: true },
  );

  scenario(
    'User: a numeric uid without a passwd entry; an unknown name fails the start',
    async (s, o) => {
      o.rec('uid 1234', await run(s, 'u1', sh('id -u; id -g; echo $HOME', { User: '1234' })));
      o.rec('uid:gid', await run(s, 'u2', sh('id -u; id -g', { User: '1234:5678' })));
      const r = await run(s, 'u3', sh('id -u', { User: 'nosuchuser' }));
      const start = (r.start ?? { status: 204, message: '' }) as { status: number; message: string };
      o.rec('unknown user', { ...r, start: '(text checked)' });
      o.rec('unknown user state', { ExitCode: (await s.api('GET', '/containers/u3/json')).json.State.ExitCode });
      await create(s, 'u4', { Cmd: ['sleep', '1000'] });
      await s.api('POST', '/containers/u4/start');
      const x = await s.api('POST', '/containers/u4/exec', { Cmd: ['id', '-u'], AttachStdout: true, User: '4321' });
      const h = await s.hijack(`/exec/${x.json.Id}/start`, {});
      o.rec('exec as 4321', new TextDecoder().decode((await h.read()).slice(8)));
      // daemon/exec.go (28.2) looks the user up when the exec is created; 20.10 failed at start
      o.error('exec as unknown', await s.api('POST', '/containers/u4/exec', { Cmd: ['true'], User: 'nosuchuser' }), {
        v20: /^\{"Id":"[0-9a-f]{64}"\}\n$/,
        v28: 'unable to find user nosuchuser: no matching entries in passwd file',
        status20: 201,
        status28: 400,
      });
      o.error(
        'unknown user text',
        { status: start.status, text: JSON.stringify({ message: start.message }), read: async () => new Uint8Array() },
        {
          v20: /unable to find user nosuchuser: no matching entries in passwd file/,
          v28: /unable to find user nosuchuser: no matching entries in passwd file/,
        },
      );
    },
    { shell: true },
  );

  scenario(
    'Init: docker-init is PID 1 and forwards SIGTERM to the command, which ends with 143',
    async (s, o) => {
      await create(s, 'in1', { Cmd: ['sleep', '1000'], HostConfig: { Init: true } });
      await s.api('POST', '/containers/in1/start');
      await s.sleep(300);
      const top = (await s.api('GET', '/containers/in1/top')).json;
      o.rec('processes', top.Processes.map((p: string[]) => p[p.length - 1]));
      await s.api('POST', '/containers/in1/kill?signal=TERM');
      o.rec('exited', await s.until(async () => (await s.api('GET', '/containers/in1/json')).json.State.Status === 'exited', 5000));
      o.rec('exit code', (await s.api('GET', '/containers/in1/json')).json.State.ExitCode);
    },
  );
});
