// The commands that stream a container's output: logs, exec, start (-a/-i), attach.

import { demux } from '../../../engine-client';
import { getTimestamp, goTime } from '../../../units';
import { CliError, errorText, type Cli, type Invocation } from '../../cli';
import { EscapeError, streamHijacked } from '../../hijack';
import { loadConfigFile } from '../../config';
import { parseKVFile } from './opts';
import { forwardSignals, monitorTtySize, waitContainer, waitExitOrRemoved, attachContainer } from './run';
import { containerPath, trimID } from './simple';

interface InspectLite {
  Id: string;
  Config: { Tty: boolean; OpenStdin: boolean };
  HostConfig: { AutoRemove: boolean };
  State: { Running: boolean; Paused: boolean; Restarting: boolean };
}

export async function inspectContainer(cli: Cli, name: string): Promise<InspectLite> {
  return cli.json<InspectLite>('GET', containerPath(trimID('container', name), '/json'));
}

/** streams a logs body to stdout/stderr (demultiplexed unless TTY); `stop` cancels the body */
async function copyLogs(cli: Cli, res: Response, tty: boolean, stop?: AbortSignal): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const cancel = () => void reader.cancel().catch(() => {});
  stop?.addEventListener('abort', cancel, { once: true });
  const chunks: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
  try {
    if (tty) {
      for await (const c of chunks) cli.out(c);
      return;
    }
    for await (const f of demux(chunks)) {
      if (f.stream === 1) cli.out(f.data);
      else if (f.stream === 2) cli.err(f.data);
      else if (f.stream === 3) throw new CliError(`error from daemon in stream: ${new TextDecoder().decode(f.data)}`);
    }
  } finally {
    stop?.removeEventListener('abort', cancel);
  }
}

