// The parts of an nginx configuration the model acts on, built from parsed directives with
// nginx's inheritance (http -> server -> location) and its startup checks.

import { NGINX_TYPES } from '../lib/http';
import { ConfError, find, findAll, type Directive } from './conf';

export const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'] as const;
export type Level = (typeof LEVELS)[number];

export const COMBINED = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

export interface AccessLog {
  path: string;
  format: string;
}

export interface Upstream {
  host: string;
  port: number;
}

export interface Proxy {
  /** As written: http://api:3000/v1 */
  url: string;
  /** Upstream block name or host:port. */
  target: string;
  /** Servers to try (an upstream block's, or the resolved host). */
  servers: Upstream[];
  /** The URI part of the proxy_pass URL, or null when it has none. */
  uri: string | null;
  line: Directive;
}

/** Settings a location inherits from its server and the http block. */
export interface Scope {
  root: string;
  alias: string | null;
  index: string[];
  autoindex: boolean;
  errorPages: Map<number, { uri: string; code: number | null }>;
  addHeaders: [string, string][];
  accessLogs: AccessLog[] | 'off';
  defaultType: string;
  types: Map<string, string>;
  serverTokens: boolean;
  tryFiles: string[] | null;
  ret: { code: number; arg: string | null } | null;
  proxy: Proxy | null;
  proxyHeaders: [string, string][];
  internal: boolean;
  absoluteRedirect: boolean;
  portInRedirect: boolean;
  expires: string | null;
}

export interface Location extends Scope {
  modifier: '' | '=' | '^~' | '~' | '~*' | '@';
  pattern: string;
  regex: RegExp | null;
  locations: Location[];
}

export interface Server extends Scope {
  listens: { port: number; def: boolean; ipv6: boolean }[];
  names: string[];
  locations: Location[];
  file: string;
  line: number;
}

export interface NginxConfig {
  daemon: boolean;
  masterProcess: boolean;
  workerProcesses: number | 'auto';
  user: { name: string; line: Directive } | null;
  pid: string;
  errorLog: { path: string; level: Level };
  logFormats: Map<string, string>;
  servers: Server[];
  upstreams: Map<string, Upstream[]>;
  hasHttp: boolean;
}

const PREFIX_ROOT = '/etc/nginx/html';

function onOff(d: Directive): boolean {
  const v = d.args[0];
  if (v !== 'on' && v !== 'off') throw new ConfError(`invalid value "${v ?? ''}" in "${d.name}" directive, it must be "on" or "off"`, d.file, d.line);
  return v === 'on';
}

function argCount(d: Directive, min: number, max = min): void {
  if (d.args.length < min || d.args.length > max) throw new ConfError(`invalid number of arguments in "${d.name}" directive`, d.file, d.line);
}

function typesFrom(block: Directive[] | undefined, into: Map<string, string>): void {
  for (const d of block ?? []) {
    if (d.name === '__builtin_mime_types') {
      for (const [ext, type] of Object.entries(NGINX_TYPES)) if (!into.has(ext)) into.set(ext, type);
      continue;
    }
    for (const ext of d.args) into.set(ext.toLowerCase(), d.name);
  }
}

