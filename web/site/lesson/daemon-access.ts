// How the lesson page's host reaches its daemon on every address the lesson's dockerd listens on
// (the `listen` front matter: dockerd's -H options):
// - `docker -H ADDR ...` and DOCKER_HOST: the CLI gets a connection to the daemon at ADDR, or a
//   refused one when the daemon does not listen there (docker then says it cannot connect);
// - `curl --unix-socket /var/run/docker.sock http://localhost/...`, or curl to a TCP address the
//   daemon listens on: the request goes to the Engine API, and curl prints the answer.
// Requests over TCP are marked so, for the trace (the lessons check how a request travelled).
// Every other curl goes to the host's own curl (published ports).

import { TRANSPORT_HEADER } from '../../../src/api/app';
import { runDocker } from '../../../src/cli/docker';
import type { CliIo } from '../../../src/cli/io';
import { EngineClient, type Transport } from '../../../src/engine-client';
import { Signal, type Command, type CommandContext, type Run } from '../../../src/sh';
import type { DockerRunner } from '../../../src/shell';
import { HTTP_REASONS } from '../../../src/shell/network';

/** What serves an address: the in-page Engine API's transport. */
export interface DaemonAccess {
  /** The daemon's addresses (dockerd -H). */
  listen: readonly string[];
  /** A transport to the API, for requests arriving over 'unix' or 'tcp'. */
  transport(via: 'unix' | 'tcp'): Transport;
}

/** The listening address an address reaches ("tcp://localhost:2375" → "tcp://127.0.0.1:2375"), or null. */
export function listenerFor(listen: readonly string[], addr: string): string | null {
  if (addr.startsWith('unix://')) return listen.includes(addr) ? addr : null;
  const m = /^(?:tcp|http):\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(addr);
  if (!m) return null;
  for (const l of listen) {
    const lm = /^tcp:\/\/([^:]+):(\d+)$/.exec(l);
    if (!lm || lm[2] !== m[2]) continue;
    const host = m[1] === 'localhost' ? '127.0.0.1' : m[1];
    if (lm[1] === '0.0.0.0' || lm[1] === host) return l;
  }
  return null;
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

const REFUSED: Transport = {
  fetch: () => Promise.reject(new TypeError('connect ECONNREFUSED')),
  hijack: () => Promise.reject(new TypeError('connect ECONNREFUSED')),
};

const WITH_VALUE = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

/** The daemon address docker's global options name (-H, --host), or null. */
export function hostOption(argv: readonly string[]): string | null {
  let host: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-' || a === '--') break;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (/^-H./.test(a)) value = a.slice(2);
    else if (WITH_VALUE.has(name)) value = argv[++i];
    if (name === '-H' || name === '--host' || /^-H./.test(a)) host = value ?? null;
  }
  return host;
}

/** The docker CLI, connected to the address -H or DOCKER_HOST names (the socket by default). */
export function dockerRunner(access: DaemonAccess, run: DockerRunner = runDocker): DockerRunner {
  return (argv: readonly string[], io: CliIo) => {
    const host = hostOption(argv) ?? (io.env?.DOCKER_HOST || null);
    if (host === null) return run(argv, io);
    const l = listenerFor(access.listen, host);
    const t = l === null ? REFUSED : access.transport(l.startsWith('tcp://') ? 'tcp' : 'unix');
    // the CLI names the daemon it could not reach by DOCKER_HOST: -H wins over the variable
    return run(argv, { ...io, env: { ...io.env, DOCKER_HOST: host }, engine: new EngineClient(t) });
  };
}

interface CurlRequest {
  socket: string | null;
  url: string;
  method: string | null;
  headers: [string, string][];
  data: string | null;
  include: boolean;
  fail: boolean;
  silent: boolean;
  showError: boolean;
}

