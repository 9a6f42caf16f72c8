// MongoDB: mongod with its structured JSON log on stdout ({"t":{"$date":...},"s":"I",  "c":
// "NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections",...}), the data
// directory (WiredTiger files, so the entrypoint knows it is initialised), --auth, --fork and
// --shutdown for the entrypoint's init server, shutdown on SIGTERM; and mongosh with --eval,
// --quiet and the "test> " prompt, over a document store answering insertOne/find/
// countDocuments/createUser/runCommand.

import type { Command, CommandContext, Run } from '../../sh/types';
import { Signal } from '../../sh/types';
import type { HttpRequest, HttpResponse } from '../network/ports';
import { getPid, httpClient, killProcess, listen, processExists, setTitle, sleep, spawnChild, TCP_METHOD, trap, type HttpClient } from './effects';
import { isoMillisOffset } from './lib/time';
import { programVersion } from './lib/version';
import { Exit, inspect, Interp, parse, ScriptError, type V } from './lang/interp';
import { jsRuntime } from './lang/js-host';

type Doc = Record<string, unknown>;

interface Store {
  dbs: Record<string, Record<string, Doc[]>>;
  users: Record<string, { pwd: string; roles: unknown }>;
  seq: number;
}

function mlog(ctx: CommandContext, s: string, c: string, id: number, where: string, msg: string, attr?: unknown, tags?: string[]): string {
  return `{"t":{"$date":"${isoMillisOffset(ctx.sys.now())}"},"s":"${s}",  "c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}"id":${id},${' '.repeat(Math.max(1, 8 - String(id).length))}"ctx":"${where}","msg":${JSON.stringify(msg)}${attr === undefined ? '' : `,"attr":${JSON.stringify(attr)}`}${tags ? `,"tags":${JSON.stringify(tags)}` : ''}}\n`;
}

function objectId(n: number, now: number): string {
  return `${Math.floor(now / 1000).toString(16).padStart(8, '0')}a1b2c3d4e5${n.toString(16).padStart(6, '0')}`;
}

interface MongoRequest {
  db: string;
  op: 'ping' | 'insertOne' | 'insertMany' | 'find' | 'countDocuments' | 'deleteMany' | 'drop' | 'createUser' | 'listDatabases' | 'listCollections' | 'version' | 'shutdown';
  coll?: string;
  arg?: unknown;
  user?: string;
  pwd?: string;
}

function matches(doc: Doc, filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return true;
  return Object.entries(filter as Doc).every(([k, v]) => JSON.stringify(doc[k]) === JSON.stringify(v));
}

