// The keyspace of a redis-server and the commands the model answers: strings, counters,
// expiry on the program's clock, lists, hashes, sets, and server commands (PING, INFO,
// DBSIZE, FLUSHALL, SAVE, AUTH, SELECT, CONFIG GET). Replies and errors use Redis's texts.

import { arr, bulk, err, int, nil, ok, type Reply } from './resp';

export type Value = { type: 'string'; v: string } | { type: 'list'; v: string[] } | { type: 'hash'; v: Map<string, string> } | { type: 'set'; v: Set<string> };

export interface Entry {
  value: Value;
  /** Expiry time in ms since the epoch, or null. */
  expires: number | null;
}

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
const NOT_INT = 'ERR value is not an integer or out of range';
const SYNTAX = 'ERR syntax error';

export class Keyspace {
  readonly dbs: Map<string, Entry>[] = Array.from({ length: 16 }, () => new Map());
  dirty = 0;

  constructor(readonly now: () => number) {}

  db(i: number): Map<string, Entry> {
    return this.dbs[i]!;
  }

  /** The live entry of a key (expired keys vanish when looked at). */
  get(db: number, key: string): Entry | undefined {
    const d = this.db(db);
    const e = d.get(key);
    if (!e) return undefined;
    if (e.expires !== null && e.expires <= this.now()) {
      d.delete(key);
      return undefined;
    }
    return e;
  }

  keys(db: number): string[] {
    const d = this.db(db);
    return [...d.keys()].filter((k) => this.get(db, k) !== undefined);
  }

  size(): number {
    return this.dbs.reduce((n, _d, i) => n + this.keys(i).length, 0);
  }

  /** JSON form for the RDB file. */
  dump(): string {
    const dbs = this.dbs.map((d, i) =>
      this.keys(i).map((k) => {
        const e = d.get(k)!;
        const v = e.value;
        const value = v.type === 'string' ? v.v : v.type === 'list' ? v.v : v.type === 'hash' ? Object.fromEntries(v.v) : [...v.v];
        return { k, type: v.type, value, expires: e.expires };
      }),
    );
    return JSON.stringify(dbs);
  }

  /** Loads an RDB file's JSON; returns [loaded, expired]. */
  load(text: string): [number, number] {
    let loaded = 0;
    let expired = 0;
    const dbs = JSON.parse(text) as { k: string; type: Value['type']; value: unknown; expires: number | null }[][];
    dbs.forEach((list, i) => {
      for (const x of list) {
        if (x.expires !== null && x.expires <= this.now()) {
          expired++;
          continue;
        }
        let value: Value;
        if (x.type === 'string') value = { type: 'string', v: String(x.value) };
        else if (x.type === 'list') value = { type: 'list', v: [...(x.value as string[])] };
        else if (x.type === 'hash') value = { type: 'hash', v: new Map(Object.entries(x.value as Record<string, string>)) };
        else value = { type: 'set', v: new Set(x.value as string[]) };
        this.db(i).set(x.k, { value, expires: x.expires });
        loaded++;
      }
    });
    return [loaded, expired];
  }
}

export interface Session {
  db: number;
  authenticated: boolean;
  name: string | null;
}

export interface ServerInfo {
  version: string;
  port: number;
  mode: 'standalone';
  startedAt: number;
  pid: number;
  requirepass: string | null;
  config: Map<string, string>;
  save(): void;
  shutdown(): void;
  os: string;
}

