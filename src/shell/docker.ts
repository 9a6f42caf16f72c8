// The `docker` command of the host: the docker CLI emulator (src/cli) run with the terminal's
// streams, connected to the daemon where -H or DOCKER_HOST say (daemon.ts). The CLI is asynchronous; this generator waits on it, feeds it stdin from a pipe or
// a redirect when it asks, lets readers of its output run (docker ps | grep), and passes the
// signals typed on the terminal to it (the first Ctrl-C aborts what it waits on; each signal
// reaches its listeners, which `docker run` forwards to the container).

import { runDocker } from '../cli/docker';
import type { CliIo, CliSignal, CliStdin, CliWriter } from '../cli/io';
import { EngineClient } from '../engine-client';
import { readChunk, Signal, type Command, type CommandContext, type Output, type Run } from '../sh';
import { dockerConnection, hostAddresses, type AddressContext, type DaemonListeners } from './daemon';
import type { HostServices } from './services';

export type DockerRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

const CLI_SIGNALS = new Set<string>(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']);

export function dockerCommand(host: HostServices, run: DockerRunner = runDocker): Command {
  return function* docker(ctx: CommandContext): Run<number> {
    const abort = new AbortController();
    const listeners = new Set<(sig: CliSignal) => void>();
    let wake: (() => void) | null = null;
    let dirty = false;
    const poke = (): void => {
      dirty = true;
      const w = wake;
      wake = null;
      w?.();
    };
    let brokenPipe = false;
    // once the command has ended its output is closed: streams it left behind write nowhere
    let exited = false;
    const writer = (out: Output): CliWriter => {
      const dec = new TextDecoder();
      return {
        write(data) {
          if (brokenPipe || exited) return;
          const text = typeof data === 'string' ? data : dec.decode(data, { stream: true });
          if (text === '') return;
          try {
            out.write(text);
          } catch (e) {
            if (e instanceof Signal) {
              // the reading end of a pipe is gone (docker ps | head -1): SIGPIPE
              brokenPipe = true;
              poke();
              return;
            }
            throw e;
          }
          if (!ctx.isatty) poke();
        },
      };
    };

    // stdin: the terminal itself, or a pipe / redirect read through the shell
    const pipe: { read: ((chunk: string | null) => void) | null } = { read: null };
    const stash: string[] = [];
    let ended = false;
    const terminal = ctx.stdin.interactive ? terminalStdin(ctx, host) : null;
    const stdin: CliStdin = terminal ?? {
      isTTY: false,
      read(signal) {
        if (stash.length) return Promise.resolve(stash.shift()!);
        if (ended) return Promise.resolve(null);
        return new Promise((resolve) => {
          const done = (chunk: string | null): void => {
            signal?.removeEventListener('abort', onAbort);
            resolve(chunk);
          };
          const onAbort = (): void => {
            if (pipe.read === done) pipe.read = null;
            resolve(null);
          };
          if (signal?.aborted) return resolve(null);
          signal?.addEventListener('abort', onAbort, { once: true });
          pipe.read = done;
          poke();
        });
      },
    };

    const env: Record<string, string> = {};
    for (const [k, v] of ctx.env) env[k] = v;
    const engine = connect(ctx, host, env);
    const size = host.size();
    const io: CliIo = {
      stdout: writer(ctx.stdout),
      stderr: writer(ctx.stderr),
      isTTY: ctx.isatty,
      stderrIsTTY: host.isTerminal ? host.isTerminal(ctx.stderr) : ctx.isatty,
      columns: size.columns,
      rows: size.rows,
      env,
      stdin,
      signal: abort.signal,
      onSignal(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onResize(listener) {
        return host.onResize((s) => {
          io.columns = s.columns;
          io.rows = s.rows;
          listener(s.columns, s.rows);
        });
      },
      fs: ctx.fs,
      cwd: ctx.cwd,
      engine,
      now: () => host.now(),
    };

    let result: number | null = null;
    void run(ctx.args.slice(1), io)
      .then(
        (code) => {
          result = code;
        },
        (e: unknown) => {
          ctx.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
          result = 1;
        },
      )
      .finally(poke);

    let terminating = 0;
    try {
      for (;;) {
        if (result !== null) return result;
        if (brokenPipe) {
          abort.abort();
          return 128 + 13;
        }
        try {
          if (pipe.read) {
            const deliver = pipe.read;
            pipe.read = null;
            const chunk = yield* readChunk(ctx.stdin);
            if (chunk === null) ended = true;
            deliver(chunk);
            continue;
          }
          if (dirty) {
            dirty = false;
            // let the readers of a pipe take what was written
            yield { type: 'await', promise: Promise.resolve() };
            continue;
          }
          const woke = new Promise<void>((resolve) => {
            wake = resolve;
          });
          yield { type: 'await', promise: woke };
        } catch (e) {
          if (!(e instanceof Signal)) throw e;
          if (e.signal === 'SIGKILL' || e.signal === 'SIGPIPE') {
            abort.abort();
            throw e;
          }
          if (!CLI_SIGNALS.has(e.signal)) continue;
          if (e.signal === 'SIGINT') abort.abort();
          for (const l of [...listeners]) l(e.signal as CliSignal);
          if (e.signal === 'SIGINT' || e.signal === 'SIGTERM') {
            terminating++;
            if (terminating >= 3 && result === null) {
              ctx.stderr.write(`got ${terminating} SIGTERM/SIGINTs, forcefully exiting\n`);
              return 1;
            }
          }
        }
      }
    } finally {
      exited = true;
      terminal?.release();
      if (result === null) abort.abort();
    }
  };
}

/**
 * The Engine API where a docker command line says (-H, else DOCKER_HOST, else the socket), as
 * docker connects, and the CLI's environment: DOCKER_HOST becomes the host named, which
 * docker's messages show. `fallback` serves the daemon's socket when it is the listener reached.
 */
export function connectDocker(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  listeners: DaemonListeners,
  at: AddressContext = {},
  fallback?: EngineClient,
): { engine: EngineClient; env: Record<string, string | undefined> } {
  const conn = dockerConnection(argv, env, listeners, at);
  if ('error' in conn) {
    // docker cannot make a client: each request fails with what DockerCli.Client() prints
    const fail = (): Promise<never> => Promise.reject(new Error(`Failed to initialize: unable to resolve docker endpoint: ${conn.error}`));
    return { engine: new EngineClient({ fetch: fail, hijack: fail }), env: { ...env } };
  }
  const out = conn.host === null ? { ...env } : { ...env, DOCKER_HOST: conn.host };
  return { engine: fallback && conn.transport === fallback.transport ? fallback : new EngineClient(conn.transport), env: out };
}

function connect(ctx: CommandContext, host: HostServices, env: Record<string, string>): EngineClient {
  const c = connectDocker(ctx.args.slice(1), env, host.daemon, hostAddresses(ctx.fs, host.hostname, host.hostIp), host.engine);
  if (c.env.DOCKER_HOST !== undefined) env.DOCKER_HOST = c.env.DOCKER_HOST;
  return c.engine;
}

/** The CLI's stdin when it is the terminal: lines from the line discipline, or raw keys. */
function terminalStdin(ctx: CommandContext, host: HostServices): CliStdin & { release(): void } {
  let raw = false;
  const queue: string[] = [];
  let waiter: ((chunk: string | null) => void) | null = null;
  const setRaw = (on: boolean): void => {
    if (on === raw) return;
    raw = on;
    if (on) {
      host.terminal.setRawMode((data) => {
        if (waiter) {
          const w = waiter;
          waiter = null;
          w(data);
        } else queue.push(data);
      });
    } else {
      host.terminal.setRawMode(null);
      if (waiter) {
        const w = waiter;
        waiter = null;
        w(null);
      }
    }
  };
  return {
    isTTY: true,
    async read(signal) {
      if (raw) {
        if (queue.length) return queue.shift()!;
        if (signal?.aborted) return null;
        return new Promise<string | null>((resolve) => {
          const done = (chunk: string | null): void => {
            signal?.removeEventListener('abort', onAbort);
            resolve(chunk);
          };
          const onAbort = (): void => {
            if (waiter === done) waiter = null;
            resolve(null);
          };
          waiter = done;
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      }
      const buffered = ctx.stdin.take();
      if (buffered !== '') return buffered;
      try {
        return await host.terminal.readInput({ signal });
      } catch {
        return null; // the read was abandoned (signal aborted)
      }
    },
    setRawMode: setRaw,
    release() {
      setRaw(false);
    },
  };
}
