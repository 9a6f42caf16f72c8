// nginx: the command line (-v -V -t -T -s -c -g -p -q -h), and the master process: it reads the
// configuration, resolves proxied hosts, binds its ports, writes its pid file, starts worker
// processes (one per CPU with `worker_processes auto`), and answers signals as nginx does —
// SIGQUIT graceful shutdown, SIGTERM/SIGINT fast shutdown, SIGHUP reload, SIGUSR1 reopen —
// logging each step in its error log (stderr in the official image). Without `daemon off;` it
// forks into the background and the foreground process exits 0, as the real one does.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest } from '../../network/ports';
import {
  getPid,
  httpClient,
  killProcess,
  listen,
  machineInfo,
  resolveName,
  setTitle,
  signalMask,
  signalSender,
  sigsuspend,
  sleep,
  spawnChild,
  trap,
  unlisten,
  waitChildren,
  waitForSignal,
  type HttpClient,
} from '../effects';
import { openLog, type Sink } from '../lib/sink';
import { nginxTime } from '../lib/time';
import { identity, lookupUser, groupId } from '../lib/users';
import { programVersion } from '../lib/version';
import { ConfError, parseFile, parseText, type Directive } from './conf';
import { buildConfig, LEVELS, type Level, type NginxConfig } from './model';
import { handle, type ServeEnv } from './serve';

const CONF = '/etc/nginx/nginx.conf';
const PREFIX = '/etc/nginx/';

interface Options {
  conf: string;
  prefix: string;
  globals: string;
  test: false | 't' | 'T';
  quiet: boolean;
  signal: string | null;
  errorLog: string | null;
}

const SIGNALS: Record<string, string> = { stop: 'SIGTERM', quit: 'SIGQUIT', reopen: 'SIGUSR1', reload: 'SIGHUP' };

function usage(version: string): string {
  return `nginx version: nginx/${version}
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;
}

function compiler(ctx: CommandContext): string {
  try {
    const osr = ctx.fs.readFile('/etc/os-release');
    if (/^ID=alpine/m.test(osr)) return 'gcc 14.2.0 (Alpine 14.2.0) ';
  } catch {
    // no os-release
  }
  return 'gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ';
}

function configureArgs(version: string): string {
  return `--prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt='-g -O2 -ffile-prefix-map=/data/builder/debuild/nginx-${version}/debian/debuild-base/nginx-${version}=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'`;
}

function parseArgs(ctx: CommandContext, version: string): Options | number {
  const o: Options = { conf: CONF, prefix: PREFIX, globals: '', test: false, quiet: false, signal: null, errorLog: null };
  const args = ctx.args.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) {
      ctx.stderr.write(`nginx: invalid option: "${a}"\n`);
      return 1;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      const value = (): string | null => {
        const rest = a.slice(j + 1);
        j = a.length;
        if (rest !== '') return rest;
        const next = args[++i];
        return next ?? null;
      };
      switch (f) {
        case '?':
        case 'h':
          ctx.stderr.write(usage(version));
          return 0;
        case 'v':
          ctx.stderr.write(`nginx version: nginx/${version}\n`);
          return 0;
        case 'V':
          ctx.stderr.write(
            `nginx version: nginx/${version}\nbuilt by ${compiler(ctx)}\nbuilt with OpenSSL 3.0.16 11 Feb 2025 (running with OpenSSL 3.0.17 1 Jul 2025)\nTLS SNI support enabled\nconfigure arguments: ${configureArgs(version)}\n`,
          );
          return 0;
        case 't':
          o.test = o.test === 'T' ? 'T' : 't';
          break;
        case 'T':
          o.test = 'T';
          break;
        case 'q':
          o.quiet = true;
          break;
        case 'c':
        case 'g':
        case 'p':
        case 's':
        case 'e': {
          const v = value();
          if (v === null) {
            ctx.stderr.write(`nginx: option "-${f}" requires ${f === 'c' || f === 'e' ? 'file name' : f === 'g' ? 'parameter' : f === 'p' ? 'directory name' : 'parameter'}\n`);
            return 1;
          }
          if (f === 'c') o.conf = v.startsWith('/') ? v : `${o.prefix}${v}`;
          else if (f === 'g') o.globals = v;
          else if (f === 'p') o.prefix = v.endsWith('/') ? v : `${v}/`;
          else if (f === 'e') o.errorLog = v;
          else {
            if (!SIGNALS[v]) {
              ctx.stderr.write(`nginx: invalid option: "-s ${v}"\n`);
              return 1;
            }
            o.signal = v;
          }
          break;
        }
        default:
          ctx.stderr.write(`nginx: invalid option: "${a.slice(j)}"\n`);
          return 1;
      }
    }
  }
  return o;
}

interface Loaded {
  cfg: NginxConfig;
  files: { path: string; text: string }[];
}

function load(ctx: CommandContext, o: Options): Loaded {
  const files: { path: string; text: string }[] = [];
  const opts = { fs: ctx.fs, prefix: o.prefix, files };
  // -g directives are read before the file: their errors come first, the file's repeats are duplicates
  let globals: Directive[] = [];
  if (o.globals) {
    globals = parseText(o.globals, 'command line', opts);
    buildConfig([...globals, { name: 'events', args: [], block: [], file: 'command line', line: 1 }]);
  }
  const main = parseFile(o.conf, opts);
  if (globals.length > 0) {
    for (const g of globals) {
      const dup = main.find((d) => d.name === g.name && d.name !== 'include');
      if (dup && ['daemon', 'pid', 'worker_processes', 'master_process', 'user'].includes(g.name)) {
        throw new ConfError(`"${g.name}" directive is duplicate`, dup.file, dup.line);
      }
    }
  }
  return { cfg: buildConfig([...main, ...globals]), files };
}

/** The process's error log, honouring the configured level. */
class ErrorLog {
  sink: Sink;
  level: Level;
  constructor(
    private readonly ctx: CommandContext,
    path: string,
    level: Level,
  ) {
    this.sink = openLog(ctx, path, PREFIX);
    this.level = level;
  }

  write(level: Level, pid: number, text: string): void {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.level)) return;
    this.sink(`${nginxTime(this.ctx.sys.now())} [${level}] ${pid}#${pid}: ${text}\n`);
  }
}