/** Applies the directives of one level to a scope inherited from the level above. */
function scope(list: Directive[], parent: Scope, ctx: { upstreams: Map<string, Upstream[]> }): Scope {
  const s: Scope = { ...parent, errorPages: new Map(parent.errorPages), addHeaders: [...parent.addHeaders], types: parent.types, proxyHeaders: [...parent.proxyHeaders] };
  let headersReset = false;
  let proxyHeadersReset = false;
  let errorPagesReset = false;
  let logs: AccessLog[] | 'off' | null = null;
  const typeBlocks = findAll(list, 'types');
  if (typeBlocks.length > 0) {
    const t = new Map<string, string>();
    for (const b of typeBlocks) typesFrom(b.block, t);
    s.types = t;
  }
  for (const d of list) {
    switch (d.name) {
      case 'root':
        argCount(d, 1);
        s.root = d.args[0]!.startsWith('/') ? d.args[0]! : `/etc/nginx/${d.args[0]}`;
        s.alias = null;
        break;
      case 'alias':
        argCount(d, 1);
        s.alias = d.args[0]!;
        break;
      case 'index':
        s.index = [...d.args];
        break;
      case 'autoindex':
        s.autoindex = onOff(d);
        break;
      case 'server_tokens':
        s.serverTokens = d.args[0] !== 'off';
        break;
      case 'default_type':
        argCount(d, 1);
        s.defaultType = d.args[0]!;
        break;
      case 'absolute_redirect':
        s.absoluteRedirect = onOff(d);
        break;
      case 'port_in_redirect':
        s.portInRedirect = onOff(d);
        break;
      case 'expires':
        s.expires = d.args[0] ?? null;
        break;
      case 'internal':
        s.internal = true;
        break;
      case 'error_page': {
        if (!errorPagesReset) {
          s.errorPages = new Map();
          errorPagesReset = true;
        }
        const args = [...d.args];
        const uri = args.pop();
        let code: number | null = null;
        if (args.length > 0 && args[args.length - 1]!.startsWith('=')) {
          const c = args.pop()!.slice(1);
          code = c === '' ? 0 : Number(c);
        }
        for (const a of args) {
          const n = Number(a);
          if (!Number.isInteger(n) || n < 300 || n > 599) throw new ConfError(`value "${a}" must be between 300 and 599`, d.file, d.line);
          s.errorPages.set(n, { uri: uri ?? '/', code });
        }
        break;
      }
      case 'add_header':
        if (!headersReset) {
          s.addHeaders = [];
          headersReset = true;
        }
        if (d.args.length >= 2) s.addHeaders.push([d.args[0]!, d.args[1]!]);
        break;
      case 'proxy_set_header':
        if (!proxyHeadersReset) {
          s.proxyHeaders = [];
          proxyHeadersReset = true;
        }
        if (d.args.length >= 2) s.proxyHeaders.push([d.args[0]!, d.args[1]!]);
        break;
      case 'access_log':
        if (d.args[0] === 'off') logs = 'off';
        else {
          const l = { path: d.args[0] ?? '', format: d.args[1] ?? 'combined' };
          logs = logs === null || logs === 'off' ? [l] : [...logs, l];
        }
        break;
      case 'try_files':
        if (d.args.length < 2) throw new ConfError('invalid number of arguments in "try_files" directive', d.file, d.line);
        s.tryFiles = [...d.args];
        break;
      case 'return': {
        argCount(d, 1, 2);
        const first = d.args[0]!;
        if (/^\d+$/.test(first)) s.ret = { code: Number(first), arg: d.args[1] ?? null };
        else if (/^https?:\/\/|^\$scheme/.test(first)) s.ret = { code: 302, arg: first };
        else throw new ConfError(`invalid return code "${first}"`, d.file, d.line);
        break;
      }
      case 'proxy_pass':
        argCount(d, 1);
        s.proxy = proxyOf(d, ctx.upstreams);
        break;
    }
  }
  if (logs !== null) s.accessLogs = logs;
  return s;
}

function proxyOf(d: Directive, upstreams: Map<string, Upstream[]>): Proxy {
  const url = d.args[0]!;
  const m = /^(https?):\/\/([^/]+)(\/.*)?$/.exec(url);
  if (!m) throw new ConfError(`invalid URL prefix in "${url}"`, d.file, d.line);
  const target = m[2]!;
  const up = upstreams.get(target);
  let servers: Upstream[];
  if (up) servers = up;
  else {
    const [host, port] = splitHostPort(target, m[1] === 'https' ? 443 : 80);
    servers = [{ host, port }];
  }
  return { url, target, servers, uri: m[3] ?? null, line: d };
}

export function splitHostPort(s: string, def: number): [string, number] {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) return [v6[1]!, v6[2] ? Number(v6[2]) : def];
  const i = s.lastIndexOf(':');
  if (i > 0 && /^\d+$/.test(s.slice(i + 1))) return [s.slice(0, i), Number(s.slice(i + 1))];
  return [s, def];
}

function listenOf(d: Directive): { port: number; def: boolean; ipv6: boolean } {
  const a = d.args[0];
  if (!a) throw new ConfError('invalid number of arguments in "listen" directive', d.file, d.line);
  let port: number;
  let ipv6 = false;
  if (/^\d+$/.test(a)) port = Number(a);
  else if (a.startsWith('[')) {
    ipv6 = true;
    const m = /\]:(\d+)$/.exec(a);
    port = m ? Number(m[1]) : 80;
  } else if (a.startsWith('unix:')) port = -1;
  else {
    const m = /:(\d+)$/.exec(a);
    port = m ? Number(m[1]) : 80;
  }
  if (!(port === -1 || (port > 0 && port < 65536))) throw new ConfError(`invalid port in "${a}" of the "listen" directive`, d.file, d.line);
  return { port, def: d.args.includes('default_server') || d.args.includes('default'), ipv6 };
}

function locationOf(d: Directive, parent: Scope, ctx: { upstreams: Map<string, Upstream[]> }): Location {
  let modifier: Location['modifier'] = '';
  let pattern: string;
  if (d.args.length === 2) {
    const m = d.args[0]!;
    if (m !== '=' && m !== '^~' && m !== '~' && m !== '~*') throw new ConfError(`invalid location modifier "${m}"`, d.file, d.line);
    modifier = m;
    pattern = d.args[1]!;
  } else if (d.args.length === 1) {
    pattern = d.args[0]!;
    if (pattern.startsWith('@')) modifier = '@';
    else if (pattern.startsWith('=') && pattern.length > 1) {
      modifier = '=';
      pattern = pattern.slice(1);
    } else if (pattern.startsWith('~*')) {
      modifier = '~*';
      pattern = pattern.slice(2);
    } else if (pattern.startsWith('~')) {
      modifier = '~';
      pattern = pattern.slice(1);
    }
  } else throw new ConfError('invalid number of arguments in "location" directive', d.file, d.line);
  let regex: RegExp | null = null;
  if (modifier === '~' || modifier === '~*') {
    try {
      regex = new RegExp(pattern, modifier === '~*' ? 'i' : '');
    } catch {
      throw new ConfError(`pcre2_compile() failed: syntax error in "${pattern}"`, d.file, d.line);
    }
  }
  const inner = { ...parent, ret: null, proxy: null, tryFiles: null, internal: false };
  const s = scope(d.block ?? [], inner, ctx);
  const nested = findAll(d.block, 'location').map((n) => locationOf(n, s, ctx));
  return { ...s, modifier, pattern, regex, locations: nested };
}

