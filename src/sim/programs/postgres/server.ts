// postgres, the PostgreSQL server (postmaster): its checks (never as root, a data directory
// initialised by initdb), its log on stderr ("2026-11-27 09:00:00.123 UTC [1] LOG:  database
// system is ready to accept connections"), TCP and Unix-socket listeners answering psql,
// client authentication from pg_hba.conf, crash recovery after an unclean stop, its auxiliary
// processes in `ps`, and the three shutdown modes (SIGTERM smart, SIGINT fast, SIGQUIT
// immediate) plus SIGHUP reload.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { allocPid, getPid, killProcess, listen, pidAllocator, setTitle, signalMask, sigsuspend, sleep, spawnChild, TCP_METHOD, trap } from '../effects';
import { pgTime, pgTimeSeconds } from '../lib/time';
import { bindUnix, unbindUnix } from '../lib/unix-sockets';
import { identity } from '../lib/users';
import { programVersion } from '../lib/version';
import { join, matchHba, readCluster, readConf, readHba, writeCluster } from './cluster';
import { run, type Cluster, type Result } from './sql';

export interface PgRequest {
  user: string;
  database: string;
  password: string | null;
  query?: string;
  /** A catalog lookup (psql's \l, \dt, \du, \d read the system catalogs). */
  meta?: 'catalog';
}

export interface PgResponse {
  /** A FATAL error ending the connection (authentication, unknown database...). */
  fatal?: string;
  /** The server asks for a password and none was sent. */
  needPassword?: boolean;
  results?: Result[];
  serverVersion?: string;
  superuser?: boolean;
  catalog?: Cluster;
}

export interface PgVersion {
  /** 17.5 */
  short: string;
  /** 17.5 (Debian 17.5-1.pgdg120+1) */
  full: string;
  major: string;
  platform: string;
}

export function* pgVersion(ctx: CommandContext): Run<PgVersion> {
  const v = yield* programVersion(ctx, 'PG_VERSION', '17.5-1.pgdg120+1');
  const short = v.split('-')[0]!;
  const debian = v.includes('pgdg');
  const arch = ctx.sys.machine === 'aarch64' ? 'aarch64' : 'x86_64';
  const platform = debian ? `${arch}-${arch === 'aarch64' ? 'unknown' : 'pc'}-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit` : `${arch}-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`;
  return { short, full: debian ? `${short} (Debian ${v})` : short, major: short.split('.')[0]!, platform };
}

export const SOCKET_DIR = '/var/run/postgresql';

interface Options {
  pgdata: string | null;
  settings: Map<string, string>;
}

function parseOptions(args: string[], env: Map<string, string>): Options | string {
  const o: Options = { pgdata: env.get('PGDATA') ?? null, settings: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : args[++i]);
    if (a.startsWith('-D')) o.pgdata = value('-D') ?? null;
    else if (a.startsWith('-p')) o.settings.set('port', value('-p') ?? '');
    else if (a.startsWith('-h')) o.settings.set('listen_addresses', value('-h') ?? '');
    else if (a.startsWith('-k')) o.settings.set('unix_socket_directories', value('-k') ?? '');
    else if (a.startsWith('-c')) {
      const kv = value('-c') ?? '';
      const eq = kv.indexOf('=');
      if (eq < 0) return `postgres: -c ${kv} requires a value`;
      o.settings.set(kv.slice(0, eq).replace(/-/g, '_'), kv.slice(eq + 1).replace(/^'(.*)'$/, '$1'));
    } else if (a.startsWith('--') && a.includes('=')) {
      const eq = a.indexOf('=');
      o.settings.set(a.slice(2, eq).replace(/-/g, '_'), a.slice(eq + 1));
    } else if (a === '-F' || a === '-N' || a === '-B') {
      if (a !== '-F') i++;
    } else return `postgres: invalid argument: "${a}"`;
  }
  return o;
}

/** A log line as PostgreSQL writes it with log_line_prefix '%m [%p] '. */
export function pgLog(ctx: CommandContext, write: (t: string) => void, pid: number, level: string, text: string): void {
  write(`${pgTime(ctx.sys.now())} [${pid}] ${level}:  ${text}\n`);
}

interface ServerState {
  cluster: Cluster;
  pgdata: string;
  version: PgVersion;
  newPid: () => number;
  log: (pid: number, level: string, text: string) => void;
}

