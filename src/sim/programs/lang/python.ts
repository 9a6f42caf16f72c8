// python3: `--version`, `-c`, scripts, `-m http.server` (directory listings and files, its log
// lines on stderr), the REPL banner and ">>> " prompt on a terminal, tracebacks, and stdout
// buffering as CPython does it when stdout is not a terminal (lines appear at exit unless
// -u or PYTHONUNBUFFERED is set: the classic "no logs in docker logs" surprise).

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { listen, trap, waitForSignal } from '../effects';
import { byteLength, extensionOf, normalizeUri, reason, splitTarget } from '../lib/http';
import { httpDate } from '../lib/time';
import { programVersion } from '../lib/version';
import { Exit, Interp, parse, PyFloat, pyRepr, pyStr, pyType, ScriptError, type Native, type V } from './interp';

const native = (name: string, call: (args: V[], self?: V) => V): Native => ({ kind: 'native', name, call });

function kwargs(args: V[]): { pos: V[]; kw: Record<string, V> } {
  const pos: V[] = [];
  const kw: Record<string, V> = {};
  for (const a of args) {
    if (a && typeof a === 'object' && !Array.isArray(a) && !(a instanceof Map) && !(a instanceof PyFloat) && !('kind' in a)) {
      const keys = Object.keys(a);
      if (keys.length === 1 && keys[0]!.startsWith('__kw__')) {
        kw[keys[0]!.slice(6)] = (a as Record<string, V>)[keys[0]!]!;
        continue;
      }
    }
    pos.push(a);
  }
  return { pos, kw };
}

function num(v: V): number {
  return v instanceof PyFloat ? v.v : typeof v === 'boolean' ? Number(v) : (v as number);
}

function pyMember(o: V, key: string | number, interp: () => Interp): V | undefined {
  if (typeof o === 'string') {
    if (typeof key === 'number') return o.at(key);
    const s = o;
    const m: Record<string, (a: V[]) => V> = {
      upper: () => s.toUpperCase(),
      lower: () => s.toLowerCase(),
      strip: (a) => (a[0] === undefined ? s.trim() : s.replace(new RegExp(`^[${String(a[0])}]+|[${String(a[0])}]+$`, 'g'), '')),
      split: (a) => (a[0] === undefined || a[0] === null ? s.trim().split(/\s+/).filter(Boolean) : s.split(String(a[0]))),
      join: (a) => (a[0] as V[]).map((x) => pyStr(x)).join(s),
      replace: (a) => s.split(String(a[0])).join(String(a[1])),
      startswith: (a) => s.startsWith(String(a[0])),
      endswith: (a) => s.endsWith(String(a[0])),
      find: (a) => s.indexOf(String(a[0])),
      count: (a) => s.split(String(a[0])).length - 1,
      title: () => s.replace(/\b\w/g, (c) => c.toUpperCase()),
      capitalize: () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
      isdigit: () => /^\d+$/.test(s),
      format: (a) => {
        let i = 0;
        return s.replace(/\{(\d*)\}/g, (_m, n: string) => pyStr(a[n === '' ? i++ : Number(n)]));
      },
      encode: () => s,
    };
    const f = m[key];
    return f ? native(key, f) : undefined;
  }
  if (Array.isArray(o)) {
    if (typeof key === 'number') return key < 0 ? o[o.length + key] : o[key];
    const a = o;
    const m: Record<string, (x: V[]) => V> = {
      append: (x) => (a.push(x[0]), null),
      extend: (x) => (a.push(...(x[0] as V[])), null),
      pop: (x) => (x[0] === undefined ? a.pop() : a.splice(num(x[0]), 1)[0]) ?? null,
      insert: (x) => (a.splice(num(x[0]), 0, x[1]), null),
      index: (x) => a.findIndex((v) => v === x[0]),
      count: (x) => a.filter((v) => v === x[0]).length,
      reverse: () => (a.reverse(), null),
      sort: () => (a.sort((p, q) => (num(p) < num(q) ? -1 : num(p) > num(q) ? 1 : 0)), null),
      copy: () => [...a],
    };
    const f = m[key];
    return f ? native(key, f) : undefined;
  }
  if (o instanceof Map) {
    if (typeof key !== 'string' || !['get', 'keys', 'values', 'items', 'update', 'pop'].includes(key)) return o.has(key) ? o.get(key) : undefined;
    const d = o;
    const m: Record<string, (x: V[]) => V> = {
      get: (x) => (d.has(x[0]) ? d.get(x[0])! : (x[1] ?? null)),
      keys: () => [...d.keys()] as V[],
      values: () => [...d.values()],
      items: () => [...d].map(([k, v]) => [k as V, v]),
      update: (x) => {
        if (x[0] instanceof Map) for (const [k, v] of x[0]) d.set(k, v);
        return null;
      },
      pop: (x) => {
        const v = d.get(x[0]);
        d.delete(x[0]);
        return v ?? x[1] ?? null;
      },
    };
    return native(key, m[key]!);
  }
  if (o && typeof o === 'object' && !(o instanceof PyFloat) && !('kind' in o && (o.kind === 'fn' || o.kind === 'native'))) return (o as Record<string, V>)[String(key)];
  void interp;
  return undefined;
}

