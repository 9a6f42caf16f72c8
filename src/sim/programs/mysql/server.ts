// mysqld: --initialize(-insecure) of the data directory, the server with MySQL 8/9's log lines
// on stderr ("[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections.
// Version: '9.3.0'  socket: ...  port: 3306"), --daemonize (the entrypoint's temporary server,
// networking off), the socket and TCP listeners answering the mysql client, and shutdown on
// SIGTERM or mysqladmin shutdown.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { allocPid, getPid, listen, setTitle, sleep, spawnChild, TCP_METHOD, trap } from '../effects';
import { isoMicros } from '../lib/time';
import { bindUnix, unbindUnix } from '../lib/unix-sockets';
import { identity } from '../lib/users';
import { programVersion } from '../lib/version';
import { execMysql, type MyCluster, type MyRequest, type MyResponse } from './sql';

export const SOCKET = '/var/run/mysqld/mysqld.sock';
const CATALOG = 'docksim.json';

export function* mysqlVersion(ctx: CommandContext): Run<string> {
  let v = yield* programVersion(ctx, 'MYSQL_VERSION', '9.3.0');
  try {
    v = ctx.fs.readFile('/usr/share/mysql-server-version').trim() || v;
  } catch {
    // the env or the default
  }
  return v.split('-')[0]!;
}

interface Options {
  datadir: string;
  socket: string;
  port: number;
  user: string | null;
  initialize: 'secure' | 'insecure' | null;
  daemonize: boolean;
  skipNetworking: boolean;
  bindAddress: string;
  pidFile: string;
}

/** /etc/my.cnf's [mysqld] section, then the command line. */
function options(ctx: CommandContext, args: string[]): Options | string {
  const o: Options = { datadir: '/var/lib/mysql/', socket: SOCKET, port: 3306, user: null, initialize: null, daemonize: false, skipNetworking: false, bindAddress: '*', pidFile: '/var/run/mysqld/mysqld.pid' };
  const set = (k: string, v: string | null): string | null => {
    const key = k.replace(/_/g, '-');
    switch (key) {
      case 'datadir':
        o.datadir = (v ?? '').endsWith('/') ? v! : `${v}/`;
        break;
      case 'socket':
        o.socket = v ?? SOCKET;
        break;
      case 'port':
        o.port = Number(v);
        break;
      case 'user':
        o.user = v;
        break;
      case 'initialize':
        o.initialize = 'secure';
        break;
      case 'initialize-insecure':
        o.initialize = 'insecure';
        break;
      case 'daemonize':
        o.daemonize = true;
        break;
      case 'skip-networking':
        o.skipNetworking = true;
        break;
      case 'bind-address':
        o.bindAddress = v ?? '*';
        break;
      case 'pid-file':
        o.pidFile = v ?? o.pidFile;
        break;
      case 'character-set-server':
      case 'collation-server':
      case 'default-time-zone':
      case 'host-cache-size':
      case 'skip-name-resolve':
      case 'secure-file-priv':
      case 'default-authentication-plugin':
      case 'mysql-native-password':
      case 'max-connections':
      case 'innodb-buffer-pool-size':
      case 'log-bin':
      case 'server-id':
      case 'sql-mode':
      case 'lower-case-table-names':
      case 'skip-log-bin':
      case 'console':
        break;
      default:
        return key;
    }
    return null;
  };
  try {
    let section = '';
    for (const raw of ctx.fs.readFile('/etc/my.cnf').split('\n')) {
      const l = raw.trim();
      if (l === '' || l.startsWith('#') || l.startsWith('!')) continue;
      const sec = /^\[(.+)\]$/.exec(l);
      if (sec) {
        section = sec[1]!;
        continue;
      }
      if (section !== 'mysqld') continue;
      const eq = l.indexOf('=');
      set(eq < 0 ? l : l.slice(0, eq).trim(), eq < 0 ? null : l.slice(eq + 1).trim());
    }
  } catch {
    // no my.cnf
  }
  for (const a of args) {
    if (!a.startsWith('--')) return a;
    const eq = a.indexOf('=');
    const bad = set(eq < 0 ? a.slice(2) : a.slice(2, eq), eq < 0 ? null : a.slice(eq + 1));
    if (bad) return a;
  }
  return o;
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/$/, '')}/${name}`;
}

export function readCatalog(ctx: CommandContext, datadir: string): MyCluster | null {
  try {
    return JSON.parse(ctx.fs.readFile(join(datadir, CATALOG))) as MyCluster;
  } catch {
    return null;
  }
}

function writeCatalog(ctx: CommandContext, datadir: string, c: MyCluster): void {
  try {
    ctx.fs.writeFile(join(datadir, CATALOG), `${JSON.stringify(c)}\n`);
  } catch {
    // read-only
  }
}

export const mysqld: Command = function* (ctx) {
  const version = yield* mysqlVersion(ctx);
  const args = ctx.args.slice(1);
  if (args.includes('--version') || args.includes('-V')) {
    ctx.stdout.write(`/usr/sbin/mysqld  Ver ${version} for Linux on ${ctx.sys.machine === 'aarch64' ? 'aarch64' : 'x86_64'} (MySQL Community Server - GPL)\n`);
    return 0;
  }
  if (args.includes('--verbose') && args.includes('--help')) {
    ctx.stdout.write(`/usr/sbin/mysqld  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  const log = (thread: number, level: string, code: string, sub: string, text: string) => ctx.stderr.write(`${isoMicros(ctx.sys.now())} ${thread} [${level}] [${code}] [${sub}] ${text}\n`);
  const o = options(ctx, args);
  if (typeof o === 'string') {
    log(0, 'ERROR', 'MY-000068', 'Server', `unknown option '${o}'.`);
    log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
    return 1;
  }
  if (identity(ctx).uid === 0 && o.user === null) {
    log(0, 'ERROR', 'MY-010123', 'Server', 'Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!');
    log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
    return 1;
  }
  if (o.initialize) return yield* initialize(ctx, o, version, log);
  if (o.daemonize) {
    // fork: the child serves; the parent returns once it is ready
    yield* spawnChild({ title: `/usr/sbin/mysqld ${args.join(' ')}`, program: (c) => serve({ ...c, env: ctx.env, sys: ctx.sys, stderr: ctx.stderr, stdout: ctx.stdout }, o, version) });
    for (let i = 0; i < 300 && !readyFile(ctx, o); i++) yield* sleep(10);
    return 0;
  }
  return yield* serve(ctx, o, version);
};

