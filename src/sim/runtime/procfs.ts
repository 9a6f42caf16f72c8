// A container's /proc, minimal: a directory per running process (cmdline, comm, status,
// environ, cwd, fd/0-2), `self` (the container's PID 1: a filesystem does not know who asks),
// net/if_inet6 (the nginx image's IPv6 snippet looks for it), mounts, version and uptime.
// Read-only, as procfs is to a process without privileges; the fd entries accept chown (the
// kernel follows those magic links to the pipes they stand for, which the mongo entrypoint
// gives to its user).

import { FsError, type FileSystem, type Stat } from '../../vfs/types';
import type { ProcessRow } from './process';

export interface ProcSource {
  /** The container's running processes (its PID namespace), its shells' commands included. */
  processes(): ProcessRow[];
  /** When the container started, for mtimes and uptime. */
  started(): number;
  now(): number;
  kernelVersion(): string;
  /** The container's mounts, as /proc/mounts lists them. */
  mounts(): string;
}

type Node =
  | { type: 'dir'; entries: () => string[]; mode?: number; uid?: number }
  | { type: 'file'; text: () => string; mode?: number; uid?: number; chown?: boolean }
  | { type: 'symlink'; target: () => string; uid?: number };

const FDS = ['0', '1', '2'];

export function procFs(src: ProcSource): FileSystem {
  const running = () => src.processes();
  const byPid = (pid: string): ProcessRow | undefined => running().find((p) => String(p.pid) === pid);

  const processNode = (p: ProcessRow, rest: string[]): Node | null => {
    const uid = p.uid;
    if (rest.length === 0) return { type: 'dir', entries: () => ['cmdline', 'comm', 'cwd', 'environ', 'fd', 'status'], mode: 0o555, uid };
    const [name, ...more] = rest;
    if (name === 'fd') {
      if (more.length === 0) return { type: 'dir', entries: () => FDS, mode: 0o500, uid };
      if (more.length === 1 && FDS.includes(more[0]!)) return { type: 'file', text: () => '', mode: 0o700, uid, chown: true };
      return null;
    }
    if (more.length) return null;
    switch (name) {
      case 'cmdline':
        return { type: 'file', text: () => p.argv.map((a) => `${a}\0`).join(''), mode: 0o444, uid };
      case 'comm':
        return { type: 'file', text: () => `${(p.argv[0] ?? '').split('/').pop()!.slice(0, 15)}\n`, mode: 0o644, uid };
      case 'environ':
        return { type: 'file', text: () => [...p.process.spec.env].map(([k, v]) => `${k}=${v}\0`).join(''), mode: 0o400, uid };
      case 'cwd':
        return { type: 'symlink', target: () => p.process.spec.cwd, uid };
      case 'status': {
        const text = () => {
          const ppid = p.ppid;
          const { uid: u, gid: g } = p;
          return `Name:\t${(p.argv[0] ?? '').split('/').pop()!.slice(0, 15)}\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t${p.pid}\nNgid:\t0\nPid:\t${p.pid}\nPPid:\t${ppid}\nTracerPid:\t0\nUid:\t${u}\t${u}\t${u}\t${u}\nGid:\t${g}\t${g}\t${g}\t${g}\nFDSize:\t64\nThreads:\t1\n`;
        };
        return { type: 'file', text, mode: 0o444, uid };
      }
    }
    return null;
  };

  const lookup = (path: string): Node | null => {
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) return { type: 'dir', entries: () => [...running().map((p) => String(p.pid)), 'mounts', 'net', 'self', 'uptime', 'version'], mode: 0o555 };
    const [first, ...rest] = parts;
    if (/^\d+$/.test(first!)) {
      const p = byPid(first!);
      return p ? processNode(p, rest) : null;
    }
    if (rest.length === 0) {
      switch (first) {
        case 'self':
          // a filesystem does not know who reads it: the container's own process
          return { type: 'symlink', target: () => '1' };
        case 'net':
          return { type: 'dir', entries: () => ['if_inet6'], mode: 0o555 };
        case 'mounts':
          return { type: 'file', text: src.mounts, mode: 0o444 };
        case 'version':
          return { type: 'file', text: () => `Linux version ${src.kernelVersion()} (buildd@lcy02-amd64-004) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #60-Ubuntu SMP PREEMPT_DYNAMIC Fri May  2 10:45:01 UTC 2025\n`, mode: 0o444 };
        case 'uptime': {
          const text = () => {
            const s = Math.max(0, (src.now() - src.started()) / 1000);
            return `${s.toFixed(2)} ${(s * 2).toFixed(2)}\n`;
          };
          return { type: 'file', text, mode: 0o444 };
        }
      }
      return null;
    }
    if (first === 'net' && rest.length === 1 && rest[0] === 'if_inet6') {
      // the loopback's ::1 (an IPv4-only network gives eth0 no IPv6 address)
      return { type: 'file', text: () => '00000000000000000000000000000001 01 80 10 80       lo\n', mode: 0o444 };
    }
    return null;
  };

  const need = (path: string): Node => {
    const n = lookup(path);
    if (!n) throw new FsError('ENOENT', path);
    return n;
  };
  const statOf = (n: Node): Stat => ({
    type: n.type,
    mode: n.type === 'symlink' ? 0o777 : (n.mode ?? 0o444),
    uid: n.uid ?? 0,
    gid: n.uid ?? 0,
    size: 0,
    mtime: src.started(),
  });
  const readOnly = (path: string): never => {
    throw new FsError('EACCES', path);
  };
  const follow = (path: string): string => {
    // symlinks inside /proc (self, cwd) as the mount sees them; MountFs resolves the rest
    let p = path;
    for (let i = 0; i < 8; i++) {
      const n = lookup(p);
      if (!n || n.type !== 'symlink') return p;
      const t = n.target();
      if (t.startsWith('/')) return p;
      p = `${p.slice(0, p.lastIndexOf('/'))}/${t}`;
    }
    throw new FsError('ELOOP', path);
  };

  return {
    stat: (path) => statOf(need(follow(path))),
    lstat: (path) => statOf(need(path)),
    exists: (path) => lookup(follow(path)) !== null,
    readFile(path) {
      const n = need(follow(path));
      if (n.type === 'dir') throw new FsError('EISDIR', path);
      if (n.type !== 'file') throw new FsError('EINVAL', path);
      return n.text();
    },
    writeFile: readOnly,
    readdir(path) {
      const n = need(follow(path));
      if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
      return n.entries().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    mkdir: readOnly,
    rm: readOnly,
    rmdir: readOnly,
    rename: readOnly,
    symlink: readOnly,
    readlink(path) {
      const n = need(path);
      if (n.type !== 'symlink') throw new FsError('EINVAL', path);
      return n.target();
    },
    realpath(path) {
      const p = follow(path);
      need(p);
      return p.replace(/\/+$/, '') || '/';
    },
    chmod: readOnly,
    chown(path) {
      const n = need(follow(path));
      if (n.type !== 'file' || !n.chown) readOnly(path);
    },
    utimes: readOnly,
  };
}
