// docker exec over the API: exit codes, output streams, Env and WorkingDir, the container's
// environment, and the refusals (stopped, paused, unknown exec, started twice).

import { describe } from 'vitest';
import { create, demux, eventsSince, mark, scenario, type Side } from './harness';
import { notRunning } from './texts';

const sh = (script: string, extra: Record<string, unknown> = {}) => ({ Cmd: ['sh', '-c', script], ...extra });

async function exec(s: Side, ref: string, body: Record<string, unknown>): Promise<{ id: string; out: unknown; inspect: unknown }> {
  const c = await s.api('POST', `/containers/${ref}/exec`, { AttachStdout: true, AttachStderr: true, ...body });
  if (c.status !== 201) return { id: '', out: { status: c.status, message: c.json?.message }, inspect: null };
  const h = await s.hijack(`/exec/${c.json.Id}/start`, { Detach: false, Tty: !!body.Tty });
  const bytes = await h.read();
  const out = body.Tty ? new TextDecoder().decode(bytes) : demux(bytes).frames;
  const i = (await s.api('GET', `/exec/${c.json.Id}/json`)).json;
  return { id: c.json.Id, out, inspect: { Running: i.Running, ExitCode: i.ExitCode, ProcessConfig: i.ProcessConfig, OpenStdout: i.OpenStdout, OpenStderr: i.OpenStderr, OpenStdin: i.OpenStdin } };
}

describe('differential: exec', () => {
  scenario(
    'exit codes and output streams; exec inspect; events',
    async (s, o) => {
      await create(s, 'ex', { Cmd: ['sleep', '1000'] });
      await s.api('POST', '/containers/ex/start');
      const t0 = await mark(s);
      o.rec('exit 7', await exec(s, 'ex', { Cmd: ['sh', '-c', 'echo out; sleep 0.1; echo err >&2; exit 7'] }));
      o.rec('true', await exec(s, 'ex', { Cmd: ['true'] }));
      o.rec('stdout only', await exec(s, 'ex', { Cmd: ['sh', '-c', 'echo out; echo err >&2'], AttachStderr: false }));
      o.rec('tty', await exec(s, 'ex', { Cmd: ['sh', '-c', 'echo out; echo err >&2'], Tty: true }));
      const ev = await eventsSince(s, t0, { type: ['container'] });
      o.rec('events', ev.map((e) => `${e.Action} ${e.attrs.exitCode ?? ''}`));
    },
    { shell: true },
  );

  scenario(
    'a command that cannot run: not found, a directory, a missing working directory',
    async (s, o) => {
      await create(s, 'ex2', { Cmd: ['sleep', '1000'] });
      await s.api('POST', '/containers/ex2/start');
      const failing = async (label: string, body: Record<string, unknown>, texts: { v20: string; v28: string }, codes: { v20: number; v28: number }) => {
        const r = await exec(s, 'ex2', body);
        const text = (r.out as [number, string][]).map((f) => `${f[0]}:${f[1]}`).join('');
        o.error(`${label} text`, { status: 200, text, read: async () => new Uint8Array() }, { v20: `1:${texts.v20}\r\n`, v28: `1:${texts.v28}\r\n` });
        const i = r.inspect as { ExitCode: number; Running: boolean };
        o.rec(`${label} running`, i.Running);
        o.versioned(`${label} exit code`, i.ExitCode, codes);
      };
      const oci = 'OCI runtime exec failed: exec failed: unable to start container process: ';
      // 28.2's setExitCodeFromError: 127 for a command or directory not found, 126 (with
      // ": permission denied" appended) for a directory; 20.10 answered 126 for all
      await failing(
        'not found',
        { Cmd: ['nosuchcmd'] },
        { v20: `${oci}exec: "nosuchcmd": executable file not found in $PATH: unknown`, v28: `${oci}exec: "nosuchcmd": executable file not found in $PATH: unknown` },
        { v20: 126, v28: 127 },
      );
      await failing(
        'directory',
        { Cmd: ['/etc'] },
        { v20: `${oci}exec: "/etc": permission denied: unknown`, v28: `${oci}exec: "/etc": is a directory: unknown: permission denied` },
        { v20: 126, v28: 126 },
      );
      await failing(
        'missing WorkingDir',
        { Cmd: ['pwd'], WorkingDir: '/nope' },
        {
          v20: `${oci}chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown`,
          v28: `${oci}chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown`,
        },
        { v20: 126, v28: 127 },
      );
    },
    { shell: true },
  );

  scenario(
    'Env and WorkingDir: the container\'s, the exec\'s, and what a process sees',
    async (s, o) => {
      await create(s, 'ex3', { Cmd: ['sleep', '1000'], Env: ['A=1', 'B=two'], WorkingDir: '/tmp' });
      await s.api('POST', '/containers/ex3/start');
      const id = (await s.api('GET', '/containers/ex3/json')).json.Id as string;
      const env = await exec(s, 'ex3', { Cmd: ['env'] });
      const vars = ((env.out as [number, string][])[0]?.[1] ?? '')
        .trim()
        .split('\n')
        .map((l) => (l === `HOSTNAME=${id.slice(0, 12)}` ? 'HOSTNAME=(short id)' : l))
        .sort();
      o.rec('env', vars);
      o.rec('pwd', (await exec(s, 'ex3', { Cmd: ['pwd'] })).out);
      o.rec('exec WorkingDir', (await exec(s, 'ex3', { Cmd: ['pwd'], WorkingDir: '/etc' })).out);
      o.rec('exec Env', (await exec(s, 'ex3', { Cmd: ['sh', '-c', 'echo $A $B $C'], Env: ['B=three', 'C=4'] })).out);
    },
    { shell: true },
  );

  scenario(
    'refusals: exec in a stopped or paused container, an unknown exec, an exec started twice, no command',
    async (s, o) => {
      const cid = (await create(s, 'ex4', { Cmd: ['sleep', '1000'] })).json.Id as string;
      o.error('created', await s.api('POST', '/containers/ex4/exec', { Cmd: ['true'] }), notRunning(cid));
      await s.api('POST', '/containers/ex4/start');
      o.error('no command', await s.api('POST', '/containers/ex4/exec', { Cmd: [] }));
      const x = (await s.api('POST', '/containers/ex4/exec', { Cmd: ['true'] })).json.Id as string;
      await (await s.hijack(`/exec/${x}/start`, {})).read();
      const again = await s.hijack(`/exec/${x}/start`, {});
      const text = demux(await again.read()).frames.map((f) => `${f[0]}:${f[1]}`).join('');
      // the error goes down the hijacked stream, on stdout
      o.error('started twice', { status: again.status, text, read: async () => new Uint8Array() }, {
        v20: /^1:Error: Exec command [0-9a-f]{64} (is already running|has already run)\r\n$/, // 20.10 races its exit bookkeeping
        v28: `1:exec command ${x} has already run\r\n`,
      });
      o.error('unknown exec inspect', await s.api('GET', '/exec/nosuch/json'));
      o.error('unknown exec start', await s.hijack('/exec/nosuch/start', {}));
      await s.api('POST', '/containers/ex4/pause');
      o.error('paused', await s.api('POST', '/containers/ex4/exec', { Cmd: ['true'] }));
      await s.api('POST', '/containers/ex4/unpause');
      await s.api('POST', '/containers/ex4/kill');
      o.error('exited', await s.api('POST', '/containers/ex4/exec', { Cmd: ['true'] }), notRunning(cid));
      o.rec('ExecIDs', (await s.api('GET', '/containers/ex4/json')).json.ExecIDs?.length ?? null);
    },
    { shell: true },
  );
});
