// Who a process runs as: the container's --user (a name or uid, with an optional group)
// looked up in the image's /etc/passwd and /etc/group.

import type { CommandContext } from '../../../sh/types';
import type { FileSystem } from '../../../vfs/types';

export interface Identity {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export function passwd(fs: FileSystem): PasswdEntry[] {
  try {
    return fs
      .readFile('/etc/passwd')
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => {
        const f = l.split(':');
        return { name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/', shell: f[6] ?? '' };
      });
  } catch {
    return [];
  }
}

export function groupId(fs: FileSystem, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const l of fs.readFile('/etc/group').split('\n')) {
      const f = l.split(':');
      if (f[0] === name) return Number(f[2]);
    }
  } catch {
    // no group database
  }
  return null;
}

/** Finds a user by name or uid. */
export function lookupUser(fs: FileSystem, user: string): PasswdEntry | null {
  const list = passwd(fs);
  if (/^\d+$/.test(user)) return list.find((e) => e.uid === Number(user)) ?? null;
  return list.find((e) => e.name === user) ?? null;
}

/** The identity of the running program (ctx.sys.user is "name", "uid" or "uid:gid"). */
export function identity(ctx: CommandContext): Identity {
  const [u = 'root', g] = (ctx.sys.user || 'root').split(':');
  const e = lookupUser(ctx.fs, u);
  const uid = e ? e.uid : /^\d+$/.test(u) ? Number(u) : ctx.sys.uid;
  let gid = e ? e.gid : uid === 0 ? 0 : uid;
  if (g !== undefined) gid = groupId(ctx.fs, g) ?? gid;
  return { name: e?.name ?? (uid === 0 ? 'root' : u), uid, gid, home: e?.home ?? '/' };
}