/** A configuration error: in the error log, and on stderr with nginx's "nginx: " prefix. */
function emerg(ctx: CommandContext, pid: number, e: ConfError, level: Level = 'emerg'): void {
  ctx.stderr.write(`${nginxTime(ctx.sys.now())} [${level}] ${pid}#${pid}: ${e.text}\n`);
  ctx.stderr.write(`nginx: [${level}] ${e.text}\n`);
}

export const nginx: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'NGINX_VERSION', '1.29.0');
  const parsed = parseArgs(ctx, version);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const { pid } = yield* getPid();

  let loaded: Loaded;
  try {
    loaded = load(ctx, o);
  } catch (e) {
    if (!(e instanceof ConfError)) throw e;
    emerg(ctx, pid, e);
    if (o.test) ctx.stderr.write(`nginx: configuration file ${o.conf} test failed\n`);
    return 1;
  }
  const cfg = loaded.cfg;

  if (o.test) {
    const err = yield* checkUpstreams(ctx, cfg);
    if (err) {
      emerg(ctx, pid, err);
      ctx.stderr.write(`nginx: configuration file ${o.conf} test failed\n`);
      return 1;
    }
    if (!o.quiet) {
      ctx.stderr.write(`nginx: the configuration file ${o.conf} syntax is ok\nnginx: configuration file ${o.conf} test is successful\n`);
    }
    if (o.test === 'T') for (const f of loaded.files) ctx.stdout.write(`# configuration file ${f.path}:\n${f.text}${f.text.endsWith('\n') ? '' : '\n'}\n`);
    return 0;
  }

  if (o.signal) {
    let text: string;
    try {
      text = ctx.fs.readFile(cfg.pid);
    } catch {
      ctx.stderr.write(`${nginxTime(ctx.sys.now())} [notice] ${pid}#${pid}: signal process started\n`);
      ctx.stderr.write(`${nginxTime(ctx.sys.now())} [error] ${pid}#${pid}: open() "${cfg.pid}" failed (2: No such file or directory)\n`);
      ctx.stderr.write(`nginx: [error] open() "${cfg.pid}" failed (2: No such file or directory)\n`);
      return 1;
    }
    const target = Number(text.trim());
    ctx.stderr.write(`${nginxTime(ctx.sys.now())} [notice] ${pid}#${pid}: signal process started\n`);
    if (!Number.isInteger(target) || target <= 0 || !(yield* killProcess(target, SIGNALS[o.signal]!))) {
      ctx.stderr.write(`${nginxTime(ctx.sys.now())} [alert] ${pid}#${pid}: kill(${text.trim()}, ${signalNumber(SIGNALS[o.signal]!)}) failed (3: No such process)\n`);
      ctx.stderr.write(`nginx: [alert] kill(${text.trim()}, ${signalNumber(SIGNALS[o.signal]!)}) failed (3: No such process)\n`);
      return 1;
    }
    return 0;
  }

  if (cfg.daemon) {
    // fork(): the child carries on as the master; the foreground process returns at once
    const daemon: Command = function* (c) {
      // the parent exits first; as PID 1 it takes the daemon with it
      yield* sleep(1);
      return yield* master(c, o, loaded, version, true);
    };
    yield* spawnChild({ title: `nginx: master process ${ctx.args.join(' ')}`, program: daemon });
    return 0;
  }
  return yield* master(ctx, o, loaded, version, false);
};

