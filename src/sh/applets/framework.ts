// What every command (applet) shares: the two flavors (GNU coreutils on the host and in
// Debian images, busybox in Alpine/busybox images), option parsing with each flavor's
// messages, file access, and formatting helpers (sizes, modes, dates, names of users).

import type { FileSystem, Stat } from '../../vfs/types';
import { fsCode, isFsError, resolvePath, strerror } from '../errors';
import { readChunk } from '../io';
import type { CommandContext, Run } from '../types';
import { gnuHelp, gnuVersionText } from './gnu-help';

export type AppletFlavor = 'gnu' | 'busybox';

export interface AppletEnv {
  flavor: AppletFlavor;
  /** GNU in a UTF-8 locale quotes with ‘ ’; in the C/POSIX locale with ' '. */
  utf8: boolean;
  /** busybox: the first line of its usage messages. */
  banner: string;
  /**
   * Runs another command by name through the command table (env, xargs, find -exec).
   * Returns null when no such command exists (the caller words the error).
   */
  exec(ctx: CommandContext, argv: string[]): Run<number | null>;
  /** Path of a command for `which`; null when not found. */
  which(name: string, ctx: CommandContext): string | null;
}

export type Applet = (ctx: CommandContext, env: AppletEnv) => Run<number>;

export interface AppletDef {
  run: Applet;
  /** busybox usage: the text after "Usage: " (first line), then a short description. */
  usage?: string;
}

// ---------------------------------------------------------------------------- output

export function name0(ctx: CommandContext): string {
  return ctx.args[0] ?? '';
}

/** The program name as GNU tools print it (argv[0] as invoked). */
export function prog(ctx: CommandContext): string {
  return ctx.args[0] ?? '';
}

/** busybox prints its applet name (the basename of argv[0]). */
export function applet(ctx: CommandContext): string {
  const a = ctx.args[0] ?? '';
  return a.slice(a.lastIndexOf('/') + 1);
}

/** `prog: msg` on stderr (GNU uses argv[0], busybox the applet name). */
export function warn(ctx: CommandContext, env: AppletEnv, msg: string): void {
  ctx.stderr.write(`${env.flavor === 'gnu' ? prog(ctx) : applet(ctx)}: ${msg}\n`);
}

/** GNU's "Try 'prog --help' for more information." */
export function tryHelp(ctx: CommandContext): void {
  ctx.stderr.write(`Try '${prog(ctx)} --help' for more information.\n`);
}

/** busybox's usage message (stderr), as after a bad option or missing operand. */
export function bbUsage(ctx: CommandContext, env: AppletEnv, usage: string | undefined): void {
  const u = usage ?? applet(ctx);
  ctx.stderr.write(`${env.banner}\n\nUsage: ${u}${u.endsWith('\n') ? '' : '\n'}`);
}

/** Usage error: GNU "prog: msg" + Try line; busybox usage text. Returns the exit status. */
export function usageError(ctx: CommandContext, env: AppletEnv, msg: string | null, usage?: string, gnuStatus = 1): number {
  if (env.flavor === 'gnu') {
    if (msg) warn(ctx, env, msg);
    tryHelp(ctx);
    return gnuStatus;
  }
  if (msg) warn(ctx, env, msg);
  bbUsage(ctx, env, usage);
  return 1;
}

/** quote(): locale quotes in GNU (‘x’ in UTF-8, 'x' in C). */
export function lq(env: AppletEnv, s: string): string {
  return env.utf8 ? `‘${s}’` : `'${s}'`;
}

/** GNU shell-escape quoting, always: 'x' (quoteaf). */
export function sq(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  return `"${s}"`;
}

/** GNU shell-escape quoting when needed: x, or 'a b' (quotef). */
export function sqIfNeeded(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_.\/@%+=:,-]+$/.test(s) && !s.startsWith('~')) return s;
  return sq(s);
}

// ---------------------------------------------------------------------------- options

export interface LongOpt {
  /** Key the option is reported under (usually its short letter). */
  key: string;
  arg?: 'required' | 'optional';
}

export interface OptSpec {
  /** Letters without argument. */
  flags?: string;
  /** Letters with a required argument. */
  withArg?: string;
  long?: Record<string, LongOpt>;
  /** busybox usage text for errors. */
  usage?: string;
  /** GNU exit status for usage errors (ls, sort, grep: 2). */
  gnuStatus?: number;
  /** Accept `-NUM` as an option with key '#' (head -5, tail -20). */
  numeric?: boolean;
  /** Options end at the first operand, also in GNU (xargs: the rest is the command line). */
  posix?: boolean;
}

export interface ParsedOpts {
  /** key -> values in order ('' for flags). */
  opts: Map<string, string[]>;
  /** All options in order. */
  list: [string, string][];
  args: string[];
}

