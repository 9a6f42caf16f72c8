// File commands: cat, mkdir, rm, rmdir, touch, cp, mv, ln, chmod, chown, basename, dirname,
// du, df, pwd, readlink, stat (short).

import type { FileSystem } from '../../vfs/types';
import { basename as baseName, dirname as dirName, fsCode } from '../errors';
import { readChunk } from '../io';
import type { CommandContext, Run } from '../types';
import {
  type AppletDef,
  type AppletEnv,
  abs,
  blocksOf,
  getopt,
  has,
  humanBusybox,
  humanGnu,
  lq,
  sq,
  sqIfNeeded,
  statSafe,
  strerror,
  tryFs,
  usageError,
  userByName,
  val,
  warn,
  helpVersion,
} from './framework';

// ---------------------------------------------------------------------------- cat

function catTransform(text: string, o: { n: boolean; b: boolean; E: boolean; T: boolean; s: boolean; v: boolean }, state: { line: number; atStart: boolean; blank: number }): string {
  if (!o.n && !o.b && !o.E && !o.T && !o.s && !o.v) return text;
  let out = '';
  const lines = text.split(/(?<=\n)/);
  for (let l of lines) {
    const hasNl = l.endsWith('\n');
    let body = hasNl ? l.slice(0, -1) : l;
    if (o.s && state.atStart) {
      if (body === '' && hasNl) {
        state.blank++;
        if (state.blank > 1) continue;
      } else state.blank = 0;
    }
    if (o.T) body = body.replace(/\t/g, '^I');
    if (o.v) body = body.replace(/[\x00-\x08\x0b-\x1f]/g, (c) => '^' + String.fromCharCode(c.charCodeAt(0) + 64)).replace(/\x7f/g, '^?');
    let prefix = '';
    if (state.atStart && (o.b ? body !== '' : o.n)) prefix = String(++state.line).padStart(6) + '\t';
    l = prefix + body + (hasNl ? (o.E ? '$\n' : '\n') : '');
    state.atStart = hasNl;
    out += l;
  }
  return out;
}

export const CAT_USAGE = 'cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n';

function* cat(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: gnu ? 'nbsETAvetu' : 'nbvteAu',
    long: { number: { key: 'n' }, 'number-nonblank': { key: 'b' }, 'squeeze-blank': { key: 's' }, 'show-ends': { key: 'E' }, 'show-tabs': { key: 'T' }, 'show-all': { key: 'A' } },
    usage: CAT_USAGE,
  });
  if (typeof p === 'number') return p;
  const o = {
    n: has(p, 'n'),
    b: has(p, 'b'),
    s: has(p, 's'),
    E: has(p, 'E') || has(p, 'A') || has(p, 'e'),
    T: has(p, 'T') || has(p, 'A') || has(p, 't'),
    v: has(p, 'v') || has(p, 'A') || has(p, 'e') || has(p, 't'),
  };
  const state = { line: 0, atStart: true, blank: 0 };
  const files = p.args.length ? p.args : ['-'];
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      for (;;) {
        const c = yield* readChunk(ctx.stdin);
        if (c === null) break;
        ctx.stdout.write(catTransform(c, o, state));
      }
      continue;
    }
    const path = abs(ctx, f);
    const st = statSafe(ctx.fs, path);
    let code: string | null = null;
    let text = '';
    if (path === '/dev/null') text = '';
    else if (!st) code = tryFs(() => ctx.fs.stat(path)) ?? 'ENOENT';
    else if (st.type === 'dir') code = 'EISDIR';
    else {
      try {
        text = ctx.fs.readFile(path);
      } catch (e) {
        code = fsCode(e);
      }
    }
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `${sqIfNeeded(f)}: ${strerror(code)}`);
      else if (code === 'EISDIR') warn(ctx, env, `read error: ${strerror(code)}`);
      else warn(ctx, env, `can't open '${f}': ${strerror(code)}`);
      continue;
    }
    ctx.stdout.write(catTransform(text, o, state));
  }
  return status;
}

// ---------------------------------------------------------------------------- mkdir, rmdir

