// How the host's clients reach dockerd. The daemon listens where its -H options say: the unix
// socket /var/run/docker.sock, and TCP addresses when it is configured so (a lesson's `listen`).
// The host (the page, a test) hands the shell the Engine API as a client reaching each address
// gets it; requests over TCP are marked so there, for the trace. Here:
// - the address a docker command names (-H, DOCKER_HOST), parsed as docker CLI 28.2.2 does
//   (opts.ParseHost), and the connection it gets: the daemon's, or a refused one where nothing
//   listens (the CLI then says "Cannot connect to the Docker daemon at ...");
// - the listener an address reaches (curl --unix-socket, curl to a TCP address);
// - the Engine API's answer as an HTTP/1.1 server written in Go (moby's) puts it on the wire:
//   its status line and headers in Go's order, with Date and Content-Length or chunked encoding.

import type { Transport } from '../engine-client';
import type { FileSystem } from '../vfs';
import { resolveName } from './network';

/** Where docker connects when nothing else is said (the CLI's default host on Linux). */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/**
 * dockerd's listening addresses, as its -H options (`unix:///var/run/docker.sock`,
 * `tcp://127.0.0.1:2375`, `tcp://0.0.0.0:2375`), and for each the Engine API as a client
 * reaching it there gets it.
 */
export type DaemonListeners = Readonly<Record<string, Transport>>;

/** What nothing listening at an address gives a client: a refused connection. */
export const REFUSED: Transport = {
  fetch: () => Promise.reject(new TypeError('dial: connect: connection refused')),
  hijack: () => Promise.reject(new TypeError('dial: connect: connection refused')),
};

// ---- addresses as docker's opts.ParseHost reads them -----------------------------------------

const DEFAULT_TCP = { host: 'localhost', port: '2375' };