export function has(p: ParsedOpts, key: string): boolean {
  return p.opts.has(key);
}

export function val(p: ParsedOpts, key: string): string | undefined {
  const v = p.opts.get(key);
  return v ? v[v.length - 1] : undefined;
}

/**
 * Parses options like getopt_long: GNU permutes (options may follow operands), busybox on
 * musl stops at the first operand. Prints the flavor's message and returns an exit status
 * on error.
 */
/**
 * `--help` / `--version` (GNU: anywhere before `--`; busybox: --help as the first argument).
 * Returns the exit status when one was handled, null otherwise.
 */
export function helpVersion(ctx: CommandContext, env: AppletEnv, usage?: string, argv = ctx.args.slice(1)): number | null {
  const name = applet(ctx);
  if (env.flavor === 'busybox') {
    if (argv[0] !== '--help') return null;
    const u = usage ?? name;
    ctx.stdout.write(`${env.banner}\n\nUsage: ${u}${u.endsWith('\n') ? '' : '\n'}`);
    return 0;
  }
  for (const a of argv) {
    if (a === '--') break;
    if (a === '--help') {
      const h = gnuHelp(name, prog(ctx));
      if (h === null) return null;
      ctx.stdout.write(h);
      return 0;
    }
    if (a === '--version') {
      const v = gnuVersionText(name);
      if (v === null) return null;
      ctx.stdout.write(v);
      return 0;
    }
  }
  return null;
}

export function getopt(ctx: CommandContext, env: AppletEnv, spec: OptSpec, argv = ctx.args.slice(1)): ParsedOpts | number {
  const firstOperand = spec.posix ? argv.findIndex((a) => !a.startsWith('-')) : -1;
  const hv = helpVersion(ctx, env, spec.usage, firstOperand >= 0 ? argv.slice(0, firstOperand) : argv);
  if (hv !== null) return hv;
  const flags = spec.flags ?? '';
  const withArg = spec.withArg ?? '';
  const out: ParsedOpts = { opts: new Map(), list: [], args: [] };
  const add = (k: string, v: string) => {
    const arr = out.opts.get(k) ?? [];
    arr.push(v);
    out.opts.set(k, arr);
    out.list.push([k, v]);
  };
  const gnu = env.flavor === 'gnu';
  const a0 = gnu ? prog(ctx) : ctx.args[0];
  const fail = (msg: string): number => {
    ctx.stderr.write(`${a0}: ${msg}\n`);
    if (gnu) {
      tryHelp(ctx);
      return spec.gnuStatus ?? 1;
    }
    bbUsage(ctx, env, spec.usage);
    return 1;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && (gnu || spec.long)) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const long = spec.long ?? {};
      let def = long[name];
      let full = name;
      if (!def) {
        const cands = Object.keys(long).filter((k) => k.startsWith(name));
        if (cands.length === 1) {
          full = cands[0];
          def = long[full];
        } else if (cands.length > 1 && gnu) {
          return fail(`option '${a}' is ambiguous; possibilities: ${cands.map((c) => `'--${c}'`).join(' ')}`);
        }
      }
      if (!def) {
        if (gnu) return fail(`unrecognized option '${a}'`);
        return fail(`unrecognized option: ${name}`);
      }
      if (eq >= 0) {
        if (!def.arg) return fail(gnu ? `option '--${full}' doesn't allow an argument` : `option does not take an argument: ${full}`);
        add(def.key, a.slice(eq + 1));
      } else if (def.arg === 'required') {
        if (i + 1 >= argv.length) return fail(gnu ? `option '--${full}' requires an argument` : `option requires an argument: ${full}`);
        add(def.key, argv[++i]);
      } else add(def.key, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numeric && /^-\d+$/.test(a)) {
        add('#', a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (withArg.includes(c)) {
          let v = a.slice(j + 1);
          if (v === '') {
            if (i + 1 >= argv.length) return fail(gnu ? `option requires an argument -- '${c}'` : `option requires an argument: ${c}`);
            v = argv[++i];
          }
          add(c, v);
          break;
        }
        if (flags.includes(c)) {
          add(c, '');
          continue;
        }
        return fail(gnu ? `invalid option -- '${c}'` : `unrecognized option: ${c}`);
      }
      continue;
    }
    if (!gnu || spec.posix) {
      out.args.push(...argv.slice(i));
      break;
    }
    out.args.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------- files

export function abs(ctx: CommandContext, p: string): string {
  return resolvePath(ctx.cwd, p);
}

/** Reads a file named on the command line; '-' is stdin. Returns text or an errno code. */
export function* readInput(ctx: CommandContext, name: string): Run<{ text: string } | { code: string }> {
  if (name === '-' || name === '/dev/stdin') {
    let s = '';
    for (;;) {
      const c = yield* readChunk(ctx.stdin);
      if (c === null) break;
      s += c;
    }
    return { text: s };
  }
  return readFileSafe(ctx.fs, abs(ctx, name));
}

export function readFileSafe(fs: FileSystem, path: string): { text: string } | { code: string } {
  if (path === '/dev/null') return { text: '' };
  try {
    const st = fs.stat(path);
    if (st.type === 'dir') return { code: 'EISDIR' };
    return { text: fs.readFile(path) };
  } catch (e) {
    return { code: fsCode(e) };
  }
}

export function statSafe(fs: FileSystem, path: string, follow = true): Stat | null {
  try {
    return follow ? fs.stat(path) : fs.lstat(path);
  } catch (e) {
    if (isFsError(e)) return null;
    throw e;
  }
}

export { strerror, fsCode, isFsError };

/** Applies a function to each FsError-raising operation, returning the code or null. */
export function tryFs(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return fsCode(e);
  }
}

