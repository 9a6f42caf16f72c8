// redis-server: its configuration (a file and --options, with Redis's fatal-error report), its
// log on stdout in Redis's format ("1:M 27 Nov 2026 09:00:00.123 * Ready to accept
// connections tcp"), modules, the RDB snapshot in its directory (loaded at start, saved by
// save points and at shutdown, so a volume keeps the data), the append-only file, the RESP
// protocol over the simulated network, and shutdown on SIGTERM/SIGINT or SHUTDOWN.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { allocPid, getPid, listen, setTitle, sleep, TCP_METHOD, trap } from '../effects';
import { redisTime } from '../lib/time';
import { programVersion } from '../lib/version';
import { decodeCommands, encode, err, type Reply } from './resp';
import { execute, Keyspace, type ServerInfo, type Session } from './store';

type Level = 'debug' | 'verbose' | 'notice' | 'warning';
const MARK: Record<Level, string> = { debug: '.', verbose: '-', notice: '*', warning: '#' };
const RANK: Record<Level, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };

/** Directives the model accepts, with how many arguments they take (-1: one or more). */
const DIRECTIVES: Record<string, number> = {
  port: 1, bind: -1, requirepass: 1, appendonly: 1, save: -1, dir: 1, dbfilename: 1, loglevel: 1, logfile: 1, daemonize: 1,
  'protected-mode': 1, loadmodule: -1, maxmemory: 1, 'maxmemory-policy': 1, databases: 1, timeout: 1, 'tcp-keepalive': 1,
  supervised: 1, pidfile: 1, include: 1, 'rename-command': 2, appendfilename: 1, appendfsync: 1, 'appenddirname': 1,
  'tcp-backlog': 1, 'always-show-logo': 1, 'set-proc-title': 1, 'stop-writes-on-bgsave-error': 1, rdbcompression: 1,
  rdbchecksum: 1, 'replica-read-only': 1, replicaof: 2, masterauth: 1, 'io-threads': 1, 'enable-debug-command': 1,
  'notify-keyspace-events': 1, 'lazyfree-lazy-eviction': 1, 'aclfile': 1, user: -1, 'maxclients': 1, 'hz': 1,
};

interface Config {
  values: Map<string, string>;
  saves: [number, number][];
  modules: string[];
  file: string | null;
}

class FatalConfig extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
    readonly why: string,
  ) {
    super(why);
  }
}

function defaults(): Config {
  const values = new Map<string, string>([
    ['port', '6379'],
    ['bind', '* -::*'],
    ['appendonly', 'no'],
    ['dir', ''],
    ['dbfilename', 'dump.rdb'],
    ['loglevel', 'notice'],
    ['logfile', ''],
    ['daemonize', 'no'],
    ['protected-mode', 'no'],
    ['databases', '16'],
    ['maxmemory', '0'],
    ['appendfilename', 'appendonly.aof'],
    ['appenddirname', 'appendonlydir'],
    ['save', '3600 1 300 100 60 10000'],
  ]);
  return { values, saves: [[3600, 1], [300, 100], [60, 10000]], modules: [], file: null };
}

