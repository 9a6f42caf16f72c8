// curl 8.5.0 (Ubuntu 24.04's) and GNU Wget 1.21.4 on the host: HTTP requests through the
// simulator, so `curl localhost:8080` reaches a container's published port. The options a
// learner uses, curl's and wget's messages and exit codes, curl's progress meter when the body
// does not go to the terminal, wget's log.

import type { Transport } from '../engine-client';
import { Signal, type Command, type CommandContext, type Run } from '../sh';
import { joinPath } from '../vfs';
import { goResponseHead, hostAddresses, listenerFor } from './daemon';
import { HTTP_REASONS, hostHttp, parseUrl, resolveName, type HttpAnswer, type HttpOutcome, type ParsedUrl } from './network';
import type { HostServices } from './services';

/** What curl reaches beyond its command context: the network, dockerd's addresses, the clock. */
export type CurlHost = Pick<HostServices, 'engine' | 'daemon' | 'hostname' | 'hostIp' | 'now'>;

function* wait<T>(p: Promise<T>): Run<T> {
  return (yield { type: 'await', promise: p }) as T;
}

/** Sleeps on the driver's clock; true when the sleep ran to its end. */
function* pause(ms: number): Run<boolean> {
  yield { type: 'sleep', ms };
  return true;
}

const CURL_VERSION = 'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7\nRelease-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n';

const CURL_HELP = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

interface CurlOpts {
  method?: string;
  headers: string[];
  data?: string;
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  location: boolean;
  fail: boolean;
  writeOut?: string;
  maxTime?: number;
  connectTimeout?: number;
  userAgent: string;
  /** --unix-socket: connect to this socket instead of the URL's host */
  unixSocket?: string;
  urls: string[];
}

const CURL_WITH_ARG: Record<string, keyof CurlOpts | 'ignore'> = {
  '-X': 'method', '--request': 'method',
  '-H': 'headers', '--header': 'headers',
  '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data', '--data-ascii': 'data', '--json': 'data',
  '-o': 'output', '--output': 'output',
  '-w': 'writeOut', '--write-out': 'writeOut',
  '-m': 'maxTime', '--max-time': 'maxTime',
  '--connect-timeout': 'connectTimeout',
  '--unix-socket': 'unixSocket',
  '-A': 'userAgent', '--user-agent': 'userAgent',
  '-u': 'ignore', '--user': 'ignore', '-e': 'ignore', '--referer': 'ignore', '--retry': 'ignore', '-b': 'ignore', '--cookie': 'ignore', '-c': 'ignore', '--cookie-jar': 'ignore', '--url': 'urls',
};
const CURL_FLAGS: Record<string, keyof CurlOpts | 'ignore'> = {
  '-i': 'include', '--include': 'include',
  '-I': 'head', '--head': 'head',
  '-s': 'silent', '--silent': 'silent',
  '-S': 'showError', '--show-error': 'showError',
  '-v': 'verbose', '--verbose': 'verbose',
  '-O': 'remoteName', '--remote-name': 'remoteName',
  '-L': 'location', '--location': 'location',
  '-f': 'fail', '--fail': 'fail',
  '-k': 'ignore', '--insecure': 'ignore', '-4': 'ignore', '--ipv4': 'ignore', '--compressed': 'ignore', '-N': 'ignore', '--no-buffer': 'ignore', '-#': 'ignore', '--progress-bar': 'ignore', '-g': 'ignore',
};