// ---------------------------------------------------------------------------- users

function lookupDb(fs: FileSystem, file: string, byId: number | null, byName: string | null): string[] | null {
  let text: string;
  try {
    text = fs.readFile(file);
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3) continue;
    if (byId !== null && Number(f[2]) === byId) return f;
    if (byName !== null && f[0] === byName) return f;
  }
  return null;
}

export function userName(ctx: CommandContext, uid: number): string | undefined {
  const e = lookupDb(ctx.fs, '/etc/passwd', uid, null);
  if (e) return e[0];
  if (uid === ctx.sys.uid) return ctx.sys.user;
  if (uid === 0) return 'root';
  return undefined;
}

export function groupName(ctx: CommandContext, gid: number): string | undefined {
  const e = lookupDb(ctx.fs, '/etc/group', gid, null);
  if (e) return e[0];
  if (gid === 0) return 'root';
  if (gid === ctx.sys.gid && ctx.sys.uid === gid) return ctx.sys.user;
  return undefined;
}

export function userByName(ctx: CommandContext, name: string): { uid: number; gid: number } | undefined {
  const e = lookupDb(ctx.fs, '/etc/passwd', null, name);
  if (e) return { uid: Number(e[2]), gid: Number(e[3]) };
  if (name === ctx.sys.user) return { uid: ctx.sys.uid, gid: ctx.sys.gid };
  if (name === 'root') return { uid: 0, gid: 0 };
  return undefined;
}

/** Supplementary groups of a user (names and ids), from /etc/group. */
export function groupsOf(ctx: CommandContext, user: string, primary: number): { gid: number; name: string | undefined }[] {
  const out = [{ gid: primary, name: groupName(ctx, primary) }];
  try {
    for (const line of ctx.fs.readFile('/etc/group').split('\n')) {
      const f = line.split(':');
      if (f.length < 4) continue;
      const members = f[3].split(',').filter(Boolean);
      const gid = Number(f[2]);
      if (members.includes(user) && gid !== primary) out.push({ gid, name: f[0] });
    }
  } catch {
    // no group file
  }
  return out;
}

// ---------------------------------------------------------------------------- formatting

export function modeString(st: Stat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const rwx = (shift: number, special: number, ch: string) => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const xBit = m & (1 << shift);
    let x = xBit ? 'x' : '-';
    if (m & special) x = xBit ? ch : ch.toUpperCase();
    return r + w + x;
  };
  return t + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