function globToRegExp(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = p.indexOf(']', i);
      if (end > i) {
        re += `[${p.slice(i + 1, end).replace(/^\^/, '^')}]`;
        i = end;
      } else re += '\\[';
    } else if (c === '\\' && i + 1 < p.length) re += `\\${p[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

function isInt(s: string): boolean {
  return /^-?\d+$/.test(s) && Math.abs(Number(s)) <= Number.MAX_SAFE_INTEGER;
}

/** Number of arguments each command takes: exact (positive) or at least (negative), counting the name. */
const ARITY: Record<string, number> = {
  ping: -1, echo: 2, set: -3, get: 2, getset: 3, getdel: 2, del: -2, unlink: -2, exists: -2, incr: 2, decr: 2, incrby: 3, decrby: 3,
  append: 3, strlen: 2, keys: 2, expire: -3, pexpire: -3, ttl: 2, pttl: 2, persist: 2, dbsize: 1, flushdb: -1, flushall: -1,
  mset: -3, mget: -2, setnx: 3, setex: 4, lpush: -3, rpush: -3, lrange: 4, llen: 2, lpop: -2, rpop: -2, lindex: 3, hset: -4,
  hget: 3, hgetall: 2, hdel: -3, hexists: 3, hkeys: 2, hvals: 2, hlen: 2, hmset: -4, hmget: -3, hincrby: 4, sadd: -3, smembers: 2,
  srem: -3, scard: 2, sismember: 3, type: 2, info: -1, select: 2, auth: -2, quit: -1, save: 1, bgsave: -1, shutdown: -1,
  config: -2, command: -1, client: -2, hello: -1, time: 1, lastsave: 1, randomkey: 1, rename: 3, memory: -2, object: -2,
};

export function execute(ks: Keyspace, s: Session, info: ServerInfo, argv: string[]): Reply {
  if (argv.length === 0) return err('ERR empty command');
  const name = argv[0]!.toLowerCase();
  const a = argv.slice(1);
  const arity = ARITY[name];
  if (arity === undefined) {
    const shown = a.slice(0, 10).map((x) => `'${x}'`).join(' ');
    return err(`ERR unknown command '${argv[0]}', with args beginning with: ${shown}${shown ? ' ' : ''}`);
  }
  if (info.requirepass !== null && !s.authenticated && !['auth', 'hello', 'quit'].includes(name)) return err('NOAUTH Authentication required.');
  if ((arity > 0 && argv.length !== arity) || (arity < 0 && argv.length < -arity)) return err(`ERR wrong number of arguments for '${name}' command`);
  const now = ks.now();
  const db = ks.db(s.db);
  const str = (key: string): string | null | Reply => {
    const e = ks.get(s.db, key);
    if (!e) return null;
    if (e.value.type !== 'string') return err(WRONGTYPE);
    return e.value.v;
  };
  const setStr = (key: string, v: string, expires: number | null = null) => {
    db.set(key, { value: { type: 'string', v }, expires });
    ks.dirty++;
  };
  const typed = <T extends Value['type']>(key: string, type: T, create: boolean): Extract<Value, { type: T }> | null | Reply => {
    const e = ks.get(s.db, key);
    if (!e) {
      if (!create) return null;
      const value = (type === 'list' ? { type, v: [] } : type === 'hash' ? { type, v: new Map() } : { type, v: new Set() }) as Extract<Value, { type: T }>;
      db.set(key, { value, expires: null });
      return value;
    }
    if (e.value.type !== type) return err(WRONGTYPE);
    return e.value as Extract<Value, { type: T }>;
  };
  const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 't' in x;
  const incrBy = (key: string, by: number): Reply => {
    const cur = str(key);
    if (isReply(cur)) return cur;
    if (cur !== null && !isInt(cur)) return err(NOT_INT);
    const n = (cur === null ? 0 : Number(cur)) + by;
    const e = ks.get(s.db, key);
    setStr(key, String(n), e?.expires ?? null);
    return int(n);
  };
  const dropIfEmpty = (key: string) => {
    const e = db.get(key);
    if (!e) return;
    const v = e.value;
    if ((v.type === 'list' && v.v.length === 0) || (v.type === 'hash' && v.v.size === 0) || (v.type === 'set' && v.v.size === 0)) db.delete(key);
  };
  switch (name) {
    case 'ping':
      if (a.length > 1) return err("ERR wrong number of arguments for 'ping' command");
      return a.length === 1 ? bulk(a[0]!) : { t: 'status', v: 'PONG' };
    case 'echo':
      return bulk(a[0]!);
    case 'quit':
      return ok;
    case 'auth': {
      const pass = a[a.length - 1]!;
      if (info.requirepass === null) return err('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
      if (pass !== info.requirepass || (a.length === 2 && a[0] !== 'default')) return err('WRONGPASS invalid username-password pair or user is disabled.');
      s.authenticated = true;
      return ok;
    }
    case 'select': {
      if (!isInt(a[0]!)) return err(NOT_INT);
      const n = Number(a[0]);
      if (n < 0 || n > 15) return err('ERR DB index is out of range');
      s.db = n;
      return ok;
    }
    case 'set': {
      let expires: number | null = null;
      let nx = false;
      let xx = false;
      let get = false;
      for (let i = 2; i < a.length; i++) {
        const o = a[i]!.toUpperCase();
        if (o === 'NX') nx = true;
        else if (o === 'XX') xx = true;
        else if (o === 'GET') get = true;
        else if (o === 'KEEPTTL') expires = ks.get(s.db, a[0]!)?.expires ?? null;
        else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(o)) {
          const v = a[++i];
          if (v === undefined) return err(SYNTAX);
          if (!isInt(v)) return err(NOT_INT);
          const n = Number(v);
          if (n <= 0) return err("ERR invalid expire time in 'set' command");
          expires = o === 'EX' ? now + n * 1000 : o === 'PX' ? now + n : o === 'EXAT' ? n * 1000 : n;
        } else return err(SYNTAX);
      }
      if (nx && xx) return err(SYNTAX);
      const old = str(a[0]!);
      if (get && isReply(old)) return old;
      const exists = ks.get(s.db, a[0]!) !== undefined;
      if ((nx && exists) || (xx && !exists)) return get ? bulk(typeof old === 'string' ? old : null) : nil;
      setStr(a[0]!, a[1]!, expires);
      return get ? bulk(typeof old === 'string' ? old : null) : ok;
    }
    case 'setnx':
      if (ks.get(s.db, a[0]!)) return int(0);
      setStr(a[0]!, a[1]!);
      return int(1);
    case 'setex':
      if (!isInt(a[1]!)) return err(NOT_INT);
      if (Number(a[1]) <= 0) return err("ERR invalid expire time in 'setex' command");
      setStr(a[0]!, a[2]!, now + Number(a[1]) * 1000);
      return ok;
    case 'get': {
      const v = str(a[0]!);
      return isReply(v) ? v : bulk(v);
    }
    case 'getset': {
      const v = str(a[0]!);
      if (isReply(v)) return v;
      setStr(a[0]!, a[1]!);
      return bulk(v);
    }
    case 'getdel': {
      const v = str(a[0]!);
      if (isReply(v)) return v;
      if (v !== null) db.delete(a[0]!);
      return bulk(v);
    }
    case 'mset':
      if (a.length % 2 !== 0) return err("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < a.length; i += 2) setStr(a[i]!, a[i + 1]!);
      return ok;
    case 'mget':
      return arr(a.map((k) => {
        const v = str(k);
        return bulk(typeof v === 'string' ? v : null);
      }));
    case 'del':
    case 'unlink': {
      let n = 0;
      for (const k of a) if (ks.get(s.db, k) && db.delete(k)) n++;
      ks.dirty += n;
      return int(n);
    }
    case 'exists':
      return int(a.filter((k) => ks.get(s.db, k) !== undefined).length);
    case 'incr':
      return incrBy(a[0]!, 1);
    case 'decr':
      return incrBy(a[0]!, -1);
    case 'incrby':
    case 'decrby':
      if (!isInt(a[1]!)) return err(NOT_INT);
      return incrBy(a[0]!, name === 'incrby' ? Number(a[1]) : -Number(a[1]));
    case 'append': {
      const v = str(a[0]!);
      if (isReply(v)) return v;
      const next = (v ?? '') + a[1]!;
      setStr(a[0]!, next, ks.get(s.db, a[0]!)?.expires ?? null);
      return int(new TextEncoder().encode(next).length);
    }
    case 'strlen': {
      const v = str(a[0]!);
      if (isReply(v)) return v;
      return int(v === null ? 0 : new TextEncoder().encode(v).length);
    }
    case 'keys': {
      const re = globToRegExp(a[0]!);
      return arr(ks.keys(s.db).filter((k) => re.test(k)).map((k) => bulk(k)));
    }
    case 'randomkey': {
      const k = ks.keys(s.db)[0];
      return bulk(k ?? null);
    }
    case 'rename': {
      const e = ks.get(s.db, a[0]!);
      if (!e) return err('ERR no such key');
      db.delete(a[0]!);
      db.set(a[1]!, e);
      return ok;
    }
    case 'expire':
    case 'pexpire': {
      if (!isInt(a[1]!)) return err(NOT_INT);
      const e = ks.get(s.db, a[0]!);
      if (!e) return int(0);
      const n = Number(a[1]);
      e.expires = now + (name === 'expire' ? n * 1000 : n);
      return int(1);
    }
    case 'ttl':
    case 'pttl': {
      const e = ks.get(s.db, a[0]!);
      if (!e) return int(-2);
      if (e.expires === null) return int(-1);
      const ms = e.expires - now;
      return int(name === 'ttl' ? Math.round(ms / 1000) : ms);
    }
    case 'persist': {
      const e = ks.get(s.db, a[0]!);
      if (!e || e.expires === null) return int(0);
      e.expires = null;
      return int(1);
    }
    case 'type': {
      const e = ks.get(s.db, a[0]!);
      return { t: 'status', v: e ? e.value.type : 'none' };
    }
    case 'dbsize':
      return int(ks.keys(s.db).length);
    case 'flushdb':
      db.clear();
      ks.dirty++;
      return ok;
    case 'flushall':
      for (const d of ks.dbs) d.clear();
      ks.dirty++;
      return ok;
    case 'lpush':
    case 'rpush': {
      const l = typed(a[0]!, 'list', true);
      if (isReply(l)) return l;
      for (const v of a.slice(1)) if (name === 'lpush') l!.v.unshift(v);
      else l!.v.push(v);
      ks.dirty++;
      return int(l!.v.length);
    }
    case 'lrange': {
      const l = typed(a[0]!, 'list', false);
      if (isReply(l)) return l;
      if (!isInt(a[1]!) || !isInt(a[2]!)) return err(NOT_INT);
      if (!l) return arr([]);
      const len = l.v.length;
      let start = Number(a[1]);
      let stop = Number(a[2]);
      if (start < 0) start = Math.max(0, len + start);
      if (stop < 0) stop = len + stop;
      return arr(l.v.slice(start, stop + 1).map((v) => bulk(v)));
    }
    case 'llen': {
      const l = typed(a[0]!, 'list', false);
      if (isReply(l)) return l;
      return int(l ? l.v.length : 0);
    }
    case 'lindex': {
      const l = typed(a[0]!, 'list', false);
      if (isReply(l)) return l;
      if (!isInt(a[1]!)) return err(NOT_INT);
      if (!l) return nil;
      const i = Number(a[1]);
      return bulk(l.v[i < 0 ? l.v.length + i : i] ?? null);
    }
    case 'lpop':
    case 'rpop': {
      const l = typed(a[0]!, 'list', false);
      if (isReply(l)) return l;
      if (!l) return a.length > 1 ? arr(null) : nil;
      const count = a.length > 1 ? Number(a[1]) : null;
      const take = (): string | undefined => (name === 'lpop' ? l.v.shift() : l.v.pop());
      ks.dirty++;
      if (count === null) {
        const v = take();
        dropIfEmpty(a[0]!);
        return bulk(v ?? null);
      }
      const out: Reply[] = [];
      for (let i = 0; i < count && l.v.length > 0; i++) out.push(bulk(take()!));
      dropIfEmpty(a[0]!);
      return arr(out);
    }
    case 'hset':
    case 'hmset': {
      if (a.length % 2 !== 1) return err(`ERR wrong number of arguments for '${name}' command`);
      const h = typed(a[0]!, 'hash', true);
      if (isReply(h)) return h;
      let added = 0;
      for (let i = 1; i < a.length; i += 2) {
        if (!h!.v.has(a[i]!)) added++;
        h!.v.set(a[i]!, a[i + 1]!);
      }
      ks.dirty++;
      return name === 'hmset' ? ok : int(added);
    }
    case 'hget': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return bulk(h?.v.get(a[1]!) ?? null);
    }
    case 'hmget': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return arr(a.slice(1).map((f) => bulk(h?.v.get(f) ?? null)));
    }
    case 'hgetall': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return arr(h ? [...h.v].flatMap(([k, v]) => [bulk(k), bulk(v)]) : []);
    }
    case 'hkeys':
    case 'hvals': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return arr(h ? [...h.v].map(([k, v]) => bulk(name === 'hkeys' ? k : v)) : []);
    }
    case 'hlen': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return int(h ? h.v.size : 0);
    }
    case 'hexists': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      return int(h?.v.has(a[1]!) ? 1 : 0);
    }
    case 'hdel': {
      const h = typed(a[0]!, 'hash', false);
      if (isReply(h)) return h;
      let n = 0;
      for (const f of a.slice(1)) if (h?.v.delete(f)) n++;
      dropIfEmpty(a[0]!);
      return int(n);
    }
    case 'hincrby': {
      const h = typed(a[0]!, 'hash', true);
      if (isReply(h)) return h;
      const cur = h!.v.get(a[1]!) ?? '0';
      if (!isInt(cur)) return err('ERR hash value is not an integer');
      if (!isInt(a[2]!)) return err(NOT_INT);
      const n = Number(cur) + Number(a[2]);
      h!.v.set(a[1]!, String(n));
      return int(n);
    }
    case 'sadd': {
      const st = typed(a[0]!, 'set', true);
      if (isReply(st)) return st;
      let n = 0;
      for (const m of a.slice(1)) if (!st!.v.has(m)) {
        st!.v.add(m);
        n++;
      }
      ks.dirty++;
      return int(n);
    }
    case 'srem': {
      const st = typed(a[0]!, 'set', false);
      if (isReply(st)) return st;
      let n = 0;
      for (const m of a.slice(1)) if (st?.v.delete(m)) n++;
      dropIfEmpty(a[0]!);
      return int(n);
    }
    case 'smembers': {
      const st = typed(a[0]!, 'set', false);
      if (isReply(st)) return st;
      return arr(st ? [...st.v].map((m) => bulk(m)) : []);
    }
    case 'scard': {
      const st = typed(a[0]!, 'set', false);
      if (isReply(st)) return st;
      return int(st ? st.v.size : 0);
    }
    case 'sismember': {
      const st = typed(a[0]!, 'set', false);
      if (isReply(st)) return st;
      return int(st?.v.has(a[1]!) ? 1 : 0);
    }
    case 'save':
      info.save();
      return ok;
    case 'bgsave':
      info.save();
      return { t: 'status', v: 'Background saving started' };
    case 'lastsave':
      return int(Math.floor(now / 1000));
    case 'time': {
      const us = now * 1000;
      return arr([bulk(String(Math.floor(us / 1e6))), bulk(String(us % 1e6))]);
    }
    case 'shutdown':
      info.shutdown();
      return ok;
    case 'config': {
      const sub = a[0]!.toLowerCase();
      if (sub === 'get') {
        const re = globToRegExp(a[1] ?? '');
        return arr([...info.config].filter(([k]) => re.test(k)).flatMap(([k, v]) => [bulk(k), bulk(v)]));
      }
      if (sub === 'set') {
        if (a.length < 3) return err("ERR wrong number of arguments for 'config|set' command");
        info.config.set(a[1]!.toLowerCase(), a[2]!);
        if (a[1]!.toLowerCase() === 'requirepass') info.requirepass = a[2]! === '' ? null : a[2]!;
        return ok;
      }
      return err(`ERR unknown subcommand '${a[0]}'. Try CONFIG HELP.`);
    }
    case 'client': {
      const sub = a[0]!.toLowerCase();
      if (sub === 'setname') {
        s.name = a[1] ?? null;
        return ok;
      }
      if (sub === 'getname') return bulk(s.name);
      if (sub === 'id') return int(3);
      return ok;
    }
    case 'command':
      return arr([]);
    case 'hello':
      return err('NOPROTO unsupported protocol version');
    case 'memory':
    case 'object':
      return err(`ERR unknown subcommand '${a[0]}'. Try ${name.toUpperCase()} HELP.`);
    case 'info':
      return bulk(infoText(ks, info, now, (a[0] ?? 'default').toLowerCase()));
  }
  return err(`ERR unknown command '${argv[0]}'`);
}

function infoText(ks: Keyspace, info: ServerInfo, now: number, section: string): string {
  const uptime = Math.floor((now - info.startedAt) / 1000);
  const parts: string[] = [];
  const all = section === 'all' || section === 'default' || section === 'everything';
  if (all || section === 'server') {
    parts.push(
      [
        '# Server',
        `redis_version:${info.version}`,
        'redis_git_sha1:00000000',
        `redis_git_dirty:${info.version.startsWith('8') ? 1 : 0}`,
        'redis_build_id:0',
        `redis_mode:${info.mode}`,
        `os:${info.os}`,
        'arch_bits:64',
        'multiplexing_api:epoll',
        'gcc_version:12.2.0',
        `process_id:${info.pid}`,
        `tcp_port:${info.port}`,
        `server_time_usec:${now * 1000}`,
        `uptime_in_seconds:${uptime}`,
        `uptime_in_days:${Math.floor(uptime / 86400)}`,
        'hz:10',
        'executable:/data/redis-server',
        'config_file:',
      ].join('\r\n'),
    );
  }
  if (all || section === 'clients') parts.push('# Clients\r\nconnected_clients:1\r\nblocked_clients:0');
  if (all || section === 'persistence') parts.push(`# Persistence\r\nloading:0\r\nrdb_changes_since_last_save:${ks.dirty}\r\nrdb_bgsave_in_progress:0\r\nrdb_last_bgsave_status:ok\r\naof_enabled:${info.config.get('appendonly') === 'yes' ? 1 : 0}`);
  if (all || section === 'keyspace') {
    const lines = ['# Keyspace'];
    ks.dbs.forEach((_d, i) => {
      const keys = ks.keys(i);
      if (keys.length === 0) return;
      const expires = keys.filter((k) => ks.get(i, k)!.expires !== null).length;
      lines.push(`db${i}:keys=${keys.length},expires=${expires},avg_ttl=0,subexpiry=0`);
    });
    parts.push(lines.join('\r\n'));
  }
  return `${parts.join('\r\n\r\n')}\r\n`;
}
