// Where a daemon's log file really goes. Official images link their log files to the
// container's stdout and stderr (/var/log/nginx/access.log -> /dev/stdout, httpd's
// CustomLog /proc/self/fd/1), which is why `docker logs` shows them; a plain file is appended to.

import type { CommandContext } from '../../../sh/types';

export type Sink = (text: string) => void;

const STDOUT = new Set(['/dev/stdout', '/proc/self/fd/1', '/dev/fd/1']);
const STDERR = new Set(['/dev/stderr', '/proc/self/fd/2', '/dev/fd/2']);

function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function join(dir: string, target: string): string {
  const parts: string[] = [];
  for (const s of (target.startsWith('/') ? target : `${dir}/${target}`).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return `/${parts.join('/')}`;
}

/** Follows symlinks of `path` (relative to `prefix` when not absolute) to a sink. */
export function openLog(ctx: CommandContext, path: string, prefix = '/'): Sink {
  let p = join(prefix, path);
  for (let i = 0; i < 16; i++) {
    if (STDOUT.has(p)) return (t) => ctx.stdout.write(t);
    if (STDERR.has(p)) return (t) => ctx.stderr.write(t);
    if (p === '/dev/null') return () => {};
    try {
      const st = ctx.fs.lstat(p);
      if (st.type !== 'symlink') break;
      p = join(parent(p), ctx.fs.readlink(p));
    } catch {
      break;
    }
  }
  const file = p;
  return (t) => {
    try {
      ctx.fs.writeFile(file, t, { append: true });
    } catch {
      // a log file that cannot be written loses its lines, as a daemon ignoring EACCES would
    }
  };
}

/** True when `path` ends at the container's stdout or stderr. */
export function isStdio(ctx: CommandContext, path: string): boolean {
  let p = join('/', path);
  for (let i = 0; i < 16; i++) {
    if (STDOUT.has(p) || STDERR.has(p)) return true;
    try {
      if (ctx.fs.lstat(p).type !== 'symlink') return false;
      p = join(parent(p), ctx.fs.readlink(p));
    } catch {
      return false;
    }
  }
  return false;
}