function parseMode(spec: string, base: number, isDir: boolean): number | null {
  // octal, with any number of leading zeros (00700, 03775)
  if (/^0*[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = base;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return null;
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    let bits = 0;
    const perms = m[3];
    const copyFrom = /^[ugo]$/.test(perms) ? perms : null;
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      if (copyFrom) {
        const fs = copyFrom === 'u' ? 6 : copyFrom === 'g' ? 3 : 0;
        bits |= ((base >> fs) & 7) << shift;
        continue;
      }
      for (const c of perms) {
        if (c === 'r') bits |= 4 << shift;
        else if (c === 'w') bits |= 2 << shift;
        else if (c === 'x') bits |= 1 << shift;
        else if (c === 'X') {
          if (isDir || base & 0o111) bits |= 1 << shift;
        } else if (c === 's') bits |= w === 'u' ? 0o4000 : w === 'g' ? 0o2000 : 0;
        else if (c === 't') bits |= 0o1000;
      }
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else {
      let clear = 0;
      for (const w of who) clear |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
      mode = (mode & ~clear) | bits;
    }
  }
  return mode;
}

function* mkdir(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = '[-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n';
  const p = getopt(ctx, env, { flags: 'pv', withArg: 'm', long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', arg: 'required' } }, usage: 'mkdir ' + usage });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, 'mkdir ' + usage);
  let mode: number | undefined;
  if (val(p, 'm')) {
    const m = parseMode(val(p, 'm')!, 0o777, true);
    if (m === null) {
      warn(ctx, env, gnu ? `invalid mode ${lq(env, val(p, 'm')!)}` : `invalid mode '${val(p, 'm')}'`);
      return 1;
    }
    mode = m;
  }
  let status = 0;
  for (const d of p.args) {
    const path = abs(ctx, d);
    const fail = (code: string) => {
      status = 1;
      if (gnu) warn(ctx, env, `cannot create directory ${lq(env, d)}: ${strerror(code)}`);
      else warn(ctx, env, `can't create directory '${d}': ${strerror(code)}`);
    };
    if (has(p, 'p')) {
      // Create each missing component.
      const parts = path.split('/').filter(Boolean);
      let cur = '';
      for (const part of parts) {
        cur += '/' + part;
        const st = statSafe(ctx.fs, cur);
        if (st) {
          if (st.type !== 'dir') {
            fail('ENOTDIR');
            break;
          }
          continue;
        }
        const code = tryFs(() => ctx.fs.mkdir(cur, { mode: mode ?? 0o755 }));
        if (code) {
          fail(code);
          break;
        }
        if (has(p, 'v') && gnu) ctx.stdout.write(`mkdir: created directory ${lq(env, cur === path ? d : cur)}\n`);
      }
      continue;
    }
    const code = tryFs(() => ctx.fs.mkdir(path, { mode: mode ?? 0o755 }));
    if (code) fail(code);
    else if (has(p, 'v') && gnu) ctx.stdout.write(`mkdir: created directory ${lq(env, d)}\n`);
  }
  return status;
}

function* rmdir(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'rmdir [-p] DIRECTORY...\n\nRemove DIRECTORY if it is empty\n';
  const p = getopt(ctx, env, { flags: 'pv', long: { parents: { key: 'p' }, 'ignore-fail-on-non-empty': { key: 'ignore' } }, usage });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  let status = 0;
  for (const d of p.args) {
    let path = abs(ctx, d);
    let shown = d;
    for (;;) {
      const st = statSafe(ctx.fs, path, false);
      let code: string | null = st ? (st.type !== 'dir' ? 'ENOTDIR' : null) : 'ENOENT';
      if (!code) code = tryFs(() => ctx.fs.rmdir(path));
      if (code) {
        if (code === 'ENOTEMPTY' && has(p, 'ignore')) break;
        status = 1;
        if (gnu) warn(ctx, env, `failed to remove ${sq(shown)}: ${strerror(code)}`);
        else warn(ctx, env, `'${shown}': ${strerror(code)}`);
        break;
      }
      if (!has(p, 'p')) break;
      const parent = dirName(shown);
      if (parent === '.' || parent === '/' || parent === shown) break;
      shown = parent;
      path = abs(ctx, parent);
    }
  }
  return status;
}

// ---------------------------------------------------------------------------- rm

function* rm(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'rm [-irf] FILE...\n\nRemove (unlink) FILEs\n';
  const p = getopt(ctx, env, {
    flags: 'rRfidv',
    long: { recursive: { key: 'r' }, force: { key: 'f' }, dir: { key: 'd' }, verbose: { key: 'v' }, 'no-preserve-root': { key: 'npr' } },
    usage,
  });
  if (typeof p === 'number') return p;
  const force = has(p, 'f');
  const recursive = has(p, 'r') || has(p, 'R');
  if (p.args.length === 0) {
    if (force) return 0;
    return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  }
  let status = 0;
  for (const f of p.args) {
    const base = baseName(f);
    if (base === '.' || base === '..') {
      status = 1;
      if (gnu) warn(ctx, env, `refusing to remove '.' or '..' directory: skipping ${sq(f)}`);
      else warn(ctx, env, "can't remove '.' or '..'");
      continue;
    }
    const path = abs(ctx, f);
    if (path === '/' && recursive && gnu && !has(p, 'npr')) {
      warn(ctx, env, `it is dangerous to operate recursively on ${sq('/')}`);
      warn(ctx, env, 'use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    const st = statSafe(ctx.fs, path, false);
    if (!st) {
      if (force) continue;
      status = 1;
      const code = tryFs(() => ctx.fs.lstat(path)) ?? 'ENOENT';
      if (gnu) warn(ctx, env, `cannot remove ${sq(f)}: ${strerror(code)}`);
      else warn(ctx, env, `can't remove '${f}': ${strerror(code)}`);
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      if (has(p, 'd')) {
        const code = tryFs(() => ctx.fs.rmdir(path));
        if (code) {
          status = 1;
          if (gnu) warn(ctx, env, `cannot remove ${sq(f)}: ${strerror(code)}`);
          else warn(ctx, env, `can't remove '${f}': ${strerror(code)}`);
        }
        continue;
      }
      status = 1;
      if (gnu) warn(ctx, env, `cannot remove ${sq(f)}: Is a directory`);
      else warn(ctx, env, `'${f}' is a directory`);
      continue;
    }
    const code = tryFs(() => ctx.fs.rm(path, { recursive, force: false }));
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot remove ${sq(f)}: ${strerror(code)}`);
      else warn(ctx, env, `can't remove '${f}': ${strerror(code)}`);
    } else if (has(p, 'v')) ctx.stdout.write(gnu ? `removed ${st.type === 'dir' ? 'directory ' : ''}${sq(f)}\n` : `removed '${f}'\n`);
  }
  return status;
}

// ---------------------------------------------------------------------------- touch

function parseTouchDate(s: string, now: number): number | null {
  if (/^@\d+$/.test(s)) return Number(s.slice(1)) * 1000;
  if (s === 'now') return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function parseTouchStamp(s: string, now: number): number | null {
  // [[CC]YY]MMDDhhmm[.ss]
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  let year = new Date(now).getUTCFullYear();
  if (m[1]) year = m[1].length === 4 ? +m[1] : 2000 + +m[1] - (+m[1] >= 69 ? 100 : 0);
  return Date.UTC(year, +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
}

function* touch(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n';
  const p = getopt(ctx, env, { flags: 'cahm', withArg: 'dtr', long: { 'no-create': { key: 'c' }, date: { key: 'd', arg: 'required' }, reference: { key: 'r', arg: 'required' } }, usage });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing file operand' : null, usage);
  const now = ctx.sys.now();
  let when: number | undefined;
  if (val(p, 'd')) {
    const t = parseTouchDate(val(p, 'd')!, now);
    if (t === null) {
      warn(ctx, env, gnu ? `invalid date format ${lq(env, val(p, 'd')!)}` : `invalid date '${val(p, 'd')}'`);
      return 1;
    }
    when = t;
  } else if (val(p, 't')) {
    const t = parseTouchStamp(val(p, 't')!, now);
    if (t === null) {
      warn(ctx, env, gnu ? `invalid date format ${lq(env, val(p, 't')!)}` : `invalid date '${val(p, 't')}'`);
      return 1;
    }
    when = t;
  } else if (val(p, 'r')) {
    const st = statSafe(ctx.fs, abs(ctx, val(p, 'r')!));
    if (!st) {
      warn(ctx, env, gnu ? `failed to get attributes of ${sq(val(p, 'r')!)}: No such file or directory` : `${val(p, 'r')}: No such file or directory`);
      return 1;
    }
    when = st.mtime;
  }
  let status = 0;
  for (const f of p.args) {
    const path = abs(ctx, f);
    let code: string | null = null;
    const st = statSafe(ctx.fs, path);
    if (!st) {
      if (has(p, 'c')) continue;
      code = tryFs(() => ctx.fs.writeFile(path, '', { append: true }));
      if (!code && when !== undefined) code = tryFs(() => ctx.fs.utimes(path, when));
    } else code = tryFs(() => ctx.fs.utimes(path, when));
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot touch ${sq(f)}: ${strerror(code)}`);
      else warn(ctx, env, `${f}: ${strerror(code)}`);
    }
  }
  return status;
}

// ---------------------------------------------------------------------------- cp, mv, ln

function copyTree(fs: FileSystem, from: string, to: string, preserve: boolean, deref: boolean): string | null {
  const st = deref ? fs.stat(from) : fs.lstat(from);
  if (st.type === 'symlink') {
    const code = tryFs(() => fs.symlink(fs.readlink(from), to));
    return code;
  }
  if (st.type === 'dir') {
    const exists = statSafe(fs, to);
    if (!exists) {
      const code = tryFs(() => fs.mkdir(to, { mode: st.mode }));
      if (code) return code;
    } else if (exists.type !== 'dir') return 'ENOTDIR';
    for (const n of fs.readdir(from)) {
      const code = copyTree(fs, `${from === '/' ? '' : from}/${n}`, `${to === '/' ? '' : to}/${n}`, preserve, false);
      if (code) return code;
    }
    if (preserve) {
      tryFs(() => fs.utimes(to, st.mtime));
      tryFs(() => fs.chown(to, st.uid, st.gid));
    }
    return null;
  }
  const code = tryFs(() => fs.writeFile(to, fs.readFile(from), { mode: st.mode }));
  if (code) return code;
  if (preserve) {
    tryFs(() => fs.chmod(to, st.mode));
    tryFs(() => fs.utimes(to, st.mtime));
    tryFs(() => fs.chown(to, st.uid, st.gid));
  }
  return null;
}

function targetFor(ctx: CommandContext, dest: string, src: string, intoDir: boolean): { path: string; shown: string } {
  if (intoDir) {
    const b = baseName(src);
    const shown = dest.endsWith('/') ? dest + b : `${dest}/${b}`;
    return { path: abs(ctx, shown), shown };
  }
  return { path: abs(ctx, dest), shown: dest };
}

function* cp(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'cp [-arPLHpfinlsu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n';
  const p = getopt(ctx, env, {
    flags: 'rRapfivdLPHnlsu',
    withArg: 't',
    long: { recursive: { key: 'r' }, archive: { key: 'a' }, force: { key: 'f' }, verbose: { key: 'v' }, 'target-directory': { key: 't', arg: 'required' }, preserve: { key: 'p', arg: 'optional' } },
    usage,
  });
  if (typeof p === 'number') return p;
  const recursive = has(p, 'r') || has(p, 'R') || has(p, 'a');
  const preserve = has(p, 'p') || has(p, 'a');
  let args = p.args;
  let dest: string | undefined = val(p, 't');
  if (args.length === 0) return usageError(ctx, env, gnu ? 'missing file operand' : null, usage);
  if (dest === undefined) {
    if (args.length === 1) return usageError(ctx, env, gnu ? `missing destination file operand after ${sq(args[0])}` : null, usage);
    dest = args[args.length - 1];
    args = args.slice(0, -1);
  }
  const dpath = abs(ctx, dest);
  const dst = statSafe(ctx.fs, dpath);
  // busybox copies several sources "into" DEST even when it is missing (and fails per file).
  const intoDir = dst?.type === 'dir' || (!gnu && args.length > 1 && !dst);
  if (args.length > 1 && !intoDir) {
    if (gnu) warn(ctx, env, dst ? `target ${sq(dest)} is not a directory` : `target ${sq(dest)}: No such file or directory`);
    else warn(ctx, env, `'${dest}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of args) {
    const spath = abs(ctx, src);
    const sst = statSafe(ctx.fs, spath);
    if (!sst) {
      status = 1;
      const code = tryFs(() => ctx.fs.stat(spath)) ?? 'ENOENT';
      if (gnu) warn(ctx, env, `cannot stat ${sq(src)}: ${strerror(code)}`);
      else warn(ctx, env, `can't stat '${src}': ${strerror(code)}`);
      continue;
    }
    if (sst.type === 'dir' && !recursive) {
      status = 1;
      if (gnu) warn(ctx, env, `-r not specified; omitting directory ${sq(src)}`);
      else warn(ctx, env, `omitting directory '${src}'`);
      continue;
    }
    const t = targetFor(ctx, dest, src, intoDir);
    if (t.path === spath) {
      status = 1;
      if (gnu) warn(ctx, env, `${sq(src)} and ${sq(t.shown)} are the same file`);
      else warn(ctx, env, `'${src}' and '${t.shown}' are the same file`);
      continue;
    }
    if (sst.type === 'dir' && (t.path + '/').startsWith(spath + '/')) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot copy a directory, ${sq(src)}, into itself, ${sq(t.shown)}`);
      else warn(ctx, env, `cannot copy a directory, '${src}', into itself, '${t.shown}'`);
      continue;
    }
    const tst = statSafe(ctx.fs, t.path);
    if (tst?.type === 'dir' && sst.type !== 'dir') {
      status = 1;
      if (gnu) warn(ctx, env, `cannot overwrite directory ${sq(t.shown)} with non-directory`);
      else warn(ctx, env, `cannot overwrite directory '${t.shown}' with non-directory`);
      continue;
    }
    const code = copyTree(ctx.fs, spath, t.path, preserve, true);
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot create regular file ${sq(t.shown)}: ${strerror(code)}`);
      else warn(ctx, env, `can't create '${t.shown}': ${strerror(code)}`);
      continue;
    }
    if (has(p, 'v')) ctx.stdout.write(`'${src}' -> '${t.shown}'\n`);
  }
  return status;
}

function* mv(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'mv [-fin] SOURCE DEST\nor: mv [-fin] SOURCE... DIRECTORY\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n';
  const p = getopt(ctx, env, { flags: 'finvTu', withArg: 't', long: { force: { key: 'f' }, verbose: { key: 'v' }, 'target-directory': { key: 't', arg: 'required' } }, usage });
  if (typeof p === 'number') return p;
  let args = p.args;
  let dest = val(p, 't');
  if (args.length === 0) return usageError(ctx, env, gnu ? 'missing file operand' : null, usage);
  if (dest === undefined) {
    if (args.length === 1) return usageError(ctx, env, gnu ? `missing destination file operand after ${sq(args[0])}` : null, usage);
    dest = args[args.length - 1];
    args = args.slice(0, -1);
  }
  const dst = statSafe(ctx.fs, abs(ctx, dest));
  const intoDir = dst?.type === 'dir' || (!gnu && args.length > 1 && !dst);
  if (args.length > 1 && !intoDir) {
    if (gnu) warn(ctx, env, dst ? `target ${sq(dest)} is not a directory` : `target ${sq(dest)}: No such file or directory`);
    else warn(ctx, env, `'${dest}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of args) {
    const spath = abs(ctx, src);
    const sst = statSafe(ctx.fs, spath, false);
    if (!sst) {
      status = 1;
      const code = tryFs(() => ctx.fs.lstat(spath)) ?? 'ENOENT';
      if (gnu) warn(ctx, env, `cannot stat ${sq(src)}: ${strerror(code)}`);
      else warn(ctx, env, `can't rename '${src}': ${strerror(code)}`);
      continue;
    }
    const t = targetFor(ctx, dest, src, intoDir);
    if (t.path === spath) {
      status = 1;
      if (gnu) warn(ctx, env, `${sq(src)} and ${sq(t.shown)} are the same file`);
      continue;
    }
    if (sst.type === 'dir' && (t.path + '/').startsWith(spath + '/')) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot move ${sq(src)} to a subdirectory of itself, ${sq(t.shown)}`);
      else warn(ctx, env, `can't rename '${src}': Invalid argument`);
      continue;
    }
    const tst = statSafe(ctx.fs, t.path, false);
    if (tst?.type === 'dir' && sst.type !== 'dir') {
      status = 1;
      if (gnu) warn(ctx, env, `cannot overwrite directory ${sq(t.shown)} with non-directory`);
      else warn(ctx, env, `can't rename '${src}': Is a directory`);
      continue;
    }
    let code = tryFs(() => ctx.fs.rename(spath, t.path));
    if (code === 'EXDEV') {
      code = copyTree(ctx.fs, spath, t.path, true, false);
      if (!code) code = tryFs(() => ctx.fs.rm(spath, { recursive: true }));
    }
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot move ${sq(src)} to ${sq(t.shown)}: ${strerror(code)}`);
      else warn(ctx, env, `can't rename '${src}': ${strerror(code)}`);
      continue;
    }
    if (has(p, 'v')) ctx.stdout.write(gnu ? `renamed '${src}' -> '${t.shown}'\n` : `'${src}' -> '${t.shown}'\n`);
  }
  return status;
}

function* ln(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n\nCreate a link LINK or DIR/TARGET to the specified TARGET(s)\n';
  const p = getopt(ctx, env, { flags: 'sfnvTr', long: { symbolic: { key: 's' }, force: { key: 'f' }, verbose: { key: 'v' } }, usage });
  if (typeof p === 'number') return p;
  let args = p.args;
  if (args.length === 0) return usageError(ctx, env, gnu ? 'missing file operand' : null, usage);
  let dest: string;
  if (args.length === 1) {
    dest = '.';
  } else {
    dest = args[args.length - 1];
    args = args.slice(0, -1);
  }
  const dst = statSafe(ctx.fs, abs(ctx, dest));
  const intoDir = dst?.type === 'dir' && !(has(p, 'n') && statSafe(ctx.fs, abs(ctx, dest), false)?.type === 'symlink');
  if (args.length > 1 && !intoDir) {
    if (gnu) warn(ctx, env, `target ${sq(dest)} is not a directory`);
    else warn(ctx, env, `'${dest}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const target of args) {
    const t = targetFor(ctx, dest, target, intoDir);
    const exists = statSafe(ctx.fs, t.path, false);
    if (exists) {
      if (has(p, 'f')) tryFs(() => ctx.fs.rm(t.path));
      else {
        status = 1;
        if (gnu) warn(ctx, env, `failed to create ${has(p, 's') ? 'symbolic' : 'hard'} link ${sq(t.shown)}: File exists`);
        else warn(ctx, env, `${t.shown}: File exists`);
        continue;
      }
    }
    let code: string | null;
    if (has(p, 's')) code = tryFs(() => ctx.fs.symlink(target, t.path));
    else {
      // Hard links are modelled as copies (the filesystem has no link count).
      const spath = abs(ctx, target);
      const sst = statSafe(ctx.fs, spath);
      if (!sst) {
        status = 1;
        if (gnu) warn(ctx, env, `failed to access ${sq(target)}: No such file or directory`);
        else warn(ctx, env, `${target}: No such file or directory`);
        continue;
      }
      if (sst.type === 'dir') {
        status = 1;
        if (gnu) warn(ctx, env, `${sq(target)}: hard link not allowed for directory`);
        else warn(ctx, env, `${target}: Operation not permitted`);
        continue;
      }
      code = copyTree(ctx.fs, spath, t.path, true, true);
    }
    if (code) {
      status = 1;
      if (gnu) warn(ctx, env, `failed to create ${has(p, 's') ? 'symbolic' : 'hard'} link ${sq(t.shown)}: ${strerror(code)}`);
      else warn(ctx, env, `${t.shown}: ${strerror(code)}`);
      continue;
    }
    if (has(p, 'v')) ctx.stdout.write(`'${t.shown}' -> '${target}'\n`);
  }
  return status;
}

// ---------------------------------------------------------------------------- chmod, chown

function walkPaths(fs: FileSystem, path: string, f: (p: string) => void): void {
  f(path);
  const st = statSafe(fs, path, false);
  if (st?.type === 'dir') for (const n of fs.readdir(path)) walkPaths(fs, `${path === '/' ? '' : path}/${n}`, f);
}

function* chmod(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'chmod [-Rcvf] MODE[,MODE]... FILE...\n\nChange file access permissions for the specified FILE(s)\n';
  const hv = helpVersion(ctx, env, usage);
  if (hv !== null) return hv;
  // Modes like -x look like options: take the first non-flag argument as the mode.
  const argv = ctx.args.slice(1);
  let recursive = false;
  let verbose = false;
  const rest: string[] = [];
  for (const a of argv) {
    if (rest.length === 0 && /^-[Rcvf]+$/.test(a)) {
      if (a.includes('R')) recursive = true;
      if (a.includes('v')) verbose = true;
      continue;
    }
    if (a === '--recursive') {
      recursive = true;
      continue;
    }
    rest.push(a);
  }
  if (rest.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  if (rest.length === 1) return usageError(ctx, env, gnu ? `missing operand after ${lq(env, rest[0])}` : null, usage);
  const spec = rest[0];
  if (parseMode(spec, 0o644, false) === null) {
    if (gnu) {
      warn(ctx, env, `invalid mode: ${lq(env, spec)}`);
      ctx.stderr.write(`Try '${ctx.args[0]} --help' for more information.\n`);
    } else warn(ctx, env, `invalid mode '${spec}'`);
    return 1;
  }
  let status = 0;
  for (const f of rest.slice(1)) {
    const path = abs(ctx, f);
    const st = statSafe(ctx.fs, path);
    if (!st) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot access ${sq(f)}: No such file or directory`);
      else warn(ctx, env, `${f}: No such file or directory`);
      continue;
    }
    const apply = (p: string) => {
      const s = statSafe(ctx.fs, p);
      if (!s) return;
      const m = parseMode(spec, s.mode, s.type === 'dir')!;
      tryFs(() => ctx.fs.chmod(p, m));
      if (verbose) ctx.stdout.write(`mode of '${p}' changed to ${m.toString(8).padStart(4, '0')}\n`);
    };
    if (recursive) walkPaths(ctx.fs, path, apply);
    else apply(path);
  }
  return status;
}

function* chown(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n\nChange the owner and/or group of FILEs to USER and/or GRP\n';
  const p = getopt(ctx, env, {
    flags: 'RhLHPcvf',
    long: { recursive: { key: 'R' }, dereference: { key: 'dereference' }, 'no-dereference': { key: 'h' }, verbose: { key: 'v' }, changes: { key: 'c' }, silent: { key: 'f' }, quiet: { key: 'f' } },
    usage,
  });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  if (p.args.length === 1) return usageError(ctx, env, gnu ? `missing operand after ${lq(env, p.args[0])}` : null, usage);
  const [spec, ...files] = p.args;
  const [u, g] = spec.split(/[:.]/);
  let uid: number | undefined;
  let gid: number | undefined;
  if (u) {
    if (/^\d+$/.test(u)) uid = Number(u);
    else {
      const e = userByName(ctx, u);
      if (!e) {
        warn(ctx, env, gnu ? `invalid user: ${lq(env, spec)}` : `unknown user ${u}`);
        return 1;
      }
      uid = e.uid;
      if (spec.endsWith(':')) gid = e.gid;
    }
  }
  if (g) {
    if (/^\d+$/.test(g)) gid = Number(g);
    else {
      let found: number | undefined;
      try {
        for (const line of ctx.fs.readFile('/etc/group').split('\n')) {
          const f = line.split(':');
          if (f[0] === g) found = Number(f[2]);
        }
      } catch {
        // none
      }
      if (found === undefined && g === 'root') found = 0;
      if (found === undefined) {
        warn(ctx, env, gnu ? `invalid group: ${lq(env, spec)}` : `unknown group ${g}`);
        return 1;
      }
      gid = found;
    }
  }
  let status = 0;
  for (const f of files) {
    const path = abs(ctx, f);
    if (!statSafe(ctx.fs, path)) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot access ${sq(f)}: No such file or directory`);
      else warn(ctx, env, `${f}: No such file or directory`);
      continue;
    }
    const apply = (pp: string) => {
      const s = statSafe(ctx.fs, pp, false);
      if (!s) return;
      tryFs(() => ctx.fs.chown(pp, uid ?? s.uid, gid ?? s.gid));
    };
    if (has(p, 'R')) walkPaths(ctx.fs, path, apply);
    else apply(path);
  }
  return status;
}

// ---------------------------------------------------------------------------- basename, dirname, pwd, readlink

function* basename(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...\n\nStrip directory path and SUFFIX from FILE\n';
  const p = getopt(ctx, env, { flags: 'az', withArg: 's', long: { multiple: { key: 'a' }, suffix: { key: 's', arg: 'required' }, zero: { key: 'z' } }, usage });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  const multi = has(p, 'a') || has(p, 's');
  let suffix = val(p, 's');
  let names = p.args;
  if (!multi) {
    if (names.length > 2) return usageError(ctx, env, gnu ? `extra operand ${sq(names[2])}` : null, usage);
    suffix = names[1];
    names = [names[0]];
  }
  for (const n of names) {
    let b = baseName(n);
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    ctx.stdout.write(b + (has(p, 'z') ? '\0' : '\n'));
  }
  return 0;
}

function* dirname(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'dirname FILENAME\n\nStrip non-directory suffix from FILENAME\n';
  const p = getopt(ctx, env, { flags: 'z', long: { zero: { key: 'z' } }, usage });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  if (!gnu && p.args.length > 1) return usageError(ctx, env, null, usage);
  for (const n of p.args) ctx.stdout.write(dirName(n) + (has(p, 'z') ? '\0' : '\n'));
  return 0;
}

function* pwd(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: 'LP', usage: 'pwd\n\nPrint the full name of the current working directory\n' });
  if (typeof p === 'number') return p;
  let cwd = ctx.cwd;
  if (has(p, 'P') || env.flavor === 'busybox') {
    try {
      cwd = ctx.fs.realpath(cwd);
    } catch {
      // keep
    }
  }
  ctx.stdout.write(cwd + '\n');
  return 0;
}

function* readlink(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: 'fenqsvz', long: { canonicalize: { key: 'f' } }, usage: 'readlink [-fnv] FILE\n\nDisplay the value of a symlink\n' });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) return usageError(ctx, env, env.flavor === 'gnu' ? 'missing operand' : null, 'readlink [-fnv] FILE\n\nDisplay the value of a symlink\n');
  let status = 0;
  for (const f of p.args) {
    const path = abs(ctx, f);
    try {
      const r = has(p, 'f') || has(p, 'e') ? ctx.fs.realpath(path) : ctx.fs.readlink(path);
      ctx.stdout.write(r + (has(p, 'n') ? '' : '\n'));
    } catch {
      status = 1;
    }
  }
  return status;
}

// ---------------------------------------------------------------------------- du, df

function duWalk(fs: FileSystem, path: string, cb: (p: string, kib: number, isDir: boolean, depth: number) => void, depth = 0): number {
  const st = statSafe(fs, path, false);
  if (!st) return 0;
  let total = blocksOf(st);
  if (st.type === 'dir') {
    let names: string[] = [];
    try {
      names = fs.readdir(path);
    } catch {
      names = [];
    }
    for (const n of names) total += duWalk(fs, `${path === '/' ? '' : path}/${n}`, cb, depth + 1);
  }
  cb(path, total, st.type === 'dir', depth);
  return total;
}

function* du(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'du [-aHLdclsxhmk] [FILE]...\n\nSummarize disk space used for FILEs (or directories)\n';
  const p = getopt(ctx, env, {
    flags: 'ashckmxlLHb',
    withArg: 'd',
    long: { all: { key: 'a' }, summarize: { key: 's' }, 'human-readable': { key: 'h' }, total: { key: 'c' }, 'max-depth': { key: 'd', arg: 'required' } },
    usage,
  });
  if (typeof p === 'number') return p;
  const human = has(p, 'h');
  const maxDepth = has(p, 's') ? 0 : val(p, 'd') !== undefined ? Number(val(p, 'd')) : Infinity;
  const fmt = (kib: number) => {
    if (human) return gnu ? humanGnu(kib * 1024) : humanBusybox(kib * 1024);
    if (has(p, 'm')) return String(Math.ceil(kib / 1024));
    return String(kib);
  };
  let status = 0;
  let grand = 0;
  for (const f of p.args.length ? p.args : ['.']) {
    const path = abs(ctx, f);
    if (!statSafe(ctx.fs, path, false)) {
      status = 1;
      if (gnu) warn(ctx, env, `cannot access ${sq(f)}: No such file or directory`);
      else warn(ctx, env, `${f}: No such file or directory`);
      continue;
    }
    const lines: string[] = [];
    const total = duWalk(ctx.fs, path, (pp, kib, isDir, depth) => {
      if (depth > maxDepth) return;
      if (!isDir && !has(p, 'a') && depth > 0) return;
      const shown = pp === path ? f : f.replace(/\/$/, '') + pp.slice(path === '/' ? 0 : path.length);
      lines.push(`${fmt(kib)}\t${shown}`);
    });
    grand += total;
    ctx.stdout.write(lines.map((l) => l + '\n').join(''));
  }
  if (has(p, 'c')) ctx.stdout.write(`${fmt(grand)}\ttotal\n`);
  return status;
}

/** A fixed table of mounts (the simulated machines do not model disk usage). */
const DF_ROWS: [string, number, number, string][] = [
  ['overlay', 61202244, 9482516, '/'],
  ['tmpfs', 65536, 0, '/dev'],
  ['shm', 65536, 0, '/dev/shm'],
  ['/dev/vda1', 61202244, 9482516, '/etc/hosts'],
];

function* df(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, { flags: 'hkmTaPi', long: { 'human-readable': { key: 'h' } }, usage: 'df [-PkmhT] [-t TYPE] [FILESYSTEM]...\n\nPrint filesystem usage statistics\n' });
  if (typeof p === 'number') return p;
  const human = has(p, 'h');
  const rows = DF_ROWS.map(([fsName, blocks, used, mnt]) => {
    const avail = blocks - used - Math.floor(blocks * 0.05);
    const pct = used === 0 ? 0 : Math.ceil((used * 100) / (used + avail));
    return { fsName, blocks, used, avail, pct, mnt };
  });
  if (gnu) {
    const h = (k: number) => humanGnu(k * 1024);
    const head = human ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
    const data = rows.map((r) => [r.fsName, human ? h(r.blocks) : String(r.blocks), human ? (r.used ? h(r.used) : '0') : String(r.used), human ? h(r.avail) : String(r.avail), `${r.pct}%`, r.mnt]);
    const all = [head, ...data];
    const w = [0, 1, 2, 3, 4].map((i) => Math.max(...all.map((r) => r[i].length)));
    w[0] = Math.max(w[0], 14);
    for (const r of all) {
      ctx.stdout.write(`${r[0].padEnd(w[0])} ${r[1].padStart(w[1])} ${r[2].padStart(w[2])} ${r[3].padStart(w[3])} ${r[4].padStart(w[4])} ${r[5]}\n`);
    }
    return 0;
  }
  if (human) ctx.stdout.write('Filesystem                Size      Used Available Use% Mounted on\n');
  else ctx.stdout.write('Filesystem           1K-blocks      Used Available Use% Mounted on\n');
  for (const r of rows) {
    const f = (k: number) => (human ? (k === 0 ? '0' : humanBusybox(k * 1024)) : String(k));
    const name = r.fsName.length > 20 ? r.fsName + '\n' + ' '.repeat(20) : r.fsName.padEnd(20);
    ctx.stdout.write(`${name} ${f(r.blocks).padStart(human ? 9 : 9)} ${f(r.used).padStart(9)} ${f(r.avail).padStart(9)} ${String(r.pct).padStart(3)}% ${r.mnt}\n`);
  }
  return 0;
}

export const FILE_APPLETS: Record<string, AppletDef> = {
  cat: { run: cat, usage: CAT_USAGE },
  mkdir: { run: mkdir },
  rmdir: { run: rmdir },
  rm: { run: rm },
  touch: { run: touch },
  cp: { run: cp },
  mv: { run: mv },
  ln: { run: ln },
  chmod: { run: chmod },
  chown: { run: chown },
  basename: { run: basename },
  dirname: { run: dirname },
  pwd: { run: pwd },
  readlink: { run: readlink },
  du: { run: du },
  df: { run: df },
};

export { parseMode };
