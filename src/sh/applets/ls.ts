// ls, as GNU coreutils and busybox print it.

import type { Stat } from '../../vfs/types';
import type { CommandContext, Run } from '../types';
import {
  type AppletEnv,
  abs,
  blocksOf,
  getopt,
  groupName,
  has,
  humanBusybox,
  humanGnu,
  lsDate,
  modeString,
  sq,
  statSafe,
  strerror,
  userName,
  val,
  warn,
} from './framework';

export const LS_USAGE = 'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n';

interface Entry {
  name: string;
  /** Path to stat. */
  path: string;
  st: Stat;
  /** Target when a symlink. */
  target?: string;
  /** Stat of the symlink target (for -F and colour decisions). */
  tst?: Stat | null;
}

function nlink(ctx: CommandContext, e: Entry): number {
  if (e.st.type !== 'dir') return 1;
  try {
    let n = 2;
    for (const c of ctx.fs.readdir(e.path)) {
      const s = statSafe(ctx.fs, `${e.path === '/' ? '' : e.path}/${c}`, false);
      if (s?.type === 'dir') n++;
    }
    return n;
  } catch {
    return 2;
  }
}

function dirSize(e: Entry): number {
  return e.st.type === 'dir' ? 4096 : e.st.size;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** GNU ls on a terminal quotes names the way a shell would need them (shell-escape style). */
export function lsQuote(name: string): string {
  if (name !== '' && /^[A-Za-z0-9._+,\/:@%^=-]+$/.test(name.replace(/^[~#]/, 'x')) && !/^[~#]/.test(name)) return name;
  if (/[\x00-\x1f\x7f]/.test(name)) {
    const esc = name.replace(/[\\']/g, '\\$&').replace(/[\x00-\x1f\x7f]/g, (c) => {
      const m: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
      return m[c] ?? '\\' + c.charCodeAt(0).toString(8).padStart(3, '0');
    });
    return `$'${esc}'`;
  }
  if (name.includes("'")) {
    if (!/["$`\\!]/.test(name)) return `"${name}"`;
    return "'" + name.replace(/'/g, "'\\''") + "'";
  }
  return `'${name}'`;
}

/** GNU's indent: pad from column `from` to `to`, using tabs (tab stops of 8) when they fit. */
function gnuIndent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/**
 * GNU ls -C (down columns) and -x (across): the most columns whose line fits (column width =
 * longest name + 2, the last column unpadded), padding with tabs where they fit.
 */
function gnuColumns(names: string[], width: number, across = false): string {
  const n = names.length;
  if (n === 0) return '';
  const lens = names.map((x) => [...x].length);
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)));
  const place = (i: number, rows: number, cols: number) => (across ? i % cols : Math.floor(i / rows));
  let best = 1;
  let bestWidths: number[] = [Math.max(...lens)];
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols);
    if (!across && Math.ceil(n / rows) !== cols) continue;
    const widths = new Array(cols).fill(0);
    for (let i = 0; i < n; i++) {
      const c = place(i, rows, cols);
      widths[c] = Math.max(widths[c], lens[i] + (c === cols - 1 ? 0 : 2));
    }
    const total = widths.reduce((a, b) => a + b, 0);
    if (total < width) {
      best = cols;
      bestWidths = widths;
    }
  }
  const rows = Math.ceil(n / best);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    let line = '';
    for (let c = 0; c < best; c++) {
      const i = across ? r * best + c : c * rows + r;
      if (i >= n) break;
      line += names[i];
      const end = pos + bestWidths[c];
      const next = across ? i + 1 : i + rows;
      const lastInRow = across ? c === best - 1 || next >= n : next >= n || c === best - 1;
      if (!lastInRow) line += gnuIndent(pos + lens[i], end);
      pos = end;
    }
    out += line + '\n';
  }
  return out;
}

/** busybox: every column as wide as the longest name + 2, no tabs. */
function busyboxColumns(names: string[], width: number, across = false): string {
  const n = names.length;
  if (n === 0) return '';
  const lens = names.map((x) => [...x].length);
  const colWidth = Math.max(...lens) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : c * rows + r;
      if (i >= n) break;
      const next = across ? i + 1 : i + rows;
      const last = c === cols - 1 || next >= n;
      line += last ? names[i] : names[i] + ' '.repeat(colWidth - lens[i]);
    }
    out += line + '\n';
  }
  return out;
}