/** Builds the configuration model; throws ConfError with nginx's message for what it rejects. */
export function buildConfig(main: Directive[]): NginxConfig {
  const events = findAll(main, 'events');
  if (events.length === 0) throw new ConfError('no "events" section in configuration', '', 0, false);
  const cfg: NginxConfig = {
    daemon: true,
    masterProcess: true,
    workerProcesses: 1,
    user: null,
    pid: '/run/nginx.pid',
    errorLog: { path: '/var/log/nginx/error.log', level: 'error' },
    logFormats: new Map([['combined', COMBINED]]),
    servers: [],
    upstreams: new Map(),
    hasHttp: false,
  };
  for (const d of main) {
    switch (d.name) {
      case 'daemon':
        cfg.daemon = onOff(d);
        break;
      case 'master_process':
        cfg.masterProcess = onOff(d);
        break;
      case 'worker_processes': {
        argCount(d, 1);
        const v = d.args[0]!;
        if (v === 'auto') cfg.workerProcesses = 'auto';
        else if (/^\d+$/.test(v)) cfg.workerProcesses = Number(v);
        else throw new ConfError(`invalid value "${v}" in "worker_processes" directive`, d.file, d.line);
        break;
      }
      case 'user':
        cfg.user = { name: d.args[0] ?? 'nobody', line: d };
        break;
      case 'pid':
        cfg.pid = d.args[0] ?? cfg.pid;
        break;
      case 'error_log': {
        const level = (d.args[1] ?? 'error') as Level;
        if (!LEVELS.includes(level)) throw new ConfError(`invalid log level "${d.args[1]}"`, d.file, d.line);
        cfg.errorLog = { path: d.args[0] ?? cfg.errorLog.path, level };
        break;
      }
    }
  }
  const https = findAll(main, 'http');
  if (https.length > 1) throw new ConfError('"http" directive is duplicate', https[1]!.file, https[1]!.line);
  const http = https[0];
  if (!http) return cfg;
  cfg.hasHttp = true;
  const body = http.block ?? [];
  for (const f of findAll(body, 'log_format')) {
    const name = f.args[0];
    if (!name) continue;
    if (name === 'combined') throw new ConfError('duplicate "log_format" name "combined"', f.file, f.line);
    cfg.logFormats.set(name, f.args.slice(1).filter((a) => !a.startsWith('escape=')).join(''));
  }
  for (const u of findAll(body, 'upstream')) {
    const list: Upstream[] = [];
    for (const s of findAll(u.block, 'server')) {
      const [host, port] = splitHostPort(s.args[0] ?? '', 80);
      list.push({ host, port });
    }
    if (list.length === 0) throw new ConfError(`no servers are inside upstream`, u.file, u.line);
    cfg.upstreams.set(u.args[0] ?? '', list);
  }
  const ctx = { upstreams: cfg.upstreams };
  const base: Scope = {
    root: PREFIX_ROOT,
    alias: null,
    index: ['index.html'],
    autoindex: false,
    errorPages: new Map(),
    addHeaders: [],
    accessLogs: [{ path: '/var/log/nginx/access.log', format: 'combined' }],
    defaultType: 'text/plain',
    types: new Map([
      ['html', 'text/html'],
      ['gif', 'image/gif'],
      ['jpg', 'image/jpeg'],
    ]),
    serverTokens: true,
    tryFiles: null,
    ret: null,
    proxy: null,
    proxyHeaders: [],
    internal: false,
    absoluteRedirect: true,
    portInRedirect: true,
    expires: null,
  };
  const httpScope = scope(body, base, ctx);
  for (const sd of findAll(body, 'server')) {
    const s = scope(sd.block ?? [], { ...httpScope, ret: null, proxy: null, tryFiles: null }, ctx);
    const listens = findAll(sd.block, 'listen').map(listenOf);
    const names = find(sd.block, 'server_name')?.args ?? [''];
    const locations = findAll(sd.block, 'location').map((l) => locationOf(l, s, ctx));
    cfg.servers.push({ ...s, listens: listens.length > 0 ? listens : [{ port: 80, def: false, ipv6: false }], names, locations, file: sd.file, line: sd.line });
  }
  return cfg;
}