interface PyEnv {
  interp: Interp;
  flush(): void;
}

function pyEnv(ctx: CommandContext, version: string, argv: string[], out: (s: string) => void): PyEnv {
  let interp: Interp;
  const env = new Map<unknown, V>();
  for (const [k, v] of ctx.env) env.set(k, v);
  const mm = version.split('.').slice(0, 2).join('.');
  const modules: Record<string, V> = {
    os: { __name__: 'os', environ: env, getenv: native('getenv', (a) => (ctx.env.get(String(a[0])) ?? a[1] ?? null)), getcwd: native('getcwd', () => ctx.cwd), getpid: native('getpid', () => 1), sep: '/', name: 'posix', listdir: native('listdir', (a) => ctx.fs.readdir(String(a[0] ?? ctx.cwd))), cpu_count: native('cpu_count', () => ctx.sys.cpus ?? 4) },
    sys: {
      __name__: 'sys',
      version: `${version} (main, Jun 11 2025, 15:36:57) [GCC 12.2.0]`,
      platform: 'linux',
      argv,
      executable: '/usr/local/bin/python3',
      exit: native('exit', (a) => {
        throw new Exit(a[0] === undefined || a[0] === null ? 0 : typeof a[0] === 'number' ? a[0] : (out(`${pyStr(a[0])}\n`), 1));
      }),
      version_info: [Number(version.split('.')[0]), Number(version.split('.')[1]), Number(version.split('.')[2] ?? 0)],
    },
    platform: { __name__: 'platform', python_version: native('python_version', () => version), system: native('system', () => 'Linux'), machine: native('machine', () => ctx.sys.machine), node: native('node', () => ctx.sys.hostname), release: native('release', () => ctx.sys.kernelRelease) },
    socket: { __name__: 'socket', gethostname: native('gethostname', () => ctx.sys.hostname) },
    math: { __name__: 'math', pi: new PyFloat(Math.PI), e: new PyFloat(Math.E), sqrt: native('sqrt', (a) => new PyFloat(Math.sqrt(num(a[0])))), floor: native('floor', (a) => Math.floor(num(a[0]))), ceil: native('ceil', (a) => Math.ceil(num(a[0]))), pow: native('pow', (a) => new PyFloat(num(a[0]) ** num(a[1]))), factorial: native('factorial', (a) => { let r = 1; for (let i = 2; i <= num(a[0]); i++) r *= i; return r; }) },
    json: { __name__: 'json', dumps: native('dumps', (a) => JSON.stringify(toJson(a[0]), null, typeof kwargs(a).kw.indent === 'number' ? (kwargs(a).kw.indent as number) : undefined).replace(/":/g, '": ').replace(/,"/g, ', "')), loads: native('loads', (a) => fromJson(JSON.parse(String(a[0])))) },
    time: { __name__: 'time', time: native('time', () => new PyFloat(ctx.sys.now() / 1000)), sleep: native('sleep', () => null) },
    random: { __name__: 'random', random: native('random', () => new PyFloat(0.5)), randint: native('randint', (a) => num(a[0])), choice: native('choice', (a) => (a[0] as V[])[0] ?? null) },
  };
  const builtins: Record<string, V> = {
    print: native('print', (args) => {
      const { pos, kw } = kwargs(args);
      const sep = kw.sep === undefined ? ' ' : pyStr(kw.sep);
      const end = kw.end === undefined ? '\n' : pyStr(kw.end);
      out(`${pos.map(pyStr).join(sep)}${end}`);
      return null;
    }),
    len: native('len', (a) => {
      const v = a[0];
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (v instanceof Map) return v.size;
      throw new ScriptError('TypeError', `object of type '${pyType(v)}' has no len()`);
    }),
    str: native('str', (a) => (a.length ? pyStr(a[0]) : '')),
    repr: native('repr', (a) => pyRepr(a[0])),
    int: native('int', (a) => {
      const v = a[0];
      if (typeof v === 'string') {
        if (!/^\s*[-+]?\d+\s*$/.test(v)) throw new ScriptError('ValueError', `invalid literal for int() with base 10: ${pyRepr(v)}`);
        return parseInt(v, 10);
      }
      return Math.trunc(num(v ?? 0));
    }),
    float: native('float', (a) => {
      const v = a[0];
      if (typeof v === 'string' && Number.isNaN(Number(v))) throw new ScriptError('ValueError', `could not convert string to float: ${pyRepr(v)}`);
      return new PyFloat(Number(v instanceof PyFloat ? v.v : v ?? 0));
    }),
    bool: native('bool', (a) => interp.truthy(a[0] ?? false)),
    abs: native('abs', (a) => (a[0] instanceof PyFloat ? new PyFloat(Math.abs(a[0].v)) : Math.abs(num(a[0])))),
    round: native('round', (a) => (a[1] === undefined ? Math.round(num(a[0])) : new PyFloat(Number(num(a[0]).toFixed(num(a[1])))))),
    range: native('range', (a) => {
      const [start, stop, step] = a.length === 1 ? [0, num(a[0]), 1] : [num(a[0]), num(a[1]), a[2] === undefined ? 1 : num(a[2])];
      const out: V[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
      return out;
    }),
    list: native('list', (a) => (a[0] === undefined ? [] : typeof a[0] === 'string' ? [...a[0]] : a[0] instanceof Map ? [...a[0].keys()] as V[] : [...(a[0] as V[])])),
    dict: native('dict', (a) => new Map(Object.entries(kwargs(a).kw))),
    sum: native('sum', (a) => (a[0] as V[]).reduce<V>((acc, v) => interp.binary('+', acc, v), 0)),
    max: native('max', (a) => [...(a.length === 1 ? (a[0] as V[]) : a)].reduce((m, v) => (num(v) > num(m) ? v : m))),
    min: native('min', (a) => [...(a.length === 1 ? (a[0] as V[]) : a)].reduce((m, v) => (num(v) < num(m) ? v : m))),
    sorted: native('sorted', (a) => [...(a[0] as V[])].sort((p, q) => (typeof p === 'string' ? (p < (q as string) ? -1 : 1) : num(p) - num(q)))),
    type: native('type', (a) => `<class '${pyType(a[0])}'>`),
    input: native('input', (a) => {
      if (a[0] !== undefined) out(pyStr(a[0]));
      const buf = ctx.stdin.take();
      if (buf === '') throw new ScriptError('EOFError', 'EOF when reading a line');
      return buf.split('\n')[0] ?? '';
    }),
    exit: native('exit', (a) => {
      throw new Exit(typeof a[0] === 'number' ? a[0] : 0);
    }),
    quit: native('quit', (a) => {
      throw new Exit(typeof a[0] === 'number' ? a[0] : 0);
    }),
    enumerate: native('enumerate', (a) => (a[0] as V[]).map((v, i) => [i, v])),
    zip: native('zip', (a) => (a[0] as V[]).map((v, i) => [v, (a[1] as V[])[i] ?? null])),
    __name__: '__main__',
  };
  interp = new Interp({
    flavor: 'py',
    global: (n) => (n in builtins ? builtins[n] : undefined),
    importModule: (n) => modules[n.split('.')[0]!],
    construct: () => {
      throw new ScriptError('TypeError', 'not supported');
    },
    member: (o, key) => pyMember(o, key, () => interp),
  });
  return { interp, flush: () => {} };
}

function toJson(v: V): unknown {
  if (v instanceof PyFloat) return v.v;
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toJson(x)]));
  if (Array.isArray(v)) return v.map(toJson);
  return v ?? null;
}

function fromJson(v: unknown): V {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  if (typeof v === 'number' && !Number.isInteger(v)) return new PyFloat(v);
  return v as V;
}

function traceback(ctx: CommandContext, e: ScriptError, file: string, src: string, write: (s: string) => void): void {
  const line = (src.split('\n')[e.line - 1] ?? '').trim();
  if (e.kind === 'SyntaxError') {
    write(`  File "${file}", line ${e.line}\n    ${line}\n    ^\n${e.kind}: ${e.message}\n`);
    return;
  }
  write(`Traceback (most recent call last):\n  File "${file}", line ${e.line}, in <module>\n${file === '<string>' || file === '<stdin>' ? '' : `    ${line}\n`}${e.kind}: ${e.message}\n`);
  void ctx;
}

export const python: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'PYTHON_VERSION', '3.13.5');
  const args = ctx.args.slice(1);
  let code: string | null = null;
  let file: string | null = null;
  let mod: string | null = null;
  let unbuffered = !!ctx.env.get('PYTHONUNBUFFERED');
  let rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--version' || a === '-V') {
      ctx.stdout.write(`Python ${version}\n`);
      return 0;
    }
    if (a === '-u') {
      unbuffered = true;
      continue;
    }
    if (a === '-c') {
      code = args[++i] ?? '';
      rest = args.slice(i + 1);
      break;
    }
    if (a === '-m') {
      mod = args[++i] ?? '';
      rest = args.slice(i + 1);
      break;
    }
    if (a === '-h' || a === '--help') {
      ctx.stdout.write(`usage: ${ctx.args[0]} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nOptions (and corresponding environment variables):\n-c cmd : program passed in as string (terminates option list)\n-m mod : run library module as a script (terminates option list)\n-u     : force the stdout and stderr streams to be unbuffered;\n         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n-V     : print the Python version number and exit (also --version)\n`);
      return 0;
    }
    if (/^-[BEIOqsSvWx]+$/.test(a)) continue;
    if (a.startsWith('-') && a !== '-') {
      ctx.stderr.write(`Unknown option: ${a}\nusage: ${ctx.args[0]} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`);
      return 2;
    }
    file = a;
    rest = args.slice(i + 1);
    break;
  }

  // stdout to a pipe or file is block-buffered unless told otherwise
  const buffered = !ctx.isatty && !unbuffered;
  let pending = '';
  const out = (s: string) => {
    if (!buffered) {
      ctx.stdout.write(s);
      return;
    }
    pending += s;
    if (pending.length >= 8192) {
      ctx.stdout.write(pending);
      pending = '';
    }
  };
  const flush = () => {
    if (pending !== '') ctx.stdout.write(pending);
    pending = '';
  };

  if (mod !== null) {
    if (mod === 'http.server') return yield* httpServer(ctx, version, rest, out, flush);
    if (mod === 'pip') {
      ctx.stdout.write(`pip 25.1.1 from /usr/local/lib/python${version.split('.').slice(0, 2).join('.')}/site-packages/pip (python ${version.split('.').slice(0, 2).join('.')})\n`);
      return 0;
    }
    ctx.stderr.write(`/usr/local/bin/python3: No module named ${mod}\n`);
    return 1;
  }
  let src: string;
  let name: string;
  if (code !== null) {
    src = code;
    name = '<string>';
  } else if (file !== null && file !== '-') {
    const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
    try {
      src = ctx.fs.readFile(path);
    } catch {
      ctx.stderr.write(`/usr/local/bin/python3: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    name = path;
  } else if (ctx.stdin.interactive) {
    return yield* repl(ctx, version);
  } else {
    src = '';
    for (;;) {
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) break;
      src += chunk;
    }
    name = '<stdin>';
  }
  const env = pyEnv(ctx, version, [file ?? (code !== null ? '-c' : ''), ...rest], out);
  try {
    env.interp.run(parse(src, 'py'));
  } catch (e) {
    flush();
    if (e instanceof Exit) return e.code;
    if (e instanceof ScriptError) {
      traceback(ctx, e, name, src, (s) => ctx.stderr.write(s));
      return 1;
    }
    throw e;
  }
  flush();
  return 0;
};

function* repl(ctx: CommandContext, version: string): Run<number> {
  ctx.stderr.write(`Python ${version} (main, Jun 11 2025, 15:36:57) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
  const env = pyEnv(ctx, version, [''], (s) => ctx.stdout.write(s));
  yield* trap('SIGINT', 'catch');
  let buf = '';
  for (;;) {
    ctx.stdout.write('>>> ');
    let line: string | null = null;
    try {
      while (line === null) {
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          break;
        }
        const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
        if (chunk === null) {
          ctx.stdout.write('\n');
          return 0;
        }
        buf += chunk;
      }
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      ctx.stdout.write('\nKeyboardInterrupt\n');
      buf = '';
      continue;
    }
    const l = line.trimEnd();
    if (l.trim() === '') continue;
    if (l.trim() === 'exit' || l.trim() === 'quit') return 0;
    try {
      const nodes = parse(l, 'py');
      const v = env.interp.run(nodes);
      const last = nodes[nodes.length - 1];
      if (last && last.n === 'expr' && last.e.n !== 'assign' && v !== null && v !== undefined) ctx.stdout.write(`${pyRepr(v)}\n`);
    } catch (e) {
      if (e instanceof Exit) return e.code;
      if (e instanceof ScriptError) traceback(ctx, e, '<stdin>', l, (s) => ctx.stderr.write(s));
      else throw e;
    }
  }
}

// ---- python3 -m http.server ---------------------------------------------------------------------

const PY_TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', py: 'text/x-python', sh: 'application/x-sh', md: 'text/markdown' };

function logTime(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function* httpServer(ctx: CommandContext, version: string, args: string[], out: (s: string) => void, flush: () => void): Run<number> {
  let port = 8000;
  let dir = ctx.cwd;
  let bind = '0.0.0.0';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-d' || a === '--directory') dir = args[++i] ?? dir;
    else if (a === '-b' || a === '--bind') bind = args[++i] ?? bind;
    else if (/^\d+$/.test(a)) port = Number(a);
  }
  const root = dir.startsWith('/') ? dir : `${ctx.cwd.replace(/\/$/, '')}/${dir}`;
  const server = `SimpleHTTP/0.6 Python/${version}`;
  const log = (req: HttpRequest, text: string) => ctx.stderr.write(`${req.remoteAddr} - - [${logTime(ctx.sys.now())}] ${text}\n`);
  const handler = (req: HttpRequest): HttpResponse => {
    const line = `"${req.method} ${req.path || '/'} HTTP/1.1"`;
    const error = (code: number, message: string, explain: string): HttpResponse => {
      log(req, `code ${code}, message ${message}`);
      log(req, `${line} ${code} -`);
      const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${message}.</p>\n        <p>Error code explanation: ${code} - ${explain}.</p>\n    </body>\n</html>\n`;
      return { status: code, statusText: message, headers: { Server: server, Date: httpDate(ctx.sys.now()), Connection: 'close', 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': String(byteLength(body)) }, body: req.method === 'HEAD' ? '' : body };
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(501, `Unsupported method ('${req.method}')`, 'Server does not support this operation');
    const { path } = splitTarget(req.path || '/');
    const uri = path === null ? null : normalizeUri(path);
    if (uri === null) return error(404, 'File not found', 'Nothing matches the given URI');
    const fsPath = `${root.replace(/\/$/, '')}${uri}`;
    let st: { type: string; size: number; mtime: number } | null = null;
    try {
      st = ctx.fs.stat(fsPath);
    } catch {
      st = null;
    }
    if (!st) return error(404, 'File not found', 'Nothing matches the given URI');
    if (st.type === 'dir') {
      if (!uri.endsWith('/')) {
        log(req, `${line} 301 -`);
        return { status: 301, statusText: 'Moved Permanently', headers: { Server: server, Date: httpDate(ctx.sys.now()), Location: `${uri}/`, 'Content-Length': '0' }, body: '' };
      }
      for (const idx of ['index.html', 'index.htm']) {
        try {
          if (ctx.fs.stat(`${fsPath}${idx}`).type === 'file') return file(req, `${fsPath}${idx}`, line);
        } catch {
          // next
        }
      }
      const names = ctx.fs.readdir(fsPath).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      const items = names.map((n) => {
        let kind = '';
        try {
          const l = ctx.fs.lstat(`${fsPath}${n}`);
          kind = l.type === 'symlink' ? '@' : l.type === 'dir' ? '/' : '';
        } catch {
          // vanished
        }
        const shown = kind === '/' ? `${n}/` : kind === '@' ? `${n}@` : n;
        return `<li><a href="${encodeURI(kind === '/' ? `${n}/` : n)}">${shown}</a></li>\n`;
      });
      const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${uri}</title>\n</head>\n<body>\n<h1>Directory listing for ${uri}</h1>\n<hr>\n<ul>\n${items.join('')}</ul>\n<hr>\n</body>\n</html>\n`;
      log(req, `${line} 200 -`);
      return { status: 200, statusText: 'OK', headers: { Server: server, Date: httpDate(ctx.sys.now()), 'Content-type': 'text/html; charset=utf-8', 'Content-Length': String(byteLength(body)) }, body: req.method === 'HEAD' ? '' : body };
    }
    return file(req, fsPath, line);
  };
  const file = (req: HttpRequest, p: string, line: string): HttpResponse => {
    const st = ctx.fs.stat(p);
    log(req, `${line} 200 -`);
    return {
      status: 200,
      statusText: reason(200),
      headers: { Server: server, Date: httpDate(ctx.sys.now()), 'Content-type': PY_TYPES[extensionOf(p)] ?? 'application/octet-stream', 'Content-Length': String(st.size), 'Last-Modified': httpDate(st.mtime) },
      body: req.method === 'HEAD' ? '' : ctx.fs.readFile(p),
    };
  };
  if (!(yield* listen(port, handler))) {
    flush();
    ctx.stderr.write(`Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\n  File "/usr/local/lib/python3.13/http/server.py", line 1323, in <module>\n    test(\nOSError: [Errno 98] Address already in use\n`);
    return 1;
  }
  out(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`);
  yield* trap('SIGINT', 'catch');
  try {
    yield* waitForSignal();
  } catch (e) {
    if (!(e instanceof Signal)) throw e;
  }
  out('\nKeyboard interrupt received, exiting.\n');
  flush();
  return 0;
}