function parseCurl(args: readonly string[]): CurlRequest {
  const r: CurlRequest = { socket: null, url: '', method: null, headers: [], data: null, include: false, fail: false, silent: false, showError: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--unix-socket') r.socket = args[++i] ?? '';
    else if (a === '-X' || a === '--request') r.method = args[++i] ?? null;
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) r.headers.push([h.slice(0, c).trim(), h.slice(c + 1).trim()]);
    } else if (a === '-d' || a === '--data' || a === '--data-raw' || a === '--data-binary') r.data = r.data === null ? (args[++i] ?? '') : `${r.data}&${args[++i] ?? ''}`;
    else if (a === '--json') {
      r.data = args[++i] ?? '';
      r.headers.push(['Content-Type', 'application/json'], ['Accept', 'application/json']);
    } else if (a === '--url') r.url = args[++i] ?? '';
    else if (/^-[a-zA-Z]+$/.test(a) && !a.startsWith('--')) {
      for (const f of a.slice(1)) {
        if (f === 'i') r.include = true;
        else if (f === 'f') r.fail = true;
        else if (f === 's') r.silent = true;
        else if (f === 'S') r.showError = true;
      }
    } else if (a === '--include') r.include = true;
    else if (a === '--fail') r.fail = true;
    else if (a === '--silent') r.silent = true;
    else if (a === '--show-error') r.showError = true;
    else if (!a.startsWith('-')) r.url = a;
  }
  return r;
}

function* wait<T>(p: Promise<T>): Run<T> {
  return (yield { type: 'await', promise: p }) as T;
}

/** Whether a curl command line goes to the Engine API (by socket or by a TCP address it listens on). */
export function curlTarget(access: DaemonAccess, args: readonly string[]): 'unix' | 'tcp' | null {
  const r = parseCurl(args);
  if (r.socket !== null) return listenerFor(access.listen, `unix://${r.socket}`) ? 'unix' : null;
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(r.url) ? r.url : `http://${r.url}`);
  } catch {
    return null;
  }
  return u.protocol === 'http:' && listenerFor(access.listen, `tcp://${u.hostname}:${u.port || '80'}`) ? 'tcp' : null;
}

/** curl: to the Engine API when it names the daemon's socket or address, else the host's curl. */
export function engineCurl(access: DaemonAccess, hostCurl: () => Command): Command {
  return function* curl(ctx: CommandContext): Run<number> {
    const args = ctx.args.slice(1);
    const r = parseCurl(args);
    const via = curlTarget(access, args);
    if (via === null) {
      if (r.socket !== null) {
        // a socket nothing listens on
        if (!r.silent || r.showError) ctx.stderr.write(`curl: (7) Failed to connect to localhost port 80 after 0 ms: Could not connect to server\n`);
        return 7;
      }
      return yield* hostCurl()(ctx);
    }
    let u: URL;
    try {
      u = new URL(/^[a-z]+:\/\//i.test(r.url) ? r.url : `http://${r.url}`);
    } catch {
      if (!r.silent || r.showError) ctx.stderr.write(`curl: (3) URL rejected: Malformed input to a URL function\n`);
      return 3;
    }
    const headers = new Headers({ 'User-Agent': 'curl/8.5.0', Accept: '*/*' });
    for (const [k, v] of r.headers) headers.set(k, v);
    if (r.data !== null && !headers.has('content-type')) headers.set('Content-Type', 'application/x-www-form-urlencoded');
    const method = r.method ?? (r.data !== null ? 'POST' : 'GET');
    const abort = new AbortController();
    const req = new Request(`http://docker${u.pathname}${u.search}`, { method, headers, body: r.data ?? undefined, signal: abort.signal });
    const t = access.transport(via);
    try {
      const res = yield* wait(t.fetch(req));
      if (r.fail && res.status >= 400) {
        void res.body?.cancel();
        if (!r.silent || r.showError) ctx.stderr.write(`curl: (22) The requested URL returned error: ${res.status}\n`);
        return 22;
      }
      if (r.include) {
        let head = `HTTP/1.1 ${res.status} ${res.statusText || (HTTP_REASONS[res.status] ?? '')}\r\n`;
        res.headers.forEach((v, k) => {
          head += `${k.replace(/(^|-)[a-z]/g, (s) => s.toUpperCase())}: ${v}\r\n`;
        });
        ctx.stdout.write(`${head}\r\n`);
      }
      if (!res.body) return 0;
      // the body as it arrives (docker events, logs -f stream until Ctrl-C)
      const reader = res.body.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const chunk = yield* wait(reader.read());
        if (chunk.done) break;
        ctx.stdout.write(dec.decode(chunk.value, { stream: true }));
      }
      const rest = dec.decode();
      if (rest) ctx.stdout.write(rest);
      return 0;
    } catch (e) {
      abort.abort();
      if (e instanceof Signal) {
        if (e.signal === 'SIGINT') return 130;
        throw e;
      }
      if (!r.silent || r.showError) ctx.stderr.write(`curl: (7) Could not connect to server\n`);
      return 7;
    }
  };
}

