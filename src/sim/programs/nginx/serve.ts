// How an nginx worker answers a request: server and location selection, `return`,
// `try_files`, `proxy_pass`, the static module (index, autoindex, 301 to the directory, 403,
// 404 with nginx's own error pages and error-log lines), conditional GETs, and the access log.

import type { FileSystem } from '../../../vfs/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import type { HttpClient } from '../effects';
import { byteLength, extensionOf, header, normalizeUri, reason, splitTarget } from '../lib/http';
import { clfTime, httpDate, parseHttpDate } from '../lib/time';
import type { Level, Location, NginxConfig, Scope, Server } from './model';

export interface ServeEnv {
  cfg: NginxConfig;
  fs: FileSystem;
  now(): number;
  version: string;
  hostname: string;
  /** Writes an error-log line for the worker serving the request. */
  errorLog(level: Level, text: string): void;
  /** Appends an access-log line to the log at `path`. */
  access(path: string, line: string): void;
  /** Connection number of the next request (*N in error lines). */
  nextConnection(): number;
  /** PID of the worker answering. */
  workerPid(): number;
  client: HttpClient | null;
  /** Addresses of proxied hosts, resolved at startup as nginx does. */
  resolved: Map<string, string>;
  /** uid/gid the workers run as, for permission checks. */
  workerUid: number;
  workerGid: number;
}

interface Req {
  method: string;
  target: string;
  uri: string;
  args: string;
  headers: Record<string, string>;
  remote: string;
  host: string;
  conn: number;
  server: Server;
  port: number;
  body: string;
  /** Set once an error_page redirect happened (recursive_error_pages off). */
  inErrorPage?: boolean;
}

interface Out {
  status: number;
  headers: [string, string][];
  body: string;
  /** Bytes of body nginx counts as sent ($body_bytes_sent). */
  sent?: number;
}

const CRLF = '\r\n';

/** nginx's built-in page for an error status. */
export function errorPage(status: number, version: string, tokens: boolean): string {
  const title = `${status} ${reason(status) === 'Method Not Allowed' ? 'Not Allowed' : reason(status)}`;
  const tail = tokens ? `<hr><center>nginx/${version}</center>${CRLF}` : `<hr><center>nginx</center>${CRLF}`;
  return `<html>${CRLF}<head><title>${title}</title></head>${CRLF}<body>${CRLF}<center><h1>${title}</h1></center>${CRLF}${tail}</body>${CRLF}</html>${CRLF}`;
}

function statusLine(status: number): string {
  return status === 405 ? 'Not Allowed' : reason(status);
}

export function selectServer(cfg: NginxConfig, port: number, host: string): Server | undefined {
  const candidates = cfg.servers.filter((s) => s.listens.some((l) => l.port === port));
  const name = host.replace(/:\d+$/, '').toLowerCase();
  for (const s of candidates) {
    for (const n of s.names) {
      if (n === name) return s;
      if (n.startsWith('*.') && name.endsWith(n.slice(1))) return s;
      if (n.startsWith('~') && new RegExp(n.slice(1)).test(name)) return s;
    }
  }
  return candidates.find((s) => s.listens.some((l) => l.port === port && l.def)) ?? candidates[0];
}

/** Location matching: exact, then the longest prefix (^~ stops there), then regexes in order. */
export function matchLocation(list: Location[], uri: string): Location | null {
  let best: Location | null = null;
  for (const l of list) {
    if (l.modifier === '=' && l.pattern === uri) return l;
  }
  for (const l of list) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern)) {
      if (!best || l.pattern.length > best.pattern.length) best = l;
    }
  }
  if (best) {
    const inner = matchLocation(best.locations, uri);
    if (inner) return inner;
    if (best.modifier === '^~') return best;
  }
  for (const l of list) {
    if (l.regex && l.regex.test(uri)) return matchLocation(l.locations, uri) ?? l;
  }
  return best;
}