export function* ls(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, {
    flags: '1aAlRhdFprtSnCxiLHcus',
    withArg: 'wT',
    long: {
      all: { key: 'a' },
      'almost-all': { key: 'A' },
      'human-readable': { key: 'h' },
      recursive: { key: 'R' },
      directory: { key: 'd' },
      classify: { key: 'F' },
      reverse: { key: 'r' },
      color: { key: 'color', arg: 'optional' },
      'full-time': { key: 'full-time' },
      'group-directories-first': { key: 'gdf' },
      width: { key: 'w', arg: 'required' },
      'numeric-uid-gid': { key: 'n' },
      help: { key: 'help' },
    },
    usage: LS_USAGE,
    gnuStatus: 2,
  });
  if (typeof p === 'number') return p;
  const opt = (k: string) => has(p, k);
  // Later options win among -1 / -l / -C.
  let format: 'long' | 'one' | 'cols' = ctx.isatty ? 'cols' : 'one';
  let across = false;
  for (const [k] of p.list) {
    if (k === 'l' || k === 'n') format = 'long';
    else if (k === '1') format = 'one';
    else if (k === 'C' || k === 'x') {
      format = 'cols';
      across = k === 'x';
    }
  }
  const all = opt('a');
  const almost = opt('A') && !all;
  const human = opt('h');
  const numeric = opt('n');
  const classify = opt('F');
  const slashDirs = opt('p');
  const width = val(p, 'w') ? Number(val(p, 'w')) : ctx.columns || 80;
  const now = ctx.sys.now();
  let status = 0;
  const out: string[] = [];

  const mkEntry = (name: string, path: string, follow: boolean): Entry | null => {
    const lst = statSafe(ctx.fs, path, false);
    if (!lst) return null;
    let st = lst;
    const e: Entry = { name, path, st };
    if (lst.type === 'symlink') {
      try {
        e.target = ctx.fs.readlink(path);
      } catch {
        e.target = '';
      }
      e.tst = statSafe(ctx.fs, path, true);
      if (follow && e.tst) {
        st = e.tst;
        e.st = st;
      }
    }
    return e;
  };

  const sortEntries = (es: Entry[]) => {
    es.sort((a, b) => {
      if (opt('t')) {
        const d = b.st.mtime - a.st.mtime;
        if (d !== 0) return d;
      } else if (opt('S')) {
        const d = dirSize(b) - dirSize(a);
        if (d !== 0) return d;
      }
      return cmp(a.name, b.name);
    });
    if (opt('r')) es.reverse();
    if (has(p, 'gdf')) es.sort((a, b) => Number(b.st.type === 'dir') - Number(a.st.type === 'dir'));
  };

  const suffix = (e: Entry): string => {
    const t = e.st.type;
    if (classify) {
      if (t === 'dir') return '/';
      if (t === 'symlink') return format === 'long' ? '' : '@';
      if (e.st.mode & 0o111) return '*';
      return '';
    }
    if (slashDirs && t === 'dir') return '/';
    return '';
  };

  // GNU on a terminal quotes names; when some are quoted, the others get a space so that
  // the names line up (not with -1).
  const quoting = gnu && ctx.isatty;
  let padUnquoted = false;
  const shown = (name: string) => {
    if (!quoting) return name;
    const q = lsQuote(name);
    return q === name && padUnquoted ? ' ' + name : q;
  };
  const display = (e: Entry) => shown(e.name) + suffix(e);

  const longLines = (es: Entry[], withTotal: boolean): string => {
    const rows = es.map((e) => {
      const size = human ? (gnu ? humanGnu(dirSize(e)) : humanBusybox(dirSize(e))) : String(dirSize(e));
      const owner = numeric ? String(e.st.uid) : userName(ctx, e.st.uid) ?? String(e.st.uid);
      const group = numeric ? String(e.st.gid) : groupName(ctx, e.st.gid) ?? String(e.st.gid);
      let name = display(e);
      if (e.st.type === 'symlink') name += ` -> ${e.target}`;
      else if (e.target !== undefined && classify && e.tst?.type === 'dir') name = e.name;
      return { mode: modeString(e.st), links: String(nlink(ctx, e)), owner, group, size, date: lsDate(e.st.mtime, now), name };
    });
    let s = '';
    if (withTotal) {
      const blocks = es.reduce((a, e) => a + blocksOf(e.st), 0);
      if (gnu) s += `total ${human ? humanGnu(blocks * 1024) : blocks}\n`;
      else s += `total ${human ? humanBusybox(blocks * 1024, true).padEnd(7) : blocks}\n`;
    }
    if (gnu) {
      const w = (k: 'links' | 'owner' | 'group' | 'size') => Math.max(0, ...rows.map((r) => r[k].length));
      const wl = w('links');
      const wo = w('owner');
      const wg = w('group');
      const ws = w('size');
      for (const r of rows) {
        s += `${r.mode} ${r.links.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
      }
    } else {
      for (const r of rows) {
        s += `${r.mode} ${r.links.padStart(4)} ${r.owner.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(human ? 7 : 9)} ${r.date} ${r.name}\n`;
      }
    }
    return s;
  };

  const render = (es: Entry[], isDirListing: boolean): string => {
    padUnquoted = quoting && format !== 'one' && es.some((e) => lsQuote(e.name) !== e.name);
    if (format === 'long') return longLines(es, isDirListing);
    const names = es.map(display);
    if (format === 'one') return names.map((n) => n + '\n').join('');
    return gnu ? gnuColumns(names, width, across) : busyboxColumns(names, width, across);
  };

  const listDir = (path: string): { entries: Entry[]; error?: string } => {
    let names: string[];
    try {
      names = ctx.fs.readdir(path);
    } catch (e) {
      return { entries: [], error: strerror((e as { code: string }).code) };
    }
    const es: Entry[] = [];
    if (all) {
      for (const dot of ['.', '..']) {
        const target = dot === '.' ? path : path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/';
        const e = mkEntry(dot, target, true);
        if (e) es.push(e);
      }
    }
    for (const n of names) {
      if (n.startsWith('.') && !all && !almost) continue;
      const e = mkEntry(n, path === '/' ? `/${n}` : `${path}/${n}`, false);
      if (e) es.push(e);
    }
    return { entries: es };
  };

  const operands = p.args.length ? p.args : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const o of operands) {
    const path = abs(ctx, o);
    const follow = !(format === 'long' || opt('d')) || o.endsWith('/');
    let e = mkEntry(o, path, follow || classify ? follow : false);
    if (e && o.endsWith('/') && e.st.type !== 'dir') e = null;
    if (!e) {
      const lst = statSafe(ctx.fs, path, false);
      let code = 'ENOENT';
      if (lst && o.endsWith('/')) code = 'ENOTDIR';
      else {
        try {
          ctx.fs.lstat(path);
        } catch (err) {
          code = (err as { code: string }).code;
        }
      }
      if (gnu) warn(ctx, env, `cannot access ${sq(o)}: ${strerror(code)}`);
      else warn(ctx, env, `${o}: ${strerror(code)}`);
      status = gnu ? 2 : 1;
      continue;
    }
    if (e.st.type === 'dir' && !opt('d')) dirs.push(e);
    else files.push(e);
  }
  sortEntries(files);
  sortEntries(dirs);
  const headers = operands.length > 1 || opt('R');
  if (files.length) out.push(render(files, false));
  const walk = (e: Entry, first: boolean) => {
    const { entries, error } = listDir(e.path);
    let block = '';
    if (!first || out.length) block += '\n';
    if (headers) block += `${e.name}:\n`;
    if (error) {
      if (gnu) warn(ctx, env, `cannot open directory ${sq(e.name)}: ${error}`);
      else warn(ctx, env, `can't open '${e.name}': ${error}`);
      status = gnu ? 2 : 1;
      out.push(block);
      return;
    }
    sortEntries(entries);
    block += render(entries, true);
    out.push(block);
    if (opt('R')) {
      for (const c of entries) {
        if (c.st.type !== 'dir' || c.name === '.' || c.name === '..') continue;
        const childName = e.name === '/' ? `/${c.name}` : `${e.name}/${c.name}`;
        walk({ ...c, name: childName }, false);
      }
    }
  };
  dirs.forEach((d, i) => walk(d, i === 0 && files.length === 0));
  let text = out.join('');
  if (text.startsWith('\n')) text = text.slice(1);
  ctx.stdout.write(text);
  return status;
}