function tryCurl(ctx: CommandContext, msg: string): number {
  ctx.stderr.write(`curl: ${msg}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

/** curl's max5data: a size in at most five characters. */
function size5(n: number): string {
  const K = 1024;
  const M = K * K;
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * K) return `${String(Math.floor(n / K)).padStart(4)}k`;
  if (n < 100 * M) return `${String(Math.floor(n / M)).padStart(2)}.${Math.floor((n % M) / (M / 10))}M`;
  return `${String(Math.floor(n / M)).padStart(4)}M`;
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(total: number, got: number, sent: number, elapsedMs: number): string {
  const pct = (a: number, b: number) => String(b === 0 ? 0 : Math.floor((a * 100) / b)).padStart(3);
  const speed = Math.floor((got * 1000) / Math.max(1, elapsedMs));
  const up = Math.floor((sent * 1000) / Math.max(1, elapsedMs));
  const t = '--:--:--';
  return `${pct(got, total)} ${size5(total)}  ${pct(got, total)} ${size5(got)}  ${pct(sent, sent)} ${size5(sent)}  ${size5(speed)}  ${size5(up)} ${t} ${t} ${t} ${size5(speed)}`;
}

export function curlCommand(host: CurlHost): Command {
  return function* curl(ctx: CommandContext): Run<number> {
    const o: CurlOpts = { headers: [], include: false, head: false, silent: false, showError: false, verbose: false, remoteName: false, location: false, fail: false, userAgent: 'curl/8.5.0', urls: [] };
    const args = ctx.args.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help' || a === '-h') {
        ctx.stdout.write(CURL_HELP);
        return 0;
      }
      if (a === '--version' || a === '-V') {
        ctx.stdout.write(CURL_VERSION);
        return 0;
      }
      if (a === '--manual' || a === '-M') {
        ctx.stdout.write(CURL_HELP);
        return 0;
      }
      if (!a.startsWith('-') || a === '-') {
        o.urls.push(a);
        continue;
      }
      let name = a;
      let value: string | undefined;
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        if (eq > 0 && CURL_WITH_ARG[a.slice(0, eq)]) {
          name = a.slice(0, eq);
          value = a.slice(eq + 1);
        }
        const key = CURL_WITH_ARG[name] ?? CURL_FLAGS[name];
        if (!key) return tryCurl(ctx, `option ${a}: is unknown`);
        if (CURL_WITH_ARG[name]) {
          if (value === undefined) {
            if (i + 1 >= args.length) return tryCurl(ctx, `option ${a}: requires parameter`);
            value = args[++i]!;
          }
          const r = setCurl(o, key, value, name);
          if (r) return tryCurl(ctx, r);
          if (name === '--json') o.headers.push('Content-Type: application/json', 'Accept: application/json');
        } else if (key !== 'ignore') (o as unknown as Record<string, boolean>)[key] = true;
        continue;
      }
      // short options, possibly combined (-sSL, -XPOST, -Hfoo)
      for (let j = 1; j < a.length; j++) {
        const opt = `-${a[j]}`;
        if (CURL_WITH_ARG[opt]) {
          let v = a.slice(j + 1);
          if (v === '') {
            if (i + 1 >= args.length) return tryCurl(ctx, `option ${opt}: requires parameter`);
            v = args[++i]!;
          }
          const r = setCurl(o, CURL_WITH_ARG[opt]!, v, opt);
          if (r) return tryCurl(ctx, r);
          break;
        }
        const key = CURL_FLAGS[opt];
        if (!key) return tryCurl(ctx, `option ${a}: is unknown`);
        if (key !== 'ignore') (o as unknown as Record<string, boolean>)[key] = true;
      }
    }
    if (o.urls.length === 0) return tryCurl(ctx, 'no URL specified!');
    let status = 0;
    for (const raw of o.urls) {
      status = yield* curlOne(ctx, host, o, raw);
      if (status !== 0 && o.urls.length === 1) return status;
    }
    return status;
  };
}

function setCurl(o: CurlOpts, key: keyof CurlOpts | 'ignore', v: string, opt: string): string | null {
  switch (key) {
    case 'headers':
      o.headers.push(v);
      return null;
    case 'urls':
      o.urls.push(v);
      return null;
    case 'maxTime':
    case 'connectTimeout': {
      if (!/^\d+(\.\d+)?$/.test(v)) return `option ${opt}: expected a proper numerical parameter`;
      o[key] = Number(v);
      return null;
    }
    case 'data':
      o.data = o.data === undefined ? v : `${o.data}&${v}`;
      return null;
    case 'ignore':
      return null;
    default:
      (o as unknown as Record<string, string>)[key] = v;
      return null;
  }
}

function curlError(ctx: CommandContext, o: CurlOpts, code: number, msg: string): number {
  if (!o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${msg}\n`);
  return code;
}