function answer(ctx: CommandContext, st: ServerState, req: PgRequest, conn: { local: boolean; address: string }): PgResponse {
  const backend = st.newPid();
  const c = st.cluster;
  const hba = matchHba(readHba(ctx.fs, st.pgdata), { local: conn.local, address: conn.address, database: req.database, user: req.user });
  if (!hba) {
    const fatal = `no pg_hba.conf entry for host "${conn.address}", user "${req.user}", database "${req.database}", no encryption`;
    st.log(backend, 'FATAL', fatal);
    return { fatal };
  }
  const role = c.roles[req.user];
  if (hba.method === 'reject') {
    const fatal = `pg_hba.conf rejects connection for host "${conn.address}", user "${req.user}", database "${req.database}", no encryption`;
    st.log(backend, 'FATAL', fatal);
    return { fatal };
  }
  if (hba.method !== 'trust') {
    if (req.password === null) return { needPassword: true };
    if (!role || role.password === null || role.password !== req.password) {
      const fatal = `password authentication failed for user "${req.user}"`;
      st.log(backend, 'FATAL', fatal);
      st.log(backend, 'DETAIL', !role ? `Role "${req.user}" does not exist.\n\tConnection matched file "${join(st.pgdata, 'pg_hba.conf')}" line ${hba.line}: "${hba.text}"` : role.password === null ? `User "${req.user}" has no password assigned.\n\tConnection matched file "${join(st.pgdata, 'pg_hba.conf')}" line ${hba.line}: "${hba.text}"` : `Connection matched file "${join(st.pgdata, 'pg_hba.conf')}" line ${hba.line}: "${hba.text}"`);
      return { fatal };
    }
  }
  if (!role) {
    const fatal = `role "${req.user}" does not exist`;
    st.log(backend, 'FATAL', fatal);
    return { fatal };
  }
  if (!role.login) {
    const fatal = `role "${req.user}" is not permitted to log in`;
    st.log(backend, 'FATAL', fatal);
    return { fatal };
  }
  if (!c.databases[req.database]) {
    const fatal = `database "${req.database}" does not exist`;
    st.log(backend, 'FATAL', fatal);
    return { fatal };
  }
  if (req.meta === 'catalog') return { catalog: c, serverVersion: st.version.full, superuser: role.superuser };
  const results = req.query === undefined ? [] : run({ cluster: c, session: { user: req.user, database: req.database, version: `${st.version.full} on ${st.version.platform}`, now: () => ctx.sys.now() }, changed: () => writeCluster(ctx.fs, st.pgdata, c) }, req.query);
  for (const r of results) {
    if (r.kind !== 'error') continue;
    st.log(backend, 'ERROR', `${r.message}${r.position ? ` at character ${r.position}` : ''}`);
    st.log(backend, 'STATEMENT', req.query!.trim());
  }
  return { results, serverVersion: st.version.full, superuser: role.superuser };
}

function decode(body: string): PgRequest | null {
  try {
    return JSON.parse(body) as PgRequest;
  } catch {
    return null;
  }
}