function signalNumber(sig: string): number {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGCHLD: 17, SIGWINCH: 28 }[sig] ?? 0;
}

/** Proxied hosts must resolve when the configuration is read, or nginx refuses it. */
function* checkUpstreams(ctx: CommandContext, cfg: NginxConfig, resolved?: Map<string, string>): Run<ConfError | null> {
  const seen = new Set<string>();
  const scopes: { proxy: NginxConfig['servers'][number]['proxy']; locations?: NginxConfig['servers'][number]['locations'] }[] = [];
  const walk = (list: NginxConfig['servers'][number]['locations']) => {
    for (const l of list) {
      scopes.push(l);
      walk(l.locations);
    }
  };
  for (const s of cfg.servers) {
    scopes.push(s);
    walk(s.locations);
  }
  for (const s of scopes) {
    const p = s.proxy;
    if (!p) continue;
    for (const u of p.servers) {
      if (seen.has(u.host)) continue;
      seen.add(u.host);
      if (/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) {
        resolved?.set(u.host, u.host);
        continue;
      }
      const ip = yield* resolveName(u.host);
      if (!ip) return new ConfError(`host not found in upstream "${cfg.upstreams.has(p.target) ? `${u.host}:${u.port}` : p.target}"`, p.line.file, p.line.line);
      resolved?.set(u.host, ip);
    }
  }
  return null;
}

interface State {
  cfg: NginxConfig;
  resolved: Map<string, string>;
  workers: number[];
  /** Workers asked to stop (their exit is expected). */
  stopping: Set<number>;
  connections: number;
  log: ErrorLog;
  access: Map<string, Sink>;
  ports: Set<number>;
}

