// docker run (cli/command/container/run.go): create, attach, wait, start, then stream until the
// container's output ends; the exit status becomes the CLI's. Signals are proxied to the
// container; errors are wrapped with "docker: ... Run 'docker run --help'" and exit 125/126/127.

import type { Duplex } from '../../../engine-client';
import { Cli, CliError, errorText, type Invocation } from '../../cli';
import { EscapeError, streamHijacked } from '../../hijack';
import type { CliSignal } from '../../io';
import { createContainer, createOptionsOf, parseContainerFlags, serverOS } from './create';
import type { ContainerConfig } from './opts';

/** withHelp + toStatusError */
export function runError(e: unknown, command = 'run'): CliError {
  const msg = errorText(e);
  const text = `docker: ${msg}\n\nRun 'docker ${command} --help' for more information`;
  if (msg.includes('executable file not found') || msg.includes('no such file or directory') || msg.includes('system cannot find the file specified')) return new CliError(text, 127);
  if (msg.includes('permission denied') || msg.includes('is a directory')) return new CliError(text, 126);
  return new CliError(text, 125);
}

const SIGNAL_NAMES: Record<CliSignal, string> = { SIGINT: 'INT', SIGTERM: 'TERM', SIGHUP: 'HUP', SIGQUIT: 'QUIT' };

/** ForwardAllSignals: each signal the CLI gets becomes POST /containers/{id}/kill?signal=NAME */
export function forwardSignals(cli: Cli, id: string): () => void {
  return cli.onSignal((sig) => {
    void cli.request('POST', `/containers/${encodeURIComponent(id)}/kill`, { query: { signal: SIGNAL_NAMES[sig] } }).catch(() => {});
  });
}

/**
 * waitExitOrRemoved: the wait request is sent now; `status()` gives the exit status, `cancel()`
 * abandons the request (the real CLI's process exits with it still open).
 */
export async function waitExitOrRemoved(cli: Cli, id: string, removed: boolean): Promise<{ status: () => Promise<number>; cancel: () => void }> {
  return waitContainer(cli, id, removed ? 'removed' : 'next-exit');
}

/** POST /containers/{id}/wait, read in the background; see waitExitOrRemoved */
export async function waitContainer(cli: Cli, id: string, condition?: string, raw = false): Promise<{ status: () => Promise<number>; cancel: () => void; text?: () => Promise<string> }> {
  let res: Response;
  try {
    res = await cli.request('POST', `/containers/${encodeURIComponent(id)}/wait`, { query: condition ? { condition } : {} });
  } catch (e) {
    const p = Promise.resolve().then(() => {
      cli.err(logrusError(cli, `error waiting for container: ${errorText(e)}`));
      return 125;
    });
    return { status: () => p, cancel: () => {} };
  }
  const reader = res.body?.getReader();
  let cancelled = false;
  const read = async (): Promise<string> => {
    if (!reader) return '';
    const dec = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += dec.decode(value, { stream: true });
    }
  };
  const body = read();
  if (raw) {
    body.catch(() => {});
    return { status: async () => 0, cancel: () => void reader?.cancel().catch(() => {}), text: () => body };
  }
  const p = body.then(
    (text) => {
      try {
        const r = JSON.parse(text) as { StatusCode: number; Error?: { Message: string } | null };
        if (r.Error && r.Error.Message) {
          cli.err(logrusError(cli, `Error waiting for container: ${r.Error.Message}`));
          return 125;
        }
        return r.StatusCode;
      } catch {
        if (!cancelled) cli.err(logrusError(cli, `error waiting for container: ${text}`));
        return 125;
      }
    },
    (e) => {
      if (!cancelled) cli.err(logrusError(cli, `error waiting for container: ${errorText(e)}`));
      return 125;
    },
  );
  return {
    status: () => p,
    cancel: () => {
      cancelled = true;
      void reader?.cancel().catch(() => {});
    },
  };
}