function apply(cfg: Config, lines: { text: string; args: string[]; line: number }[]): void {
  let savesReset = false;
  for (const l of lines) {
    const name = l.args[0]!.toLowerCase();
    const args = l.args.slice(1);
    const want = DIRECTIVES[name];
    if (want === undefined || (want > 0 && args.length !== want) || (want < 0 && args.length < 1)) {
      throw new FatalConfig(l.line, l.text, 'Bad directive or wrong number of arguments');
    }
    if (name === 'port' && !/^\d+$/.test(args[0]!)) throw new FatalConfig(l.line, l.text, 'argument couldn\'t be parsed into an integer');
    if ((name === 'appendonly' || name === 'daemonize' || name === 'protected-mode') && !['yes', 'no'].includes(args[0]!.toLowerCase())) {
      throw new FatalConfig(l.line, l.text, 'argument must be \'yes\' or \'no\'');
    }
    if (name === 'save') {
      if (!savesReset) {
        cfg.saves = [];
        savesReset = true;
      }
      const nums = args.join(' ').trim() === '' ? [] : args.join(' ').trim().split(/\s+/);
      if (nums.length % 2 !== 0 || nums.some((n) => !/^\d+$/.test(n))) throw new FatalConfig(l.line, l.text, 'Invalid save parameters');
      for (let i = 0; i < nums.length; i += 2) cfg.saves.push([Number(nums[i]), Number(nums[i + 1])]);
      cfg.values.set('save', cfg.saves.map(([a, b]) => `${a} ${b}`).join(' '));
      continue;
    }
    if (name === 'loadmodule') {
      cfg.modules.push(args[0]!);
      continue;
    }
    cfg.values.set(name, args.join(' '));
  }
}