export function handle(env: ServeEnv, port: number, req: HttpRequest): HttpResponse {
  const cfg = env.cfg;
  const conn = env.nextConnection();
  const host = header(req.headers, 'host') ?? req.host ?? '';
  const server = selectServer(cfg, port, host);
  const target = req.path || '/';
  const { path } = splitTarget(target);
  const r: Req = {
    method: req.method,
    target,
    uri: '/',
    args: splitTarget(target).query,
    headers: req.headers,
    remote: req.remoteAddr,
    host,
    conn,
    server: server!,
    port,
    body: req.body,
  };
  let out: Out;
  let scopeForLog: Scope | undefined = server;
  if (!server) out = { status: 404, headers: [], body: '' };
  else {
    const uri = path === null ? null : normalizeUri(path);
    if (uri === null || !target.startsWith('/')) {
      out = errorOut(env, r, server, 400);
    } else {
      r.uri = uri;
      const res = route(env, r, uri, 0);
      out = res.out;
      scopeForLog = res.scope ?? server;
    }
  }
  const isHead = r.method === 'HEAD';
  const sent = isHead || out.status === 304 || out.status === 204 ? 0 : (out.sent ?? byteLength(out.body));
  const headers: Record<string, string> = {};
  for (const [k, v] of out.headers) headers[k] = v;
  if (scopeForLog) logAccess(env, r, scopeForLog, out.status, sent);
  return { status: out.status, statusText: statusLine(out.status), headers, body: isHead ? '' : out.body };
}

function logAccess(env: ServeEnv, r: Req, scope: Scope, status: number, sent: number): void {
  if (scope.accessLogs === 'off') return;
  for (const l of scope.accessLogs) {
    const fmt = env.cfg.logFormats.get(l.format) ?? env.cfg.logFormats.get('combined')!;
    env.access(l.path, `${expand(fmt, (n) => variable(env, r, n, { status, sent }), '-')}\n`);
  }
}

/** Expands $name and ${name} in a template; `missing` stands for empty values (access logs: "-"). */
export function expand(template: string, get: (name: string) => string | undefined, missing = ''): string {
  return template.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_m, a: string | undefined, b: string | undefined) => {
    const v = get((a ?? b)!);
    return v === undefined || v === '' ? missing : v;
  });
}

