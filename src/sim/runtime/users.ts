// The user a container's process runs as, found as runc and moby find it (moby/sys/user
// GetExecUser): "name", "uid", "name:group", "uid:gid", looked up in the container's
// /etc/passwd and /etc/group. A number without an entry is taken as it is; a name without one
// is an error.

import type { FileSystem } from '../../vfs/types';

export interface ExecUser {
  /** The user's name, '' when the uid has no passwd entry. */
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export type UserLookup = ({ ok: true } & ExecUser) | { ok: false; message: string };

function entries(fs: FileSystem, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

const NUMBER = /^\d+$/;

/** The process user for a `User` value ("" is root, as the image default). */
export function lookupUser(fs: FileSystem, spec: string): UserLookup {
  const [userArg = '', groupArg] = spec.split(':', 2) as [string, string | undefined];
  // defaults when neither the user nor the group names an entry
  const user: ExecUser = { name: '', uid: 0, gid: 0, home: '/' };
  const passwd = entries(fs, '/etc/passwd');
  if (userArg === '') {
    const root = passwd.find((f) => f[2] === '0');
    Object.assign(user, { name: root?.[0] ?? 'root', home: root?.[5] || '/root' });
  } else {
    const entry = passwd.find((f) => f[0] === userArg || (NUMBER.test(userArg) && Number(f[2]) === Number(userArg)));
    if (entry) Object.assign(user, { name: entry[0] ?? '', uid: Number(entry[2]), gid: Number(entry[3]), home: entry[5] || '/' });
    else if (NUMBER.test(userArg)) user.uid = Number(userArg);
    else return { ok: false, message: `unable to find user ${userArg}: no matching entries in passwd file` };
  }
  if (groupArg !== undefined && groupArg !== '') {
    const entry = entries(fs, '/etc/group').find((f) => f[0] === groupArg || (NUMBER.test(groupArg) && Number(f[2]) === Number(groupArg)));
    if (entry) user.gid = Number(entry[2]);
    else if (NUMBER.test(groupArg)) user.gid = Number(groupArg);
    else return { ok: false, message: `unable to find group ${groupArg}: no matching entries in group file` };
  }
  return { ok: true, ...user };
}
