// Apache httpd (event MPM) as the official image runs it, `httpd -DFOREGROUND`: the AH00558
// ServerName warning twice, "Apache/2.4.63 (Unix) configured -- resuming normal operations",
// its three server processes, static files from DocumentRoot with Apache's headers and error
// pages, the access log in common format on stdout, SIGWINCH graceful stop (the image's
// STOPSIGNAL), SIGTERM stop, SIGHUP and SIGUSR1 restarts.

import type { Command, CommandContext, Run } from '../../sh/types';
import { Signal } from '../../sh/types';
import type { HttpRequest, HttpResponse } from '../network/ports';
import { getPid, killProcess, listen, resolveName, setTitle, signalMask, sigsuspend, spawnChild, trap, unlisten } from './effects';
import { byteLength, extensionOf, header, normalizeUri, reason, splitTarget } from './lib/http';
import { openLog, type Sink } from './lib/sink';
import { apacheTime, clfTime, httpDate } from './lib/time';
import { programVersion } from './lib/version';

const ROOT = '/usr/local/apache2';

interface Conf {
  listens: number[];
  serverName: string | null;
  documentRoot: string;
  directoryIndex: string[];
  indexes: boolean;
  formats: Map<string, string>;
  customLogs: { path: string; format: string }[];
  errorLog: string;
  logLevel: string;
  pidFile: string;
  serverTokens: string;
}

class ConfError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const KNOWN = new Set(
  `serverroot listen loadmodule user group serveradmin servername documentroot directoryindex errorlog loglevel logformat customlog
  scriptalias typesconfig addtype addhandler addoutputfilter include includeoptional options allowoverride require
  order allow deny directory files location filesmatch locationmatch directorymatch ifmodule ifdefine virtualhost
  alias redirect redirectmatch rewriteengine rewriterule rewritecond header requestheader setenvif browsermatch
  keepalive keepalivetimeout maxkeepaliverequests timeout pidfile serversignature servertokens enablesendfile enablemmap
  mimemagicfile errordocument addcharset adddefaultcharset defaulttype hostnamelookups usecanonicalname
  startservers minsparethreads maxsparethreads threadsperchild maxrequestworkers maxconnectionsperchild serverlimit
  sslrandomseed sslengine sslcertificatefile sslcertificatekeyfile protocols proxypass proxypassreverse proxypreservehost
  expiresactive expiresdefault expiresbytype deflatecompressionlevel addoutputfilterbytype authtype authname authuserfile
  indexoptions indexignore adddescription readmename headername fileetag limitrequestbody traceenable mutex`.split(/\s+/),
);