export const postgres: Command = function* (ctx) {
  const version = yield* pgVersion(ctx);
  const args = ctx.args.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.stdout.write(`postgres (PostgreSQL) ${version.full}\n`);
    return 0;
  }
  if (args[0] === '--help' || args[0] === '-?') {
    ctx.stdout.write(`postgres is the PostgreSQL server.\n\nUsage:\n  postgres [OPTION]...\n\nOptions:\n  -c NAME=VALUE      set run-time parameter\n  -D DATADIR         database directory\n  -h HOSTNAME        host name or IP address to listen on\n  -k DIRECTORY       Unix-domain socket location\n  -p PORT            port number to listen on\n  -V, --version      output version information, then exit\n  -?, --help         show this help, then exit\n\nReport bugs to <pgsql-bugs@lists.postgresql.org>.\nPostgreSQL home page: <https://www.postgresql.org/>\n`);
    return 0;
  }
  if (identity(ctx).uid === 0) {
    ctx.stderr.write('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
    return 1;
  }
  const o = parseOptions(args, ctx.env);
  if (typeof o === 'string') {
    ctx.stderr.write(`${o}\nTry "postgres --help" for more information.\n`);
    return 1;
  }
  if (!o.pgdata) {
    ctx.stderr.write('postgres does not know where to find the server configuration file.\nYou must specify the --config-file or -D invocation option or set the PGDATA environment variable.\n');
    return 2;
  }
  const pgdata = o.pgdata;
  if (!ctx.fs.exists(pgdata)) {
    ctx.stderr.write(`postgres: could not access directory "${pgdata}": No such file or directory\nRun initdb or pg_basebackup to initialize a PostgreSQL data directory.\n`);
    return 2;
  }
  if (!ctx.fs.exists(join(pgdata, 'postgresql.conf'))) {
    ctx.stderr.write(`postgres: could not access the server configuration file "${join(pgdata, 'postgresql.conf')}": No such file or directory\n`);
    return 2;
  }
  const cluster = readCluster(ctx.fs, pgdata);
  const { pid } = yield* getPid();
  const out = (t: string) => ctx.stderr.write(t);
  const log = (p: number, level: string, text: string) => pgLog(ctx, out, p, level, text);
  if (!cluster || !ctx.fs.exists(join(pgdata, 'global/pg_control'))) {
    log(pid, 'FATAL', `could not open file "${join(pgdata, 'global/pg_control')}": No such file or directory`);
    return 1;
  }
  let pgVersionFile = '';
  try {
    pgVersionFile = ctx.fs.readFile(join(pgdata, 'PG_VERSION')).trim();
  } catch {
    // checked below
  }
  if (pgVersionFile !== version.major) {
    log(pid, 'FATAL', 'database files are incompatible with server');
    log(pid, 'DETAIL', `The data directory was initialized by PostgreSQL version ${pgVersionFile}, which is not compatible with this version ${version.full}.`);
    return 1;
  }

  const conf = readConf(ctx.fs, pgdata);
  for (const [k, v] of o.settings) conf.set(k, v);
  const port = Number(conf.get('port') ?? '5432');
  const listenAddresses = conf.get('listen_addresses') ?? 'localhost';
  const socketDir = (conf.get('unix_socket_directories') ?? SOCKET_DIR).split(',')[0]!.trim();
  const newPid = yield* pidAllocator();

  yield* setTitle(ctx.args.join(' '));
  const handled = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGCHLD', 'SIGUSR1', 'SIGUSR2'];
  for (const s of handled) yield* trap(s, 'catch');
  yield* signalMask({ block: handled });

  const pidFile = join(pgdata, 'postmaster.pid');
  const unclean = ctx.fs.exists(pidFile);
  log(pid, 'LOG', `starting PostgreSQL ${version.full} on ${version.platform}`);
  const st: ServerState = { cluster, pgdata, version, newPid, log };
  const handler = (local: boolean) => (req: HttpRequest): HttpResponse => {
    if (req.method !== TCP_METHOD) {
      log(newPid(), 'LOG', 'invalid length of startup packet');
      return { status: 0, headers: {}, body: '' };
    }
    const q = decode(req.body);
    if (!q) return { status: 0, headers: {}, body: '' };
    return { status: 200, headers: {}, body: JSON.stringify(answer(ctx, st, q, { local, address: local ? '[local]' : req.remoteAddr })) };
  };
  const socketPath = join(socketDir, `.s.PGSQL.${port}`);
  try {
    if (listenAddresses !== '') {
      const ok = yield* listen(port, handler(false));
      if (!ok) {
        log(pid, 'LOG', `could not bind IPv4 address "0.0.0.0": Address already in use`);
        log(pid, 'HINT', `Is another postmaster already running on port ${port}? If not, wait a few seconds and retry.`);
        log(pid, 'WARNING', `could not create listen socket for "${listenAddresses}"`);
        log(pid, 'FATAL', 'could not create any TCP/IP sockets');
        log(pid, 'LOG', 'database system is shut down');
        return 1;
      }
      if (listenAddresses === '*') {
        log(pid, 'LOG', `listening on IPv4 address "0.0.0.0", port ${port}`);
        log(pid, 'LOG', `listening on IPv6 address "::", port ${port}`);
      } else for (const a of listenAddresses.split(',')) log(pid, 'LOG', `listening on IPv4 address "${a.trim() === 'localhost' ? '127.0.0.1' : a.trim()}", port ${port}`);
    }
    const bound = bindUnix(ctx.fs, socketPath, (data, peer) => {
      const q = decode(data);
      if (!q) return '';
      void peer;
      return JSON.stringify(answer(ctx, st, q, { local: true, address: '[local]' }));
    });
    if (bound) log(pid, 'LOG', `listening on Unix socket "${socketPath}"`);

    // the startup process replays the WAL, then the auxiliary processes start
    const children: number[] = [];
    const checkpointer = yield* spawnChild({ title: 'postgres: checkpointer ' });
    children.push(checkpointer, yield* spawnChild({ title: 'postgres: background writer ' }));
    const startup = yield* allocPid();
    yield* sleep(8);
    const last = (cluster as Cluster & { lastShutdown?: number }).lastShutdown ?? ctx.sys.now();
    if (unclean) {
      log(startup, 'LOG', `database system was interrupted; last known up at ${pgTimeSeconds(last)}`);
      log(startup, 'LOG', 'database system was not properly shut down; automatic recovery in progress');
      log(startup, 'LOG', 'redo starts at 0/1A54530');
      log(startup, 'LOG', 'invalid record length at 0/1A54610: expected at least 24, got 0');
      log(startup, 'LOG', 'redo done at 0/1A545D8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s');
      log(checkpointer, 'LOG', 'checkpoint starting: end-of-recovery immediate wait');
      log(checkpointer, 'LOG', checkpointComplete(0));
    } else log(startup, 'LOG', `database system was shut down at ${pgTimeSeconds(last)}`);
    ctx.fs.writeFile(pidFile, `${pid}\n${pgdata}\n${Math.floor(ctx.sys.now() / 1000)}\n${port}\n${socketDir}\n${listenAddresses === '*' ? '*' : listenAddresses}\n  ${5432001 + port - 5432}         0\nready   \n`);
    children.push(yield* spawnChild({ title: 'postgres: walwriter ' }));
    children.push(yield* spawnChild({ title: 'postgres: autovacuum launcher ' }));
    const launcher = yield* spawnChild({ title: 'postgres: logical replication launcher ' });
    log(pid, 'LOG', 'database system is ready to accept connections');

    for (;;) {
      let sig: Signal;
      try {
        yield* sigsuspend();
        continue;
      } catch (e) {
        if (!(e instanceof Signal)) throw e;
        sig = e;
      }
      if (sig.signal === 'SIGHUP') {
        log(pid, 'LOG', 'received SIGHUP, reloading configuration files');
        continue;
      }
      if (sig.signal === 'SIGCHLD' || sig.signal === 'SIGUSR1' || sig.signal === 'SIGUSR2') continue;
      const mode = sig.signal === 'SIGTERM' ? 'smart' : sig.signal === 'SIGINT' ? 'fast' : 'immediate';
      log(pid, 'LOG', `received ${mode} shutdown request`);
      // the rest happens in the postmaster's loop and its children, a moment later
      yield* sleep(1);
      if (mode === 'immediate') {
        log(pid, 'LOG', 'database system is shut down');
        for (const p of [launcher, ...children]) yield* killProcess(p, 'SIGKILL');
        return 0;
      }
      if (mode === 'fast') log(pid, 'LOG', 'aborting any active transactions');
      yield* killProcess(launcher, 'SIGTERM');
      log(pid, 'LOG', `background worker "logical replication launcher" (PID ${launcher}) exited with exit code 1`);
      log(checkpointer, 'LOG', 'shutting down');
      log(checkpointer, 'LOG', 'checkpoint starting: shutdown immediate');
      log(checkpointer, 'LOG', checkpointComplete(3));
      (cluster as Cluster & { lastShutdown?: number }).lastShutdown = ctx.sys.now();
      writeCluster(ctx.fs, pgdata, cluster);
      ctx.fs.rm(pidFile, { force: true });
      for (const p of children) yield* killProcess(p, 'SIGTERM');
      log(pid, 'LOG', 'database system is shut down');
      return 0;
    }
  } finally {
    unbindUnix(ctx.fs, socketPath);
  }
};

function checkpointComplete(buffers: number): string {
  return `checkpoint complete: wrote ${buffers} buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.001 s, sync=0.001 s, total=0.003 s; sync files=${buffers > 0 ? 2 : 0}, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1A54610, redo lsn=0/1A54610`;
}