/** 1 KiB blocks a file occupies (4 KiB allocation units), as `ls -s`/`du` count. */
export function blocksOf(st: Stat): number {
  if (st.type === 'dir') return 4;
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/** Sizes like GNU -h: 1023, 1.0K, 4.9K, 12K, 1.5M (powers of 1024, rounded up). */
export function humanGnu(bytes: number, opts: { unitB?: boolean; si?: boolean } = {}): string {
  const base = opts.si ? 1000 : 1024;
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  if (bytes < base) return String(bytes) + (opts.unitB ? 'B' : '');
  let v = bytes;
  let u = -1;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (v < 10) {
    let r = Math.ceil(v * 10) / 10;
    if (r >= 10) return '10' + units[u];
    return r.toFixed(1) + units[u];
  }
  let r = Math.ceil(v);
  if (r >= base && u < units.length - 1) {
    r = 1;
    u++;
    return '1.0' + units[u];
  }
  return String(r) + units[u];
}

/**
 * busybox's human-readable sizes (make_human_readable_str): 4.9K, 4.0K, 23.5G; with
 * `noFraction` (ls's total line) 32K.
 */
export function humanBusybox(bytes: number, noFraction = false): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = Math.floor(bytes);
  let u = 0;
  let frac = 0;
  let scaled = false;
  while (v >= 1024) {
    scaled = true;
    u++;
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  if (noFraction) {
    if (frac >= 5) v++;
    return `${v}${units[u]}`;
  }
  return scaled ? `${v}.${frac}${units[u]}` : String(v);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** ls -l's date column: "Jan 15 10:30" within six months of now, else "Jan 15  2024". */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const recent = Math.abs(now - mtime) < (365.2425 * 24 * 3600 * 1000) / 2 && mtime <= now + 60_000;
  const md = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  return recent ? `${md} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}` : `${md}  ${d.getUTCFullYear()}`;
}

/** strftime for UTC (the simulated machines run in UTC). */
export function strftime(fmt: string, ms: number, tzName = 'UTC'): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    let f = fmt[++i];
    let padMode: '' | '-' | '_' | '0' = '';
    if (f === '-' || f === '_' || f === '0') {
      padMode = f;
      f = fmt[++i];
    }
    const num = (n: number, w: number, padChar = '0') => {
      if (padMode === '-') return String(n);
      if (padMode === '_') return String(n).padStart(w, ' ');
      if (padMode === '0') return String(n).padStart(w, '0');
      return String(n).padStart(w, padChar);
    };
    switch (f) {
      case 'Y':
        out += String(Y);
        break;
      case 'C':
        out += num(Math.floor(Y / 100), 2);
        break;
      case 'y':
        out += num(Y % 100, 2);
        break;
      case 'm':
        out += num(m + 1, 2);
        break;
      case 'd':
        out += num(day, 2);
        break;
      case 'e':
        out += num(day, 2, ' ');
        break;
      case 'H':
        out += num(H, 2);
        break;
      case 'I':
        out += num(H % 12 === 0 ? 12 : H % 12, 2);
        break;
      case 'k':
        out += num(H, 2, ' ');
        break;
      case 'l':
        out += num(H % 12 === 0 ? 12 : H % 12, 2, ' ');
        break;
      case 'M':
        out += num(M, 2);
        break;
      case 'S':
        out += num(S, 2);
        break;
      case 'N':
        out += String((ms % 1000) * 1_000_000).padStart(9, '0');
        break;
      case 'p':
        out += H < 12 ? 'AM' : 'PM';
        break;
      case 'P':
        out += H < 12 ? 'am' : 'pm';
        break;
      case 'a':
        out += DAYS[wd];
        break;
      case 'A':
        out += DAYS_LONG[wd];
        break;
      case 'b':
      case 'h':
        out += MONTHS[m];
        break;
      case 'B':
        out += MONTHS_LONG[m];
        break;
      case 'j':
        out += num(yday, 3);
        break;
      case 'u':
        out += String(wd === 0 ? 7 : wd);
        break;
      case 'w':
        out += String(wd);
        break;
      case 's':
        out += String(Math.floor(ms / 1000));
        break;
      case 'Z':
        out += tzName;
        break;
      case 'z':
        out += '+0000';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case '%':
        out += '%';
        break;
      case 'D':
        out += strftime('%m/%d/%y', ms, tzName);
        break;
      case 'F':
        out += strftime('%Y-%m-%d', ms, tzName);
        break;
      case 'T':
        out += strftime('%H:%M:%S', ms, tzName);
        break;
      case 'R':
        out += strftime('%H:%M', ms, tzName);
        break;
      case 'r':
        out += strftime('%I:%M:%S %p', ms, tzName);
        break;
      case 'c':
        out += strftime('%a %b %e %H:%M:%S %Y', ms, tzName);
        break;
      case 'x':
        out += strftime('%m/%d/%y', ms, tzName);
        break;
      case 'X':
        out += strftime('%H:%M:%S', ms, tzName);
        break;
      default:
        out += '%' + f;
    }
  }
  return out;
}

/** Terminal columns layout (ls, busybox --list): fills columns top to bottom like GNU ls -C. */
export function columns(names: string[], width: number, sep = 2): string {
  if (names.length === 0) return '';
  const lens = names.map((n) => [...n].length);
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / (1 + sep)))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const realCols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < realCols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < names.length) w = Math.max(w, lens[i]);
      }
      widths.push(w);
    }
    const total = widths.reduce((a, b) => a + b, 0) + sep * (realCols - 1);
    if (total <= width || cols === 1) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = 0; c < realCols; c++) {
          const i = c * rows + r;
          if (i >= names.length) break;
          const last = c === realCols - 1 || (c + 1) * rows + r >= names.length;
          line += last ? names[i] : names[i] + ' '.repeat(widths[c] - lens[i] + sep);
        }
        out += line + '\n';
      }
      return out;
    }
  }
  return names.join('\n') + '\n';
}
