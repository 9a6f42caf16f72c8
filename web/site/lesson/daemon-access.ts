// The lesson page's daemon, wired into the host shell: the in-page Engine API at each address
// the lesson's dockerd listens on (the `listen` front matter: dockerd's -H options), requests
// over TCP marked so for the trace. What an address means to docker (-H, DOCKER_HOST) and to
// curl (--unix-socket, a TCP address) is the shell's: src/shell/daemon.ts.
//
// A page gives the shell `daemon: daemonListeners(access)`. dockerRunner, engineCurl,
// listenerFor, hostOption and curlTarget connect a shell built without them the same way.

import { TRANSPORT_HEADER } from '../../../src/api/app';
import { runDocker } from '../../../src/cli/docker';
import { EngineClient, type Transport } from '../../../src/engine-client';
import type { Command } from '../../../src/sh';
import {
  connectDocker,
  curlCommand,
  dockerHostOptions,
  listenerFor as shellListenerFor,
  parseUrl,
  type DaemonListeners,
  type DockerRunner,
} from '../../../src/shell';

/** What serves an address: the in-page Engine API's transport. */
export interface DaemonAccess {
  /** The daemon's addresses (dockerd -H). */
  listen: readonly string[];
  /** A transport to the API, for requests arriving over 'unix' or 'tcp'. */
  transport(via: 'unix' | 'tcp'): Transport;
}

/** A transport whose requests are marked as arriving over `via`. */
export function marked(t: Transport, via: 'unix' | 'tcp'): Transport {
  const mark = (req: Request): Request => {
    const r = new Request(req);
    r.headers.set(TRANSPORT_HEADER, via);
    return r;
  };
  return { fetch: (req) => t.fetch(mark(req)), hijack: (req) => t.hijack(mark(req)) };
}

/** The shell's `daemon` option: each listening address and the API a client reaching it gets. */
export function daemonListeners(access: DaemonAccess): DaemonListeners {
  return Object.fromEntries(access.listen.map((l) => [l, access.transport(l.startsWith('tcp://') ? 'tcp' : 'unix')]));
}

/** The listening address an address reaches ("tcp://localhost:2375" → "tcp://127.0.0.1:2375"), or null. */
export function listenerFor(listen: readonly string[], addr: string): string | null {
  return shellListenerFor(listen, addr);
}

/** The daemon address docker's global options name (-H, --host), or null. */
export function hostOption(argv: readonly string[]): string | null {
  return dockerHostOptions(argv).pop() ?? null;
}

/** The docker CLI, connected to the address -H or DOCKER_HOST names (the socket by default). */
export function dockerRunner(access: DaemonAccess, run: DockerRunner = runDocker): DockerRunner {
  const listeners = daemonListeners(access);
  return (argv, io) => {
    const c = connectDocker(argv, io.env ?? {}, listeners);
    return run(argv, { ...io, env: c.env, engine: c.engine });
  };
}

/** Whether a curl command line goes to the Engine API (by socket or by a TCP address it listens on). */
export function curlTarget(access: DaemonAccess, args: readonly string[]): 'unix' | 'tcp' | null {
  const i = args.indexOf('--unix-socket');
  if (i >= 0) return listenerFor(access.listen, `unix://${args[i + 1] ?? ''}`) ? 'unix' : null;
  const url = parseUrl([...args].reverse().find((a) => !a.startsWith('-')) ?? '');
  return url && url.scheme === 'http' && listenerFor(access.listen, `tcp://${url.host}:${url.port}`) ? 'tcp' : null;
}

/** The shell's curl, reaching the lesson's daemon on its addresses. */
export function engineCurl(access: DaemonAccess, _hostCurl?: () => Command): Command {
  const daemon = daemonListeners(access);
  const engine = new EngineClient(access.transport('unix'));
  return (ctx) => curlCommand({ engine, daemon, hostname: ctx.sys.hostname, hostIp: '', now: () => ctx.sys.now() })(ctx);
}