function parseConf(ctx: CommandContext, path: string, into: Conf, depth = 0): void {
  let text: string;
  try {
    text = ctx.fs.readFile(path);
  } catch {
    throw new ConfError(path, 0, `httpd: Could not open configuration file ${path}: No such file or directory`);
  }
  let inDocRootDir = false;
  let inIfModuleDepth = 0;
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    const words = (l.match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"(.*)"$/, '$1'));
    let name = words[0]!.toLowerCase();
    if (name.startsWith('</')) {
      if (name === '</directory>') inDocRootDir = false;
      if (name === '</ifmodule>') inIfModuleDepth--;
      return;
    }
    if (name.startsWith('<')) {
      name = name.slice(1).replace(/>$/, '');
      if (name === 'directory') inDocRootDir = words[1]?.replace(/>$/, '') === into.documentRoot;
      if (name === 'ifmodule') inIfModuleDepth++;
      if (!KNOWN.has(name)) throw new ConfError(path, i + 1, `Invalid command '<${words[0]!.slice(1)}', perhaps misspelled or defined by a module not included in the server configuration`);
      return;
    }
    if (!KNOWN.has(name)) throw new ConfError(path, i + 1, `Invalid command '${words[0]}', perhaps misspelled or defined by a module not included in the server configuration`);
    const arg = words[1] ?? '';
    switch (name) {
      case 'listen': {
        const port = Number(arg.split(':').pop());
        if (!Number.isInteger(port) || port <= 0) throw new ConfError(path, i + 1, 'Port must be specified');
        if (!into.listens.includes(port)) into.listens.push(port);
        break;
      }
      case 'servername':
        into.serverName = arg;
        break;
      case 'documentroot':
        into.documentRoot = arg;
        break;
      case 'directoryindex':
        into.directoryIndex = words.slice(1);
        break;
      case 'options':
        if (inDocRootDir) into.indexes = words.slice(1).some((w) => /^\+?Indexes$/i.test(w)) && !words.includes('-Indexes');
        break;
      case 'logformat':
        if (words[2]) into.formats.set(words[2], arg);
        break;
      case 'customlog':
        into.customLogs.push({ path: arg, format: words[2] ?? 'common' });
        break;
      case 'errorlog':
        into.errorLog = arg;
        break;
      case 'loglevel':
        into.logLevel = arg;
        break;
      case 'pidfile':
        into.pidFile = arg;
        break;
      case 'servertokens':
        into.serverTokens = arg;
        break;
      case 'include':
      case 'includeoptional':
        if (depth < 8) {
          const p = arg.startsWith('/') ? arg : `${ROOT}/${arg}`;
          if (ctx.fs.exists(p)) parseConf(ctx, p, into, depth + 1);
          else if (name === 'include') throw new ConfError(path, i + 1, `Include/IncludeOptional: Could not open configuration file ${p}: No such file or directory`);
        }
        break;
    }
    void inIfModuleDepth;
  });
}