export const mongod: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'MONGO_VERSION', '8.0.10');
  const args = ctx.args.slice(1);
  let port = 27017;
  let dbPath = '/data/db';
  let bindIp: string | null = null;
  let bindAll = false;
  let auth = false;
  let fork = false;
  let shutdown = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const val = () => (eq > 0 ? a.slice(eq + 1) : args[++i] ?? '');
    switch (name) {
      case '--version':
        ctx.stdout.write(`db version v${version}\nBuild Info: {\n    "version": "${version}",\n    "gitVersion": "8d5bd8a8f3e8de1e43f4ac17c4f6f5c0bdbf0c2b",\n    "openSSLVersion": "OpenSSL 3.0.13 30 Jan 2024",\n    "modules": [],\n    "allocator": "tcmalloc-google",\n    "environment": {\n        "distmod": "ubuntu2404",\n        "distarch": "x86_64",\n        "target_arch": "x86_64"\n    }\n}\n`);
        return 0;
      case '--port':
        port = Number(val());
        break;
      case '--dbpath':
        dbPath = val();
        break;
      case '--bind_ip':
        bindIp = val();
        break;
      case '--bind_ip_all':
        bindAll = true;
        break;
      case '--auth':
        auth = true;
        break;
      case '--fork':
        fork = true;
        break;
      case '--shutdown':
        shutdown = true;
        break;
      case '--logpath':
        val();
        break;
      case '--quiet':
      case '--noauth':
      case '--replSet':
      case '--wiredTigerCacheSizeGB':
      case '--oplogSize':
        if (['--replSet', '--wiredTigerCacheSizeGB', '--oplogSize'].includes(name) && eq < 0) i++;
        break;
      default:
        ctx.stderr.write(`Error parsing command line: unrecognised option '${a}'\ntry 'mongod --help' for more information\n`);
        return 2;
    }
  }
  const lockFile = `${dbPath.replace(/\/$/, '')}/mongod.lock`;
  if (shutdown) {
    let target = 0;
    try {
      target = Number(ctx.fs.readFile(lockFile).trim());
    } catch {
      // no lock
    }
    if (!target || !(yield* processExists(target))) {
      ctx.stdout.write(mlog(ctx, 'I', 'CONTROL', 20697, 'main', 'Renamed existing log file', undefined));
      ctx.stderr.write('There doesn\'t seem to be a server running with dbpath: ' + dbPath + '\n');
      return 1;
    }
    ctx.stdout.write(mlog(ctx, 'I', 'CONTROL', 4615605, 'main', 'Killing process', { pid: target }));
    yield* killProcess(target, 'SIGTERM');
    for (let i = 0; i < 100 && (yield* processExists(target)); i++) yield* sleep(50);
    return 0;
  }
  if (fork) {
    ctx.stdout.write('about to fork child process, waiting until server is ready for connections.\n');
    const argv = args.filter((a) => a !== '--fork');
    const child = yield* spawnChild({ title: `mongod ${argv.join(' ')}`, program: (c) => serve({ ...c, env: ctx.env, sys: ctx.sys, stdout: ctx.stdout }, version, { port, dbPath, bindIp: bindIp ?? '127.0.0.1', bindAll, auth, lockFile, quietStart: true }) });
    ctx.stdout.write(`forked process: ${child}\n`);
    yield* sleep(300);
    ctx.stdout.write('child process started successfully, parent exiting\n');
    return 0;
  }
  return yield* serve(ctx, version, { port, dbPath, bindIp: bindIp ?? (bindAll ? '*' : '127.0.0.1'), bindAll, auth, lockFile, quietStart: false });
};