/** logrus's text formatter on a non-terminal: time="…" level=error msg="…" */
export function logrusError(cli: Cli, msg: string): string {
  if (cli.errIsTerminal) return `ERRO[0000] ${msg}\n`;
  const t = new Date(cli.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  return `time="${t}" level=error msg=${JSON.stringify(msg)}\n`;
}

export async function attachContainer(cli: Cli, id: string, o: { stdin: boolean; stdout: boolean; stderr: boolean; detachKeys: string }): Promise<Duplex> {
  const query: Record<string, string> = { stream: '1' };
  if (o.stdin) query.stdin = '1';
  if (o.stdout) query.stdout = '1';
  if (o.stderr) query.stderr = '1';
  if (o.detachKeys) query.detachKeys = o.detachKeys;
  try {
    return await cli.engine.hijack(`/containers/${encodeURIComponent(id)}/attach`, { query });
  } catch (e) {
    throw cli.transportError(e);
  }
}

/** resize the container's (or exec's) TTY to the terminal, and again on each resize */
export function monitorTtySize(cli: Cli, path: string): () => void {
  const resize = () => {
    const h = cli.height;
    const w = cli.width;
    if (h === 0 && w === 0) return;
    void cli.request('POST', path, { query: { h, w } }).catch(() => {});
  };
  resize();
  return cli.io.onResize ? cli.io.onResize(() => resize()) : () => {};
}

export async function runRun(cli: Cli, inv: Invocation): Promise<void> {
  let cfg: ContainerConfig;
  try {
    cfg = parseContainerFlags(cli, inv, await serverOS(cli));
  } catch (e) {
    throw new CliError(`docker: ${errorText(e)}\n\nRun 'docker run --help' for more information`, 125);
  }
  await runContainer(cli, inv, cfg);
}

async function runContainer(cli: Cli, inv: Invocation, cfg: ContainerConfig): Promise<void> {
  const f = inv.flags;
  const config = cfg.config;
  const detach = f.get<boolean>('detach');
  if (detach) {
    config.AttachStdin = false;
    config.AttachStdout = false;
    config.AttachStderr = false;
    config.StdinOnce = false;
  }
  let id: string;
  try {
    id = await createContainer(cli, cfg, createOptionsOf(inv));
  } catch (e) {
    throw runError(e);
  }
  const stopSignals = f.get<boolean>('sig-proxy') ? forwardSignals(cli, id) : () => {};
  const cleanups: (() => void)[] = [stopSignals];
  try {
    const attachStdin = config.AttachStdin === true;
    const attachStdout = config.AttachStdout === true;
    const attachStderr = config.AttachStderr === true;
    const attach = attachStdin || attachStdout || attachStderr;
    const tty = config.Tty === true;
    let conn: Duplex | undefined;
    let streamDone: Promise<unknown> | undefined;
    const streamAbort = new AbortController();
    if (attach) {
      try {
        conn = await attachContainer(cli, id, { stdin: attachStdin, stdout: attachStdout, stderr: attachStderr, detachKeys: f.get<string>('detach-keys') });
      } catch (e) {
        throw e instanceof CliError ? e : new CliError(errorText(e));
      }
      const c = conn;
      cleanups.push(() => c.close());
    }
    const autoRemove = cfg.hostConfig.AutoRemove === true;
    const wait = await waitExitOrRemoved(cli, id, autoRemove);
    const status = wait.status;
    cleanups.push(wait.cancel);
    if (conn) {
      // the output streams only once the container runs; start streaming now
      streamDone = streamHijacked(cli, conn, {
        stdin: attachStdin,
        stdout: attachStdout,
        stderr: attachStderr && !tty ? true : attachStderr,
        tty,
        detachKeys: f.get<string>('detach-keys'),
        signal: streamAbort.signal,
      }).then(
        () => undefined,
        (e) => e,
      );
    }
    try {
      await cli.request('POST', `/containers/${encodeURIComponent(id)}/start`);
    } catch (e) {
      if (conn) {
        streamAbort.abort();
        conn.close();
        await streamDone;
      }
      if (autoRemove) await status();
      throw runError(e);
    }
    if (!attach) {
      cli.out(id + '\n');
      return;
    }
    if (tty && cli.outIsTerminal) cleanups.push(monitorTtySize(cli, `/containers/${encodeURIComponent(id)}/resize`));
    const first = await Promise.race([streamDone!.then((r) => ({ kind: 'stream' as const, r })), status().then((code) => ({ kind: 'status' as const, code }))]);
    if (first.kind === 'stream') {
      const err = first.r;
      if (err instanceof EscapeError) return;
      if (err) throw err;
      const code = await status();
      if (code !== 0) throw new CliError('', code);
      return;
    }
    if (!attachStdout && !attachStderr) streamAbort.abort();
    await streamDone;
    if (first.code !== 0) throw new CliError('', first.code);
  } finally {
    for (const c of cleanups.reverse()) c();
  }
}