/** An answer as curl reads it: the status line, the headers in the order they came, the body. */
interface Exchange {
  status: number;
  reason: string;
  headers: [string, string][];
  /** The next piece of the body as it arrives; null at its end. */
  next(): Run<string | null>;
  /** Stops reading (the rest is not wanted). */
  cancel(): void;
}

function answerExchange(res: HttpAnswer): Exchange {
  let body: string | null = res.body;
  return {
    status: res.status,
    reason: res.statusText ?? HTTP_REASONS[res.status] ?? '',
    headers: Object.entries(res.headers),
    *next() {
      const b = body;
      body = null;
      return b === '' ? null : b;
    },
    cancel() {
      body = null;
    },
  };
}

const LATER = Symbol('later');

/**
 * Resolves once the work already under way in this turn has run (a few dozen microtasks, no
 * timer: the World's clock cannot move meanwhile). What a handler had written by then, it wrote
 * at once; a body still open then is a stream.
 */
async function later(): Promise<typeof LATER> {
  for (let i = 0; i < 32; i++) await Promise.resolve();
  return LATER;
}

/**
 * The Engine API's answer to a request from the host, as it comes over the socket or TCP: the
 * head as moby's Go server writes it (Content-Length for an answer written at once,
 * chunked for a stream), then the body as it arrives.
 */
