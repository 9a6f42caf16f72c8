// curl inside a container: HTTP over the simulated networks, with curl's options (-s -S -i -I
// -o -O -L -f -v -X -H -d -A -w -m), its progress meter on stderr when the output is not a
// terminal, and its error texts and exit codes ("curl: (6) Could not resolve host: web",
// "curl: (7) Failed to connect to ... port 80 after 0 ms: Couldn't connect to server").
// The version follows the image's distribution (bookworm ships 7.88.1).

import type { Command, CommandContext, Run } from '../../../sh/types';
import type { HttpResponse } from '../../network/ports';
import { httpRequest, resolveName } from '../effects';
import { byteLength, reason } from '../lib/http';
import { hostHeader, isIpv4, parseUrl, resolveLocation, type ParsedUrl } from './url';

interface CurlVersion {
  version: string;
  triplet: string;
  libs: string;
  date: string;
  patched: string;
  features: string;
}

function versionOf(ctx: CommandContext): CurlVersion {
  let osr = '';
  try {
    osr = ctx.fs.readFile('/etc/os-release');
  } catch {
    // none
  }
  const arch = ctx.sys.machine === 'aarch64' ? 'aarch64' : 'x86_64';
  if (/^ID=alpine/m.test(osr)) {
    const v = /^VERSION_ID=3\.(\d+)/m.exec(osr);
    const minor = v ? Number(v[1]) : 22;
    const version = minor >= 22 ? '8.14.1' : minor === 21 ? '8.12.1' : '8.9.1';
    return {
      version,
      triplet: `${arch}-alpine-linux-musl`,
      libs: `libcurl/${version} OpenSSL/3.5.1 zlib/1.3.1 brotli/1.1.0 zstd/1.5.7 c-ares/1.34.5 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.65.0`,
      date: minor >= 22 ? '2025-06-04' : '2025-02-05',
      patched: '',
      features: 'alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz PSL SSL threadsafe TLS-SRP UnixSockets zstd',
    };
  }
  if (/VERSION_CODENAME=noble/.test(osr)) {
    return { version: '8.5.0', triplet: `${arch}-pc-linux-gnu`, libs: 'libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7', date: '2023-12-06', patched: '8.5.0-2ubuntu10.6', features: 'alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd' };
  }
  if (/VERSION_CODENAME=trixie/.test(osr)) {
    return { version: '8.14.1', triplet: `${arch}-pc-linux-gnu`, libs: 'libcurl/8.14.1 OpenSSL/3.5.1 zlib/1.3.1 brotli/1.1.0 zstd/1.5.7 libidn2/2.3.8 libpsl/0.21.2 libssh2/1.11.1 nghttp2/1.64.0 nghttp3/1.8.0 librtmp/2.3 OpenLDAP/2.6.10', date: '2025-06-04', patched: '8.14.1-2', features: 'alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTP3 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd' };
  }
  return {
    version: '7.88.1',
    triplet: `${arch}-pc-linux-gnu`,
    libs: 'libcurl/7.88.1 OpenSSL/3.0.16 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13',
    date: '2023-02-20',
    patched: '7.88.1-10+deb12u12',
    features: 'alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd',
  };
}

