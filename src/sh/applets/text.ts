// Text commands: head, tail, wc, sort, uniq, cut, tr, tee, seq, yes.

import { eachLine, readChunk } from '../io';
import type { CommandContext, Run } from '../types';
import {
  type AppletDef,
  type AppletEnv,
  abs,
  getopt,
  has,
  lq,
  readFileSafe,
  readInput,
  sq,
  sqIfNeeded,
  strerror,
  usageError,
  val,
  warn,
  helpVersion,
} from './framework';

const splitLines = (s: string) => s.split(/(?<=\n)/).filter((l) => l !== '');

function openError(ctx: CommandContext, env: AppletEnv, f: string, code: string, gnuVerb: 'reading' | 'plain' | 'sort'): void {
  if (env.flavor === 'gnu') {
    if (gnuVerb === 'reading') {
      if (code === 'EISDIR') warn(ctx, env, `error reading ${sq(f)}: Is a directory`);
      else warn(ctx, env, `cannot open ${sq(f)} for reading: ${strerror(code)}`);
    } else if (gnuVerb === 'sort') warn(ctx, env, `cannot read: ${f}: ${strerror(code)}`);
    else warn(ctx, env, `${sqIfNeeded(f)}: ${strerror(code)}`);
  } else warn(ctx, env, `${f}: ${strerror(code)}`);
}

// ---------------------------------------------------------------------------- head

function parseCount(s: string): { n: number; neg: boolean; plus: boolean } | null {
  const m = /^([+-]?)(\d+)([bkmKMG]?B?|[kKmMgG]i?B?)?$/.exec(s);
  if (!m) return null;
  const mult: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, G: 1073741824, KB: 1000, MB: 1e6, kB: 1000 };
  return { n: Number(m[2]) * (mult[m[3] ?? ''] ?? 1), neg: m[1] === '-', plus: m[1] === '+' };
}

export const HEAD_USAGE =
  'head [OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n';

function* head(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: 'qvz',
    withArg: 'nc',
    numeric: true,
    long: { lines: { key: 'n', arg: 'required' }, bytes: { key: 'c', arg: 'required' }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' } },
    usage: HEAD_USAGE,
  });
  if (typeof p === 'number') return p;
  let lines = 10;
  let bytes: number | undefined;
  let allBut = false;
  for (const [k, v] of p.list) {
    if (k === '#' || k === 'n') {
      const c = parseCount(v);
      if (!c) {
        warn(ctx, env, gnu ? `invalid number of lines: ${lq(env, v)}` : `invalid number '${v}'`);
        return 1;
      }
      lines = c.n;
      allBut = c.neg;
      bytes = undefined;
    } else if (k === 'c') {
      const c = parseCount(v);
      if (!c) {
        warn(ctx, env, gnu ? `invalid number of bytes: ${lq(env, v)}` : `invalid number '${v}'`);
        return 1;
      }
      bytes = c.n;
      allBut = c.neg;
    }
  }
  const files = p.args.length ? p.args : ['-'];
  const headers = (files.length > 1 && !has(p, 'q')) || has(p, 'v');
  let status = 0;
  let first = true;
  for (const f of files) {
    const shown = f === '-' ? 'standard input' : f;
    if (f === '-' && !allBut) {
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${shown} <==\n`);
      first = false;
      if (bytes !== undefined) {
        let left = bytes;
        while (left > 0) {
          const c = yield* readChunk(ctx.stdin);
          if (c === null) break;
          ctx.stdout.write(c.slice(0, left));
          left -= c.length;
        }
        continue;
      }
      let left = lines;
      if (left <= 0) continue;
      yield* eachLine(ctx.stdin, (l) => {
        ctx.stdout.write(l);
        return --left > 0;
      });
      continue;
    }
    const r = yield* readInput(ctx, f);
    if ('code' in r) {
      status = 1;
      openError(ctx, env, f, r.code, 'reading');
      continue;
    }
    if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${shown} <==\n`);
    first = false;
    if (bytes !== undefined) {
      ctx.stdout.write(allBut ? r.text.slice(0, Math.max(0, r.text.length - bytes)) : r.text.slice(0, bytes));
      continue;
    }
    const ls = splitLines(r.text);
    ctx.stdout.write((allBut ? ls.slice(0, Math.max(0, ls.length - lines)) : ls.slice(0, lines)).join(''));
  }
  return status;
}