function variable(env: ServeEnv, r: Req, name: string, extra: { status?: number; sent?: number } = {}): string | undefined {
  switch (name) {
    case 'remote_addr':
      return r.remote;
    case 'remote_user':
      return '';
    case 'time_local':
      return clfTime(env.now());
    case 'time_iso8601':
      return new Date(env.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    case 'msec':
      return (env.now() / 1000).toFixed(3);
    case 'request':
      return `${r.method} ${r.target} HTTP/1.1`;
    case 'request_method':
      return r.method;
    case 'request_uri':
      return r.target;
    case 'uri':
    case 'document_uri':
      return r.uri;
    case 'args':
    case 'query_string':
      return r.args;
    case 'is_args':
      return r.args ? '?' : '';
    case 'status':
      return String(extra.status ?? '');
    case 'body_bytes_sent':
      return String(extra.sent ?? 0);
    case 'bytes_sent':
      return String((extra.sent ?? 0) + 200);
    case 'request_time':
    case 'upstream_response_time':
      return '0.000';
    case 'host':
      return (r.host.replace(/:\d+$/, '') || r.server?.names[0]) ?? '';
    case 'http_host':
      return r.host;
    case 'server_name':
      return r.server?.names[0] ?? '';
    case 'server_port':
      return String(r.port);
    case 'server_protocol':
      return 'HTTP/1.1';
    case 'scheme':
      return 'http';
    case 'hostname':
      return env.hostname;
    case 'pid':
      return String(env.workerPid());
    case 'connection':
      return String(r.conn);
    case 'proxy_add_x_forwarded_for': {
      const xff = header(r.headers, 'x-forwarded-for');
      return xff ? `${xff}, ${r.remote}` : r.remote;
    }
    case 'nginx_version':
      return env.version;
  }
  if (name.startsWith('http_')) return header(r.headers, name.slice(5).replace(/_/g, '-'));
  if (name.startsWith('arg_')) {
    for (const kv of r.args.split('&')) {
      const [k, v = ''] = kv.split('=');
      if (k === name.slice(4)) return v;
    }
    return undefined;
  }
  return undefined;
}

function baseHeaders(env: ServeEnv, scope: Scope): [string, string][] {
  return [
    ['Server', scope.serverTokens ? `nginx/${env.version}` : 'nginx'],
    ['Date', httpDate(env.now())],
  ];
}

function errorOut(env: ServeEnv, r: Req, scope: Scope, status: number, location?: string): Out {
  const body = errorPage(status, env.version, scope.serverTokens);
  const h = baseHeaders(env, scope);
  h.push(['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))]);
  if (location) h.push(['Location', location]);
  h.push(['Connection', status === 400 ? 'close' : 'keep-alive']);
  for (const [k, v] of scope.addHeaders) if (status < 400) h.push([k, expand(v, (n) => variable(env, r, n))]);
  return { status, headers: h, body };
}

function errorLine(env: ServeEnv, r: Req, level: Level, text: string): void {
  const ref = header(r.headers, 'referer');
  const server = r.server?.names[0] ?? '';
  env.errorLog(level, `*${r.conn} ${text}, client: ${r.remote}, server: ${server}, request: "${r.method} ${r.target} HTTP/1.1"${r.host ? `, host: "${r.host}"` : ''}${ref ? `, referrer: "${ref}"` : ''}`);
}

interface Routed {
  out: Out;
  scope?: Scope;
}

/** Finds the location for `uri` and runs it; `depth` bounds internal redirects (nginx: 10). */
function route(env: ServeEnv, r: Req, uri: string, depth: number, status?: number): Routed {
  const server = r.server;
  if (depth > 10) {
    errorLine(env, r, 'error', `rewrite or internal redirection cycle while internally redirecting to "${uri}"`);
    return { out: errorOut(env, r, server, 500), scope: server };
  }
  r.uri = uri;
  const loc = matchLocation(server.locations, uri);
  const scope: Scope = loc ?? server;
  if (loc?.internal && depth === 0) return finish(env, r, scope, errorOut(env, r, scope, 404), depth);
  return { out: run(env, r, scope, loc, uri, depth, status), scope };
}

/** An error status through `error_page` when the scope names a page for it. */
function finish(env: ServeEnv, r: Req, scope: Scope, out: Out, depth: number): Routed {
  const page = scope.errorPages.get(out.status);
  if (!page || r.inErrorPage) return { out, scope };
  r.inErrorPage = true;
  const code = page.code ?? out.status;
  if (/^https?:\/\//.test(page.uri)) return { out: errorOut(env, r, scope, 302, page.uri), scope };
  const routed = route(env, r, page.uri, depth + 1, code);
  if (routed.out.status === 200) routed.out.status = code;
  void depth;
  return routed;
}

function run(env: ServeEnv, r: Req, scope: Scope, loc: Location | null, uri: string, depth: number, status?: number): Out {
  if (scope.ret) return doReturn(env, r, scope, depth);
  if (scope.proxy) return proxy(env, r, scope, loc, uri);
  if (scope.tryFiles) {
    const list = scope.tryFiles;
    for (let i = 0; i < list.length - 1; i++) {
      const v = expand(list[i]!, (n) => (n === 'uri' ? uri : variable(env, r, n)));
      const p = fsPath(scope, loc, v);
      const st = statOf(env.fs, p);
      if (!st) continue;
      if (v.endsWith('/') ? st.type === 'dir' : st.type === 'file') return serve(env, r, scope, loc, v, depth, status);
    }
    const last = expand(list[list.length - 1]!, (n) => (n === 'uri' ? uri : variable(env, r, n)));
    if (last.startsWith('=')) {
      const code = Number(last.slice(1));
      return withErrorPage(env, r, scope, errorOut(env, r, scope, code), depth);
    }
    if (last.startsWith('@')) {
      const named = r.server.locations.find((l) => l.modifier === '@' && l.pattern === last);
      if (named) return run(env, r, named, named, uri, depth + 1, status);
      return errorOut(env, r, scope, 500);
    }
    return route(env, r, last, depth + 1, status).out;
  }
  return serve(env, r, scope, loc, uri, depth, status);
}

function withErrorPage(env: ServeEnv, r: Req, scope: Scope, out: Out, depth: number): Out {
  return finish(env, r, scope, out, depth).out;
}

function doReturn(env: ServeEnv, r: Req, scope: Scope, depth: number): Out {
  const { code, arg } = scope.ret!;
  const text = arg === null ? null : expand(arg, (n) => variable(env, r, n));
  if ([301, 302, 303, 307, 308].includes(code)) {
    let location = text ?? '';
    if (location.startsWith('/')) location = `http://${(r.host.replace(/:\d+$/, '') || r.server.names[0]) ?? 'localhost'}${location}`;
    return errorOut(env, r, scope, code, location);
  }
  if (text === null || code >= 400) return withErrorPage(env, r, scope, text === null ? errorOut(env, r, scope, code) : textOut(env, r, scope, code, text), depth);
  return textOut(env, r, scope, code, text);
}

function textOut(env: ServeEnv, r: Req, scope: Scope, code: number, text: string): Out {
  const h = baseHeaders(env, scope);
  h.push(['Content-Type', scope.defaultType], ['Content-Length', String(byteLength(text))], ['Connection', 'keep-alive']);
  for (const [k, v] of scope.addHeaders) h.push([k, expand(v, (n) => variable(env, r, n))]);
  return { status: code, headers: h, body: text };
}

function fsPath(scope: Scope, loc: Location | null, uri: string): string {
  if (scope.alias !== null && loc && loc.modifier !== '~' && loc.modifier !== '~*' && uri.startsWith(loc.pattern)) return scope.alias + uri.slice(loc.pattern.length);
  return scope.root.replace(/\/$/, '') + uri;
}

function statOf(fs: FileSystem, p: string): { type: 'file' | 'dir' | 'symlink'; size: number; mtime: number; mode: number; uid: number; gid: number } | null {
  try {
    return fs.stat(p);
  } catch {
    return null;
  }
}

function readable(env: ServeEnv, st: { mode: number; uid: number; gid: number }): boolean {
  if (env.workerUid === 0) return true;
  if (st.uid === env.workerUid) return (st.mode & 0o400) !== 0;
  if (st.gid === env.workerGid) return (st.mode & 0o040) !== 0;
  return (st.mode & 0o004) !== 0;
}

function serve(env: ServeEnv, r: Req, scope: Scope, loc: Location | null, uri: string, depth: number, status?: number): Out {
  if (r.method !== 'GET' && r.method !== 'HEAD' && status === undefined) {
    return withErrorPage(env, r, scope, errorOut(env, r, scope, 405), depth);
  }
  const path = fsPath(scope, loc, uri);
  if (uri.endsWith('/')) {
    // the index module: the first index file that exists, by an internal redirect
    for (const idx of scope.index) {
      const p = idx.startsWith('/') ? scope.root + idx : path + idx;
      const st = statOf(env.fs, p);
      if (st && st.type === 'file') return route(env, r, idx.startsWith('/') ? idx : uri + idx, depth + 1, status).out;
    }
    const dir = statOf(env.fs, path);
    if (!dir || dir.type !== 'dir') {
      errorLine(env, r, 'error', `"${path}${scope.index[scope.index.length - 1] ?? 'index.html'}" is not found (2: No such file or directory)`);
      return withErrorPage(env, r, scope, errorOut(env, r, scope, 404), depth);
    }
    if (scope.autoindex) return autoindex(env, r, scope, path, uri);
    errorLine(env, r, 'error', `directory index of "${path}" is forbidden`);
    return withErrorPage(env, r, scope, errorOut(env, r, scope, 403), depth);
  }
  const st = statOf(env.fs, path);
  if (!st) {
    errorLine(env, r, 'error', `open() "${path}" failed (2: No such file or directory)`);
    return withErrorPage(env, r, scope, errorOut(env, r, scope, 404), depth);
  }
  if (st.type === 'dir') {
    const host = scope.absoluteRedirect ? `http://${(r.host.replace(/:\d+$/, '') || r.server.names[0]) ?? 'localhost'}${scope.portInRedirect && r.port !== 80 ? `:${r.port}` : ''}` : '';
    return errorOut(env, r, scope, 301, `${host}${uri}/${r.args ? `?${r.args}` : ''}`);
  }
  if (!readable(env, st)) {
    errorLine(env, r, 'crit', `open() "${path}" failed (13: Permission denied)`);
    return withErrorPage(env, r, scope, errorOut(env, r, scope, 403), depth);
  }
  let body: string;
  try {
    body = env.fs.readFile(path);
  } catch {
    errorLine(env, r, 'crit', `open() "${path}" failed (13: Permission denied)`);
    return withErrorPage(env, r, scope, errorOut(env, r, scope, 403), depth);
  }
  const lastModified = httpDate(st.mtime);
  const etag = `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`;
  const h = baseHeaders(env, scope);
  const code = status ?? 200;
  const ims = header(r.headers, 'if-modified-since');
  const inm = header(r.headers, 'if-none-match');
  const notModified = code === 200 && (inm !== undefined ? inm.split(/\s*,\s*/).some((t) => t === etag || t === '*' || t === `W/${etag}`) : ims !== undefined && parseHttpDate(ims) === Math.floor(st.mtime / 1000) * 1000);
  if (notModified) {
    h.push(['Last-Modified', lastModified], ['Connection', 'keep-alive'], ['ETag', etag]);
    return { status: 304, headers: h, body: '' };
  }
  const type = scope.types.get(extensionOf(path)) ?? scope.defaultType;
  h.push(['Content-Type', type], ['Content-Length', String(st.size)]);
  if (code === 200) h.push(['Last-Modified', lastModified]);
  h.push(['Connection', 'keep-alive']);
  if (code === 200) h.push(['ETag', etag]);
  if (scope.expires) h.push(...expiresHeaders(env, scope.expires));
  for (const [k, v] of scope.addHeaders) if (code < 400) h.push([k, expand(v, (n) => variable(env, r, n))]);
  if (code === 200) h.push(['Accept-Ranges', 'bytes']);
  return { status: code, headers: h, body, sent: st.size };
}

function expiresHeaders(env: ServeEnv, v: string): [string, string][] {
  if (v === 'off') return [];
  if (v === 'epoch') return [['Expires', 'Thu, 01 Jan 1970 00:00:01 GMT'], ['Cache-Control', 'no-cache']];
  if (v === 'max') return [['Expires', 'Thu, 31 Dec 2037 23:55:55 GMT'], ['Cache-Control', 'max-age=315360000']];
  const m = /^(-?\d+)([smhdwMy]?)$/.exec(v);
  if (!m) return [];
  const mult: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };
  const secs = Number(m[1]) * mult[m[2]!]!;
  return [['Expires', httpDate(env.now() + secs * 1000)], ['Cache-Control', secs <= 0 ? 'no-cache' : `max-age=${secs}`]];
}

function autoindex(env: ServeEnv, r: Req, scope: Scope, dir: string, uri: string): Out {
  let names: string[] = [];
  try {
    names = env.fs.readdir(dir).filter((n) => !n.startsWith('.'));
  } catch {
    // unreadable: an empty listing
  }
  const entries = names.map((n) => {
    const st = statOf(env.fs, `${dir.replace(/\/$/, '')}/${n}`);
    return { name: n, dir: st?.type === 'dir', size: st?.size ?? 0, mtime: st?.mtime ?? 0 };
  });
  entries.sort((a, b) => (a.dir !== b.dir ? (a.dir ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let body = `<html>${CRLF}<head><title>Index of ${uri}</title></head>${CRLF}<body>${CRLF}<h1>Index of ${uri}</h1><hr><pre><a href="../">../</a>${CRLF}`;
  for (const e of entries) {
    const label = e.dir ? `${e.name}/` : e.name;
    const shown = label.length > 50 ? `${label.slice(0, 47)}..&gt;` : label;
    const pad = ' '.repeat(Math.max(1, 51 - Math.min(label.length, 50)));
    const t = new Date(e.mtime);
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.getUTCMonth()];
    const date = `${String(t.getUTCDate()).padStart(2, '0')}-${mon}-${t.getUTCFullYear()} ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
    body += `<a href="${encodeURI(label)}">${shown}</a>${pad}${date}${(e.dir ? '-' : String(e.size)).padStart(20)}${CRLF}`;
  }
  body += `</pre><hr></body>${CRLF}</html>${CRLF}`;
  const h = baseHeaders(env, scope);
  h.push(['Content-Type', 'text/html'], ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive']);
  return { status: 200, headers: h, body };
}

function proxy(env: ServeEnv, r: Req, scope: Scope, loc: Location | null, uri: string): Out {
  const p = scope.proxy!;
  let path = r.target;
  if (p.uri !== null && loc && (loc.modifier === '' || loc.modifier === '^~' || loc.modifier === '=')) {
    path = p.uri + uri.slice(loc.pattern.length) + (r.args ? `?${r.args}` : '');
  } else if (p.uri !== null) path = p.uri;
  const headers: Record<string, string> = {};
  const set = new Map<string, string>([
    ['Host', p.target.replace(/:80$/, '')],
    ['Connection', 'close'],
  ]);
  for (const [k, v] of scope.proxyHeaders) set.set(k, expand(v, (n) => variable(env, r, n)));
  for (const [k, v] of set) if (v !== '') headers[k] = v;
  for (const [k, v] of Object.entries(r.headers)) {
    if ([...set.keys()].some((s) => s.toLowerCase() === k.toLowerCase())) continue;
    if (['connection', 'keep-alive'].includes(k.toLowerCase())) continue;
    headers[k] = v;
  }
  const server = p.servers[0]!;
  const ip = env.resolved.get(server.host) ?? server.host;
  const upstream = `http://${ip}:${server.port}${path}`;
  const res = env.client ? env.client(ip, server.port, { method: r.method, path, headers, body: r.body }) : { ok: false, error: 'refused' as const };
  if (!res.ok || !res.response) {
    if (res.error === 'timeout') {
      errorLine(env, r, 'error', `upstream timed out (110: Connection timed out) while connecting to upstream`);
      return errorOut(env, r, scope, 504);
    }
    const why = res.error === 'unreachable' ? '113: No route to host' : '111: Connection refused';
    env.errorLog('error', `*${r.conn} connect() failed (${why}) while connecting to upstream, client: ${r.remote}, server: ${r.server.names[0] ?? ''}, request: "${r.method} ${r.target} HTTP/1.1", upstream: "${upstream}", host: "${r.host}"`);
    return errorOut(env, r, scope, 502);
  }
  const up = res.response;
  const h = baseHeaders(env, scope);
  for (const [k, v] of Object.entries(up.headers)) {
    const lower = k.toLowerCase();
    if (lower === 'server' || lower === 'date' || lower === 'connection' || lower === 'keep-alive' || lower === 'transfer-encoding') continue;
    h.push([k, v]);
  }
  h.push(['Connection', 'keep-alive']);
  for (const [k, v] of scope.addHeaders) if (up.status < 400) h.push([k, expand(v, (n) => variable(env, r, n))]);
  return { status: up.status, headers: h, body: up.body };
}