function atLeast(v: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = v.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

interface Opts {
  urls: string[];
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  output: string | null;
  remoteName: boolean;
  location: boolean;
  fail: boolean;
  failWithBody: boolean;
  verbose: boolean;
  method: string | null;
  headers: string[];
  data: string[];
  userAgent: string | null;
  writeOut: string | null;
  maxTime: number | null;
  connectTimeout: number | null;
  maxRedirs: number;
  user: string | null;
  get: boolean;
  noMeter: boolean;
}

const WITH_ARG = new Set(['o', 'X', 'H', 'd', 'A', 'w', 'm', 'u', 'e', 'b', 'c', 'T', 'F', 'r', 'x', 'K', 'U', 'E', 'y', 'Y', 'z', 'C', 'P', 'Q', 't']);
const LONG_WITH_ARG: Record<string, string> = {
  output: 'o',
  request: 'X',
  header: 'H',
  data: 'd',
  'data-raw': 'd',
  'data-binary': 'd',
  'data-ascii': 'd',
  'data-urlencode': 'd',
  'user-agent': 'A',
  'write-out': 'w',
  'max-time': 'm',
  user: 'u',
  referer: 'e',
  cookie: 'b',
  'cookie-jar': 'c',
  'connect-timeout': '@connect-timeout',
  'max-redirs': '@max-redirs',
  url: '@url',
  retry: '@ignore',
  'retry-delay': '@ignore',
  'retry-max-time': '@ignore',
  'resolve': '@ignore',
  'cacert': '@ignore',
  'proxy': 'x',
  'form': 'F',
  'range': 'r',
};
const LONG_FLAGS: Record<string, string> = {
  silent: 's',
  'show-error': 'S',
  include: 'i',
  head: 'I',
  'remote-name': 'O',
  location: 'L',
  fail: 'f',
  'fail-with-body': '@fail-with-body',
  verbose: 'v',
  insecure: 'k',
  get: 'G',
  'ipv4': '4',
  'ipv6': '6',
  'no-buffer': 'N',
  compressed: '@ignore',
  'http1.1': '@ignore',
  'retry-all-errors': '@ignore',
  'no-progress-meter': '@no-progress-meter',
  globoff: 'g',
  'fail-early': '@ignore',
  'location-trusted': 'L',
  'remote-header-name': 'J',
};

function usageError(ctx: CommandContext, text: string): number {
  ctx.stderr.write(`curl: ${text}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

function parse(ctx: CommandContext, args: string[]): Opts | number {
  const o: Opts = {
    urls: [],
    silent: false,
    showError: false,
    include: false,
    head: false,
    output: null,
    remoteName: false,
    location: false,
    fail: false,
    failWithBody: false,
    verbose: false,
    method: null,
    headers: [],
    data: [],
    userAgent: null,
    writeOut: null,
    maxTime: null,
    connectTimeout: null,
    maxRedirs: 50,
    user: null,
    get: false,
    noMeter: false,
  };
  const setArg = (f: string, v: string): number | null => {
    switch (f) {
      case 'o':
        o.output = v;
        break;
      case 'X':
        o.method = v;
        break;
      case 'H':
        o.headers.push(v);
        break;
      case 'd':
        o.data.push(v);
        break;
      case 'A':
        o.userAgent = v;
        break;
      case 'w':
        o.writeOut = v;
        break;
      case 'm':
        o.maxTime = Number(v);
        if (!Number.isFinite(o.maxTime)) return usageError(ctx, 'option -m: expected a proper numerical parameter');
        break;
      case 'u':
        o.user = v;
        break;
      case '@connect-timeout':
        o.connectTimeout = Number(v);
        break;
      case '@max-redirs':
        o.maxRedirs = Number(v);
        break;
      case '@url':
        o.urls.push(v);
        break;
    }
    return null;
  };
  const setFlag = (f: string): void => {
    switch (f) {
      case 's':
        o.silent = true;
        break;
      case 'S':
        o.showError = true;
        break;
      case 'i':
        o.include = true;
        break;
      case 'I':
        o.head = true;
        break;
      case 'O':
        o.remoteName = true;
        break;
      case 'L':
        o.location = true;
        break;
      case 'f':
        o.fail = true;
        break;
      case '@fail-with-body':
        o.failWithBody = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'G':
        o.get = true;
        break;
      case '@no-progress-meter':
        o.noMeter = true;
        break;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      let name = a.slice(2);
      const negated = name.startsWith('no-') && LONG_FLAGS[name.slice(3)] !== undefined;
      if (negated) name = name.slice(3);
      if (LONG_WITH_ARG[name]) {
        const v = args[++i];
        if (v === undefined) return usageError(ctx, `option ${a}: requires parameter`);
        const r = setArg(LONG_WITH_ARG[name]!, v);
        if (r !== null) return r;
        continue;
      }
      if (LONG_FLAGS[name]) {
        if (!negated) setFlag(LONG_FLAGS[name]!);
        continue;
      }
      if (name === 'help') return -1;
      if (name === 'version') return -2;
      return usageError(ctx, `option ${a}: is unknown`);
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (WITH_ARG.has(f)) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) return usageError(ctx, `option -${f}: requires parameter`);
          const r = setArg(f, v);
          if (r !== null) return r;
          break;
        }
        if (f === 'h') return -1;
        if (f === 'V') return -2;
        if (!'sSiIOLfvkG46NgJlnqRZj#:'.includes(f)) return usageError(ctx, `option -${f}: is unknown`);
        setFlag(f);
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

/** curl's max5data: a size in at most five characters. */
function max5(n: number): string {
  if (n < 100000) return String(Math.round(n)).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  if (n < 100 * 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${String(Math.floor(mb)).padStart(2)}.${Math.floor((mb * 10) % 10)}M`;
  }
  return `${String(Math.floor(n / (1024 * 1024))).padStart(4)}M`;
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(total: number, got: number, speed: number): string {
  const pct = (a: number, b: number) => String(b === 0 ? 0 : Math.floor((a * 100) / b)).padStart(3);
  return `${pct(got, total)} ${max5(total)}  ${pct(got, total)} ${max5(got)}  ${pct(0, 0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
}

/** Nominal transfer time inside one host: the meter and -w report speeds from it. */
const TRANSFER_SECONDS = 0.001;

export const curl: Command = function* (ctx) {
  const v = versionOf(ctx);
  const parsed = parse(ctx, ctx.args.slice(1));
  if (parsed === -1) {
    ctx.stdout.write(`Usage: curl [options...] <url>\n -d, --data <data>          HTTP POST data\n -f, --fail                 Fail fast with no output on HTTP errors\n -h, --help <category>      Get help for commands\n -i, --include              Include protocol response headers in the output\n -o, --output <file>        Write to file instead of stdout\n -O, --remote-name          Write output to a file named as the remote file\n -s, --silent               Silent mode\n -T, --upload-file <file>   Transfer local FILE to destination\n -u, --user <user:password> Server user and password\n -A, --user-agent <name>    Send User-Agent <name> to server\n -v, --verbose              Make the operation more talkative\n -V, --version              Show version number and quit\n\nThis is not the full help, this menu is stripped into categories.\nUse "--help category" to get an overview of all categories.\nFor all options use the manual or "--help all".\n`);
    return 0;
  }
  if (parsed === -2) {
    ctx.stdout.write(`curl ${v.version} (${v.triplet}) ${v.libs}\nRelease-Date: ${v.date}${v.patched ? `, security patched: ${v.patched}` : ''}\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: ${v.features}\n`);
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  if (o.urls.length === 0) {
    if (ctx.args.length > 1) ctx.stderr.write(`curl: no URL specified${atLeast(v.version, 8, 0) ? '' : '!'}\n`);
    ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let status = 0;
  for (const url of o.urls) {
    status = yield* fetchOne(ctx, o, v, url);
    if (status !== 0) break;
  }
  return status;
};

function* fetchOne(ctx: CommandContext, o: Opts, v: CurlVersion, raw: string): Run<number> {
  const showErr = !o.silent || o.showError;
  // the progress meter goes to stderr when the output is not a terminal
  const meter = !o.silent && !o.noMeter && !(ctx.isatty && o.output === null && !o.remoteName);
  let meterShown = false;
  const fail = (code: number, text: string): number => {
    // the meter's last line is left open: the error follows on it
    if (meterShown) ctx.stderr.write(`\r${meterLine(0, 0, 0)}`);
    if (showErr) ctx.stderr.write(`curl: (${code}) ${text}\n`);
    writeOut(ctx, o, null, null, code);
    return code;
  };
  let url = parseUrl(raw);
  if (!url) return fail(3, 'URL using bad/illegal format or missing URL');
  let method = o.method ?? (o.head ? 'HEAD' : o.data.length > 0 && !o.get ? 'POST' : 'GET');
  let body = o.get ? '' : o.data.join('&');
  if (o.get && o.data.length > 0) url = parseUrl(`${url.href}${url.target.includes('?') ? '&' : '?'}${o.data.join('&')}`)!;
  let redirects = 0;
  let out = '';
  let last: HttpResponse | null = null;
  let lastUrl = url;
  if (meter) {
    ctx.stderr.write(METER_HEAD);
    meterShown = true;
  }
  for (;;) {
    if (url.scheme !== 'http' && url.scheme !== 'https') {
      return fail(1, atLeast(v.version, 7, 85) && !atLeast(v.version, 8, 0) ? `Protocol "${url.scheme}" not supported or disabled in libcurl` : `Protocol "${url.scheme}" not supported`);
    }
    const connectTo = url.host;
    let ip = connectTo === 'localhost' ? '127.0.0.1' : connectTo;
    if (!isIpv4(connectTo) && connectTo !== 'localhost' && !connectTo.includes(':')) {
      const r = yield* resolveName(connectTo);
      if (!r) {
        if (o.verbose) ctx.stderr.write(`* Could not resolve host: ${connectTo}\n${atLeast(v.version, 8, 0) ? '' : '* Closing connection 0\n'}`);
        return fail(6, `Could not resolve host: ${connectTo}`);
      }
      ip = r;
    }
    const headers: Record<string, string> = { Host: hostHeader(url), 'User-Agent': o.userAgent ?? `curl/${v.version}`, Accept: '*/*' };
    if (o.user) headers.Authorization = `Basic ${base64(o.user.includes(':') ? o.user : `${o.user}:`)}`;
    if (body !== '' && method !== 'GET' && method !== 'HEAD') {
      headers['Content-Length'] = String(byteLength(body));
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const h of o.headers) {
      const i = h.indexOf(':');
      if (i <= 0) continue;
      const name = h.slice(0, i).trim();
      const value = h.slice(i + 1).trim();
      for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
      if (value !== '' || h.endsWith(';')) headers[name] = value;
    }
    if (o.verbose) {
      if (atLeast(v.version, 8, 0)) ctx.stderr.write(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n`);
      ctx.stderr.write(`*   Trying ${ip}:${url.port}...\n`);
    }
    const res = yield* httpRequest({ host: connectTo, port: url.port, path: url.target, method, headers, body });
    if (!res.ok || !res.response) {
      if (res.error === 'resolve') return fail(6, `Could not resolve host: ${connectTo}`);
      const limit = o.connectTimeout ?? o.maxTime;
      if (res.error === 'timeout' && limit !== null && limit * 1000 < 10_000) {
        return fail(28, `Connection timed out after ${Math.round(limit * 1000) + 1} milliseconds`);
      }
      const ms = res.error === 'timeout' ? 10_000 : 0;
      const why = atLeast(v.version, 8, 8) ? 'Could not connect to server' : "Couldn't connect to server";
      if (o.verbose) ctx.stderr.write(`* connect to ${ip} port ${url.port} failed: ${res.error === 'timeout' ? 'Connection timed out' : res.error === 'unreachable' ? 'No route to host' : 'Connection refused'}\n* Failed to connect to ${url.host} port ${url.port} after ${ms} ms: ${why}\n${atLeast(v.version, 8, 0) ? '' : '* Closing connection 0\n'}`);
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: ${why}`);
    }
    const r = res.response;
    // a server that closed without answering in HTTP (Redis refusing a browser)
    if (r.status === 0) return fail(52, 'Empty reply from server');
    last = r;
    lastUrl = url;
    if (o.verbose) {
      ctx.stderr.write(`* Connected to ${url.host} (${ip}) port ${url.port}${atLeast(v.version, 8, 0) ? '' : ` (#0)`}\n`);
      if (atLeast(v.version, 8, 10)) ctx.stderr.write('* using HTTP/1.x\n');
      ctx.stderr.write(`> ${method} ${url.target} HTTP/1.1\r\n`);
      for (const [k, val] of Object.entries(headers)) ctx.stderr.write(`> ${k}: ${val}\r\n`);
      ctx.stderr.write('> \r\n');
      if (atLeast(v.version, 8, 0)) ctx.stderr.write('* Request completely sent off\n');
      ctx.stderr.write(`< ${statusLine(r)}\r\n`);
      for (const [k, val] of Object.entries(r.headers)) ctx.stderr.write(`< ${k}: ${val}\r\n`);
      ctx.stderr.write('< \r\n');
    }
    const location = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
    const redirect = o.location && location !== undefined && [301, 302, 303, 307, 308].includes(r.status);
    if (o.include || o.head) out += `${statusLine(r)}\r\n${Object.entries(r.headers).map(([k, val]) => `${k}: ${val}\r\n`).join('')}\r\n`;
    if (redirect) {
      if (o.verbose) ctx.stderr.write(`* Connection #0 to host ${url.host} left intact\n* Issue another request to this URL: '${resolveLocation(url, location!)}'\n`);
      if (++redirects > o.maxRedirs) return fail(47, `Maximum (${o.maxRedirs}) redirects followed`);
      const next = parseUrl(resolveLocation(url, location!));
      if (!next) return fail(3, 'URL using bad/illegal format or missing URL');
      if ((r.status === 301 || r.status === 302 || r.status === 303) && method === 'POST') {
        method = 'GET';
        body = '';
      }
      url = next;
      continue;
    }
    break;
  }
  const r = last!;
  if ((o.fail || o.failWithBody) && r.status >= 400) {
    if (o.failWithBody) emit(ctx, o, out + (o.head ? '' : r.body), lastUrl);
    else if (o.include || o.head) emit(ctx, o, out, lastUrl);
    if (meter) ctx.stderr.write(`\r${meterLine(byteLength(r.body), 0, 0)}\n`);
    if (o.verbose) ctx.stderr.write(`* The requested URL returned error: ${r.status}\n${atLeast(v.version, 8, 0) ? '' : '* Closing connection 0\n'}`);
    if (showErr) ctx.stderr.write(`curl: (22) The requested URL returned error: ${r.status}${atLeast(v.version, 7, 75) ? '' : ` ${reason(r.status)}`}\n`);
    writeOut(ctx, o, r, lastUrl, 22);
    return 22;
  }
  const content = o.head ? '' : r.body;
  const size = byteLength(content);
  if (meter) ctx.stderr.write(`\r${meterLine(0, 0, 0)}\r${meterLine(size, size, size / TRANSFER_SECONDS)}\n`);
  const wrote = emit(ctx, o, out + content, lastUrl);
  if (wrote !== 0) return wrote;
  if (o.verbose) ctx.stderr.write(`* Connection #0 to host ${lastUrl.host} left intact\n`);
  writeOut(ctx, o, r, lastUrl, 0);
  return 0;
}