// ---------------------------------------------------------------------------- tail

export const TAIL_USAGE = 'tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to stdout.\nWith more than one FILE, precede each with a filename header.\n';

function tailText(text: string, n: number, plus: boolean, bytes: boolean): string {
  if (bytes) return plus ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n);
  const ls = splitLines(text);
  if (plus) return ls.slice(Math.max(0, n - 1)).join('');
  return n === 0 ? '' : ls.slice(-n).join('');
}

function* tail(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  // Old-style `tail +5` / `tail -5`.
  let argv = ctx.args.slice(1);
  const pre: [string, string][] = [];
  if (argv[0] && /^[+-]\d+[fc]?$/.test(argv[0])) {
    const m = /^([+-])(\d+)([fc]?)$/.exec(argv[0])!;
    pre.push([m[3] === 'c' ? 'c' : 'n', (m[1] === '+' ? '+' : '') + m[2]]);
    if (m[3] === 'f') pre.push(['f', '']);
    argv = argv.slice(1);
  }
  const p = getopt(
    ctx,
    env,
    {
      flags: 'fFqvz',
      withArg: 'ncs',
      long: { lines: { key: 'n', arg: 'required' }, bytes: { key: 'c', arg: 'required' }, follow: { key: 'f', arg: 'optional' }, quiet: { key: 'q' }, verbose: { key: 'v' }, retry: { key: 'retry' }, 'sleep-interval': { key: 's', arg: 'required' } },
      usage: TAIL_USAGE,
    },
    argv,
  );
  if (typeof p === 'number') return p;
  let n = 10;
  let plus = false;
  let bytes = false;
  for (const [k, v] of [...pre, ...p.list]) {
    if (k === 'n' || k === 'c') {
      const c = parseCount(v);
      if (!c) {
        warn(ctx, env, gnu ? `invalid number of ${k === 'n' ? 'lines' : 'bytes'}: ${lq(env, v)}` : `invalid number '${v}'`);
        return 1;
      }
      n = c.n;
      plus = c.plus;
      bytes = k === 'c';
    }
  }
  const follow = has(p, 'f') || has(p, 'F') || pre.some(([k]) => k === 'f');
  const interval = val(p, 's') ? Number(val(p, 's')) * 1000 : 1000;
  const files = p.args.length ? p.args : ['-'];
  const headers = (files.length > 1 && !has(p, 'q')) || has(p, 'v');
  let status = 0;
  let first = true;
  let lastShown: string | null = null;
  const watched: { f: string; path: string; size: number; text: string }[] = [];
  let failed = 0;
  for (const f of files) {
    const shown = f === '-' ? 'standard input' : f;
    const r = yield* readInput(ctx, f);
    if ('code' in r) {
      status = 1;
      failed++;
      if (gnu) openError(ctx, env, f, r.code, 'reading');
      else warn(ctx, env, `can't open '${f}': ${strerror(r.code)}`);
      if (follow && has(p, 'F')) watched.push({ f, path: abs(ctx, f), size: -1, text: '' });
      continue;
    }
    if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${shown} <==\n`);
    lastShown = f;
    first = false;
    ctx.stdout.write(tailText(r.text, n, plus, bytes));
    if (follow && f !== '-') watched.push({ f, path: abs(ctx, f), size: r.text.length, text: r.text });
  }
  if (!gnu && failed === files.length && files.length > 0 && !follow) {
    warn(ctx, env, 'no files');
  }
  if (!follow || watched.length === 0) {
    if (follow && gnu && failed === files.length && files[0] !== '-') warn(ctx, env, 'no files remaining');
    return status;
  }
  // Follow: poll the files on the driver's clock (GNU and busybox both poll once a second
  // when they cannot use inotify).
  for (;;) {
    yield { type: 'sleep', ms: interval };
    for (const w of watched) {
      const r = readFileSafe(ctx.fs, w.path);
      if ('code' in r) {
        if (w.size >= 0 && has(p, 'F')) {
          if (gnu) warn(ctx, env, `${sq(w.f)} has become inaccessible: ${strerror(r.code)}`);
          w.size = -1;
        }
        continue;
      }
      if (w.size < 0) {
        if (gnu) warn(ctx, env, `${sq(w.f)} has appeared;  following new file`);
        w.size = 0;
        w.text = '';
      }
      if (r.text.length < w.size) {
        warn(ctx, env, `${w.f}: file truncated`);
        w.size = 0;
      }
      if (r.text.length > w.size) {
        if (headers && lastShown !== w.f) ctx.stdout.write(`\n==> ${w.f} <==\n`);
        lastShown = w.f;
        ctx.stdout.write(r.text.slice(w.size));
        w.size = r.text.length;
      }
    }
  }
}

// ---------------------------------------------------------------------------- wc

function counts(text: string): { l: number; w: number; c: number; m: number; L: number } {
  let l = 0;
  let w = 0;
  let inWord = false;
  let L = 0;
  let cur = 0;
  for (const ch of text) {
    if (ch === '\n') {
      l++;
      L = Math.max(L, cur);
      cur = 0;
    } else cur += ch === '\t' ? 8 - (cur % 8) : 1;
    if (/\s/.test(ch)) inWord = false;
    else if (!inWord) {
      inWord = true;
      w++;
    }
  }
  L = Math.max(L, cur);
  return { l, w, c: new TextEncoder().encode(text).length, m: [...text].length, L };
}

function* wc(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: 'lwcmL',
    long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' }, 'max-line-length': { key: 'L' } },
    usage: 'wc [-cmlwL] [FILE]...\n\nCount lines, words, and bytes for FILEs (or stdin)\n',
  });
  if (typeof p === 'number') return p;
  let keys = ['l', 'w', 'm', 'c', 'L'].filter((k) => has(p, k));
  if (keys.length === 0) keys = ['l', 'w', 'c'];
  const files = p.args.length ? p.args : [];
  const rows: { k: Record<string, number>; name: string | null }[] = [];
  let status = 0;
  let sawStdin = false;
  const total: Record<string, number> = { l: 0, w: 0, c: 0, m: 0, L: 0 };
  for (const f of files.length ? files : ['-']) {
    const r = yield* readInput(ctx, f);
    if (f === '-') sawStdin = true;
    if ('code' in r) {
      status = 1;
      if (gnu) warn(ctx, env, `${sqIfNeeded(f)}: ${strerror(r.code)}`);
      else warn(ctx, env, `${f}: ${strerror(r.code)}`);
      continue;
    }
    const k = counts(r.text);
    for (const key of Object.keys(total)) total[key] = key === 'L' ? Math.max(total[key], k[key as 'L']) : total[key] + k[key as 'l'];
    rows.push({ k, name: files.length ? f : null });
  }
  if (files.length > 1) rows.push({ k: total, name: 'total' });
  if (gnu) {
    let width: number;
    if (keys.length === 1 && rows.length === 1) width = 1;
    else if (sawStdin && files.length <= 1) width = 7;
    else {
      const maxV = Math.max(1, ...rows.flatMap((r) => keys.map((k) => r.k[k])), total.c);
      width = String(maxV).length;
      if (sawStdin) width = Math.max(width, 7);
    }
    for (const r of rows) {
      const parts = keys.map((k) => String(r.k[k]).padStart(width));
      ctx.stdout.write(parts.join(' ') + (r.name !== null ? ` ${r.name}` : '') + '\n');
    }
  } else {
    for (const r of rows) {
      const single = keys.length === 1;
      const parts = keys.map((k, i) => (single ? String(r.k[k]) : (i === 0 ? '' : ' ') + String(r.k[k]).padStart(i === 0 ? 9 : 9)));
      ctx.stdout.write(parts.join('') + (r.name !== null ? ` ${r.name}` : '') + '\n');
    }
  }
  return status;
}

// ---------------------------------------------------------------------------- sort

interface KeySpec {
  f1: number;
  c1: number;
  f2: number;
  c2: number;
  opts: string;
}

function parseKey(s: string): KeySpec | null {
  const m = /^(\d+)(?:\.(\d+))?([bdfginrMhV]*)(?:,(\d+)(?:\.(\d+))?([bdfginrMhV]*))?$/.exec(s);
  if (!m) return null;
  return { f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] ? Number(m[4]) : Infinity, c2: m[5] ? Number(m[5]) : 0, opts: (m[3] ?? '') + (m[6] ?? '') };
}

function fieldsOf(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push({ start, end: i });
        start = i + 1;
      }
    }
    return out;
  }
  // Default: a field is leading blanks plus non-blanks.
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ start, end: i });
  }
  return out;
}

function keyText(line: string, k: KeySpec, sep: string | undefined): string {
  const fs = fieldsOf(line, sep);
  const a = fs[k.f1 - 1];
  if (!a) return '';
  let start = a.start + k.c1 - 1;
  if (k.opts.includes('b') || sep === undefined) {
    while (start < line.length && (line[start] === ' ' || line[start] === '\t') && k.c1 === 1) start++;
  }
  let end = line.length;
  if (k.f2 !== Infinity) {
    const b = fs[k.f2 - 1];
    end = b ? (k.c2 ? Math.min(b.end, b.start + k.c2) : b.end) : line.length;
  }
  return line.slice(start, Math.max(start, end));
}

const numPrefix = (s: string) => {
  const m = /^\s*([+-]?\d*\.?\d+(?:[eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
};

const humanNum = (s: string) => {
  const m = /^\s*([+-]?\d*\.?\d+)([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  const exp = ' KMGTPE'.indexOf((m[2] || ' ').toUpperCase());
  return Number(m[1]) * 1024 ** Math.max(0, exp);
};

function versionCmp(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const x = ta[i] ?? '';
    const y = tb[i] ?? '';
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function* sort(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: 'nrufbdhVRsmcgM',
    withArg: 'ktoS',
    long: {
      numeric: { key: 'n' }, 'numeric-sort': { key: 'n' }, reverse: { key: 'r' }, unique: { key: 'u' }, 'ignore-case': { key: 'f' },
      key: { key: 'k', arg: 'required' }, 'field-separator': { key: 't', arg: 'required' }, output: { key: 'o', arg: 'required' },
      'human-numeric-sort': { key: 'h' }, 'version-sort': { key: 'V' }, stable: { key: 's' }, check: { key: 'c' }, 'general-numeric-sort': { key: 'g' },
    },
    usage: 'sort [-nrughMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...\n\nSort lines of text\n',
    gnuStatus: 2,
  });
  if (typeof p === 'number') return p;
  const sep = val(p, 't');
  const keys: KeySpec[] = [];
  for (const k of p.opts.get('k') ?? []) {
    const ks = parseKey(k);
    if (!ks) {
      if (gnu) warn(ctx, env, `invalid number at field start: invalid count at start of ${lq(env, k)}`);
      else warn(ctx, env, `invalid number '${k}'`);
      return 2;
    }
    keys.push(ks);
  }
  let lines: string[] = [];
  let status = 0;
  for (const f of p.args.length ? p.args : ['-']) {
    const r = yield* readInput(ctx, f);
    if ('code' in r) {
      openError(ctx, env, f, r.code, gnu ? 'sort' : 'plain');
      return 2;
    }
    let t = r.text;
    if (t.endsWith('\n')) t = t.slice(0, -1);
    if (r.text !== '') lines.push(...t.split('\n'));
  }
  const global = ['n', 'r', 'f', 'b', 'h', 'V', 'g', 'M', 'd'].filter((o) => has(p, o)).join('');
  const cmpBy = (a: string, b: string, opts: string): number => {
    let x = a;
    let y = b;
    if (opts.includes('b')) {
      x = x.trimStart();
      y = y.trimStart();
    }
    if (opts.includes('f')) {
      x = x.toUpperCase();
      y = y.toUpperCase();
    }
    let d: number;
    if (opts.includes('n') || opts.includes('g')) d = numPrefix(x) - numPrefix(y);
    else if (opts.includes('h')) d = humanNum(x) - humanNum(y);
    else if (opts.includes('V')) d = versionCmp(x, y);
    else d = x < y ? -1 : x > y ? 1 : 0;
    return opts.includes('r') ? -d : d;
  };
  const compare = (a: string, b: string): number => {
    if (keys.length) {
      for (const k of keys) {
        const o = k.opts.replace(/[^bdfgnrhVM]/g, '') || global;
        const d = cmpBy(keyText(a, k, sep), keyText(b, k, sep), o);
        if (d) return d;
      }
    } else {
      const d = cmpBy(a, b, global);
      if (d) return d;
    }
    if (has(p, 's') || has(p, 'u')) return 0;
    const d = a < b ? -1 : a > b ? 1 : 0;
    return has(p, 'r') ? -d : d;
  };
  if (has(p, 'c')) {
    for (let i = 1; i < lines.length; i++) {
      if (compare(lines[i - 1], lines[i]) > 0) {
        warn(ctx, env, gnu ? `-:${i + 1}: disorder: ${lines[i]}` : `-:${i + 1}: disorder: ${lines[i]}`);
        return 1;
      }
    }
    return 0;
  }
  lines = lines.map((l, i) => [l, i] as const).sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]).map(([l]) => l);
  if (has(p, 'u')) lines = lines.filter((l, i) => i === 0 || compare(lines[i - 1], l) !== 0);
  const text = lines.map((l) => l + '\n').join('');
  const o = val(p, 'o');
  if (o) {
    try {
      ctx.fs.writeFile(abs(ctx, o), text);
    } catch (e) {
      warn(ctx, env, `open failed: ${o}: ${strerror((e as { code: string }).code)}`);
      return 2;
    }
  } else ctx.stdout.write(text);
  return status;
}

// ---------------------------------------------------------------------------- uniq

function* uniq(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: 'cdui',
    withArg: 'fsw',
    long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' }, 'skip-fields': { key: 'f', arg: 'required' } },
    usage: 'uniq [-cdui] [-f,s,w N] [FILE [OUTFILE]]\n\nDiscard duplicate lines\n',
  });
  if (typeof p === 'number') return p;
  const [inFile, outFile] = p.args;
  const r = yield* readInput(ctx, inFile ?? '-');
  if ('code' in r) {
    if (gnu) warn(ctx, env, `${sqIfNeeded(inFile!)}: ${strerror(r.code)}`);
    else warn(ctx, env, `can't open '${inFile}': ${strerror(r.code)}`);
    return 1;
  }
  const skipF = Number(val(p, 'f') ?? 0);
  const skipC = Number(val(p, 's') ?? 0);
  const width = val(p, 'w') ? Number(val(p, 'w')) : Infinity;
  const keyOf = (l: string) => {
    let s = l;
    for (let i = 0; i < skipF; i++) s = s.replace(/^\s*\S+/, '');
    s = s.slice(skipC).slice(0, width);
    return has(p, 'i') ? s.toLowerCase() : s;
  };
  let t = r.text;
  if (t.endsWith('\n')) t = t.slice(0, -1);
  const lines = r.text === '' ? [] : t.split('\n');
  let out = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && keyOf(lines[j]) === keyOf(lines[i])) j++;
    const n = j - i;
    if ((!has(p, 'd') || n > 1) && (!has(p, 'u') || n === 1)) {
      out += (has(p, 'c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
    }
    i = j;
  }
  if (outFile) ctx.fs.writeFile(abs(ctx, outFile), out);
  else ctx.stdout.write(out);
  return 0;
}