function* daemonExchange(t: Transport, req: { method: string; path: string; headers: Record<string, string>; body: string | null }, now: () => number): Run<Exchange | null> {
  const abort = new AbortController();
  const hasBody = req.body !== null && req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://docker${req.path}`, { method: req.method, headers: req.headers, body: hasBody ? req.body : undefined, signal: abort.signal });
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const stop = (): void => {
    abort.abort();
    void reader?.cancel().catch(() => {});
  };
  try {
    let res: Response;
    try {
      res = yield* wait(t.fetch(request));
    } catch (e) {
      if (e instanceof Signal) throw e;
      return null;
    }
    reader = res.body ? res.body.getReader() : null;
    const r = reader;
    // what the handler writes before Go's server must choose how to frame the body
    const early: Uint8Array[] = [];
    let size = 0;
    let done = r === null;
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
    while (r && !done && size <= 2048) {
      pending = r.read();
      const got = yield* wait(Promise.race([pending, later()]));
      if (got === LATER) break;
      pending = null;
      if (got.done) done = true;
      else {
        early.push(got.value);
        size += got.value.length;
      }
    }
    const head = goResponseHead(res, { complete: done, size }, { method: req.method, now: now() });
    const dec = new TextDecoder();
    return {
      status: res.status,
      reason: head.reason,
      headers: head.headers,
      *next() {
        for (;;) {
          const chunk = early.shift();
          if (chunk) {
            const text = dec.decode(chunk, { stream: true });
            if (text !== '') return text;
            continue;
          }
          if (done || !r) {
            const rest = dec.decode();
            done = true;
            return rest === '' ? null : rest;
          }
          let got: ReadableStreamReadResult<Uint8Array>;
          try {
            got = yield* wait(pending ?? r.read());
          } catch (e) {
            stop();
            throw e;
          }
          pending = null;
          if (got.done) done = true;
          else early.push(got.value);
        }
      },
      cancel: stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Where curl connects for a URL: dockerd where it listens (a socket named, or a TCP address), else the network. */
function daemonTarget(ctx: CommandContext, host: CurlHost, o: CurlOpts, url: ParsedUrl, ip: string | null): { transport: Transport; listener: string } | null {
  const listen = Object.keys(host.daemon);
  const listener = o.unixSocket !== undefined ? listenerFor(listen, `unix://${o.unixSocket}`) : ip === null ? null : listenerFor(listen, `tcp://${ip}:${url.port}`, hostAddresses(ctx.fs, host.hostname, host.hostIp));
  return listener === null ? null : { transport: host.daemon[listener]!, listener };
}

function* curlOne(ctx: CommandContext, host: CurlHost, o: CurlOpts, raw: string): Run<number> {
  let url: ParsedUrl | null = parseUrl(raw);
  if (!url) return curlError(ctx, o, 3, 'URL rejected: Malformed input to a URL function');
  if (url.scheme !== 'http' && url.scheme !== 'https') return curlError(ctx, o, 1, `Protocol "${url.scheme}" not supported`);
  const started = host.now();
  const elapsed = () => Math.max(0, Math.round(host.now() - started));
  const toTerminal = o.output === undefined && !o.remoteName && ctx.isatty;
  const meter = !o.silent && !toTerminal;
  const info = (s: string) => {
    if (o.verbose) ctx.stderr.write(s);
  };
  let method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  let body = o.data ?? '';
  for (let hop = 0; ; hop++) {
    // over a unix socket the URL's host is only the Host header: nothing is resolved
    const ip = o.unixSocket !== undefined ? null : resolveName(url.host, ctx.fs, host.hostname);
    if (ip === null && o.unixSocket === undefined) {
      if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0, 1)}\n`);
      return curlError(ctx, o, 6, `Could not resolve host: ${url.host}`);
    }
    info(o.unixSocket !== undefined ? `*   Trying ${o.unixSocket}:0...\n` : `*   Trying ${ip}:${url.port}...\n`);
    const headers: Record<string, string> = { Host: url.authority, 'User-Agent': o.userAgent, Accept: '*/*' };
    if (o.data !== undefined && method !== 'GET' && method !== 'HEAD') {
      headers['Content-Length'] = String(new TextEncoder().encode(body).length);
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const h of o.headers) {
      const c = h.indexOf(':');
      if (c <= 0) continue;
      const k = h.slice(0, c).trim();
      const v = h.slice(c + 1).trim();
      for (const existing of Object.keys(headers)) if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
      if (v !== '') headers[k] = v;
    }
    const daemon = daemonTarget(ctx, host, o, url, ip);
    if (o.unixSocket !== undefined && !daemon) {
      // nothing listens on that path (or it is no socket)
      if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0, 1)}\n`);
      return curlError(ctx, o, 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Couldn't connect to server`);
    }
    let ex: Exchange;
    if (daemon) {
      if (url.scheme === 'https') {
        info(`* Connected to ${url.host} (${o.unixSocket ?? ip}) port ${url.port}\n`);
        return curlError(ctx, o, 35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number');
      }
      const got = yield* daemonExchange(daemon.transport, { method, path: url.path, headers, body: o.data !== undefined ? body : null }, () => host.now());
      if (!got) {
        if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0, 1)}\n`);
        return curlError(ctx, o, 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Couldn't connect to server`);
      }
      ex = got;
      info(`* Connected to ${url.host} (${o.unixSocket ?? ip}) port ${url.port}\n`);
    } else {
      const target = ip!.startsWith('127.') ? '127.0.0.1' : ip!;
      let outcome: HttpOutcome;
      try {
        outcome = yield* wait(hostHttp(host.engine, { url: `http://${target}:${url.port}${url.path}`, method, headers, body }));
      } catch (e) {
        return curlError(ctx, o, 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!outcome.ok) {
        if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0, 1)}\n`);
        if (outcome.error === 'refused') return curlError(ctx, o, 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Couldn't connect to server`);
        if (outcome.error === 'resolve') return curlError(ctx, o, 6, `Could not resolve host: ${url.host}`);
        // no answer: the SYN is retried until the kernel (or the timeout the user set) gives up
        const limit = Math.min(o.connectTimeout ?? Infinity, o.maxTime ?? Infinity);
        const wait_ = outcome.error === 'unreachable' ? 3060 : Number.isFinite(limit) ? limit * 1000 : 134_000;
        yield* pause(wait_);
        if (outcome.error === 'unreachable') return curlError(ctx, o, 7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Couldn't connect to server`);
        if (Number.isFinite(limit)) return curlError(ctx, o, 28, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Timeout was reached`);
        return curlError(ctx, o, 28, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Couldn't connect to server`);
      }
      info(`* Connected to ${url.host} (${ip}) port ${url.port}\n`);
      if (url.scheme === 'https') {
        return curlError(ctx, o, 35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number');
      }
      ex = answerExchange(outcome.response);
    }
    if (o.verbose) {
      let req = `> ${method} ${url.path} HTTP/1.1\n`;
      for (const [k, v] of Object.entries(headers)) req += `> ${k}: ${v}\n`;
      ctx.stderr.write(`${req}> \n`);
      let resp = `< HTTP/1.1 ${ex.status} ${ex.reason}\n`;
      for (const [k, v] of ex.headers) resp += `< ${k}: ${v}\n`;
      ctx.stderr.write(`${resp}< \n`);
    }
    const location = ex.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (o.location && location && ex.status >= 300 && ex.status < 400 && hop < 50) {
      const next = parseUrl(new URL(location, url.href).href);
      if (next) {
        ex.cancel();
        info(`* Connection #0 to host ${url.host} left intact\n* Issue another request to this URL: '${next.href}'\n`);
        if (ex.status === 303 || ((ex.status === 301 || ex.status === 302) && method === 'POST')) {
          method = 'GET';
          body = '';
        }
        url = next;
        continue;
      }
    }
    if (o.fail && ex.status >= 400) {
      ex.cancel();
      if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(0, 0, 0, 1)}\n`);
      return curlError(ctx, o, 22, `The requested URL returned error: ${ex.status}`);
    }
    let head = `HTTP/1.1 ${ex.status} ${ex.reason}\r\n`;
    for (const [k, v] of ex.headers) head += `${k}: ${v}\r\n`;
    head += '\r\n';
    let file = o.output;
    if (file === undefined && o.remoteName) {
      file = url.path.replace(/[?#].*$/, '').split('/').pop() ?? '';
      if (file === '') {
        ex.cancel();
        return curlError(ctx, o, 23, 'Remote file name has no length');
      }
    }
    // the body goes where -o says as it arrives (a stream such as /events until Ctrl-C)
    const toFile = file !== undefined && file !== '-' && file !== '/dev/null';
    const discard = file === '/dev/null';
    let saved = '';
    const enc = new TextEncoder();
    const put = (text: string): void => {
      if (discard) return;
      if (toFile) saved += text;
      else ctx.stdout.write(text);
    };
    if (o.include || o.head) put(head);
    let size = 0;
    try {
      if (method === 'HEAD') ex.cancel();
      else
        for (;;) {
          const chunk = yield* ex.next();
          if (chunk === null) break;
          size += enc.encode(chunk).length;
          put(chunk);
        }
    } finally {
      if (toFile) {
        try {
          ctx.fs.writeFile(joinPath(ctx.cwd, file!), saved);
        } catch {
          // reported below when the transfer ended normally
          saved = '\0failed';
        }
      }
    }
    if (saved === '\0failed') return curlError(ctx, o, 23, `Failure writing output to destination, passed ${size} returned 0`);
    if (meter) ctx.stderr.write(`${METER_HEAD}\r${meterLine(size, size, o.data !== undefined ? enc.encode(body).length : 0, 1)}\n`);
    if (o.verbose) ctx.stderr.write(`${toTerminal ? '' : `{ [${size} bytes data]\n`}* Connection #0 to host ${url.host} left intact\n`);
    if (o.writeOut !== undefined) ctx.stdout.write(writeOut(o.writeOut, { http_code: String(ex.status).padStart(3, '0'), size_download: String(size), url_effective: url.href, time_total: (elapsed() / 1000).toFixed(6) }));
    return 0;
  }
}