/** Go's net.SplitHostPort, enough for host addresses: "h:p", "[v6]:p"; null when it fails. */
function splitHostPort(s: string): { host: string; port: string } | null {
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0 || s[end + 1] !== ':') return null;
    return { host: s.slice(1, end), port: s.slice(end + 2) };
  }
  const i = s.lastIndexOf(':');
  if (i < 0 || s.indexOf(':') !== i) return null;
  return { host: s.slice(0, i), port: s.slice(i + 1) };
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** opts.ParseTCPAddr with the default tcp://localhost:2375. */
function parseTcpAddr(tryAddr: string, original: string): string | { error: string } {
  if (tryAddr === '' || tryAddr === 'tcp://') return `tcp://${DEFAULT_TCP.host}:${DEFAULT_TCP.port}`;
  let addr = tryAddr.replace(/^tcp:\/\//, '');
  if (addr.includes('://') || addr === '') return { error: `invalid proto, expected tcp: ${tryAddr}` };
  if (addr.endsWith(']:')) addr += DEFAULT_TCP.port;
  const slash = addr.indexOf('/');
  const authority = slash < 0 ? addr : addr.slice(0, slash);
  const path = slash < 0 ? '' : addr.slice(slash);
  let hp = splitHostPort(authority);
  if (!hp) hp = authority.includes(':') && !authority.startsWith('[') ? null : splitHostPort(joinHostPort(authority.replace(/^\[|\]$/g, ''), DEFAULT_TCP.port));
  if (!hp) return { error: `invalid bind address format: ${original}` };
  const host = hp.host === '' ? DEFAULT_TCP.host : hp.host;
  const port = hp.port === '' ? DEFAULT_TCP.port : hp.port;
  if (!/^\d+$/.test(port)) return { error: `invalid bind address format: ${original}` };
  return `tcp://${joinHostPort(host, port)}${path}`;
}

/**
 * A daemon address as the docker CLI normalises it (opts.ParseHost): "" is the default socket,
 * "host:port" is TCP, "tcp://" and "unix://" take their defaults. An error names what is wrong,
 * in docker's words.
 */
export function parseDockerHost(val: string): { host: string } | { error: string } {
  const addr = val.trim();
  if (addr === '') return { host: DEFAULT_DOCKER_HOST };
  const cut = addr.indexOf('://');
  let proto = cut < 0 ? addr : addr.slice(0, cut);
  let rest = cut < 0 ? '' : addr.slice(cut + 3);
  if (cut < 0) {
    rest = proto;
    proto = 'tcp';
  }
  switch (proto) {
    case 'tcp': {
      const r = parseTcpAddr(rest, addr);
      return typeof r === 'string' ? { host: r } : r;
    }
    case 'unix': {
      const path = rest.replace(/^unix:\/\//, '');
      if (path.includes('://')) return { error: `invalid proto, expected unix: ${path}` };
      return { host: `unix://${path === '' ? '/var/run/docker.sock' : path}` };
    }
    case 'npipe': {
      const path = rest.replace(/^npipe:\/\//, '');
      if (path.includes('://')) return { error: `invalid proto, expected npipe: ${path}` };
      return { host: `npipe://${path === '' ? '//./pipe/docker_engine' : path}` };
    }
    case 'fd':
    case 'ssh':
      return { host: addr };
    default:
      return { error: `invalid bind address format: ${addr}` };
  }
}

const GLOBAL_WITH_VALUE = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

/** The -H/--host values among docker's global options (before the command), in order. */
export function dockerHostOptions(argv: readonly string[]): string[] {
  const hosts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
    let value: string | undefined;
    if (name !== a) value = a.slice(eq + 1);
    else if (/^-H./.test(a)) value = a.slice(2).replace(/^=/, '');
    else if (GLOBAL_WITH_VALUE.has(name)) value = argv[++i];
    if (name === '--host' || name === '-H' || /^-H./.test(a)) {
      // a list flag: each value may itself hold several, comma-separated
      if (value !== undefined) hosts.push(...value.split(','));
    }
  }
  return hosts;
}

/** /var/run is /run on Ubuntu: both paths name one socket. */
function socketPath(p: string): string {
  return p.replace(/^\/var\/run\//, '/run/');
}

function loopback(ip: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(ip);
}

export interface AddressContext {
  /** The IPv4 address a name resolves to on this host (the host's resolver), or null. */
  resolve?(name: string): string | null;
  /** Whether an address is one of this host's own (0.0.0.0 listens on each of them). */
  isLocal?(ip: string): boolean;
}

/** This host's view of addresses: its resolver, and its own addresses (loopback, its IP). */
export function hostAddresses(fs: FileSystem | undefined, hostname: string, hostIp: string): AddressContext {
  return {
    resolve: (name) => resolveName(name, fs, hostname),
    isLocal: (ip) => loopback(ip) || ip === hostIp || ip === '0.0.0.0',
  };
}

/**
 * The listening address (a key of the listeners) a client reaches at `address`
 * (`unix:///var/run/docker.sock`, `tcp://localhost:2375`, `tcp://127.0.0.1:2375`), or null.
 */
export function listenerFor(listen: readonly string[], address: string, at: AddressContext = {}): string | null {
  if (address.startsWith('unix://')) {
    const want = socketPath(address.slice(7));
    return listen.find((l) => l.startsWith('unix://') && socketPath(l.slice(7)) === want) ?? null;
  }
  const m = /^(?:tcp|http):\/\/(\[[^\]]*\]|[^/:]*)(?::(\d+))?\/?$/.exec(address);
  if (!m) return null;
  const name = m[1]!.replace(/^\[|\]$/g, '');
  const port = m[2] ?? '2375';
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? name : at.resolve ? at.resolve(name) : name === 'localhost' ? '127.0.0.1' : null;
  if (ip === null) return null;
  for (const l of listen) {
    const lm = /^tcp:\/\/([^:/]+):(\d+)$/.exec(l);
    if (!lm || lm[2] !== port) continue;
    if (lm[1] === ip) return l;
    if (lm[1] === '0.0.0.0' && (at.isLocal ? at.isLocal(ip) : true)) return l;
    if (lm[1] === 'localhost' && loopback(ip)) return l;
  }
  return null;
}

/** The connection a docker command gets: the host it names (for docker's messages) and the API there. */
export type DockerConnection =
  | { host: string | null; transport: Transport; listener: string | null }
  | { error: string };

/**
 * Where `docker <argv>` connects with the environment `env`: -H wins over DOCKER_HOST; neither
 * means the default socket. `host` is null when the command named none (the CLI uses its default).
 */
export function dockerConnection(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, listeners: DaemonListeners, at: AddressContext = {}): DockerConnection {
  const options = dockerHostOptions(argv);
  if (options.length > 1) return { error: 'Specify only one -H' };
  const named = options.length === 1 ? options[0]! : (env.DOCKER_HOST ?? '');
  const parsed = parseDockerHost(named);
  if ('error' in parsed) return parsed;
  const listener = listenerFor(Object.keys(listeners), parsed.host, at);
  return { host: named === '' ? null : parsed.host, transport: listener === null ? REFUSED : listeners[listener]!, listener };
}

// ---- the Engine API's answer on the wire ----------------------------------------------------

/** Go's http.CanonicalHeaderKey: "api-version" -> "Api-Version". */
export function canonicalHeaderKey(k: string): string {
  return k.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** http.TimeFormat: "Mon, 02 Jan 2006 15:04:05 GMT". */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** Go's http.StatusText for the codes the Engine API answers with. */
const GO_STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Go's net/http buffers this much of a handler's output before it must choose chunked encoding. */
const BUFFER_BEFORE_CHUNKING = 2048;

/** Go's DetectContentType for text; moby's handlers set every other type themselves. */
const SNIFFED_TEXT = 'text/plain; charset=utf-8';

/**
 * The response head as Go's net/http server writes a handler's answer: the handler's headers
 * sorted by key, then Date, then Content-Length (when the handler ended having written at most
 * 2 KiB) and a sniffed Content-Type, or Transfer-Encoding: chunked for a body still streaming.
 */
export function goResponseHead(
  res: { status: number; statusText?: string; headers: Headers },
  body: { complete: boolean; size: number },
  opts: { method: string; now: number },
): { reason: string; headers: [string, string][] } {
  const head = opts.method === 'HEAD';
  const own: [string, string][] = [];
  let sniffed: string | null = null;
  res.headers.forEach((v, k) => {
    const key = canonicalHeaderKey(k);
    if (key === 'Date' || key === 'Transfer-Encoding' || key === 'Connection') return;
    if (key === 'Content-Length' && !head) return;
    if (key === 'Content-Type' && v === SNIFFED_TEXT && !head) {
      sniffed = v;
      return;
    }
    own.push([key, v]);
  });
  own.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const headers = own;
  headers.push(['Date', httpDate(opts.now)]);
  const bodyAllowed = !(res.status >= 100 && res.status < 200) && res.status !== 204 && res.status !== 304;
  const fixed = body.complete && body.size <= BUFFER_BEFORE_CHUNKING;
  if (bodyAllowed && !head && fixed) headers.push(['Content-Length', String(body.size)]);
  if (sniffed !== null && bodyAllowed && !head) headers.push(['Content-Type', sniffed]);
  if (bodyAllowed && !head && !fixed) headers.push(['Transfer-Encoding', 'chunked']);
  return { reason: GO_STATUS_TEXT[res.status] ?? res.statusText ?? '', headers };
}
