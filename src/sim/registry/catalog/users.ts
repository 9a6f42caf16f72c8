// /etc/passwd, /etc/group and their shadow files, and how images add users to them (the
// files a `useradd`/`adduser` step rewrites end up whole in that step's layer).

import type { Tree } from './fs';

export type UserDbStyle = 'debian' | 'alpine' | 'busybox';

export interface UserDb {
  style: UserDbStyle;
  passwd: string;
  group: string;
}

/** /etc/shadow for a passwd file: locked passwords, as the base images ship them. */
export function shadowOf(db: UserDb): string {
  const lines = db.passwd.trim().split('\n').map((l) => l.split(':')[0]!);
  if (db.style === 'alpine') return lines.map((n) => `${n}:${n === 'root' ? '*' : '!'}::0:::::`).join('\n') + '\n';
  return lines.map((n) => `${n}:*:20249:0:99999:7:::`).join('\n') + '\n';
}

export function gshadowOf(db: UserDb): string {
  return (
    db.group
      .trim()
      .split('\n')
      .map((l) => `${l.split(':')[0]}:*::`)
      .join('\n') + '\n'
  );
}

export interface NewUser {
  name: string;
  uid: number;
  gid: number;
  gecos?: string;
  home: string;
  shell: string;
}

/** The database after adding a group (`name:x:gid:`) and/or a user. */
export function addUser(db: UserDb, group: { name: string; gid: number } | null, user: NewUser | null): UserDb {
  let { passwd, group: grp } = db;
  if (group) grp += `${group.name}:x:${group.gid}:\n`;
  if (user) passwd += `${user.name}:x:${user.uid}:${user.gid}:${user.gecos ?? ''}:${user.home}:${user.shell}\n`;
  return { style: db.style, passwd, group: grp };
}

/** Writes the database files into a layer (shadow files too, root-readable as the distros set them). */
export function writeUserDb(t: Tree, db: UserDb): void {
  t.file('/etc/passwd', db.passwd).file('/etc/group', db.group);
  t.file('/etc/shadow', shadowOf(db), 0o640, { gid: 42 });
  if (db.style === 'debian') t.file('/etc/gshadow', gshadowOf(db), 0o640, { gid: 42 });
}