export async function runLogs(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const c = await inspectContainer(cli, inv.args[0]!);
  const query: Record<string, string> = { stdout: '1', stderr: '1' };
  const now = goTime(cli.now());
  for (const key of ['since', 'until'] as const) {
    const v = f.get<string>(key);
    if (v !== '') {
      try {
        query[key] = getTimestamp(v, now, cli.zone);
      } catch (e) {
        throw new CliError(`invalid value for "${key}": ${(e as Error).message}`);
      }
    }
  }
  if (f.get<boolean>('timestamps')) query.timestamps = '1';
  if (f.get<boolean>('details')) query.details = '1';
  if (f.get<boolean>('follow')) query.follow = '1';
  query.tail = f.get<string>('tail');
  const res = await cli.request('GET', containerPath(c.Id, '/logs'), { query });
  const stop = cli.signal;
  const copying = copyLogs(cli, res, c.Config.Tty, stop);
  if (!stop) return copying;
  const stopped = new Promise<'stopped'>((resolve) => {
    if (stop.aborted) resolve('stopped');
    stop.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  const r = await Promise.race([copying.then(() => 'done' as const), stopped]);
  if (r === 'stopped') {
    copying.catch(() => {});
    throw new CliError('', 130);
  }
}

export async function runExec(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const [name, ...cmd] = inv.args;
  const detach = f.get<boolean>('detach');
  const tty = f.get<boolean>('tty');
  const interactive = f.get<boolean>('interactive');
  const envFiles: string[] = [];
  for (const file of f.get<string[]>('env-file')) envFiles.push(...parseKVFile({ env: cli.env, cwd: cli.cwd, fs: cli.io.fs, consoleSize: [0, 0], serverOS: 'linux' }, file, (k) => cli.env[k]));
  const env = [...envFiles, ...f.get<string[]>('env')];
  const detachKeys = f.get<string>('detach-keys') || loadConfigFile(cli).detachKeys || '';
  const attachStdin = !detach && interactive;
  await inspectContainer(cli, name!);
  if (!detach && tty && attachStdin && !cli.stdin.isTTY) throw new CliError('the input device is not a TTY');
  const consoleSize = tty ? [cli.height, cli.width] : undefined;
  const body = {
    User: f.get<string>('user'),
    Privileged: f.get<boolean>('privileged'),
    Tty: tty,
    ConsoleSize: consoleSize,
    AttachStdin: attachStdin,
    AttachStderr: !detach,
    AttachStdout: !detach,
    Detach: detach,
    DetachKeys: detachKeys,
    Env: env.length > 0 ? env : null,
    WorkingDir: f.get<string>('workdir'),
    Cmd: cmd,
  };
  const created = await (await cli.send('POST', containerPath(trimID('container', name!), '/exec'), body)).json();
  const execId = (created as { Id: string }).Id;
  if (!execId) throw new CliError('exec ID empty');
  const startBody = { Detach: detach, Tty: tty, ConsoleSize: consoleSize };
  if (detach) {
    await cli.send('POST', `/exec/${execId}/start`, startBody);
    return;
  }
  let conn;
  try {
    conn = await cli.engine.hijack(`/exec/${execId}/start`, { body: startBody });
  } catch (e) {
    throw cli.transportError(e);
  }
  let stopResize = () => {};
  if (tty && cli.stdin.isTTY) stopResize = monitorTtySize(cli, `/exec/${execId}/resize`);
  try {
    await streamHijacked(cli, conn, { stdin: attachStdin, stdout: true, stderr: true, tty, detachKeys });
  } finally {
    stopResize();
    conn.close();
  }
  let exitCode: number | null;
  try {
    exitCode = (await cli.json<{ ExitCode: number | null }>('GET', `/exec/${execId}/json`)).ExitCode;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw e;
  }
  if (exitCode !== 0 && exitCode !== null) throw new CliError('', exitCode);
}

export async function runStart(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const attach = f.get<boolean>('attach');
  const openStdin = f.get<boolean>('interactive');
  if (attach || openStdin) {
    if (inv.args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
    const c = await inspectContainer(cli, inv.args[0]!);
    const cleanups: (() => void)[] = [];
    if (!c.Config.Tty) cleanups.push(forwardSignals(cli, c.Id));
    const detachKeys = f.get<string>('detach-keys') || loadConfigFile(cli).detachKeys || '';
    const stdin = openStdin && c.Config.OpenStdin;
    try {
      const conn = await attachContainer(cli, c.Id, { stdin, stdout: true, stderr: true, detachKeys });
      cleanups.push(() => conn.close());
      const streamAbort = new AbortController();
      const streamDone = streamHijacked(cli, conn, { stdin, stdout: true, stderr: true, tty: c.Config.Tty, detachKeys, signal: streamAbort.signal }).then(
        () => undefined,
        (e) => e,
      );
      const wait = await waitExitOrRemoved(cli, c.Id, c.HostConfig.AutoRemove);
      const status = wait.status;
      cleanups.push(wait.cancel);
      try {
        await cli.request('POST', containerPath(c.Id, '/start'));
      } catch (e) {
        streamAbort.abort();
        conn.close();
        await streamDone;
        if (c.HostConfig.AutoRemove) await status();
        throw e;
      }
      if (c.Config.Tty && cli.outIsTerminal) cleanups.push(monitorTtySize(cli, containerPath(c.Id, '/resize')));
      const err = await streamDone;
      if (err instanceof EscapeError) return;
      if (err) throw err;
      const code = await status();
      if (code !== 0) throw new CliError('', code);
      return;
    } finally {
      for (const fn of cleanups.reverse()) fn();
    }
  }
  const failed: string[] = [];
  for (const name of inv.args) {
    try {
      await cli.request('POST', containerPath(trimID('container', name), '/start'));
      cli.out(name + '\n');
    } catch (e) {
      cli.err(errorText(cli.transportError(e)) + '\n');
      failed.push(name);
    }
  }
  if (failed.length > 0) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
}

export async function runAttach(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const name = inv.args[0]!;
  // the wait request goes out first, as docker sends it; its answer is read at the end
  let wait: Awaited<ReturnType<typeof waitContainer>> | undefined;
  let waitErr: unknown;
  try {
    wait = await waitContainer(cli, trimID('container', name), undefined, true);
  } catch (e) {
    waitErr = e;
  }
  const cleanups: (() => void)[] = [() => wait?.cancel()];
  try {
    const checkState = async () => {
      const c = await inspectContainer(cli, name);
      if (!c.State.Running) throw new CliError('You cannot attach to a stopped container, start it first');
      if (c.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
      if (c.State.Restarting) throw new CliError('You cannot attach to a restarting container, wait until it is running');
      return c;
    };
    const c = await checkState();
    const noStdin = f.get<boolean>('no-stdin');
    if (!noStdin && c.Config.Tty && !cli.stdin.isTTY) throw new CliError('the input device is not a TTY');
    const detachKeys = f.get<string>('detach-keys') || loadConfigFile(cli).detachKeys || '';
    const stdin = !noStdin && c.Config.OpenStdin;
    if (f.get<boolean>('sig-proxy') && !c.Config.Tty) cleanups.push(forwardSignals(cli, name));
    const conn = await attachContainer(cli, name, { stdin, stdout: true, stderr: true, detachKeys });
    cleanups.push(() => conn.close());
    await checkState();
    if (c.Config.Tty && cli.outIsTerminal) {
      void cli.request('POST', containerPath(name, '/resize'), { query: { h: cli.height + 1, w: cli.width + 1 } }).catch(() => {});
      cleanups.push(monitorTtySize(cli, containerPath(name, '/resize')));
    }
    await streamHijacked(cli, conn, { stdin, stdout: true, stderr: true, tty: c.Config.Tty, detachKeys });
    if (waitErr) throw waitErr;
    const text = (await wait!.text!()) ?? '';
    let r: { StatusCode: number; Error?: { Message: string } | null };
    try {
      r = JSON.parse(text);
    } catch {
      throw new CliError(text);
    }
    if (r.Error?.Message) throw new CliError(r.Error.Message);
    if (r.StatusCode !== 0) throw new CliError('', r.StatusCode);
  } finally {
    for (const fn of cleanups.reverse()) fn();
  }
}