function load(ctx: CommandContext, file: string): Conf {
  const c: Conf = {
    listens: [],
    serverName: null,
    documentRoot: `${ROOT}/htdocs`,
    directoryIndex: ['index.html'],
    indexes: false,
    formats: new Map([['common', '%h %l %u %t \\"%r\\" %>s %b']]),
    customLogs: [],
    errorLog: `${ROOT}/logs/error_log`,
    logLevel: 'warn',
    pidFile: 'logs/httpd.pid',
    serverTokens: 'Full',
  };
  parseConf(ctx, file, c);
  for (const [k, v] of c.formats) c.formats.set(k, v.replace(/\\"/g, '"'));
  if (c.listens.length === 0) throw new ConfError(file, 0, 'no listening sockets available, shutting down');
  return c;
}

const ERROR_BODY: Record<number, string> = {
  301: '<p>The document has moved <a href="%LOCATION%">here</a>.</p>',
  403: "<p>You don't have permission to access this resource.</p>",
  404: '<p>The requested URL was not found on this server.</p>',
  405: '<p>The requested method %METHOD% is not allowed for this URL.</p>',
  400: '<p>Your browser sent a request that this server could not understand.<br />\n</p>',
};

function errorPage(status: number, vars: Record<string, string> = {}): string {
  const title = `${status} ${reason(status)}`;
  const body = (ERROR_BODY[status] ?? '').replace(/%(\w+)%/g, (_m, k: string) => vars[k] ?? '');
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${reason(status)}</h1>\n${body}\n</body></html>\n`;
}

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', txt: 'text/plain', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/vnd.microsoft.icon', xml: 'application/xml', pdf: 'application/pdf', webp: 'image/webp', wasm: 'application/wasm',
};

interface Served {
  status: number;
  headers: [string, string][];
  body: string;
  bytes: number;
}

function serve(ctx: CommandContext, conf: Conf, version: string, req: HttpRequest): Served {
  const server = conf.serverTokens.toLowerCase() === 'prod' ? 'Apache' : `Apache/${version} (Unix)`;
  const base: [string, string][] = [
    ['Date', httpDate(ctx.sys.now())],
    ['Server', server],
  ];
  const err = (status: number, vars: Record<string, string> = {}, extra: [string, string][] = []): Served => {
    const body = errorPage(status, vars);
    return { status, headers: [...base, ...extra, ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/html; charset=iso-8859-1']], body, bytes: byteLength(body) };
  };
  const { path } = splitTarget(req.path || '/');
  const uri = path === null ? null : normalizeUri(path);
  if (uri === null) return err(400);
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST' && req.method !== 'OPTIONS') return err(405, { METHOD: req.method }, [['Allow', 'POST,OPTIONS,HEAD,GET']]);
  const fsPath = `${conf.documentRoot.replace(/\/$/, '')}${uri}`;
  const stat = (p: string) => {
    try {
      return ctx.fs.stat(p);
    } catch {
      return null;
    }
  };
  let st = stat(fsPath);
  let file = fsPath;
  if (uri.split('/').some((s) => s.startsWith('.ht'))) return err(403);
  if (!st) return err(404);
  if (st.type === 'dir') {
    if (!uri.endsWith('/')) {
      const host = header(req.headers, 'host') ?? conf.serverName ?? 'localhost';
      const loc = `http://${host}${uri}/`;
      return err(301, { LOCATION: loc }, [['Location', loc]]);
    }
    const idx = conf.directoryIndex.map((n) => `${fsPath}${n}`).find((p) => stat(p)?.type === 'file');
    if (!idx) {
      if (!conf.indexes) return err(403);
      const names = ctx.fs.readdir(fsPath).filter((n) => !n.startsWith('.'));
      const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${uri}</title>\n </head>\n <body>\n<h1>Index of ${uri}</h1>\n<ul>${uri === '/' ? '' : '<li><a href="../"> Parent Directory</a></li>\n'}${names.map((n) => `<li><a href="${n}${stat(`${fsPath}${n}`)?.type === 'dir' ? '/' : ''}"> ${n}${stat(`${fsPath}${n}`)?.type === 'dir' ? '/' : ''}</a></li>\n`).join('')}</ul>\n</body></html>\n`;
      return { status: 200, headers: [...base, ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/html;charset=ISO-8859-1']], body, bytes: byteLength(body) };
    }
    file = idx;
    st = stat(idx)!;
  }
  let body: string;
  try {
    body = ctx.fs.readFile(file);
  } catch {
    return err(403);
  }
  const etag = `"${st.size.toString(16)}-${(st.mtime * 1000).toString(16)}"`;
  const inm = header(req.headers, 'if-none-match');
  if (inm !== undefined && inm.split(/\s*,\s*/).includes(etag)) return { status: 304, headers: [...base, ['ETag', etag]], body: '', bytes: 0 };
  const type = TYPES[extensionOf(file)];
  const headers: [string, string][] = [...base, ['Last-Modified', httpDate(st.mtime)], ['ETag', etag], ['Accept-Ranges', 'bytes'], ['Content-Length', String(st.size)]];
  if (type) headers.push(['Content-Type', type]);
  return { status: 200, headers, body, bytes: st.size };
}

/** %h %l %u %t "%r" %>s %b and friends. */
function formatLog(fmt: string, req: HttpRequest, res: Served, now: number): string {
  return fmt.replace(/%(?:\{([^}]*)\})?(>?)([a-zA-Z%])/g, (_m, arg: string | undefined, _gt: string, c: string) => {
    switch (c) {
      case 'h':
      case 'a':
        return req.remoteAddr;
      case 'l':
      case 'u':
        return '-';
      case 't':
        return `[${clfTime(now)}]`;
      case 'r':
        return `${req.method} ${req.path || '/'} HTTP/1.1`;
      case 's':
        return String(res.status);
      case 'b':
        return res.bytes === 0 || req.method === 'HEAD' ? '-' : String(res.bytes);
      case 'B':
        return String(req.method === 'HEAD' ? 0 : res.bytes);
      case 'i':
        return header(req.headers, arg ?? '') ?? '-';
      case 'm':
        return req.method;
      case 'U':
        return splitTarget(req.path || '/').rawPath;
      case 'D':
      case 'T':
        return '0';
      case '%':
        return '%';
    }
    return '-';
  });
}

export const httpd: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'HTTPD_VERSION', '2.4.63');
  const args = ctx.args.slice(1);
  let confFile = `${ROOT}/conf/httpd.conf`;
  let foreground = false;
  let test = false;
  let signal: string | null = null;
  const defines: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v') {
      ctx.stdout.write(`Server version: Apache/${version} (Unix)\nServer built:   Jan 23 2025 22:14:46\n`);
      return 0;
    }
    if (a === '-V') {
      ctx.stdout.write(`Server version: Apache/${version} (Unix)\nServer built:   Jan 23 2025 22:14:46\nServer's Module Magic Number: 20120211:140\nServer loaded:  APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nCompiled using: APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nArchitecture:   64-bit\nServer MPM:     event\n  threaded:     yes (fixed thread count)\n    forked:     yes (variable process count)\nServer compiled with....\n -D HTTPD_ROOT="${ROOT}"\n -D SERVER_CONFIG_FILE="conf/httpd.conf"\n`);
      return 0;
    }
    if (a === '-t' || a === '-S') test = true;
    else if (a === '-f') confFile = args[++i] ?? confFile;
    else if (a === '-k') signal = args[++i] ?? null;
    else if (a.startsWith('-D')) {
      const d = a.length > 2 ? a.slice(2) : args[++i] ?? '';
      defines.push(d);
      if (d === 'FOREGROUND' || d === 'NO_DETACH') foreground = true;
    } else if (a === '-h') {
      ctx.stderr.write(`Usage: httpd [-D name] [-d directory] [-f file]\n             [-C "directive"] [-c "directive"]\n             [-k start|restart|graceful|graceful-stop|stop]\n             [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]\n`);
      return 0;
    } else {
      ctx.stderr.write(`httpd: illegal option -- ${a.replace(/^-/, '')}\nUsage: httpd [-D name] [-d directory] [-f file]\n`);
      return 1;
    }
  }
  const { pid } = yield* getPid();
  let conf: Conf;
  try {
    conf = load(ctx, confFile);
  } catch (e) {
    if (!(e instanceof ConfError)) throw e;
    if (e.line > 0) ctx.stderr.write(`AH00526: Syntax error on line ${e.line} of ${e.file}:\n${e.message}\n`);
    else ctx.stderr.write(`${e.message}\n`);
    return 1;
  }
  const warnName = function* (): Run<void> {
    if (conf.serverName) return;
    const ip = (yield* resolveName(ctx.sys.hostname)) ?? '127.0.0.1';
    ctx.stderr.write(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`);
  };
  if (test) {
    yield* warnName();
    ctx.stderr.write('Syntax OK\n');
    return 0;
  }
  const pidPath = conf.pidFile.startsWith('/') ? conf.pidFile : `${ROOT}/${conf.pidFile}`;
  if (signal) {
    let target = 0;
    try {
      target = Number(ctx.fs.readFile(pidPath).trim());
    } catch {
      // below
    }
    const sig = { stop: 'SIGTERM', 'graceful-stop': 'SIGWINCH', restart: 'SIGHUP', graceful: 'SIGUSR1' }[signal];
    if (!sig) {
      if (signal === 'start') foreground = false;
      else {
        ctx.stderr.write(`httpd: illegal option -- k ${signal}\n`);
        return 1;
      }
    } else {
      if (!target || !(yield* killProcess(target, sig))) {
        ctx.stderr.write(`httpd (no pid file) not running\n`);
        return 1;
      }
      return 0;
    }
  }
  // configuration is read twice at startup (the test pass, then for real): the warning twice
  yield* warnName();
  yield* warnName();
  if (!foreground) return 0;

  const errorSink: Sink = openLog(ctx, conf.errorLog, ROOT);
  const elog = (module: string, level: string, text: string) => errorSink(`[${apacheTime(ctx.sys.now())}] [${module}:${level}] [pid ${pid}:tid ${pid}] ${text}\n`);
  if (ctx.fs.exists(pidPath)) elog('core', 'warn', `AH00098: pid file ${pidPath} overwritten -- Unclean shutdown of previous Apache run?`);
  try {
    ctx.fs.writeFile(pidPath, `${pid}\n`);
  } catch {
    // a missing logs directory: Apache would refuse; the model carries on
  }
  let current = conf;
  const sinks = new Map<string, Sink>();
  const handler = (req: HttpRequest): HttpResponse => {
    const res = serve(ctx, current, version, req);
    for (const l of current.customLogs) {
      let sink = sinks.get(l.path);
      if (!sink) {
        sink = openLog(ctx, l.path, ROOT);
        sinks.set(l.path, sink);
      }
      sink(`${formatLog(current.formats.get(l.format) ?? l.format, req, res, ctx.sys.now())}\n`);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of res.headers) headers[k] = v;
    return { status: res.status, statusText: reason(res.status), headers, body: req.method === 'HEAD' ? '' : res.body };
  };
  const ports = new Set<number>();
  for (const port of current.listens) {
    if (!(yield* listen(port, handler))) {
      ctx.stderr.write(`(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`);
      return 1;
    }
    ports.add(port);
  }
  const title = ['httpd', ...args].join(' ');
  yield* setTitle(title);
  const children: number[] = [];
  const startChildren = function* (): Run<void> {
    for (let i = 0; i < 3; i++) children.push(yield* spawnChild({ title }));
  };
  yield* startChildren();
  const commandLine = `httpd ${args.map((a) => (a === '-DFOREGROUND' ? '-D FOREGROUND' : a)).join(' ')}`;
  elog('mpm_event', 'notice', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
  elog('core', 'notice', `AH00094: Command line: '${commandLine}'`);

  const handled = ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGHUP', 'SIGUSR1'];
  for (const s of handled) yield* trap(s, 'catch');
  yield* signalMask({ block: handled });
  for (;;) {
    let sig: Signal;
    try {
      yield* sigsuspend();
      continue;
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      sig = e;
    }
    const stopChildren = function* (): Run<void> {
      for (const c of children.splice(0)) yield* killProcess(c, 'SIGTERM');
    };
    switch (sig.signal) {
      case 'SIGWINCH':
        elog('mpm_event', 'notice', 'AH00492: caught SIGWINCH, shutting down gracefully');
        yield* stopChildren();
        ctx.fs.rm(pidPath, { force: true });
        return 0;
      case 'SIGTERM':
      case 'SIGINT':
        elog('mpm_event', 'notice', 'AH00491: caught SIGTERM, shutting down');
        yield* stopChildren();
        ctx.fs.rm(pidPath, { force: true });
        return 0;
      case 'SIGHUP':
      case 'SIGUSR1': {
        elog('mpm_event', 'notice', sig.signal === 'SIGHUP' ? 'AH00493: SIGHUP received.  Attempting to restart' : 'AH00494: SIGUSR1 received.  Doing graceful restart');
        let next: Conf;
        try {
          next = load(ctx, confFile);
        } catch (e) {
          if (!(e instanceof ConfError)) throw e;
          ctx.stderr.write(`AH00526: Syntax error on line ${e.line} of ${e.file}:\n${e.message}\n`);
          yield* stopChildren();
          return 1;
        }
        current = next;
        sinks.clear();
        if (!current.serverName) {
          const ip = (yield* resolveName(ctx.sys.hostname)) ?? '127.0.0.1';
          ctx.stderr.write(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`);
        }
        for (const port of [...ports]) {
          if (!current.listens.includes(port)) {
            yield* unlisten(port);
            ports.delete(port);
          }
        }
        for (const port of current.listens) if (!ports.has(port) && (yield* listen(port, handler))) ports.add(port);
        yield* stopChildren();
        yield* startChildren();
        elog('mpm_event', 'notice', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
        elog('core', 'notice', `AH00094: Command line: '${commandLine}'`);
        break;
      }
    }
  }
};