function* master(ctx: CommandContext, o: Options, loaded: Loaded, version: string, daemonized: boolean): Run<number> {
  const { pid } = yield* getPid();
  const me = identity(ctx);
  const handled = ['SIGHUP', 'SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGCHLD', 'SIGALRM', 'SIGIO'];
  for (const s of handled) yield* trap(s, 'catch');
  // signals wait for the master's sigsuspend, one at a time
  yield* signalMask({ block: handled });
  if (!daemonized) yield* setTitle(`nginx: master process ${ctx.args.join(' ')}`);
  const cfg = loaded.cfg;
  const log = new ErrorLog(ctx, o.errorLog ?? cfg.errorLog.path, cfg.errorLog.level);

  // the user directive only matters to a master started as root
  let workerUid = me.uid;
  let workerGid = me.gid;
  if (cfg.user) {
    if (me.uid !== 0) {
      const e = new ConfError(`the "user" directive makes sense only if the master process runs with super-user privileges, ignored`, cfg.user.line.file, cfg.user.line.line);
      log.write('warn', pid, e.text);
      ctx.stderr.write(`nginx: [warn] ${e.text}\n`);
    } else {
      const [uname, gname] = cfg.user.name.split(/\s+/);
      const u = lookupUser(ctx.fs, uname!);
      if (!u) {
        emerg(ctx, pid, new ConfError(`getpwnam("${uname}") failed`, cfg.user.line.file, cfg.user.line.line));
        return 1;
      }
      workerUid = u.uid;
      workerGid = gname ? (groupId(ctx.fs, gname) ?? u.gid) : u.gid;
    }
  }

  const resolved = new Map<string, string>();
  const bad = yield* checkUpstreams(ctx, cfg, resolved);
  if (bad) {
    emerg(ctx, pid, bad);
    return 1;
  }

  // temporary directories for request bodies and proxied responses
  for (const d of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
    const path = `/var/cache/nginx/${d}`;
    if (ctx.fs.exists(path)) continue;
    let err: string | null = null;
    if (!ctx.fs.exists('/var/cache/nginx')) err = '2: No such file or directory';
    else if (me.uid !== 0) {
      const st = ctx.fs.stat('/var/cache/nginx');
      const w = st.uid === me.uid ? st.mode & 0o200 : st.gid === me.gid ? st.mode & 0o020 : st.mode & 0o002;
      if (!w) err = '13: Permission denied';
    }
    if (err) {
      emerg(ctx, pid, new ConfError(`mkdir() "${path}" failed (${err})`, '', 0, false));
      return 1;
    }
    ctx.fs.mkdir(path, { mode: 0o700 });
    try {
      ctx.fs.chown(path, workerUid, me.uid === 0 ? 0 : me.gid);
    } catch {
      // ownership is cosmetic here
    }
  }

  const client = yield* httpClient();
  const state: State = { cfg, resolved, workers: [], stopping: new Set(), connections: 0, log, access: new Map(), ports: new Set() };
  const env = (): ServeEnv => serveEnv(ctx, state, version, client, workerUid, workerGid);

  // sockets: nginx retries a busy port five times, half a second apart
  const ports = portsOf(cfg);
  for (const port of ports) {
    let ok = yield* listen(port, (req: HttpRequest) => handle(env(), port, req));
    for (let attempt = 0; !ok && attempt < 5; attempt++) {
      const e = new ConfError(`bind() to 0.0.0.0:${port} failed (98: Address already in use)`, '', 0, false);
      emerg(ctx, pid, e);
      yield* sleep(500);
      ok = yield* listen(port, (req: HttpRequest) => handle(env(), port, req));
    }
    if (!ok) {
      emerg(ctx, pid, new ConfError('still could not bind()', '', 0, false));
      return 1;
    }
    state.ports.add(port);
  }

  try {
    ctx.fs.mkdir(cfg.pid.slice(0, cfg.pid.lastIndexOf('/')) || '/', { recursive: true });
    ctx.fs.writeFile(cfg.pid, `${pid}\n`);
  } catch {
    emerg(ctx, pid, new ConfError(`open() "${cfg.pid}" failed (13: Permission denied)`, '', 0, false));
    return 1;
  }

  const m = yield* machineInfo();
  log.write('notice', pid, 'using the "epoll" event method');
  log.write('notice', pid, `nginx/${version}`);
  log.write('notice', pid, `built by ${compiler(ctx)}`);
  log.write('notice', pid, `OS: ${ctx.sys.kernelName} ${ctx.sys.kernelRelease}`);
  log.write('notice', pid, `getrlimit(RLIMIT_NOFILE): ${m.nofile[0]}:${m.nofile[1]}`);
  log.write('notice', pid, 'start worker processes');
  yield* startWorkers(ctx, state, m.ncpu);

  for (;;) {
    let sig: Signal;
    try {
      yield* sigsuspend();
      continue;
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      sig = e;
    }
    const from = yield* signalSender();
    const recv = `signal ${sig.number} (${sig.signal}) received${from ? ` from ${from}` : ''}`;
    switch (sig.signal) {
      case 'SIGQUIT':
      case 'SIGTERM':
      case 'SIGINT': {
        const graceful = sig.signal === 'SIGQUIT';
        log.write('notice', pid, `${recv}, ${graceful ? 'shutting down' : 'exiting'}`);
        const old = [...state.workers];
        for (const w of old) yield* killProcess(w, graceful ? 'SIGQUIT' : 'SIGTERM');
        yield* waitChildren();
        if (old.length > 0) log.write('notice', pid, `signal 17 (SIGCHLD) received from ${old[old.length - 1]}`);
        for (const w of old) log.write('notice', pid, `worker process ${w} exited with code 0`);
        log.write('notice', pid, 'exit');
        try {
          ctx.fs.rm(cfg.pid, { force: true });
        } catch {
          // read-only pid directory
        }
        return 0;
      }
      case 'SIGHUP': {
        log.write('notice', pid, `${recv}, reconfiguring`);
        log.write('notice', pid, 'reconfiguring');
        let next: Loaded;
        try {
          next = load(ctx, o);
        } catch (e) {
          if (!(e instanceof ConfError)) throw e;
          log.write('emerg', pid, e.text);
          break;
        }
        const res = new Map<string, string>();
        const err = yield* checkUpstreams(ctx, next.cfg, res);
        if (err) {
          log.write('emerg', pid, err.text);
          break;
        }
        state.cfg = next.cfg;
        state.resolved = res;
        log.level = next.cfg.errorLog.level;
        state.access.clear();
        const wanted = portsOf(next.cfg);
        for (const port of [...state.ports]) {
          if (wanted.includes(port)) continue;
          yield* unlisten(port);
          state.ports.delete(port);
        }
        for (const port of wanted) {
          if (state.ports.has(port)) continue;
          if (yield* listen(port, (req: HttpRequest) => handle(env(), port, req))) state.ports.add(port);
          else log.write('emerg', pid, `bind() to 0.0.0.0:${port} failed (98: Address already in use)`);
        }
        log.write('notice', pid, 'using the "epoll" event method');
        log.write('notice', pid, 'start worker processes');
        const old = [...state.workers];
        state.workers = [];
        yield* startWorkers(ctx, state, m.ncpu);
        for (const w of old) {
          state.stopping.add(w);
          yield* killProcess(w, 'SIGQUIT');
        }
        break;
      }
      case 'SIGUSR1':
        log.write('notice', pid, `${recv}, reopening logs`);
        log.write('notice', pid, 'reopening logs');
        state.access.clear();
        for (const w of state.workers) yield* killProcess(w, 'SIGUSR1');
        break;
      case 'SIGCHLD': {
        const gone = yield* waitChildren();
        if (gone.length === 0) break;
        log.write('notice', pid, `${recv}`);
        let respawn = 0;
        for (const g of gone) {
          const expected = state.stopping.delete(g.pid);
          log.write(g.signal ? 'alert' : 'notice', pid, g.signal ? `worker process ${g.pid} exited on signal ${signalNumber(g.signal) || 9}` : `worker process ${g.pid} exited with code ${g.code}`);
          const i = state.workers.indexOf(g.pid);
          if (i >= 0) {
            state.workers.splice(i, 1);
            if (!expected) respawn++;
          }
        }
        for (let i = 0; i < respawn; i++) {
          const w = yield* spawnWorker(ctx, state);
          log.write('notice', pid, `start worker process ${w}`);
        }
        break;
      }
      default:
        log.write('notice', pid, recv);
    }
  }
}

