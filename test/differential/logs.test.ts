// Logs and attach: stdout/stderr separation, stdcopy framing without a TTY and raw bytes with
// one, tail, since/until, timestamps, partial lines, and the order an attached client sees.

import { describe } from 'vitest';
import { create, demux, isMultiplexed, scenario, waitExit, type Side } from './harness';

const sh = (script: string, extra: Record<string, unknown> = {}) => ({ Cmd: ['sh', '-c', script], ...extra });
const dec = new TextDecoder();

async function logs(s: Side, ref: string, query: string): Promise<{ status: number; multiplexed?: boolean; frames?: [number, string][]; raw?: string; rest?: string }> {
  const res = await s.open('GET', `/containers/${ref}/logs?${query}`);
  if (res.status !== 200) return { status: res.status, raw: await res.text() };
  const bytes = await s.read(res);
  if (isMultiplexed(bytes)) {
    const { frames, rest } = demux(bytes);
    return { status: 200, multiplexed: true, frames, rest };
  }
  return { status: 200, multiplexed: false, raw: dec.decode(bytes) };
}

describe('differential: logs', () => {
  scenario(
    'stdout and stderr: frames per stream without a TTY; stdout or stderr alone; neither is an error',
    async (s, o) => {
      await create(s, 'lg', sh('echo out1; sleep 0.1; echo err1 >&2; sleep 0.1; echo out2; printf "no newline"'));
      await s.api('POST', '/containers/lg/start');
      await waitExit(s, 'lg');
      o.rec('both', await logs(s, 'lg', 'stdout=1&stderr=1'));
      o.rec('stdout', await logs(s, 'lg', 'stdout=1'));
      o.rec('stderr', await logs(s, 'lg', 'stderr=1'));
      // 28.2 names the stream raw for clients before API 1.42 (multiplexed since); 20.10 named none
      const type = (await s.api('GET', '/containers/lg/logs?stdout=1')).headers.get('content-type');
      o.versioned('content type', type, { v20: null, v28: 'application/vnd.docker.raw-stream' });
      const none = await s.api('GET', '/containers/lg/logs');
      o.error('neither', none);
    },
    { shell: true },
  );

  scenario(
    'a TTY: one raw stream, CRLF line ends, stderr mixed in',
    async (s, o) => {
      await create(s, 'tty', sh('echo out; echo err >&2; printf "a\\tb\\n"', { Tty: true }));
      await s.api('POST', '/containers/tty/start');
      await waitExit(s, 'tty');
      o.rec('logs', await logs(s, 'tty', 'stdout=1&stderr=1'));
      o.rec('stderr only', await logs(s, 'tty', 'stderr=1'));
    },
    { shell: true },
  );

  scenario(
    'tail, timestamps, since and until',
    async (s, o) => {
      await create(s, 'ts', sh('for i in 1 2 3 4 5; do echo line$i; sleep 0.3; done'));
      await s.api('POST', '/containers/ts/start');
      await waitExit(s, 'ts');
      o.rec('tail=2', await logs(s, 'ts', 'stdout=1&tail=2'));
      o.rec('tail=0', await logs(s, 'ts', 'stdout=1&tail=0'));
      o.rec('tail=all', await logs(s, 'ts', 'stdout=1&tail=all'));
      o.rec('tail=-1', await logs(s, 'ts', 'stdout=1&tail=-1'));
      o.rec('tail=abc', await logs(s, 'ts', 'stdout=1&tail=abc'));
      const stamped = await logs(s, 'ts', 'stdout=1&timestamps=1');
      const lines = stamped.frames![0]![1].trimEnd().split('\n');
      o.rec('timestamp format', lines.map((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z line\d$/.test(l)));
      const stamps = lines.map((l) => l.split(' ')[0]!);
      const secs = (iso: string) => {
        const [whole, frac = ''] = iso.slice(0, -1).split('.');
        return `${Math.floor(Date.parse(`${whole}Z`) / 1000)}.${frac.padEnd(9, '0')}`;
      };
      o.rec('since=third', await logs(s, 'ts', `stdout=1&since=${secs(stamps[2]!)}`));
      o.rec('until=second', await logs(s, 'ts', `stdout=1&until=${secs(stamps[1]!)}`));
      o.rec('since and tail', await logs(s, 'ts', `stdout=1&since=${secs(stamps[1]!)}&tail=1`));
    },
    { shell: true },
  );

  scenario(
    'partial lines are joined until their newline; follow ends when the container exits',
    async (s, o) => {
      await create(s, 'pl', sh('printf a; sleep 0.2; printf "b\\n"; sleep 0.2; echo c'));
      const follow = await s.open('GET', '/containers/pl/logs?stdout=1&follow=1');
      o.rec('follow status', follow.status);
      await s.api('POST', '/containers/pl/start');
      const bytes = await s.read(follow);
      o.rec('follow before start', demux(bytes).frames);
      const follow2 = await s.open('GET', '/containers/pl/logs?stdout=1&follow=1');
      o.rec('follow after exit', demux(await s.read(follow2)).frames);
      o.rec('logs', await logs(s, 'pl', 'stdout=1'));
    },
    { shell: true },
  );
});

describe('differential: attach', () => {
  scenario(
    'attach before start sees stdout and stderr frames in order; the stream ends with the container',
    async (s, o) => {
      await create(s, 'at', sh('echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; exit 4'));
      const a = await s.hijack('/containers/at/attach?stream=1&stdout=1&stderr=1');
      o.rec('attach status', a.status);
      await s.api('POST', '/containers/at/start');
      const bytes = await a.read();
      o.rec('frames', demux(bytes).frames);
      o.rec('exit', await waitExit(s, 'at'));
      const replay = await s.hijack('/containers/at/attach?logs=1&stdout=1&stderr=1');
      o.rec('logs=1 on exited', demux(await replay.read()).frames);
      const only = await s.hijack('/containers/at/attach?logs=1&stderr=1');
      o.rec('logs=1 stderr only', demux(await only.read()).frames);
    },
    { shell: true },
  );

  scenario(
    'attach with a TTY: raw bytes with CRLF',
    async (s, o) => {
      await create(s, 'att', sh('echo one; sleep 0.1; echo two >&2', { Tty: true }));
      const a = await s.hijack('/containers/att/attach?stream=1&stdout=1&stderr=1');
      await s.api('POST', '/containers/att/start');
      const bytes = await a.read();
      o.rec('multiplexed', isMultiplexed(bytes));
      o.rec('raw', dec.decode(bytes));
      o.error('attach unknown', await s.hijack('/containers/nosuch/attach?stream=1&stdout=1'));
    },
    { shell: true },
  );
});