/** Splits a config line as Redis does (sdssplitargs: quotes and escapes). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let cur = '';
    if (line[i] === '"' || line[i] === "'") {
      const q = line[i++]!;
      while (i < line.length && line[i] !== q) {
        if (q === '"' && line[i] === '\\' && i + 1 < line.length) {
          const n = line[++i]!;
          cur += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          i++;
        } else cur += line[i++];
      }
      i++;
    } else while (i < line.length && !/\s/.test(line[i]!)) cur += line[i++];
    out.push(cur);
  }
  return out;
}

function quoteForReport(args: string[]): string {
  return [args[0], ...args.slice(1).map((a) => `"${a}"`)].join(' ');
}

/** Reads the command line into a configuration: an optional file, then --name value pairs. */
function configure(ctx: CommandContext, args: string[]): Config | { fatal: FatalConfig } | { error: string } {
  const cfg = defaults();
  const lines: { text: string; args: string[]; line: number }[] = [];
  let rest = args;
  if (rest.length > 0 && !rest[0]!.startsWith('--')) {
    const file = rest[0]!;
    rest = rest.slice(1);
    let text: string;
    try {
      text = ctx.fs.readFile(file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`);
    } catch {
      return { error: `Fatal error, can't open config file '${file}': No such file or directory` };
    }
    cfg.file = file;
    text.split('\n').forEach((raw, i) => {
      const t = raw.trim();
      if (t === '' || t.startsWith('#')) return;
      lines.push({ text: t, args: splitLine(t), line: i + 1 });
    });
  }
  // options after the file: "--port 7000 --save 60 1" become config lines
  const extra: string[][] = [];
  for (const a of rest) {
    if (a.startsWith('--') && a.length > 2) extra.push([a.slice(2)]);
    else if (extra.length > 0) extra[extra.length - 1]!.push(a);
    else extra.push([a]);
  }
  const base = lines.length;
  extra.forEach((e, i) => lines.push({ text: quoteForReport(e), args: e, line: base + i + 2 }));
  try {
    apply(cfg, lines);
  } catch (e) {
    if (e instanceof FatalConfig) return { fatal: e };
    throw e;
  }
  return cfg;
}

/** Log lines of the modules the image's redis-full.conf loads. */
function moduleLines(path: string, version: string): string[] | null {
  const base = path.split('/').pop() ?? '';
  if (base === 'redisbloom.so') {
    return [
      '<bf> RedisBloom version 8.0.1 (Git=unknown)',
      '<bf> Registering configuration options: [',
      '<bf> \t{ bf-error-rate       :      0.01 }',
      '<bf> \t{ bf-initial-size     :       100 }',
      '<bf> \t{ bf-expansion-factor :         2 }',
      '<bf> \t{ cf-bucket-size      :         2 }',
      '<bf> \t{ cf-initial-size     :      1024 }',
      '<bf> \t{ cf-max-iterations   :        20 }',
      '<bf> \t{ cf-expansion-factor :         1 }',
      '<bf> \t{ cf-max-expansions   :        32 }',
      '<bf> ]',
      `Module 'bf' loaded from ${path}`,
    ];
  }
  if (base === 'redisearch.so') {
    return [
      `<search> Redis version found by RedisSearch : ${version} - oss`,
      '<search> RediSearch version 8.0.1 (Git=5688fcc)',
      '<search> Low level api version 1 initialized successfully ',
      '<search> Initialized thread pools!',
      '<search> Disabled workers threadpool of size 0',
      '<search> Subscribe to config changes',
      '<search> Enabled role change notification',
      '<search> Cluster configuration: AUTO partitions, type: 0, coordinator timeout: 0ms',
      '<search> Register write commands',
      `Module 'search' loaded from ${path}`,
    ];
  }
  if (base === 'redistimeseries.so') {
    return [`<timeseries> Redis version found by RedisTimeSeries : ${version} - oss`, '<timeseries> Registering configuration options: [', '<timeseries> ]', `Module 'timeseries' loaded from ${path}`];
  }
  if (base === 'rejson.so') {
    return ['<ReJSON> Enabled diskless replication', '<ReJSON> Initialized shared string cache, thread safe: false.', `Module 'ReJSON' loaded from ${path}`];
  }
  return null;
}

const RDB_MAGIC = 'REDIS0012';

interface State {
  cfg: Config;
  ks: Keyspace;
  lastSave: number;
  shutdownRequested: boolean;
  pid: number;
  /** Called after commands changed the data (the append-only file follows every write). */
  afterWrite: () => void;
}

export const redisServer: Command = function* (ctx) {
  const invoked = (ctx.args[0] ?? '').split('/').pop() ?? '';
  if (invoked === 'redis-check-aof' || invoked === 'redis-check-rdb') return yield* checkTool(ctx, invoked);
  const version = yield* programVersion(ctx, 'REDIS_VERSION', '8.0.2');
  const args = ctx.args.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout.write(`Redis server v=${version} sha=00000000:${version.startsWith('8') ? 1 : 0} malloc=jemalloc-5.3.0 bits=64 build=${buildId(version)}\n`);
    return 0;
  }
  if (args[0] === '-h' || args[0] === '--help') {
    ctx.stderr.write(
      `Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n       ./redis-server - (read config from stdin)\n       ./redis-server -v or --version\n       ./redis-server -h or --help\n       ./redis-server --test-memory <megabytes>\n       ./redis-server --check-system\n\nExamples:\n       ./redis-server (run the server with default conf)\n       echo 'maxmemory 128mb' | ./redis-server -\n       ./redis-server /etc/redis/6379.conf\n       ./redis-server --port 7777\n       ./redis-server --port 7777 --replicaof 127.0.0.1 8888\n       ./redis-server /etc/myredis.conf --loglevel verbose -\n       ./redis-server /etc/myredis.conf --loglevel verbose\n\nSentinel mode:\n       ./redis-server /etc/sentinel.conf --sentinel\n`,
    );
    return 1;
  }
  const { pid } = yield* getPid();
  const now = () => ctx.sys.now();
  const role = invoked === 'redis-sentinel' ? 'X' : 'C';
  const out = (r: string, level: Level, text: string) => ctx.stdout.write(`${pid}:${r} ${redisTime(now())} ${MARK[level]} ${text}\n`);

  const parsed = configure(ctx, args);
  if ('error' in parsed) {
    ctx.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  if ('fatal' in parsed) {
    const f = parsed.fatal;
    ctx.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nReading the configuration file, at line ${f.line}\n>>> '${f.text}'\n${f.why}\n`);
    return 1;
  }
  const cfg = parsed;
  const level = (cfg.values.get('loglevel') ?? 'notice') as Level;
  const log = (r: string, l: Level, text: string) => {
    if (RANK[l] >= (RANK[level] ?? 2)) out(r, l, text);
  };

  if (invoked === 'redis-sentinel') {
    log('X', 'warning', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    log('X', 'warning', 'Sentinel started without a config file. Exiting...');
    return 1;
  }

  log(role, 'warning', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  log(role, 'notice', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log(role, 'notice', `Redis version=${version}, bits=64, commit=00000000, modified=${version.startsWith('8') ? 1 : 0}, pid=${pid}, just started`);
  if (cfg.file === null && args.length === 0) log(role, 'warning', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  else log(role, 'notice', 'Configuration loaded');

  if (cfg.values.get('daemonize')?.toLowerCase() === 'yes') return 0;

  const port = Number(cfg.values.get('port'));
  const bind = cfg.values.get('bind') ?? '* -::*';
  const host = bind.split(/\s+/)[0]!.replace(/^-/, '');
  yield* setTitle(`redis-server ${host === '*' ? '*' : host}:${port}`);
  log('M', 'notice', 'monotonic clock: POSIX clock_gettime');
  log('M', 'notice', `Running mode=standalone, port=${port}.`);

  for (const m of cfg.modules) {
    const lines = ctx.fs.exists(m) ? moduleLines(m, version) : null;
    if (!lines) {
      log('M', 'warning', `Module ${m} failed to load: ${m}: cannot open shared object file: No such file or directory`);
      log('M', 'warning', `Can't load module from ${m}: server aborting`);
      return 1;
    }
    for (const l of lines) log('M', 'notice', l);
  }

  const ks = new Keyspace(now);
  const dir = dataDir(ctx, cfg);
  const aof = cfg.values.get('appendonly')?.toLowerCase() === 'yes';
  const state: State = { cfg, ks, lastSave: now(), shutdownRequested: false, pid, afterWrite: () => (aof ? writeAof(ctx, state, dir) : undefined) };
  log('M', 'notice', 'Server initialized');
  loadData(ctx, state, dir, aof, version, (l, t) => log('M', l, t));

  const info: ServerInfo = {
    version,
    port,
    mode: 'standalone',
    startedAt: now(),
    pid,
    requirepass: cfg.values.get('requirepass') || null,
    config: cfg.values,
    os: `${ctx.sys.kernelName} ${ctx.sys.kernelRelease} ${ctx.sys.machine}`,
    save: () => {
      writeRdb(ctx, state, dir, version);
      if (aof) writeAof(ctx, state, dir);
      log('M', 'notice', 'DB saved on disk');
    },
    shutdown: () => {
      state.shutdownRequested = true;
    },
  };

  if (port > 0) {
    const handler = (req: HttpRequest): HttpResponse => serve(state, info, req, (l, t) => log('M', l, t));
    const ok = yield* listen(port, handler);
    if (!ok) {
      log('M', 'warning', `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
      log('M', 'warning', `Failed listening on port ${port} (tcp), aborting.`);
      return 1;
    }
  }
  log('M', 'notice', `Ready to accept connections ${port > 0 ? 'tcp' : 'unix'}`);

  for (const s of ['SIGTERM', 'SIGINT']) yield* trap(s, 'catch');
  const saveOnShutdown = cfg.saves.length > 0;
  for (;;) {
    let sig: Signal | null = null;
    try {
      yield* sleep(100);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      sig = e;
    }
    if (sig) {
      // the signal handler runs outside the event loop: its line has no role or date
      ctx.stdout.write(`${pid}:signal-handler (${Math.floor(now() / 1000)}) Received ${sig.signal} scheduling shutdown...\n`);
    }
    if (sig || state.shutdownRequested) {
      log('M', 'notice', 'User requested shutdown...');
      if (aof) log('M', 'notice', 'Calling fsync() on the AOF file.');
      if (saveOnShutdown) {
        log('M', 'notice', 'Saving the final RDB snapshot before exiting.');
        writeRdb(ctx, state, dir, version);
        log('M', 'notice', 'DB saved on disk');
      }
      if (aof) writeAof(ctx, state, dir);
      log('M', 'warning', 'Redis is now ready to exit, bye bye...');
      return 0;
    }
    yield* savePoints(ctx, state, dir, version, (r, l, t) => log(r, l, t));
  }
};

function* savePoints(ctx: CommandContext, state: State, dir: string, version: string, log: (role: string, l: Level, t: string) => void): Run<void> {
  const now = ctx.sys.now();
  const elapsed = (now - state.lastSave) / 1000;
  for (const [secs, changes] of state.cfg.saves) {
    if (state.ks.dirty >= changes && elapsed >= secs) {
      log('M', 'notice', `${state.ks.dirty} changes in ${secs} seconds. Saving...`);
      const child = yield* allocPid();
      log('M', 'notice', `Background saving started by pid ${child}`);
      writeRdb(ctx, state, dir, version);
      const line = (l: Level, t: string) => ctx.stdout.write(`${child}:C ${redisTime(ctx.sys.now())} ${MARK[l]} ${t}\n`);
      line('notice', 'DB saved on disk');
      line('notice', 'Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB');
      log('M', 'notice', 'Background saving terminated with success');
      return;
    }
  }
}

function dataDir(ctx: CommandContext, cfg: Config): string {
  const d = cfg.values.get('dir') || ctx.cwd;
  return d.startsWith('/') ? d.replace(/\/$/, '') || '/' : `${ctx.cwd.replace(/\/$/, '')}/${d}`;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function writeRdb(ctx: CommandContext, state: State, dir: string, version: string): void {
  const file = join(dir, state.cfg.values.get('dbfilename') ?? 'dump.rdb');
  try {
    ctx.fs.writeFile(file, `${RDB_MAGIC}\n${JSON.stringify({ version, ctime: ctx.sys.now(), keys: JSON.parse(state.ks.dump()) })}\n`);
  } catch {
    // an unwritable directory: Redis would log the failure; the model keeps running
  }
  state.ks.dirty = 0;
  state.lastSave = ctx.sys.now();
}

function writeAof(ctx: CommandContext, state: State, dir: string): void {
  const d = join(dir, state.cfg.values.get('appenddirname') ?? 'appendonlydir');
  const name = state.cfg.values.get('appendfilename') ?? 'appendonly.aof';
  try {
    if (!ctx.fs.exists(d)) ctx.fs.mkdir(d, { recursive: true });
    ctx.fs.writeFile(join(d, `${name}.1.base.rdb`), `${RDB_MAGIC}\n${JSON.stringify({ ctime: ctx.sys.now(), keys: JSON.parse(state.ks.dump()) })}\n`);
    ctx.fs.writeFile(join(d, `${name}.1.incr.aof`), '');
    ctx.fs.writeFile(join(d, `${name}.manifest`), `file ${name}.1.base.rdb seq 1 type b\nfile ${name}.1.incr.aof seq 1 type i\n`);
  } catch {
    // as above
  }
}

function readSnapshot(ctx: CommandContext, path: string): { version?: string; ctime: number; keys: unknown } | null {
  try {
    const text = ctx.fs.readFile(path);
    if (!text.startsWith(RDB_MAGIC)) return null;
    return JSON.parse(text.slice(RDB_MAGIC.length + 1)) as { version?: string; ctime: number; keys: unknown };
  } catch {
    return null;
  }
}

function loadData(ctx: CommandContext, state: State, dir: string, aof: boolean, version: string, log: (l: Level, t: string) => void): void {
  const now = ctx.sys.now();
  if (aof) {
    const d = join(dir, state.cfg.values.get('appenddirname') ?? 'appendonlydir');
    const name = state.cfg.values.get('appendfilename') ?? 'appendonly.aof';
    const base = readSnapshot(ctx, join(d, `${name}.1.base.rdb`));
    if (!base) {
      writeAof(ctx, state, dir);
      log('notice', `Creating AOF base file ${name}.1.base.rdb on server start`);
      log('notice', `Creating AOF incr file ${name}.1.incr.aof on server start`);
      return;
    }
    log('notice', 'Reading RDB base file on AOF loading...');
    log('notice', `Loading RDB produced by version ${version}`);
    log('notice', `RDB age ${Math.max(0, Math.floor((now - base.ctime) / 1000))} seconds`);
    log('notice', 'RDB memory usage when created 0.90 Mb');
    log('notice', 'RDB is base AOF');
    const [loaded, expired] = state.ks.load(JSON.stringify(base.keys));
    log('notice', `Done loading RDB, keys loaded: ${loaded}, keys expired: ${expired}.`);
    log('notice', `DB loaded from base file ${name}.1.base.rdb: 0.000 seconds`);
    log('notice', `DB loaded from append only file: 0.000 seconds`);
    log('notice', `Opening AOF incr file ${name}.1.incr.aof on server start`);
    return;
  }
  const snap = readSnapshot(ctx, join(dir, state.cfg.values.get('dbfilename') ?? 'dump.rdb'));
  if (!snap) return;
  log('notice', `Loading RDB produced by version ${snap.version ?? version}`);
  log('notice', `RDB age ${Math.max(0, Math.floor((now - snap.ctime) / 1000))} seconds`);
  log('notice', 'RDB memory usage when created 0.90 Mb');
  const [loaded, expired] = state.ks.load(JSON.stringify(snap.keys));
  log('notice', `Done loading RDB, keys loaded: ${loaded}, keys expired: ${expired}.`);
  log('notice', 'DB loaded from disk: 0.000 seconds');
}

/** One connection's worth of commands: a raw TCP exchange, or an HTTP request (refused). */
function serve(state: State, info: ServerInfo, req: HttpRequest, log: (l: Level, t: string) => void): HttpResponse {
  if (req.method !== TCP_METHOD) {
    // a browser or curl talking HTTP to Redis: Redis suspects cross-protocol scripting
    log('warning', `Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${req.remoteAddr}:${40000 + (state.ks.dirty % 1000)} aborted.`);
    return { status: 0, headers: {}, body: '' };
  }
  const session: Session = { db: 0, authenticated: info.requirepass === null, name: null };
  const before = state.ks.dirty;
  let out = '';
  for (const argv of decodeCommands(req.body)) {
    let r: Reply;
    try {
      r = execute(state.ks, session, info, argv);
    } catch {
      r = err('ERR internal error');
    }
    out += encode(r);
    if (argv[0]?.toLowerCase() === 'quit') break;
  }
  if (state.ks.dirty !== before) state.afterWrite();
  return { status: 200, headers: {}, body: out };
}

function buildId(version: string): string {
  let h = 0x811c9dc5;
  for (const ch of `redis-${version}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const a = h.toString(16).padStart(8, '0');
  const b = ((h ^ 0xa5a5a5a5) >>> 0).toString(16).padStart(8, '0');
  return a + b;
}

function* checkTool(ctx: CommandContext, name: string): Run<number> {
  const file = ctx.args[1];
  if (!file) {
    ctx.stderr.write(name === 'redis-check-aof' ? 'Usage: redis-check-aof [--fix|--truncate-to-timestamp $timestamp] <file.manifest|file.aof>\n' : 'Usage: redis-check-rdb <rdb-file-name>\n');
    return 1;
  }
  if (!ctx.fs.exists(file)) {
    ctx.stdout.write(`Cannot check ${file}: No such file or directory\n`);
    return 1;
  }
  ctx.stdout.write(name === 'redis-check-rdb' ? `[offset 0] Checking RDB file ${file}\n[offset 27] \\o/ RDB looks OK! \\o/\n[info] 0 keys read\n[info] 0 expires\n[info] 0 already expired\n` : `Start checking Old-Style AOF\nAOF analyzed: filename=${file}, size=0, ok_up_to=0, ok_up_to_line=1, diff=0\nAOF ${file} is valid\n`);
  return 0;
}