// ---------------------------------------------------------------------------- cut

function parseList(s: string): ((n: number) => boolean) | null {
  const parts = s.split(',');
  const ranges: [number, number][] = [];
  for (const part of parts) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return null;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return null;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

function* cut(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'cut [OPTIONS] [FILE]...\n\nPrint selected fields from FILEs to stdout\n';
  const p = getopt(ctx, env, {
    flags: 'sn',
    withArg: 'bcdf',
    long: { bytes: { key: 'b', arg: 'required' }, characters: { key: 'c', arg: 'required' }, delimiter: { key: 'd', arg: 'required' }, fields: { key: 'f', arg: 'required' }, 'only-delimited': { key: 's' }, complement: { key: 'complement' }, 'output-delimiter': { key: 'od', arg: 'required' } },
    usage,
  });
  if (typeof p === 'number') return p;
  const mode = has(p, 'f') ? 'f' : has(p, 'c') ? 'c' : has(p, 'b') ? 'b' : null;
  if (!mode) {
    if (gnu) return usageError(ctx, env, 'you must specify a list of bytes, characters, or fields');
    warn(ctx, env, 'expected a list of bytes, characters, or fields');
    return 1;
  }
  const listStr = val(p, mode)!;
  let sel = parseList(listStr);
  if (!sel) {
    if (gnu) return usageError(ctx, env, listStr.includes('0') ? 'fields and positions are numbered from 1' : `invalid field value ${lq(env, listStr)}`);
    warn(ctx, env, `invalid list '${listStr}'`);
    return 1;
  }
  if (has(p, 'complement')) {
    const s = sel;
    sel = (n) => !s(n);
  }
  const delim = val(p, 'd') ?? '\t';
  if (delim.length !== 1) {
    if (gnu) return usageError(ctx, env, 'the delimiter must be a single character');
    warn(ctx, env, 'the delimiter must be a single character');
    return 1;
  }
  const outDelim = val(p, 'od') ?? delim;
  let status = 0;
  const doLine = (line: string): string | null => {
    if (mode === 'f') {
      if (!line.includes(delim)) return has(p, 's') ? null : line;
      return line
        .split(delim)
        .filter((_, i) => sel!(i + 1))
        .join(outDelim);
    }
    return [...line].filter((_, i) => sel!(i + 1)).join('');
  };
  for (const f of p.args.length ? p.args : ['-']) {
    if (f === '-') {
      yield* eachLine(ctx.stdin, (l) => {
        const nl = l.endsWith('\n');
        const r = doLine(nl ? l.slice(0, -1) : l);
        if (r !== null) ctx.stdout.write(r + '\n');
      });
      continue;
    }
    const r = yield* readInput(ctx, f);
    if ('code' in r) {
      status = 1;
      if (gnu) warn(ctx, env, `${sqIfNeeded(f)}: ${strerror(r.code)}`);
      else warn(ctx, env, `${f}: ${strerror(r.code)}`);
      continue;
    }
    for (const l of splitLines(r.text)) {
      const nl = l.endsWith('\n');
      const o = doLine(nl ? l.slice(0, -1) : l);
      if (o !== null) ctx.stdout.write(o + '\n');
    }
  }
  return status;
}

// ---------------------------------------------------------------------------- tr

const TR_CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
TR_CLASSES.alpha = TR_CLASSES.upper + TR_CLASSES.lower;
TR_CLASSES.alnum = TR_CLASSES.alpha + TR_CLASSES.digit;
TR_CLASSES.xdigit = '0123456789ABCDEFabcdef';

function expandSet(s: string): string[] {
  const chars: string[] = [];
  const unesc = (i: number): [string, number] => {
    if (s[i] !== '\\' || i + 1 >= s.length) return [s[i], 1];
    const n = s[i + 1];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (map[n]) return [map[n], 2];
    const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
    if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 1 + oct[0].length];
    return [n, 2];
  };
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls && TR_CLASSES[cls[1]]) {
      chars.push(...TR_CLASSES[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const [c, len] = unesc(i);
    if (s[i + len] === '-' && i + len + 1 < s.length) {
      const [d, len2] = unesc(i + len + 1);
      for (let x = c.charCodeAt(0); x <= d.charCodeAt(0); x++) chars.push(String.fromCharCode(x));
      i += len + 1 + len2;
      continue;
    }
    chars.push(c);
    i += len;
  }
  return chars;
}

function* tr(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'tr [-cds] STRING1 [STRING2]\n\nTranslate, squeeze, or delete characters from stdin, writing to stdout\n';
  const p = getopt(ctx, env, { flags: 'cdstC', long: { delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, complement: { key: 'c' } }, usage });
  if (typeof p === 'number') return p;
  const del = has(p, 'd');
  const squeeze = has(p, 's');
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  if (p.args.length === 1 && !del && !squeeze) {
    if (gnu) {
      warn(ctx, env, `missing operand after ${lq(env, p.args[0])}`);
      ctx.stderr.write('Two strings must be given when translating.\n');
      return usageError(ctx, env, null);
    }
    return usageError(ctx, env, null, usage);
  }
  let set1 = expandSet(p.args[0]);
  const set2 = p.args[1] !== undefined ? expandSet(p.args[1]) : [];
  const complement = has(p, 'c') || has(p, 'C');
  const in1 = (c: string) => (complement ? !set1.includes(c) : set1.includes(c));
  if (complement) set1 = [];
  const map = new Map<string, string>();
  if (!del && set2.length) {
    set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]));
  }
  const squeezeSet = del ? set2 : set2.length ? set2 : set1;
  const inSqueeze = (c: string) => (set2.length || del ? squeezeSet.includes(c) : in1(c));
  let last = '';
  const conv = (text: string): string => {
    let out = '';
    for (const ch of text) {
      if (del && in1(ch)) continue;
      let c = ch;
      if (!del) {
        if (complement && in1(ch) && set2.length) c = set2[set2.length - 1];
        else if (map.has(ch)) c = map.get(ch)!;
      }
      if (squeeze && c === last && inSqueeze(c)) continue;
      out += c;
      last = c;
    }
    return out;
  };
  for (;;) {
    const c = yield* readChunk(ctx.stdin);
    if (c === null) break;
    ctx.stdout.write(conv(c));
  }
  return 0;
}