function statusLine(r: HttpResponse): string {
  return `HTTP/1.1 ${r.status}${r.statusText ?? reason(r.status) ? ` ${r.statusText ?? reason(r.status)}` : ''}`;
}

/** Writes the output to stdout, or to the file of -o / -O; returns a curl error code or 0. */
function emit(ctx: CommandContext, o: Opts, text: string, url: ParsedUrl): number {
  let file = o.output;
  if (file === null && o.remoteName) {
    const name = url.target.split('?')[0]!.split('/').pop() ?? '';
    if (name === '') {
      ctx.stderr.write('curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n');
      return 23;
    }
    file = name;
  }
  if (file === null || file === '-') {
    ctx.stdout.write(text);
    return 0;
  }
  const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
  try {
    ctx.fs.writeFile(path, text);
  } catch {
    ctx.stderr.write(`Warning: Failed to open the file ${file}: No such file or directory\ncurl: (23) Failure writing output to destination\n`);
    return 23;
  }
  return 0;
}

function writeOut(ctx: CommandContext, o: Opts, r: HttpResponse | null, url: ParsedUrl | null, exit: number): void {
  if (o.writeOut === null) return;
  const size = r ? byteLength(o.head ? '' : r.body) : 0;
  const vars: Record<string, string> = {
    http_code: String(r?.status ?? 0).padStart(3, '0'),
    response_code: String(r?.status ?? 0).padStart(3, '0'),
    size_download: String(size),
    size_header: '0',
    content_type: r ? (Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '') : '',
    url_effective: url?.href ?? '',
    time_total: TRANSFER_SECONDS.toFixed(6),
    time_connect: '0.000200',
    time_namelookup: '0.000100',
    time_starttransfer: '0.000900',
    speed_download: String(Math.round(size / TRANSFER_SECONDS)),
    num_redirects: '0',
    exitcode: String(exit),
    remote_port: url ? String(url.port) : '',
    scheme: url?.scheme.toUpperCase() ?? '',
    method: r ? (o.method ?? (o.head ? 'HEAD' : 'GET')) : '',
  };
  const text = o.writeOut
    .replace(/%\{(\w+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
  ctx.stdout.write(text);
}

function base64(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = [...s].map((c) => c.charCodeAt(0) & 0xff);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + (i + 1 < bytes.length ? alphabet[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? alphabet[n & 63]! : '=');
  }
  return out;
}