function writeOut(fmt: string, vars: Record<string, string>): string {
  return fmt
    .replace(/%\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
}

// ------------------------------------------------------------------------------------- wget

function wgetDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function freeName(ctx: CommandContext, name: string): string {
  const exists = (n: string) => {
    try {
      ctx.fs.lstat(joinPath(ctx.cwd, n));
      return true;
    } catch {
      return false;
    }
  };
  if (!exists(name)) return name;
  for (let i = 1; ; i++) if (!exists(`${name}.${i}`)) return `${name}.${i}`;
}

export function wgetCommand(host: CurlHost): Command {
  return function* wget(ctx: CommandContext): Run<number> {
    let quiet = false;
    let output: string | undefined;
    let timeout: number | undefined;
    const urls: string[] = [];
    const args = ctx.args.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help' || a === '-h') {
        ctx.stdout.write('GNU Wget 1.21.4, a non-interactive network retriever.\nUsage: wget [OPTION]... [URL]...\n\nMandatory arguments to long options are mandatory for short options too.\n\nStartup:\n  -V,  --version                   display the version of Wget and exit\n  -h,  --help                      print this help\n\nLogging and input file:\n  -q,  --quiet                     quiet (no output)\n\nDownload:\n  -T,  --timeout=SECONDS           set all timeout values to SECONDS\n  -O,  --output-document=FILE      write documents to FILE\n\nMail bug reports and suggestions to <bug-wget@gnu.org>\n');
        return 0;
      }
      if (a === '--version' || a === '-V') {
        ctx.stdout.write('GNU Wget 1.21.4 built on linux-gnu.\n');
        return 0;
      }
      if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-O' || a === '--output-document') output = args[++i];
      else if (a.startsWith('--output-document=')) output = a.slice(18);
      else if (a.startsWith('-O')) output = a.slice(2);
      else if (a === '-qO-' || a === '-qO') {
        quiet = true;
        output = a === '-qO-' ? '-' : args[++i];
      } else if (a === '-T' || a === '--timeout') timeout = Number(args[++i]);
      else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10));
      else if (/^-[qO]+/.test(a) && a.includes('q')) {
        quiet = true;
        const rest = a.slice(a.indexOf('O') + 1);
        if (a.includes('O')) output = rest !== '' ? rest : args[++i];
      } else if (a.startsWith('-') && a !== '-') {
        ctx.stderr.write(`wget: unrecognized option '${a}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
        return 2;
      } else urls.push(a);
    }
    if (urls.length === 0) {
      ctx.stderr.write("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    const log = (s: string) => {
      if (!quiet) ctx.stderr.write(s);
    };
    let status = 0;
    for (const raw of urls) {
      const url = parseUrl(raw);
      if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
        log(`${raw}: Unsupported scheme.\n`);
        status = 1;
        continue;
      }
      log(`--${wgetDate(host.now())}--  ${url.href}\n`);
      const ip = resolveName(url.host, ctx.fs, host.hostname);
      const named = ip !== url.host;
      if (ip === null) {
        log(`Resolving ${url.host} (${url.host})... failed: Temporary failure in name resolution.\n`);
        log(`wget: unable to resolve host address ‘${url.host}’\n`);
        status = 4;
        continue;
      }
      if (named) log(`Resolving ${url.host} (${url.host})... ${ip}\n`);
      const where = named ? `${url.host} (${url.host})|${ip}|:${url.port}` : `${url.host}:${url.port}`;
      log(`Connecting to ${where}... `);
      const target = ip.startsWith('127.') ? '127.0.0.1' : ip;
      const headers = { Host: url.authority, 'User-Agent': 'Wget/1.21.4', Accept: '*/*', 'Accept-Encoding': 'identity', Connection: 'Keep-Alive' };
      const listener = listenerFor(Object.keys(host.daemon), `tcp://${ip}:${url.port}`, hostAddresses(ctx.fs, host.hostname, host.hostIp));
      let outcome: HttpOutcome;
      try {
        if (listener !== null) {
          // dockerd's TCP address: the Engine API answers (wget reads it to the end)
          const ex = yield* daemonExchange(host.daemon[listener]!, { method: 'GET', path: url.path, headers, body: null }, () => host.now());
          if (!ex) outcome = { ok: false, error: 'refused', host: url.host, port: url.port };
          else {
            let text = '';
            for (let chunk = yield* ex.next(); chunk !== null; chunk = yield* ex.next()) text += chunk;
            outcome = { ok: true, response: { status: ex.status, statusText: ex.reason, headers: Object.fromEntries(ex.headers), body: text } };
          }
        } else outcome = yield* wait(hostHttp(host.engine, { url: `http://${target}:${url.port}${url.path}`, method: 'GET', headers, body: '' }));
      } catch (e) {
        if (e instanceof Signal) throw e;
        log(`failed: ${e instanceof Error ? e.message : String(e)}.\n`);
        status = 4;
        continue;
      }
      if (!outcome.ok) {
        if (outcome.error === 'refused' || outcome.error === 'resolve') {
          log('failed: Connection refused.\n');
          status = 4;
          continue;
        }
        yield* pause(timeout !== undefined && timeout > 0 ? timeout * 1000 : outcome.error === 'unreachable' ? 3060 : 134_000);
        log(outcome.error === 'unreachable' ? 'failed: No route to host.\n' : 'failed: Connection timed out.\n');
        status = 4;
        continue;
      }
      log('connected.\n');
      if (url.scheme === 'https') {
        log(`OpenSSL: error:0A00010B:SSL routines::wrong version number\nUnable to establish SSL connection.\n`);
        status = 4;
        continue;
      }
      const res = outcome.response;
      const reason = res.statusText ?? HTTP_REASONS[res.status] ?? '';
      log(`HTTP request sent, awaiting response... ${res.status} ${reason}\n`);
      if (res.status >= 400) {
        log(`${wgetDate(host.now())} ERROR ${res.status}: ${reason}.\n\n`);
        status = 8;
        continue;
      }
      const size = new TextEncoder().encode(res.body).length;
      const type = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1]?.replace(/;.*$/, '');
      const chunked = Object.entries(res.headers).some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && v === 'chunked');
      log(`Length: ${chunked ? 'unspecified' : `${size}${size >= 1024 ? ` (${(size / 1024).toFixed(1)}K)` : ''}`}${type ? ` [${type}]` : ''}\n`);
      let name = output;
      if (name === undefined) {
        const last = url.path.replace(/[?#].*$/, '').split('/').pop() ?? '';
        name = freeName(ctx, last === '' ? 'index.html' : last);
      }
      if (name === '-') {
        log('Saving to: ‘STDOUT’\n\n');
        ctx.stdout.write(res.body);
      } else {
        log(`Saving to: ‘${name}’\n\n`);
        if (name !== '/dev/null') {
          try {
            ctx.fs.writeFile(joinPath(ctx.cwd, name), res.body);
          } catch {
            log(`${name}: No such file or directory\n`);
            status = 3;
            continue;
          }
        }
      }
      const label = (name === '-' ? '-' : name).slice(0, 19).padEnd(19);
      // without a length wget cannot say how far it is: a bouncing <=> and no percentage
      if (chunked) log(`${label}     [ <=>                ] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n\n`);
      else log(`${label} 100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n\n`);
      const speed = size / 1024 / 1024 / 0.00001;
      const rate = speed >= 1 ? `${speed.toFixed(1)} MB/s` : `${(speed * 1024).toFixed(0)} KB/s`;
      log(`${wgetDate(host.now())} (${rate}) - ${name === '-' ? 'written to stdout' : `‘${name}’ saved`} [${chunked ? size : `${size}/${size}`}]\n\n`);
    }
    return status;
  };
}

