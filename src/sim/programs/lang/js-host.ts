// The JavaScript environment the interpreter gives node programs: console, Math, JSON,
// process, require('os' | 'http' | 'fs' | 'path'), timers, string/array/object methods.

import type { CommandContext } from '../../../sh/types';
import { inspect, jsString, PyFloat, ScriptError, Exit, type Fn, type Host, type Interp, type Native, type V } from './interp';

export interface Timer {
  at: number;
  fn: V;
  args: V[];
  every: number | null;
  id: number;
}

export interface HttpServerDef {
  handler: V;
  port: number | null;
  onListen: V;
}

export interface JsRuntime {
  host: Host;
  timers: Timer[];
  servers: HttpServerDef[];
  signalHandlers: Map<string, V[]>;
  interp: Interp | null;
}

const native = (name: string, call: (args: V[], self?: V) => V): Native => ({ kind: 'native', name, call });

function obj(entries: Record<string, V>): { [k: string]: V } {
  return entries;
}

export function jsRuntime(ctx: CommandContext, version: string, argv: string[], out: (s: string) => void, err: (s: string) => void): JsRuntime {
  const rt: JsRuntime = { host: null as unknown as Host, timers: [], servers: [], signalHandlers: new Map(), interp: null };
  let nextTimer = 1;
  const call = (f: V, args: V[]) => rt.interp!.call(f, args, undefined, 'callback');
  const log = (w: (s: string) => void) => native('log', (args) => {
    w(`${args.map((a) => inspect(a, true)).join(' ')}\n`);
    return undefined;
  });
  const env: { [k: string]: V } = {};
  for (const [k, v] of ctx.env) env[k] = v;
  const process = obj({
    version: `v${version}`,
    versions: obj({ node: version, v8: '13.6.233.10-node.18', uv: '1.51.0', modules: '137' }),
    platform: 'linux',
    arch: ctx.sys.machine === 'aarch64' ? 'arm64' : 'x64',
    pid: 1,
    env,
    argv: ['/usr/local/bin/node', ...argv],
    exit: native('exit', (args) => {
      throw new Exit(typeof args[0] === 'number' ? args[0] : 0);
    }),
    cwd: native('cwd', () => ctx.cwd),
    uptime: native('uptime', () => 0.05),
    on: native('on', (args) => {
      const name = String(args[0]);
      rt.signalHandlers.set(name, [...(rt.signalHandlers.get(name) ?? []), args[1]]);
      return undefined;
    }),
    stdout: obj({ write: native('write', (args) => (out(jsString(args[0])), true)) }),
    stderr: obj({ write: native('write', (args) => (err(jsString(args[0])), true)) }),
  });
  const os = obj({
    hostname: native('hostname', () => ctx.sys.hostname),
    platform: native('platform', () => 'linux'),
    arch: native('arch', () => (ctx.sys.machine === 'aarch64' ? 'arm64' : 'x64')),
    type: native('type', () => 'Linux'),
    release: native('release', () => ctx.sys.kernelRelease),
    cpus: native('cpus', () => Array.from({ length: ctx.sys.cpus ?? 4 }, () => obj({ model: 'Virtual CPU', speed: 2400 }))),
    totalmem: native('totalmem', () => (ctx.sys.memTotalKiB ?? 8_129_108) * 1024),
    uptime: native('uptime', () => 3600),
    homedir: native('homedir', () => ctx.env.get('HOME') ?? '/root'),
    userInfo: native('userInfo', () => obj({ username: ctx.sys.user, uid: ctx.sys.uid, gid: ctx.sys.gid })),
    EOL: '\n',
  });
  const fsMod = obj({
    readFileSync: native('readFileSync', (args) => {
      const p = String(args[0]);
      try {
        return ctx.fs.readFile(p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`);
      } catch {
        throw new ScriptError('Error', `ENOENT: no such file or directory, open '${p}'`);
      }
    }),
    writeFileSync: native('writeFileSync', (args) => {
      const p = String(args[0]);
      ctx.fs.writeFile(p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`, jsString(args[1]));
      return undefined;
    }),
    existsSync: native('existsSync', (args) => ctx.fs.exists(String(args[0]))),
    readdirSync: native('readdirSync', (args) => ctx.fs.readdir(String(args[0] ?? '.'))),
  });
  const path = obj({
    join: native('join', (args) => args.map(String).join('/').replace(/\/+/g, '/')),
    basename: native('basename', (args) => String(args[0]).split('/').pop() ?? ''),
    dirname: native('dirname', (args) => String(args[0]).replace(/\/[^/]*$/, '') || '/'),
  });
  const http = obj({
    createServer: native('createServer', (args) => {
      const def: HttpServerDef = { handler: args[0], port: null, onListen: undefined };
      rt.servers.push(def);
      const server: { [k: string]: V } = {};
      server.listen = native('listen', (la) => {
        def.port = Number(la[0] ?? 0);
        def.onListen = la.find((a) => typeof a === 'object' && a !== null && 'kind' in a);
        return server;
      });
      server.on = native('on', () => server);
      return server;
    }),
    STATUS_CODES: obj({ 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error' }),
  });
  const modules: Record<string, V> = { os, fs: fsMod, path, http, process };
  const globals: Record<string, V> = {
    console: obj({ log: log(out), info: log(out), debug: log(out), error: log(err), warn: log(err) }),
    Math: obj({
      PI: Math.PI,
      E: Math.E,
      abs: native('abs', (a) => Math.abs(Number(a[0]))),
      floor: native('floor', (a) => Math.floor(Number(a[0]))),
      ceil: native('ceil', (a) => Math.ceil(Number(a[0]))),
      round: native('round', (a) => Math.round(Number(a[0]))),
      sqrt: native('sqrt', (a) => Math.sqrt(Number(a[0]))),
      pow: native('pow', (a) => Number(a[0]) ** Number(a[1])),
      max: native('max', (a) => Math.max(...a.map(Number))),
      min: native('min', (a) => Math.min(...a.map(Number))),
      random: native('random', () => 0.5),
      trunc: native('trunc', (a) => Math.trunc(Number(a[0]))),
    }),
    JSON: obj({
      stringify: native('stringify', (a) => {
        const v = toPlain(a[0]);
        return v === undefined ? undefined : JSON.stringify(v, null, typeof a[2] === 'number' ? a[2] : typeof a[2] === 'string' ? a[2] : undefined);
      }),
      parse: native('parse', (a) => {
        try {
          return JSON.parse(String(a[0])) as V;
        } catch (e) {
          throw new ScriptError('SyntaxError', (e as Error).message);
        }
      }),
    }),
    parseInt: native('parseInt', (a) => parseInt(String(a[0]), typeof a[1] === 'number' ? a[1] : 10)),
    parseFloat: native('parseFloat', (a) => parseFloat(String(a[0]))),
    String: native('String', (a) => jsString(a[0])),
    Number: native('Number', (a) => Number(a[0] instanceof PyFloat ? a[0].v : a[0])),
    Boolean: native('Boolean', (a) => !!a[0]),
    isNaN: native('isNaN', (a) => Number.isNaN(Number(a[0]))),
    Array: obj({ isArray: native('isArray', (a) => Array.isArray(a[0])), from: native('from', (a) => (typeof a[0] === 'string' ? [...a[0]] : Array.isArray(a[0]) ? [...a[0]] : Array.from({ length: Number((a[0] as { length?: number })?.length ?? 0) }, (_, i) => (a[1] ? call(a[1], [undefined, i]) : undefined)))) }),
    Object: obj({ keys: native('keys', (a) => Object.keys(a[0] as object)), values: native('values', (a) => Object.values(a[0] as object) as V[]), entries: native('entries', (a) => Object.entries(a[0] as object).map(([k, v]) => [k, v as V])) }),
    Date: obj({ now: native('now', () => ctx.sys.now()) }),
    require: native('require', (a) => {
      const name = String(a[0]).replace(/^node:/, '');
      const m = modules[name];
      if (m === undefined) throw new ScriptError('Error', `Cannot find module '${name}'`);
      return m;
    }),
    process,
    setTimeout: native('setTimeout', (a) => {
      const t: Timer = { at: ctx.sys.now() + Math.max(1, Number(a[1] ?? 0)), fn: a[0], args: a.slice(2), every: null, id: nextTimer++ };
      rt.timers.push(t);
      return t.id;
    }),
    setInterval: native('setInterval', (a) => {
      const every = Math.max(1, Number(a[1] ?? 0));
      const t: Timer = { at: ctx.sys.now() + every, fn: a[0], args: a.slice(2), every, id: nextTimer++ };
      rt.timers.push(t);
      return t.id;
    }),
    clearTimeout: native('clearTimeout', (a) => {
      rt.timers = rt.timers.filter((t) => t.id !== a[0]);
      return undefined;
    }),
    clearInterval: native('clearInterval', (a) => {
      rt.timers = rt.timers.filter((t) => t.id !== a[0]);
      return undefined;
    }),
    globalThis: undefined,
  };
  rt.host = {
    flavor: 'js',
    global: (name) => (name in globals ? globals[name] : undefined),
    importModule: () => undefined,
    construct: (f, args) => {
      if (f === globals.Date) {
        const ms = args.length > 0 ? Number(args[0]) : ctx.sys.now();
        const d = new globalThis.Date(ms);
        return obj({
          toISOString: native('toISOString', () => d.toISOString()),
          getTime: native('getTime', () => ms),
          getFullYear: native('getFullYear', () => d.getUTCFullYear()),
          toString: native('toString', () => d.toUTCString()),
        });
      }
      if (f === globals.Array) return [];
      if (f === globals.Object) return {};
      if (f && typeof f === 'object' && 'kind' in f && f.kind === 'fn') {
        const self: { [k: string]: V } = {};
        rt.interp!.call(f, args, self, (f as Fn).name);
        return self;
      }
      throw new ScriptError('TypeError', 'value is not a constructor');
    },
    member: (o, key) => member(o, key, call),
  };
  return rt;
}

function toPlain(v: V): unknown {
  if (v instanceof PyFloat) return v.v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === 'object') {
    if ('kind' in v && (v.kind === 'fn' || v.kind === 'native')) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = toPlain(x as V);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return v;
}

function member(o: V, key: string | number, call: (f: V, args: V[]) => V): V | undefined {
  if (typeof o === 'string') {
    if (typeof key === 'number' || /^\d+$/.test(String(key))) return o[Number(key)];
    const s = o;
    const m: Record<string, (a: V[]) => V> = {
      toUpperCase: () => s.toUpperCase(),
      toLowerCase: () => s.toLowerCase(),
      trim: () => s.trim(),
      split: (a) => (a[0] === undefined ? [s] : s.split(String(a[0]))),
      includes: (a) => s.includes(String(a[0])),
      startsWith: (a) => s.startsWith(String(a[0])),
      endsWith: (a) => s.endsWith(String(a[0])),
      indexOf: (a) => s.indexOf(String(a[0])),
      slice: (a) => s.slice(Number(a[0] ?? 0), a[1] === undefined ? undefined : Number(a[1])),
      substring: (a) => s.substring(Number(a[0] ?? 0), a[1] === undefined ? undefined : Number(a[1])),
      replace: (a) => s.replace(String(a[0]), String(a[1])),
      replaceAll: (a) => s.split(String(a[0])).join(String(a[1])),
      repeat: (a) => s.repeat(Number(a[0])),
      padStart: (a) => s.padStart(Number(a[0]), a[1] === undefined ? ' ' : String(a[1])),
      padEnd: (a) => s.padEnd(Number(a[0]), a[1] === undefined ? ' ' : String(a[1])),
      charAt: (a) => s.charAt(Number(a[0] ?? 0)),
      toString: () => s,
    };
    if (key === 'length') return s.length;
    const f = m[key];
    return f ? native(String(key), f) : undefined;
  }
  if (Array.isArray(o)) {
    if (typeof key === 'number' || /^\d+$/.test(String(key))) return o[Number(key)];
    if (key === 'length') return o.length;
    const a = o;
    const m: Record<string, (x: V[]) => V> = {
      push: (x) => a.push(...x),
      pop: () => a.pop(),
      shift: () => a.shift(),
      unshift: (x) => a.unshift(...x),
      join: (x) => a.map((v) => (v === null || v === undefined ? '' : jsString(v))).join(x[0] === undefined ? ',' : String(x[0])),
      map: (x) => a.map((v, i) => call(x[0], [v, i])),
      filter: (x) => a.filter((v, i) => !!call(x[0], [v, i])),
      forEach: (x) => (a.forEach((v, i) => call(x[0], [v, i])), undefined),
      reduce: (x) => (x.length > 1 ? a.reduce((acc, v, i) => call(x[0], [acc, v, i]), x[1]) : a.reduce((acc, v, i) => call(x[0], [acc, v, i]))),
      find: (x) => a.find((v, i) => !!call(x[0], [v, i])),
      some: (x) => a.some((v, i) => !!call(x[0], [v, i])),
      every: (x) => a.every((v, i) => !!call(x[0], [v, i])),
      includes: (x) => a.includes(x[0]),
      indexOf: (x) => a.indexOf(x[0]),
      slice: (x) => a.slice(Number(x[0] ?? 0), x[1] === undefined ? undefined : Number(x[1])),
      concat: (x) => a.concat(...(x as V[][])),
      reverse: () => a.reverse(),
      sort: (x) => (x[0] ? a.sort((p, q) => Number(call(x[0], [p, q]))) : a.sort((p, q) => (jsString(p) < jsString(q) ? -1 : 1))),
      toString: () => jsString(a),
    };
    const f = m[key];
    return f ? native(String(key), f) : undefined;
  }
  if (typeof o === 'number') {
    if (key === 'toFixed') return native('toFixed', (a) => o.toFixed(Number(a[0] ?? 0)));
    if (key === 'toString') return native('toString', (a) => o.toString(Number(a[0] ?? 10)));
    return undefined;
  }
  if (o && typeof o === 'object' && !(o instanceof PyFloat) && !(o instanceof Map)) {
    if ('kind' in o && (o.kind === 'fn' || o.kind === 'native')) return key === 'name' ? o.name : undefined;
    return (o as { [k: string]: V })[key];
  }
  return undefined;
}