function portsOf(cfg: NginxConfig): number[] {
  const set = new Set<number>();
  for (const s of cfg.servers) for (const l of s.listens) if (l.port > 0) set.add(l.port);
  return [...set];
}

function* startWorkers(ctx: CommandContext, state: State, ncpu: number): Run<void> {
  const n = state.cfg.workerProcesses === 'auto' ? ncpu : state.cfg.workerProcesses;
  for (let i = 0; i < n; i++) {
    const w = yield* spawnWorker(ctx, state);
    state.log.write('notice', (yield* getPid()).pid, `start worker process ${w}`);
  }
}

function* spawnWorker(ctx: CommandContext, state: State): Run<number> {
  const log = state.log;
  const worker: Command = function* (wctx) {
    const { pid } = yield* getPid();
    for (;;) {
      try {
        yield* waitForSignal();
      } catch (e) {
        if (!(e instanceof Signal)) throw e;
        if (e.signal === 'SIGQUIT') {
          log.write('notice', pid, 'gracefully shutting down');
          log.write('notice', pid, 'exiting');
          log.write('notice', pid, 'exit');
          return 0;
        }
        if (e.signal === 'SIGTERM' || e.signal === 'SIGINT') {
          log.write('notice', pid, 'exiting');
          log.write('notice', pid, 'exit');
          return 0;
        }
        if (e.signal === 'SIGUSR1') log.write('notice', pid, 'reopening logs');
      }
      void wctx;
    }
  };
  const w = yield* spawnChild({ title: 'nginx: worker process', program: worker, catches: ['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGUSR1', 'SIGHUP'] });
  state.workers.push(w);
  void ctx;
  return w;
}

function serveEnv(ctx: CommandContext, state: State, version: string, client: HttpClient, workerUid: number, workerGid: number): ServeEnv {
  return {
    cfg: state.cfg,
    fs: ctx.fs,
    now: () => ctx.sys.now(),
    version,
    hostname: ctx.sys.hostname,
    errorLog: (level, text) => state.log.write(level, state.workers[0] ?? 1, text),
    access: (path, line) => {
      let sink = state.access.get(path);
      if (!sink) {
        sink = openLog(ctx, path, PREFIX);
        state.access.set(path, sink);
      }
      sink(line);
    },
    nextConnection: () => ++state.connections,
    workerPid: () => state.workers[0] ?? 1,
    client,
    resolved: state.resolved,
    workerUid,
    workerGid,
  };
}