function readyFile(ctx: CommandContext, o: Options): boolean {
  return ctx.fs.exists(o.pidFile);
}

function* initialize(ctx: CommandContext, o: Options, version: string, log: (t: number, l: string, c: string, s: string, x: string) => void): Run<number> {
  const dir = o.datadir;
  let names: string[] = [];
  try {
    names = ctx.fs.readdir(dir);
  } catch {
    ctx.fs.mkdir(dir, { recursive: true, mode: 0o750 });
  }
  const init = yield* allocPid();
  log(0, 'System', 'MY-015017', 'Server', 'MySQL Server Initialization - start.');
  log(0, 'System', 'MY-013169', 'Server', `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process ${init}`);
  if (names.some((n) => !n.startsWith('.') && n !== 'lost+found')) {
    log(0, 'ERROR', 'MY-010457', 'Server', '--initialize specified but the data directory has files in it. Aborting.');
    log(0, 'ERROR', 'MY-013236', 'Server', `The designated data directory ${dir} is unusable. You can remove all files that the server added to it.`);
    log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
    log(0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.');
    return 1;
  }
  log(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.');
  yield* sleep(900);
  for (const d of ['mysql', 'performance_schema', 'sys', '#innodb_redo', '#innodb_temp']) ctx.fs.mkdir(join(dir, d), { recursive: true, mode: 0o750 });
  for (const f of ['auto.cnf', 'binlog.000001', 'binlog.index', 'ca-key.pem', 'ca.pem', 'client-cert.pem', 'client-key.pem', 'ibdata1', 'ib_buffer_pool', 'mysql.ibd', 'private_key.pem', 'public_key.pem', 'server-cert.pem', 'server-key.pem', 'undo_001', 'undo_002']) {
    ctx.fs.writeFile(join(dir, f), f === 'auto.cnf' ? '[auto]\nserver-uuid=8f3c2c1e-6b1a-11f0-9c2e-0242ac110002\n' : f === 'binlog.index' ? './binlog.000001\n' : '', { mode: 0o640 });
  }
  log(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.');
  const insecure = o.initialize === 'insecure';
  const cluster: MyCluster = {
    version,
    users: { 'root@localhost': { password: insecure ? '' : 'temporary' } },
    databases: { mysql: { owner: 'root', tables: {} }, information_schema: { owner: 'root', tables: {} }, performance_schema: { owner: 'root', tables: {} }, sys: { owner: 'root', tables: {} } },
  };
  writeCatalog(ctx, dir, cluster);
  yield* sleep(1200);
  if (insecure) log(6, 'Warning', 'MY-010453', 'Server', 'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.');
  else log(6, 'Note', 'MY-010454', 'Server', 'A temporary password is generated for root@localhost: Wq8>aT,hl5:r');
  log(0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.');
  return 0;
}

function* serve(ctx: CommandContext, o: Options, version: string): Run<number> {
  const { pid } = yield* getPid();
  const log = (thread: number, level: string, code: string, sub: string, text: string) => ctx.stderr.write(`${isoMicros(ctx.sys.now())} ${thread} [${level}] [${code}] [${sub}] ${text}\n`);
  log(0, 'System', 'MY-015015', 'Server', 'MySQL Server - start.');
  log(0, 'System', 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${version}) starting as process ${pid}`);
  const cluster = readCatalog(ctx, o.datadir);
  if (!ctx.fs.exists(o.datadir)) {
    log(0, 'ERROR', 'MY-010172', 'Server', `failed to set datadir to '${o.datadir}' (OS errno: 2 - No such file or directory)`);
    log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
    log(0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`);
    log(0, 'System', 'MY-015016', 'Server', 'MySQL Server - end.');
    return 1;
  }
  log(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.');
  yield* sleep(300);
  if (!cluster) {
    log(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.');
    log(0, 'ERROR', 'MY-010326', 'Server', "Fatal error: Can't open and lock privilege tables: Table 'mysql.user' doesn't exist");
    log(0, 'ERROR', 'MY-010952', 'Server', "The privilege system failed to initialize correctly. For complete instructions on how to upgrade MySQL to a new version please see the 'Upgrading MySQL' section from the MySQL Reference manual.");
    log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
    log(0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`);
    log(0, 'System', 'MY-015016', 'Server', 'MySQL Server - end.');
    return 1;
  }
  log(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.');
  yield* setTitle(['mysqld', ...ctx.args.slice(1)].join(' '));
  let threads = 7;
  const state = { shutdownBy: null as string | null };
  const answer = (req: MyRequest, peer: { local: boolean; address: string }): MyResponse => {
    threads++;
    const res = execMysql(cluster, req, { local: peer.local, address: peer.address, now: () => ctx.sys.now(), version, changed: () => writeCatalog(ctx, o.datadir, cluster) });
    if (res.shutdown) state.shutdownBy = req.user;
    return res;
  };
  log(0, 'Warning', 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.');
  log(0, 'System', 'MY-013602', 'Server', 'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.');
  log(0, 'Warning', 'MY-011810', 'Server', "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
  const tcp = !o.skipNetworking;
  if (tcp) {
    const handler = (req: HttpRequest): HttpResponse => {
      if (req.method !== TCP_METHOD) return { status: 0, headers: {}, body: '' };
      let q: MyRequest;
      try {
        q = JSON.parse(req.body) as MyRequest;
      } catch {
        return { status: 0, headers: {}, body: '' };
      }
      return { status: 200, headers: {}, body: JSON.stringify(answer(q, { local: false, address: req.remoteAddr })) };
    };
    if (!(yield* listen(o.port, handler))) {
      log(0, 'ERROR', 'MY-010262', 'Server', `Can't start server: Bind on TCP/IP port: Address already in use`);
      log(0, 'ERROR', 'MY-010257', 'Server', `Do you already have another mysqld server running on port: ${o.port} ?`);
      log(0, 'ERROR', 'MY-010119', 'Server', 'Aborting');
      return 1;
    }
    yield* listen(33060, () => ({ status: 0, headers: {}, body: '' }));
  }
  bindUnix(ctx.fs, o.socket, (data) => {
    try {
      return JSON.stringify(answer(JSON.parse(data) as MyRequest, { local: true, address: 'localhost' }));
    } catch {
      return '';
    }
  });
  try {
    ctx.fs.writeFile(o.pidFile, `${pid}\n`);
  } catch {
    // unwritable run directory
  }
  log(0, 'System', 'MY-011323', 'Server', tcp ? `X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock` : 'X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock');
  log(0, 'System', 'MY-010931', 'Server', `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '${o.socket}'  port: ${tcp ? o.port : 0}  MySQL Community Server - GPL.`);
  const handled = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'];
  for (const s of handled) yield* trap(s, 'catch');
  try {
    for (;;) {
      let sig: Signal | null = null;
      try {
        yield* sleep(100);
      } catch (e) {
        if (!(e instanceof Signal)) throw e;
        sig = e;
      }
      if (sig?.signal === 'SIGHUP') continue;
      if (!sig && state.shutdownBy === null) continue;
      log(sig ? 0 : threads, 'System', 'MY-013172', 'Server', `Received SHUTDOWN from user ${sig ? '<via user signal>' : state.shutdownBy}. Shutting down mysqld (Version: ${version}).`);
      yield* sleep(50);
      log(0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`);
      log(0, 'System', 'MY-015016', 'Server', 'MySQL Server - end.');
      ctx.fs.rm(o.pidFile, { force: true });
      return 0;
    }
  } finally {
    unbindUnix(ctx.fs, o.socket);
  }
}