function* serve(ctx: CommandContext, version: string, o: { port: number; dbPath: string; bindIp: string; bindAll: boolean; auth: boolean; lockFile: string; quietStart: boolean }): Run<number> {
  const { pid } = yield* getPid();
  const w = (s: string) => ctx.stdout.write(s);
  const storeFile = `${o.dbPath.replace(/\/$/, '')}/docksim.json`;
  let store: Store = { dbs: {}, users: {}, seq: 0 };
  const existing = ctx.fs.exists(`${o.dbPath.replace(/\/$/, '')}/WiredTiger`);
  if (existing) {
    try {
      store = JSON.parse(ctx.fs.readFile(storeFile)) as Store;
    } catch {
      // an empty store
    }
  }
  const save = () => {
    try {
      ctx.fs.writeFile(storeFile, JSON.stringify(store));
    } catch {
      // read-only
    }
  };
  w(mlog(ctx, 'I', 'CONTROL', 23285, 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"));
  w(mlog(ctx, 'I', 'CONTROL', 5945603, 'main', 'Multi threading initialized'));
  w(mlog(ctx, 'I', 'NETWORK', 4648601, 'main', 'Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of the related parameters', { relatedParameters: ['tcpFastOpenServer', 'tcpFastOpenClient', 'tcpFastOpenQueueSize'] }));
  w(mlog(ctx, 'I', 'NETWORK', 4915701, 'main', 'Initialized wire specification', { spec: { incomingExternalClient: { minWireVersion: 0, maxWireVersion: 25 }, incomingInternalClient: { minWireVersion: 0, maxWireVersion: 25 }, outgoing: { minWireVersion: 6, maxWireVersion: 25 }, isInternalClient: true } }));
  w(mlog(ctx, 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid, port: o.port, dbPath: o.dbPath, architecture: '64-bit', host: ctx.sys.hostname }));
  w(mlog(ctx, 'I', 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version, gitVersion: '8d5bd8a8f3e8de1e43f4ac17c4f6f5c0bdbf0c2b', openSSLVersion: 'OpenSSL 3.0.13 30 Jan 2024', modules: [], allocator: 'tcmalloc-google', environment: { distmod: 'ubuntu2404', distarch: 'x86_64', target_arch: 'x86_64' } } }));
  w(mlog(ctx, 'I', 'CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: '24.04' } }));
  const opts: Record<string, unknown> = { net: { ...(o.bindAll ? { bindIp: '*' } : o.bindIp !== '127.0.0.1' ? { bindIp: o.bindIp } : {}), ...(o.port !== 27017 ? { port: o.port } : {}) } };
  if (o.auth) opts.security = { authorization: 'enabled' };
  w(mlog(ctx, 'I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options: opts }));
  if (existing) w(mlog(ctx, 'I', 'STORAGE', 22270, 'initandlisten', 'Storage engine to use detected by data files', { dbpath: o.dbPath, storageEngine: 'wiredTiger' }));
  else w(mlog(ctx, 'I', 'STORAGE', 22297, 'initandlisten', 'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem', undefined, ['startupWarnings']));
  w(mlog(ctx, 'I', 'STORAGE', 22315, 'initandlisten', 'Opening WiredTiger', { config: 'create,cache_size=3461M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],prefetch=(available=true,default=false),' }));
  yield* sleep(300);
  for (const f of ['WiredTiger', 'WiredTiger.lock', 'WiredTiger.turtle', 'WiredTiger.wt', 'WiredTigerHS.wt', '_mdb_catalog.wt', 'sizeStorer.wt', 'storage.bson']) {
    try {
      if (!ctx.fs.exists(`${o.dbPath}/${f}`)) ctx.fs.writeFile(`${o.dbPath}/${f}`, f === 'WiredTiger' ? 'WiredTiger\nWiredTiger 11.3.0: (May 23, 2025)\n' : '');
    } catch {
      // an unwritable data directory
    }
  }
  try {
    ctx.fs.mkdir(`${o.dbPath}/journal`, { recursive: true });
    ctx.fs.mkdir(`${o.dbPath}/diagnostic.data`, { recursive: true });
    ctx.fs.writeFile(o.lockFile, `${pid}\n`);
  } catch {
    // as above
  }
  w(mlog(ctx, 'I', 'STORAGE', 4795906, 'initandlisten', 'WiredTiger opened', { durationMillis: 310 }));
  if (!o.auth) w(mlog(ctx, 'W', 'CONTROL', 22120, 'initandlisten', 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted', undefined, ['startupWarnings']));
  yield* setTitle(['mongod', ...ctx.args.slice(1)].join(' '));
  const state = { shutdown: false };
  const answer = (q: MongoRequest): unknown => {
    if (o.auth && Object.keys(store.users).length > 0 && q.op !== 'ping' && q.op !== 'version') {
      const u = q.user ? store.users[`admin.${q.user}`] : undefined;
      if (!u || u.pwd !== q.pwd) return { ok: 0, errmsg: q.user ? 'Authentication failed.' : `Command ${q.op === 'find' ? 'find' : q.op === 'insertOne' ? 'insert' : q.op} requires authentication`, code: q.user ? 18 : 13, codeName: q.user ? 'AuthenticationFailed' : 'Unauthorized' };
    }
    const coll = () => {
      const db = (store.dbs[q.db] ??= {});
      return (db[q.coll ?? ''] ??= []);
    };
    switch (q.op) {
      case 'ping':
        return { ok: 1 };
      case 'version':
        return { version };
      case 'insertOne':
      case 'insertMany': {
        const docs = (q.op === 'insertOne' ? [q.arg] : (q.arg as Doc[])) as Doc[];
        const ids: string[] = [];
        for (const d of docs) {
          const doc = { _id: { $oid: objectId(++store.seq, ctx.sys.now()) }, ...d };
          coll().push(doc);
          ids.push((doc._id as { $oid: string }).$oid);
        }
        save();
        return q.op === 'insertOne' ? { acknowledged: true, insertedId: { $oid: ids[0] } } : { acknowledged: true, insertedIds: Object.fromEntries(ids.map((id, i) => [i, { $oid: id }])) };
      }
      case 'find':
        return { docs: (store.dbs[q.db]?.[q.coll ?? ''] ?? []).filter((d) => matches(d, q.arg)) };
      case 'countDocuments':
        return { n: (store.dbs[q.db]?.[q.coll ?? ''] ?? []).filter((d) => matches(d, q.arg)).length };
      case 'deleteMany': {
        const list = store.dbs[q.db]?.[q.coll ?? ''] ?? [];
        const keep = list.filter((d) => !matches(d, q.arg));
        if (store.dbs[q.db]) store.dbs[q.db]![q.coll ?? ''] = keep;
        save();
        return { acknowledged: true, deletedCount: list.length - keep.length };
      }
      case 'drop': {
        const had = !!store.dbs[q.db]?.[q.coll ?? ''];
        if (had) delete store.dbs[q.db]![q.coll ?? ''];
        save();
        return { ok: had };
      }
      case 'createUser': {
        const a = q.arg as { user: string; pwd: string; roles: unknown };
        store.users[`${q.db}.${a.user}`] = { pwd: a.pwd, roles: a.roles };
        save();
        w(mlog(ctx, 'I', 'ACCESS', 20323, 'conn3', 'Successfully authenticated', undefined));
        return { ok: 1 };
      }
      case 'listDatabases':
        return { databases: ['admin', 'config', 'local', ...Object.keys(store.dbs).filter((d) => !['admin', 'config', 'local'].includes(d))].map((name) => ({ name })) };
      case 'listCollections':
        return { names: Object.keys(store.dbs[q.db] ?? {}) };
      case 'shutdown':
        state.shutdown = true;
        return { ok: 1 };
    }
    return { ok: 0, errmsg: 'no such command' };
  };
  const handler = (req: HttpRequest): HttpResponse => {
    if (req.method !== TCP_METHOD) {
      return { status: 200, statusText: 'OK', headers: { Connection: 'close', 'Content-Type': 'text/plain', 'Content-Length': '85' }, body: 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n' };
    }
    try {
      return { status: 200, headers: {}, body: JSON.stringify(answer(JSON.parse(req.body) as MongoRequest)) };
    } catch {
      return { status: 0, headers: {}, body: '' };
    }
  };
  if (!(yield* listen(o.port, handler))) {
    w(mlog(ctx, 'E', 'NETWORK', 23024, 'initandlisten', 'Failed to set up listener', { error: { code: 9001, codeName: 'SocketException', errmsg: 'Address already in use' } }));
    return 48;
  }
  w(mlog(ctx, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: `/tmp/mongodb-${o.port}.sock` }));
  w(mlog(ctx, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: o.bindIp === '*' ? '0.0.0.0' : o.bindIp }));
  w(mlog(ctx, 'I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: o.port, ssl: 'off' }));
  for (const s of ['SIGTERM', 'SIGINT']) yield* trap(s, 'catch');
  for (;;) {
    let sig: Signal | null = null;
    try {
      yield* sleep(100);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      sig = e;
    }
    if (!sig && !state.shutdown) continue;
    const h = sig ? 'SignalHandler' : 'conn2';
    if (sig) {
      w(mlog(ctx, 'I', 'CONTROL', 23377, h, 'Received signal', { signal: sig.number, error: sig.signal === 'SIGTERM' ? 'Terminated' : 'Interrupt' }));
      w(mlog(ctx, 'I', 'CONTROL', 23378, h, 'Signal was sent by kill(2)', { pid: 0, uid: 0 }));
      w(mlog(ctx, 'I', 'CONTROL', 23381, h, 'will terminate after current cmd ends'));
    }
    w(mlog(ctx, 'I', 'NETWORK', 20562, h, 'Shutdown: going to close listening sockets'));
    w(mlog(ctx, 'I', 'STORAGE', 4784929, h, 'Acquiring the global lock for shutdown'));
    w(mlog(ctx, 'I', 'STORAGE', 22317, h, 'WiredTigerKVEngine shutting down'));
    w(mlog(ctx, 'I', 'STORAGE', 4795902, h, 'Closing WiredTiger', { closeConfig: 'leak_memory=true,use_timestamp=false,' }));
    save();
    ctx.fs.rm(o.lockFile, { force: true });
    w(mlog(ctx, 'I', 'CONTROL', 20565, h, 'Now exiting'));
    w(mlog(ctx, 'I', 'CONTROL', 23138, h, 'Shutting down', { exitCode: 0 }));
    return 0;
  }
}

// ---- mongosh -------------------------------------------------------------------------------

const SH_VERSION = '2.5.2';

export const mongosh: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  let host = '127.0.0.1';
  let port = 27017;
  let db = 'test';
  let evals: string[] = [];
  let quiet = false;
  let user: string | undefined;
  let pwd: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--version') {
      ctx.stdout.write(`${SH_VERSION}\n`);
      return 0;
    }
    if (a === '--quiet') quiet = true;
    else if (a === '--eval') evals.push(args[++i] ?? '');
    else if (a === '--host') host = args[++i] ?? host;
    else if (a === '--port') port = Number(args[++i]);
    else if (a === '-u' || a === '--username') user = args[++i];
    else if (a === '-p' || a === '--password') pwd = args[++i];
    else if (a === '--authenticationDatabase') i++;
    else if (a.startsWith('mongodb://')) {
      const m = /^mongodb:\/\/(?:([^:@]*):([^@]*)@)?([^:/]+)(?::(\d+))?(?:\/([^?]*))?/.exec(a);
      if (m) {
        if (m[1]) user = decodeURIComponent(m[1]);
        if (m[2]) pwd = decodeURIComponent(m[2]);
        host = m[3]!;
        if (m[4]) port = Number(m[4]);
        if (m[5]) db = m[5];
      }
    } else if (a.endsWith('.js')) files.push(a);
    else if (!a.startsWith('-')) db = a;
  }
  const client: HttpClient = yield* httpClient();
  const call = (q: Omit<MongoRequest, 'db' | 'user' | 'pwd'> & { db?: string }): Record<string, unknown> => {
    const r = client(host, port, { method: TCP_METHOD, path: '', body: JSON.stringify({ db, user, pwd, ...q }) });
    if (!r.ok || !r.response) throw new ScriptError('MongoNetworkError', `connect ECONNREFUSED ${host === 'localhost' ? '127.0.0.1' : host}:${port}`);
    const res = JSON.parse(r.response.body) as Record<string, unknown>;
    if (res.ok === 0) throw new ScriptError('MongoServerError', `${res.errmsg as string}`);
    return res;
  };
  let serverVersion: string;
  try {
    serverVersion = call({ op: 'version' }).version as string;
  } catch (e) {
    ctx.stderr.write(`${(e as ScriptError).kind}: ${(e as ScriptError).message}\n`);
    return 1;
  }
  if (!quiet) {
    ctx.stdout.write(`Current Mongosh Log ID:\t68a1b2c3d4e5f60718293a4b\nConnecting to:\t\tmongodb://${host === '127.0.0.1' ? '127.0.0.1' : host}:${port}/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${SH_VERSION}\nUsing MongoDB:\t\t${serverVersion}\nUsing Mongosh:\t\t${SH_VERSION}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n`);
  }
  const rt = jsRuntime(ctx, '22.15.0', [], (s) => ctx.stdout.write(s), (s) => ctx.stderr.write(s));
  const interp = new Interp({ ...rt.host, global: (name) => (name === 'db' ? dbObject() : name === 'print' ? native('print', (a) => (ctx.stdout.write(`${a.map((x) => inspect(x, true)).join(' ')}\n`), undefined)) : rt.host.global(name)), member: (o, k) => rt.host.member(o, k) });
  rt.interp = interp;
  const native = (name: string, fn: (a: V[]) => V): V => ({ kind: 'native', name, call: fn });
  const toV = (x: unknown): V => {
    if (x && typeof x === 'object' && '$oid' in (x as object)) return `ObjectId('${(x as { $oid: string }).$oid}')` as V;
    if (Array.isArray(x)) return x.map(toV);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toV(v)])) as V;
    return x as V;
  };
  const plain = (v: V): unknown => JSON.parse(JSON.stringify(v ?? null, (_k, x) => (x && typeof x === 'object' && 'kind' in x ? undefined : x)));
  function collection(name: string): V {
    return {
      insertOne: native('insertOne', (a) => toV(call({ op: 'insertOne', coll: name, arg: plain(a[0]) }))),
      insertMany: native('insertMany', (a) => toV(call({ op: 'insertMany', coll: name, arg: plain(a[0]) }))),
      find: native('find', (a) => toV(call({ op: 'find', coll: name, arg: plain(a[0] ?? {}) }).docs)),
      findOne: native('findOne', (a) => toV((call({ op: 'find', coll: name, arg: plain(a[0] ?? {}) }).docs as unknown[])[0] ?? null)),
      countDocuments: native('countDocuments', (a) => call({ op: 'countDocuments', coll: name, arg: plain(a[0] ?? {}) }).n as number),
      deleteMany: native('deleteMany', (a) => toV(call({ op: 'deleteMany', coll: name, arg: plain(a[0] ?? {}) }))),
      drop: native('drop', () => !!call({ op: 'drop', coll: name }).ok),
    };
  }
  function dbObject(): V {
    const base: Record<string, V> = {
      getName: native('getName', () => db),
      version: native('version', () => serverVersion),
      runCommand: native('runCommand', () => ({ ok: 1 })),
      adminCommand: native('adminCommand', () => ({ ok: 1 })),
      createUser: native('createUser', (a) => toV(call({ op: 'createUser', arg: plain(a[0]) }))),
      getCollectionNames: native('getCollectionNames', () => call({ op: 'listCollections' }).names as V),
      getSiblingDB: native('getSiblingDB', (a) => {
        db = String(a[0]);
        return dbObject();
      }),
    };
    return new Proxy(base, { get: (t, k: string) => (k in t ? t[k] : collection(k)) }) as V;
  }
  const run = (src: string): number => {
    try {
      const v = interp.run(parse(src, 'js'));
      if (v !== undefined) ctx.stdout.write(`${inspect(v, false)}\n`);
      return 0;
    } catch (e) {
      if (e instanceof Exit) return e.code;
      if (e instanceof ScriptError) {
        ctx.stderr.write(`${e.kind}: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  };
  if (evals.length > 0 || files.length > 0) {
    for (const f of files) {
      try {
        if (run(ctx.fs.readFile(f.startsWith('/') ? f : `${ctx.cwd}/${f}`)) !== 0) return 1;
      } catch {
        ctx.stderr.write(`Error: ENOENT: no such file or directory, open '${f}'\n`);
        return 1;
      }
    }
    for (const e of evals) if (run(e) !== 0) return 1;
    return 0;
  }
  evals = [];
  let buf = '';
  for (;;) {
    ctx.stdout.write(`${db}> `);
    let line: string | null = null;
    while (line === null) {
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        break;
      }
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) return 0;
      buf += chunk;
    }
    const l = line.trim();
    if (l === 'exit' || l === 'quit' || l === '.exit') return 0;
    if (l === 'show dbs') {
      const list = call({ op: 'listDatabases' }).databases as { name: string }[];
      ctx.stdout.write(list.map((d) => `${d.name.padEnd(7)} 40.00 KiB\n`).join(''));
      continue;
    }
    const use = /^use\s+(\S+)$/.exec(l);
    if (use) {
      db = use[1]!;
      ctx.stdout.write(`switched to db ${db}\n`);
      continue;
    }
    if (l !== '') run(l);
  }
};
