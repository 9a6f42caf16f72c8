// Dropping privileges before exec'ing the real program, as official entrypoints do:
// gosu (Debian images), su-exec (alpine) and setpriv (util-linux). Each runs the command as
// the given user (and group), with HOME set to the user's home, in the same process.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { execve } from '../effects';
import { groupId, identity, lookupUser } from '../lib/users';

interface Target {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** user[:group] as gosu and su-exec take it (names or numbers). */
function resolveSpec(ctx: CommandContext, spec: string): Target | { missing: 'user' | 'group'; name: string } {
  const [u = '', g] = spec.split(':');
  let target: Target;
  const e = lookupUser(ctx.fs, u);
  if (e) target = { name: e.name, uid: e.uid, gid: e.gid, home: e.home };
  else if (/^\d+$/.test(u)) target = { name: u, uid: Number(u), gid: Number(u), home: '/' };
  else return { missing: 'user', name: u };
  if (g !== undefined && g !== '') {
    const gid = groupId(ctx.fs, g);
    if (gid === null) return { missing: 'group', name: g };
    target.gid = gid;
  }
  return target;
}

function* runAs(ctx: CommandContext, t: Target, argv: string[], setHome = true): Run<number | { message: string; code: 126 | 127 }> {
  const env = new Map(ctx.env);
  if (setHome) env.set('HOME', t.home);
  const sys = { ...ctx.sys, user: t.name, uid: t.uid, gid: t.gid };
  return yield* execve(ctx, argv, { env, sys });
}

function arch(ctx: CommandContext): string {
  return ctx.sys.machine === 'aarch64' ? 'arm64' : 'amd64';
}

export const gosu: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  const version = `1.17 (go1.18.2 on linux/${arch(ctx)}; gc)`;
  if (args[0] === '--version') {
    ctx.stdout.write(`${version}\n`);
    return 0;
  }
  if (args.length < 2 || args[0] === '--help' || args[0] === '-h') {
    const text = `Usage: gosu user-spec command [args]\n   eg: gosu tianon bash\n       gosu nobody:root bash -c 'whoami && id'\n       gosu 1000:1 id\n\ngosu version: ${version}\nlicense: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n`;
    if (args[0] === '--help' || args[0] === '-h') {
      ctx.stdout.write(text);
      return 0;
    }
    ctx.stderr.write(text);
    return 1;
  }
  const t = resolveSpec(ctx, args[0]!);
  if ('missing' in t) {
    ctx.stderr.write(`error: failed switching to "${args[0]}": unable to find ${t.missing} ${t.name}: no matching entries in ${t.missing === 'user' ? 'passwd' : 'group'} file\n`);
    return 1;
  }
  if (identity(ctx).uid !== 0 && identity(ctx).uid !== t.uid) {
    ctx.stderr.write(`error: failed switching to "${args[0]}": operation not permitted\n`);
    return 1;
  }
  const r = yield* runAs(ctx, t, args.slice(1));
  if (typeof r === 'number') return r;
  ctx.stderr.write(`error: exec: "${args[1]}": ${r.code === 127 ? 'executable file not found in $PATH' : 'permission denied'}\n`);
  return 1;
};

export const suExec: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  if (args.length < 2) {
    ctx.stderr.write('Usage: su-exec user-spec command [args]\n');
    return 1;
  }
  const t = resolveSpec(ctx, args[0]!);
  if ('missing' in t) {
    ctx.stderr.write(t.missing === 'user' ? `su-exec: getpwnam(${t.name}): No such file or directory\n` : `su-exec: getgrnam(${t.name}): No such file or directory\n`);
    return 1;
  }
  if (identity(ctx).uid !== 0 && identity(ctx).uid !== t.uid) {
    ctx.stderr.write('su-exec: setgroups: Operation not permitted\n');
    return 1;
  }
  const r = yield* runAs(ctx, t, args.slice(1));
  if (typeof r === 'number') return r;
  ctx.stderr.write(`su-exec: ${args[1]}: ${r.code === 127 ? 'No such file or directory' : 'Permission denied'}\n`);
  return 1;
};

/** setpriv --reuid=U --regid=G [--clear-groups|--init-groups|--keep-groups] [--] command... */
export const setpriv: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  let uid: string | null = null;
  let gid: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    const m = /^--(reuid|regid|ruid|euid|rgid|egid)=(.*)$/.exec(a);
    if (m) {
      if (m[1]!.endsWith('uid')) uid = m[2]!;
      else gid = m[2]!;
      continue;
    }
    if (a === '--clear-groups' || a === '--init-groups' || a === '--keep-groups' || a === '--no-new-privs' || a.startsWith('--securebits') || a.startsWith('--inh-caps') || a.startsWith('--bounding-set')) continue;
    if (a === '-d' || a === '--dump') {
      const me = identity(ctx);
      ctx.stdout.write(`uid: ${me.uid}\neuid: ${me.uid}\ngid: ${me.gid}\negid: ${me.gid}\nSupplementary groups: [none]\nno_new_privs: 0\nInheritable capabilities: [none]\nAmbient capabilities: [none]\nCapability bounding set: chown,dac_override,fowner,fsetid,kill,setgid,setuid,setpcap,net_bind_service,net_raw,sys_chroot,mknod,audit_write,setfcap\nSecurebits: [none]\n`);
      return 0;
    }
    ctx.stderr.write(`setpriv: unrecognized option '${a}'\nTry 'setpriv --help' for more information.\n`);
    return 1;
  }
  const argv = args.slice(i);
  if (argv.length === 0) {
    ctx.stderr.write('setpriv: No program specified\nTry \'setpriv --help\' for more information.\n');
    return 1;
  }
  const me = identity(ctx);
  let t: Target = { name: me.name, uid: me.uid, gid: me.gid, home: me.home };
  if (uid !== null) {
    const r = resolveSpec(ctx, uid);
    if ('missing' in r) {
      ctx.stderr.write(`setpriv: failed to parse ruid: '${uid}'\n`);
      return 1;
    }
    t = r;
  }
  if (gid !== null) {
    const g = groupId(ctx.fs, gid);
    if (g === null) {
      ctx.stderr.write(`setpriv: failed to parse rgid: '${gid}'\n`);
      return 1;
    }
    t = { ...t, gid: g };
  }
  const r = yield* runAs(ctx, t, argv, false);
  if (typeof r === 'number') return r;
  ctx.stderr.write(`setpriv: failed to execute ${argv[0]}: ${r.code === 127 ? 'No such file or directory' : 'Permission denied'}\n`);
  return 127;
};