// ---------------------------------------------------------------------------- tee

function* tee(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, { flags: 'ai', long: { append: { key: 'a' } }, usage: 'tee [-ai] [FILE]...\n\nCopy stdin to each FILE, and also to stdout\n' });
  if (typeof p === 'number') return p;
  let status = 0;
  const paths: string[] = [];
  for (const f of p.args) {
    const path = abs(ctx, f);
    try {
      if (!has(p, 'a')) ctx.fs.writeFile(path, '');
      else ctx.fs.writeFile(path, '', { append: true });
      paths.push(path);
    } catch (e) {
      status = 1;
      const code = (e as { code: string }).code;
      if (gnu) warn(ctx, env, `${sqIfNeeded(f)}: ${strerror(code)}`);
      else warn(ctx, env, `${f}: ${strerror(code)}`);
    }
  }
  for (;;) {
    const c = yield* readChunk(ctx.stdin);
    if (c === null) break;
    ctx.stdout.write(c);
    for (const path of paths) ctx.fs.writeFile(path, c, { append: true });
  }
  return status;
}

// ---------------------------------------------------------------------------- seq, yes

function* seq(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'seq [-w] [-s SEP] [FIRST [INC]] LAST\n\nPrint numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.\n';
  const hv = helpVersion(ctx, env, usage);
  if (hv !== null) return hv;
  // Negative numbers are operands, not options.
  const argv = ctx.args.slice(1);
  let sep = '\n';
  let equal = false;
  let fmt: string | undefined;
  const nums: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (nums.length === 0 && a === '-s') sep = argv[++i] ?? '\n';
    else if (nums.length === 0 && a.startsWith('-s') && a.length > 2) sep = a.slice(2);
    else if (nums.length === 0 && a === '-w') equal = true;
    else if (nums.length === 0 && a === '-f' && gnu) fmt = argv[++i];
    else nums.push(a);
  }
  if (nums.length === 0 || nums.length > 3) {
    if (gnu) return usageError(ctx, env, nums.length ? `extra operand ${lq(env, nums[3])}` : 'missing operand');
    return usageError(ctx, env, null, usage);
  }
  for (const n of nums) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) {
      if (gnu) return usageError(ctx, env, `invalid floating point argument: ${lq(env, n)}`);
      warn(ctx, env, `invalid number '${n}'`);
      return 1;
    }
  }
  const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const decimals = Math.max(...[first, inc].map((s) => (s.includes('.') ? s.split('.')[1].length : 0)));
  const f = Number(first);
  const s = Number(inc);
  const l = Number(last);
  if (s === 0) {
    if (gnu) return usageError(ctx, env, `invalid Zero increment value: ${lq(env, inc)}`);
    return 1;
  }
  const out: string[] = [];
  const width = equal ? Math.max(first.length, last.replace(/\..*/, '').length) : 0;
  for (let i = 0; ; i++) {
    const v = f + i * s;
    if ((s > 0 && v > l + 1e-10) || (s < 0 && v < l - 1e-10)) break;
    let t = decimals ? v.toFixed(decimals) : String(Math.round(v));
    if (fmt) t = fmt.replace(/%[-0-9.]*[gfe]/, t);
    if (equal) t = t.startsWith('-') ? '-' + t.slice(1).padStart(width - 1, '0') : t.padStart(width, '0');
    out.push(t);
    if (out.length > 1_000_000) break;
  }
  if (out.length) ctx.stdout.write(out.join(sep) + '\n');
  return 0;
}

function* yes(ctx: CommandContext): Run<number> {
  const word = ctx.args.length > 1 ? ctx.args.slice(1).join(' ') : 'y';
  const chunk = (word + '\n').repeat(Math.max(1, Math.floor(4096 / (word.length + 1))));
  for (;;) {
    ctx.stdout.write(chunk);
    // Give the reader of the pipe (and the driver) a turn.
    yield { type: 'sleep', ms: 0 };
  }
}

export const TEXT_APPLETS: Record<string, AppletDef> = {
  head: { run: head, usage: HEAD_USAGE },
  tail: { run: tail, usage: TAIL_USAGE },
  wc: { run: wc },
  sort: { run: sort },
  uniq: { run: uniq },
  cut: { run: cut },
  tr: { run: tr },
  tee: { run: tee },
  seq: { run: seq },
  yes: { run: (ctx) => yes(ctx) },
};
