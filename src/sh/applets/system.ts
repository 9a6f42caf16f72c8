// System commands: echo, printf, test, true, false, env, printenv, hostname, whoami, id,
// uname, date, sleep, clear, ps, kill, free, nproc, which.

import { signalName, signalNumber, SIGNALS } from '../signals';
import { Signal, type CommandContext, type Run } from '../types';
import { echoText } from './echo';
import { printfFormat } from './printf';
import { runTest } from './test';
import {
  type AppletDef,
  type AppletEnv,
  applet,
  getopt,
  groupName,
  groupsOf,
  has,
  lq,
  strftime,
  usageError,
  userByName,
  userName,
  val,
  warn,
  helpVersion,
} from './framework';

/** A process as the driver reports it for `ps` (answer to the custom effect 'ps'). */
export interface ProcessInfo {
  pid: number;
  ppid?: number;
  user: string;
  /** The command line (argv joined by spaces). */
  command: string;
  tty?: string;
  stat?: string;
  /** Start time, ms since the epoch. */
  start?: number;
  /** CPU time used, ms. */
  cpuMs?: number;
  vszKiB?: number;
  rssKiB?: number;
}

function gnuVersion(ctx: CommandContext, name: string): void {
  ctx.stdout.write(`${name} (GNU coreutils) 9.4\n`);
}

// ---------------------------------------------------------------------------- echo, printf, test

function* echo(ctx: CommandContext, env: AppletEnv): Run<number> {
  const args = ctx.args.slice(1);
  if (env.flavor === 'gnu' && args.length === 1) {
    if (args[0] === '--help') {
      ctx.stdout.write(`Usage: ${ctx.args[0]} [SHORT-OPTION]... [STRING]...\n  or:  ${ctx.args[0]} LONG-OPTION\nEcho the STRING(s) to standard output.\n`);
      return 0;
    }
    if (args[0] === '--version') {
      gnuVersion(ctx, 'echo');
      return 0;
    }
  }
  ctx.stdout.write(echoText(args, env.flavor === 'gnu' ? 'gnu' : 'busybox'));
  return 0;
}

function* printf(ctx: CommandContext, env: AppletEnv): Run<number> {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    if (env.flavor === 'gnu') return usageError(ctx, env, 'missing operand');
    return usageError(ctx, env, null, 'printf FORMAT [ARG]...\n\nFormat and print ARG(s) according to FORMAT (a-la C printf)\n');
  }
  const r = printfFormat(args[0], args.slice(1), env.flavor === 'gnu' ? 'gnu' : 'busybox');
  for (const e of r.errors) warn(ctx, env, e);
  ctx.stdout.write(r.out);
  return r.status;
}

function* test(ctx: CommandContext, env: AppletEnv): Run<number> {
  const bracket = applet(ctx) === '[';
  const r = runTest(ctx.args.slice(1), bracket, env.flavor === 'gnu' ? 'gnu' : 'busybox', {
    fs: ctx.fs,
    cwd: ctx.cwd,
    uid: ctx.sys.uid,
    gid: ctx.sys.gid,
    isatty: (fd) => (fd === 0 ? ctx.stdin.interactive : ctx.isatty),
    utf8: env.utf8,
  });
  if (r.error) warn(ctx, env, r.error);
  return r.status;
}

// ---------------------------------------------------------------------------- env, printenv

function* envCmd(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  if (ctx.args[1] === '--help' || ctx.args[1] === '--version') {
    const hv = helpVersion(ctx, env, undefined, [ctx.args[1]]);
    if (hv !== null) return hv;
  }
  const argv = ctx.args.slice(1);
  const vars = new Map(ctx.env);
  let i = 0;
  let nul = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars.clear();
    else if (a === '-0' || a === '--null') nul = true;
    else if (a === '-u' || a === '--unset') vars.delete(argv[++i]);
    else if (a.startsWith('-u') && a.length > 2) vars.delete(a.slice(2));
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      if (gnu) return usageError(ctx, env, a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`, undefined, 125);
      return usageError(ctx, env, `unrecognized option: ${a[1]}`, 'env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]\n\nPrint current environment or run PROG after setting up environment\n');
    } else break;
  }
  for (; i < argv.length && /^[^=]+=/.test(argv[i]); i++) {
    const eq = argv[i].indexOf('=');
    vars.set(argv[i].slice(0, eq), argv[i].slice(eq + 1));
  }
  const rest = argv.slice(i);
  if (rest.length === 0) {
    for (const [k, v] of vars) ctx.stdout.write(`${k}=${v}${nul ? '\0' : '\n'}`);
    return 0;
  }
  const st = yield* env.exec({ ...ctx, env: vars }, rest);
  if (st === null) {
    if (gnu) warn(ctx, env, `${lq(env, rest[0])}: No such file or directory`);
    else warn(ctx, env, `can't execute '${rest[0]}': No such file or directory`);
    return 127;
  }
  return st;
}

function* printenv(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: '0', long: { null: { key: '0' } }, usage: 'printenv [VARIABLE]...\n\nPrint environment VARIABLEs.\nIf no VARIABLE specified, print all.\n' });
  if (typeof p === 'number') return p;
  const end = has(p, '0') ? '\0' : '\n';
  if (p.args.length === 0) {
    for (const [k, v] of ctx.env) ctx.stdout.write(`${k}=${v}${end}`);
    return 0;
  }
  let status = 0;
  for (const n of p.args) {
    const v = ctx.env.get(n);
    if (v === undefined) status = 1;
    else ctx.stdout.write(v + end);
  }
  return status;
}

// ---------------------------------------------------------------------------- identity

function* hostname(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: 'sfdiIaAy', withArg: 'F', long: { short: { key: 's' }, fqdn: { key: 'f' } }, usage: 'hostname [-sfi] [HOSTNAME | -F FILE]\n\nGet or set hostname or DNS domain name\n' });
  if (typeof p === 'number') return p;
  if (p.args.length) {
    if (ctx.sys.uid !== 0) warn(ctx, env, 'you must be root to change the host name');
    else warn(ctx, env, 'sethostname: Operation not permitted');
    return 1;
  }
  let h = ctx.sys.hostname;
  if (has(p, 's')) h = h.split('.')[0];
  if (has(p, 'i') || has(p, 'I')) {
    const hosts = (() => {
      try {
        return ctx.fs.readFile('/etc/hosts');
      } catch {
        return '';
      }
    })();
    const line = hosts.split('\n').find((l) => l.split(/\s+/).slice(1).includes(ctx.sys.hostname));
    h = line ? line.split(/\s+/)[0] : '127.0.1.1';
    if (has(p, 'I')) h += ' ';
  }
  ctx.stdout.write(h + '\n');
  return 0;
}

// ---------------------------------------------------------------------------- terminal

/** The terminal on stdin (a container's -t), or null when stdin is a pipe, a file or nothing. */
function stdinTerminal(ctx: CommandContext): NonNullable<CommandContext['sys']['terminal']> | null {
  return ctx.stdin.interactive && ctx.sys.terminal ? ctx.sys.terminal : null;
}

function* tty(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: 's', long: { silent: { key: 's' }, quiet: { key: 's' } }, usage: 'tty [-s]\n\nPrint file name of stdin\'s terminal\n\n\t-s\tPrint nothing, only return exit status\n' });
  if (typeof p === 'number') return p;
  const t = stdinTerminal(ctx);
  if (!has(p, 's')) ctx.stdout.write(t ? `${t.path}\n` : 'not a tty\n');
  return t ? 0 : 1;
}

/** stty: `size`, the first line of -a, and settings accepted as they are (raw, -echo, sane...). */
function* stty(ctx: CommandContext, env: AppletEnv): Run<number> {
  const args = ctx.args.slice(1);
  const t = stdinTerminal(ctx);
  if (!t) {
    warn(ctx, env, env.flavor === 'gnu' ? "'standard input': Inappropriate ioctl for device" : 'standard input: Not a tty');
    return 1;
  }
  const { rows, columns } = t.size();
  if (args[0] === 'size') {
    ctx.stdout.write(`${rows} ${columns}\n`);
    return 0;
  }
  if (args.length === 0) ctx.stdout.write('speed 38400 baud; line = 0;\n');
  else if (args[0] === '-a' || args[0] === '--all') ctx.stdout.write(`speed 38400 baud; rows ${rows}; columns ${columns}; line = 0;\n`);
  return 0;
}

function* whoami(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { usage: 'whoami\n\nPrint the user name associated with the current effective user id\n' });
  if (typeof p === 'number') return p;
  if (p.args.length && env.flavor === 'gnu') return usageError(ctx, env, `extra operand ${lq(env, p.args[0])}`);
  ctx.stdout.write((userName(ctx, ctx.sys.uid) ?? String(ctx.sys.uid)) + '\n');
  return 0;
}

function* id(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, { flags: 'ugGnrz', long: { user: { key: 'u' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' } }, usage: 'id [-ugGnr] [USER]\n\nPrint information about USER or the current user\n' });
  if (typeof p === 'number') return p;
  let uid = ctx.sys.uid;
  let gid = ctx.sys.gid;
  let user = userName(ctx, uid) ?? String(uid);
  if (p.args[0] !== undefined) {
    const u = /^\d+$/.test(p.args[0]) ? { uid: Number(p.args[0]), gid: Number(p.args[0]) } : userByName(ctx, p.args[0]);
    if (!u || (/^\d+$/.test(p.args[0]) && userName(ctx, u.uid) === undefined)) {
      if (gnu) warn(ctx, env, `${lq(env, p.args[0])}: no such user`);
      else warn(ctx, env, `unknown user ${p.args[0]}`);
      return 1;
    }
    uid = u.uid;
    gid = u.gid;
    user = userName(ctx, uid) ?? String(uid);
  }
  const groups = groupsOf(ctx, user, gid);
  const n = has(p, 'n');
  const g = (x: { gid: number; name: string | undefined }) => (n ? x.name ?? String(x.gid) : String(x.gid));
  if (has(p, 'u')) ctx.stdout.write((n ? user : String(uid)) + '\n');
  else if (has(p, 'g')) ctx.stdout.write((n ? groupName(ctx, gid) ?? String(gid) : String(gid)) + '\n');
  else if (has(p, 'G')) ctx.stdout.write(groups.map(g).join(' ') + '\n');
  else {
    const named = (num: number, name: string | undefined) => (name !== undefined ? `${num}(${name})` : String(num));
    let s = `uid=${named(uid, userName(ctx, uid))} gid=${named(gid, groupName(ctx, gid))}`;
    if (gnu || groups.length > 1 || !gnu) s += ` groups=${groups.map((x) => named(x.gid, x.name)).join(',')}`;
    ctx.stdout.write(s + '\n');
  }
  return 0;
}

function* uname(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, {
    flags: 'asnrvmpio',
    long: { all: { key: 'a' }, 'kernel-name': { key: 's' }, nodename: { key: 'n' }, 'kernel-release': { key: 'r' }, 'kernel-version': { key: 'v' }, machine: { key: 'm' }, processor: { key: 'p' }, 'hardware-platform': { key: 'i' }, 'operating-system': { key: 'o' } },
    usage: 'uname [-amnrspvio]\n\nPrint system information\n',
  });
  if (typeof p === 'number') return p;
  const s = ctx.sys;
  const fields: string[] = [];
  const all = has(p, 'a');
  const any = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'].some((k) => has(p, k));
  if (all || has(p, 's') || !any) fields.push(s.kernelName);
  if (all || has(p, 'n')) fields.push(s.hostname);
  if (all || has(p, 'r')) fields.push(s.kernelRelease);
  if (all || has(p, 'v')) fields.push(s.kernelVersion);
  if (all || has(p, 'm')) fields.push(s.machine);
  if (has(p, 'p')) fields.push(env.flavor === 'gnu' ? 'unknown' : s.machine);
  if (has(p, 'i')) fields.push(env.flavor === 'gnu' ? 'unknown' : 'unknown');
  if (all || has(p, 'o')) fields.push(s.os);
  ctx.stdout.write(fields.join(' ') + '\n');
  return 0;
}

// ---------------------------------------------------------------------------- date

function parseDate(s: string, now: number): number | null {
  const t = s.trim();
  if (t === '' || t === 'now') return now;
  if (/^@-?\d+(\.\d+)?$/.test(t)) return Math.floor(Number(t.slice(1)) * 1000);
  if (t === 'yesterday') return now - 86400000;
  if (t === 'tomorrow') return now + 86400000;
  const rel = /^([+-]?\d+)\s*(second|sec|minute|min|hour|day|week|month|year)s?( ago)?$/.exec(t);
  if (rel) {
    const unit = { second: 1e3, sec: 1e3, minute: 6e4, min: 6e4, hour: 36e5, day: 864e5, week: 6048e5, month: 2592e6, year: 31536e6 }[rel[2] as 'day'];
    return now + Number(rel[1]) * unit * (rel[3] ? -1 : 1);
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(Z| ?UTC)?$/.exec(t);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const hm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (hm) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), +hm[1], +hm[2], +(hm[3] ?? 0));
  }
  return null;
}

function* date(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  // -I takes an optional argument that must be attached (-Iseconds).
  const argv = ctx.args.slice(1).map((a) => (a === '-I' ? '--iso-8601' : /^-I./.test(a) ? `--iso-8601=${a.slice(2)}` : a));
  const pp = getopt(
    ctx,
    env,
    {
      flags: 'uR',
      withArg: 'dsr',
      long: { utc: { key: 'u' }, universal: { key: 'u' }, 'rfc-email': { key: 'R' }, 'rfc-2822': { key: 'R' }, date: { key: 'd', arg: 'required' }, set: { key: 's', arg: 'required' }, 'iso-8601': { key: 'I', arg: 'optional' }, reference: { key: 'r', arg: 'required' }, ...(gnu ? { 'rfc-3339': { key: '3339', arg: 'required' as const } } : {}) },
      usage: 'date [OPTIONS] [+FMT] [[-s] TIME]\n\nDisplay time (using +FMT), or set time\n',
    },
    argv,
  );
  if (typeof pp === 'number') return pp;
  const now = ctx.sys.now();
  let t = now;
  if (val(pp, 's') !== undefined) {
    warn(ctx, env, gnu ? 'cannot set date: Operation not permitted' : "can't set date: Operation not permitted");
    return 1;
  }
  if (val(pp, 'd') !== undefined) {
    const d = parseDate(val(pp, 'd')!, now);
    if (d === null) {
      warn(ctx, env, gnu ? `invalid date ${lq(env, val(pp, 'd')!)}` : `invalid date '${val(pp, 'd')}'`);
      return 1;
    }
    t = d;
  }
  const fmtArg = pp.args.find((a) => a.startsWith('+'));
  const extra = pp.args.filter((a) => !a.startsWith('+'));
  if (extra.length) {
    if (gnu) {
      warn(ctx, env, `invalid date ${lq(env, extra[0])}`);
      return 1;
    }
    warn(ctx, env, "can't set date: Operation not permitted");
    return 1;
  }
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  if (has(pp, 'R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
  if (has(pp, 'I')) {
    const v = val(pp, 'I') || 'date';
    fmt = v.startsWith('s') ? '%Y-%m-%dT%H:%M:%S+00:00' : v.startsWith('m') ? '%Y-%m-%dT%H:%M+00:00' : v.startsWith('h') ? '%Y-%m-%dT%H+00:00' : '%Y-%m-%d';
  }
  const rfc = val(pp, '3339');
  if (rfc !== undefined) {
    const kinds = ['date', 'seconds', 'ns'];
    const kind = kinds.find((k) => rfc !== '' && k.startsWith(rfc));
    if (!kind) {
      warn(ctx, env, `invalid argument ${lq(env, rfc)} for ${lq(env, '--rfc-3339')}`);
      ctx.stderr.write(`Valid arguments are:\n${kinds.map((k) => `  - ${lq(env, k)}\n`).join('')}`);
      ctx.stderr.write(`Try '${ctx.args[0]} --help' for more information.\n`);
      return 1;
    }
    const ns = String((t % 1000) * 1_000_000).padStart(9, '0');
    fmt = kind === 'date' ? '%Y-%m-%d' : kind === 'seconds' ? '%Y-%m-%d %H:%M:%S+00:00' : `%Y-%m-%d %H:%M:%S.${ns}+00:00`;
  }
  if (fmtArg) fmt = fmtArg.slice(1);
  ctx.stdout.write(strftime(fmt, t, 'UTC') + '\n');
  return 0;
}

// ---------------------------------------------------------------------------- sleep

function* sleep(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n';
  const hv = helpVersion(ctx, env, usage);
  if (hv !== null) return hv;
  const args = ctx.args.slice(1).filter((a) => a !== '--');
  if (args.length === 0) return usageError(ctx, env, gnu ? 'missing operand' : null, usage);
  let ms = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) {
      ms = Infinity;
      continue;
    }
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      if (gnu) return usageError(ctx, env, `invalid time interval ${lq(env, a)}`);
      warn(ctx, env, `invalid number '${a}'`);
      return 1;
    }
    const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as ''];
    ms += Number(m[1]) * mult;
  }
  // Very long sleeps are split so that drivers never see an infinite timer.
  const MAX = 2 ** 31 - 1;
  while (ms > 0) {
    const step = Math.min(ms, MAX);
    yield { type: 'sleep', ms: Math.round(step) };
    ms -= step;
  }
  return 0;
}

// ---------------------------------------------------------------------------- clear

function* clear(ctx: CommandContext, env: AppletEnv): Run<number> {
  ctx.stdout.write(env.flavor === 'gnu' ? '\x1b[H\x1b[2J\x1b[3J' : '\x1b[H\x1b[J');
  return 0;
}

// ---------------------------------------------------------------------------- ps, kill

function* processes(ctx: CommandContext): Run<ProcessInfo[]> {
  const r = yield { type: 'custom', name: 'ps' };
  if (Array.isArray(r)) return r as ProcessInfo[];
  return [{ pid: ctx.pid ?? 1, ppid: 0, user: ctx.sys.user, command: ctx.args.join(' '), tty: '?', stat: 'R', start: ctx.sys.now() }];
}

const hhmmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

function* ps(ctx: CommandContext, env: AppletEnv): Run<number> {
  const list = yield* processes(ctx);
  const now = ctx.sys.now();
  if (env.flavor === 'busybox') {
    ctx.stdout.write('PID   USER     TIME  COMMAND\n');
    for (const pr of list) {
      const s = Math.floor((pr.cpuMs ?? 0) / 1000);
      const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      ctx.stdout.write(`${String(pr.pid).padStart(5)} ${pr.user.slice(0, 8).padEnd(8)} ${time.padStart(5)} ${pr.command}\n`);
    }
    return 0;
  }
  // BSD options (ps aux) come without a dash, UNIX ones (ps -ef) with one.
  const argv = ctx.args.slice(1);
  const bsd = new Set(argv.filter((a) => !a.startsWith('-')).join('').split(''));
  const unix = new Set(argv.filter((a) => a.startsWith('-')).join('').replace(/-/g, '').split(''));
  const comm = (c: string) => {
    const a0 = c.split(' ')[0];
    return a0.slice(a0.lastIndexOf('/') + 1).slice(0, 15);
  };
  const stime = (ms: number | undefined) => {
    const t = ms ?? now;
    return now - t < 86400000 ? strftime('%H:%M', t) : strftime('%b%d', t);
  };
  if (bsd.has('u')) {
    ctx.stdout.write('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
    for (const pr of list) {
      const cpu = Math.floor((pr.cpuMs ?? 0) / 1000);
      const time = `${Math.floor(cpu / 60)}:${String(cpu % 60).padStart(2, '0')}`;
      const row = `${pr.user.slice(0, 8).padEnd(8)} ${String(pr.pid).padStart(7)}  0.0  0.0 ${String(pr.vszKiB ?? 4624).padStart(6)} ${String(pr.rssKiB ?? 3712).padStart(5)} ${(pr.tty ?? '?').padEnd(8)} ${(pr.stat ?? 'S').padEnd(4)} ${stime(pr.start)} ${time.padStart(6)} ${pr.command}`;
      ctx.stdout.write(row + '\n');
    }
    return 0;
  }
  if (unix.has('f')) {
    ctx.stdout.write('UID          PID    PPID  C STIME TTY          TIME CMD\n');
    for (const pr of list) {
      ctx.stdout.write(`${pr.user.slice(0, 8).padEnd(8)} ${String(pr.pid).padStart(7)} ${String(pr.ppid ?? 0).padStart(7)}  0 ${stime(pr.start)} ${(pr.tty ?? '?').padEnd(8)} ${hhmmss(pr.cpuMs ?? 0)} ${pr.command}\n`);
    }
    return 0;
  }
  ctx.stdout.write('    PID TTY          TIME CMD\n');
  for (const pr of list) {
    ctx.stdout.write(`${String(pr.pid).padStart(7)} ${(pr.tty ?? '?').padEnd(8)} ${hhmmss(pr.cpuMs ?? 0)} ${comm(pr.command)}\n`);
  }
  return 0;
}

function* kill(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    if (gnu) {
      ctx.stderr.write(`\nUsage:\n kill [options] <pid> [...]\n`);
      return 1;
    }
    warn(ctx, env, 'you need to specify whom to kill');
    return 1;
  }
  if (args[0] === '-l' || args[0] === '-L') {
    if (args[1]) {
      const n = Number(args[1]);
      const name = Number.isNaN(n) ? String(signalNumber(args[1]) ?? '') : signalName(n > 128 ? n - 128 : n);
      ctx.stdout.write((name ?? '') + '\n');
      return 0;
    }
    ctx.stdout.write(SIGNALS.map(([n]) => n).join(' ') + '\n');
    return 0;
  }
  let sig = 15;
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n') {
    const n = signalNumber(args[1] ?? '');
    if (n === undefined) {
      warn(ctx, env, gnu ? `unknown signal name: ${args[1]}` : `bad signal name '${args[1]}'`);
      return 1;
    }
    sig = n;
    i = 2;
  } else if (/^-\w+$/.test(args[0])) {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) {
      warn(ctx, env, gnu ? `unknown signal name: ${args[0].slice(1)}` : `bad signal name '${args[0].slice(1)}'`);
      return 1;
    }
    sig = n;
    i = 1;
  }
  let status = 0;
  for (const t of args.slice(i)) {
    if (!/^-?\d+$/.test(t)) {
      warn(ctx, env, gnu ? `failed to parse argument: '${t}'` : `invalid number '${t}'`);
      status = 1;
      continue;
    }
    const r = yield { type: 'custom', name: 'kill', data: { pid: Number(t), signal: 'SIG' + (signalName(sig) ?? sig), number: sig } };
    if (r === true || r === null) continue;
    status = 1;
    const msg = typeof r === 'string' ? r : 'No such process';
    if (gnu) warn(ctx, env, `(${t}): ${msg}`);
    else warn(ctx, env, `can't kill pid ${t}: ${msg}`);
  }
  return status;
}

// ---------------------------------------------------------------------------- free, nproc

function* free(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const p = getopt(ctx, env, { flags: 'bkmghwtl', long: { human: { key: 'h' }, mega: { key: 'm' }, giga: { key: 'g' }, kilo: { key: 'k' }, bytes: { key: 'b' } }, usage: 'free [-bkmgh]\n\nDisplay free and used memory\n' });
  if (typeof p === 'number') return p;
  const total = ctx.sys.memTotalKiB ?? 2_097_152;
  const used = Math.round(total * 0.18);
  const shared = Math.round(total * 0.002);
  const buff = Math.round(total * 0.25);
  const freeK = total - used - buff;
  const avail = total - used;
  const row = [total, used, freeK, shared, buff, avail];
  const fmt = (k: number): string => {
    if (has(p, 'h')) {
      if (gnu) {
        const units = ['Ki', 'Mi', 'Gi', 'Ti'];
        let v = k;
        let u = 0;
        while (v >= 1024 && u < units.length - 1) {
          v /= 1024;
          u++;
        }
        if (k === 0) return '0B';
        return (v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v))) + units[u];
      }
      if (k === 0) return '0';
      const units = ['K', 'M', 'G', 'T'];
      let v = k;
      let u = 0;
      while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
      }
      return v.toFixed(1) + units[u];
    }
    if (has(p, 'm')) return String(Math.floor(k / 1024));
    if (has(p, 'g')) return String(Math.floor(k / 1048576));
    if (has(p, 'b')) return String(k * 1024);
    return String(k);
  };
  if (gnu) {
    ctx.stdout.write(`${''.padEnd(8)}${'total'.padStart(12)}${'used'.padStart(12)}${'free'.padStart(12)}${'shared'.padStart(12)}${'buff/cache'.padStart(12)}${'available'.padStart(12)}\n`);
    ctx.stdout.write(`${'Mem:'.padEnd(8)}${row.map((v) => fmt(v).padStart(12)).join('')}\n`);
    ctx.stdout.write(`${'Swap:'.padEnd(8)}${[0, 0, 0].map((v) => fmt(v).padStart(12)).join('')}\n`);
  } else {
    ctx.stdout.write(`${'total'.padStart(19)}${'used'.padStart(12)}${'free'.padStart(12)}${'shared'.padStart(12)}${'buff/cache'.padStart(12)}${'available'.padStart(12)}\n`);
    ctx.stdout.write(`${'Mem:'.padEnd(6)}${fmt(row[0]).padStart(13)}${row.slice(1).map((v) => fmt(v).padStart(12)).join('')}\n`);
    ctx.stdout.write(`${'Swap:'.padEnd(6)}${fmt(0).padStart(13)}${[0, 0].map((v) => fmt(v).padStart(12)).join('')}\n`);
  }
  return 0;
}

function* nproc(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { long: { all: { key: 'all' }, ignore: { key: 'ignore', arg: 'required' } }, usage: 'nproc [--all] [--ignore=N]\n\nPrint number of available CPUs\n' });
  if (typeof p === 'number') return p;
  const n = Math.max(1, (ctx.sys.cpus ?? 2) - Number(val(p, 'ignore') ?? 0));
  ctx.stdout.write(n + '\n');
  return 0;
}

// ---------------------------------------------------------------------------- which, true, false

function* which(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, { flags: 'as', usage: 'which [COMMAND]...\n\nLocate COMMAND\n' });
  if (typeof p === 'number') return p;
  if (p.args.length === 0) {
    if (env.flavor === 'gnu') return 1;
    return usageError(ctx, env, null, 'which [COMMAND]...\n\nLocate COMMAND\n');
  }
  let status = 0;
  for (const n of p.args) {
    const path = env.which(n, ctx);
    if (path) ctx.stdout.write(path + '\n');
    else status = 1;
  }
  return status;
}

function* trueCmd(): Run<number> {
  return 0;
}
function* falseCmd(): Run<number> {
  return 1;
}

// ---------------------------------------------------------------------------- time, timeout

function* timeCmd(ctx: CommandContext, env: AppletEnv): Run<number> {
  const argv = ctx.args.slice(1);
  const usage = 'time [-vpa] [-o FILE] PROG ARGS\n\nRun PROG, display resource usage when it exits\n';
  if (argv.length === 0) return usageError(ctx, env, null, usage);
  const t0 = ctx.sys.now();
  const st = yield* env.exec(ctx, argv);
  const ms = ctx.sys.now() - t0;
  if (st === null) {
    warn(ctx, env, `can't execute '${argv[0]}': No such file or directory`);
    return 127;
  }
  const fmt = (t: number) => `${Math.floor(t / 60000)}m ${Math.floor((t % 60000) / 1000)}.${String(Math.floor((t % 1000) / 10)).padStart(2, '0')}s`;
  ctx.stderr.write(`real\t${fmt(ms)}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`);
  return st;
}

function* timeout(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRuns PROG. Sends SIG (TERM by default) to it if it is not gone in SECS seconds\n';
  const argv = ctx.args.slice(1);
  let i = 0;
  let sig = 15;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i];
    if (a === '-s' || a === '--signal') sig = signalNumber(argv[++i] ?? '') ?? 15;
    else if (a.startsWith('--signal=')) sig = signalNumber(a.slice(9)) ?? 15;
    else if (a === '-k' || a === '--kill-after') i++;
    else if (a === '--preserve-status' || a === '--foreground' || a === '-v' || a === '--verbose') continue;
    else if (a === '--') {
      i++;
      break;
    }
  }
  const rest = argv.slice(i);
  if (rest.length < 2) {
    if (gnu) return usageError(ctx, env, 'missing operand', undefined, 125);
    return usageError(ctx, env, null, usage);
  }
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(rest[0]);
  if (!m) {
    if (gnu) return usageError(ctx, env, `invalid time interval ${lq(env, rest[0])}`, undefined, 125);
    warn(ctx, env, `invalid number '${rest[0]}'`);
    return 1;
  }
  const ms = Number(m[1]) * ({ '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as ''] ?? 1000);
  const deadline = ctx.sys.now() + ms;
  // Drive the command ourselves so that its sleeps can be cut short at the deadline.
  const gen = env.exec(ctx, rest.slice(1));
  let r = gen.next();
  let timedOut = false;
  while (!r.done) {
    const eff = r.value;
    const now = ctx.sys.now();
    if (ms > 0 && eff.type === 'sleep' && now + eff.ms >= deadline) {
      yield { type: 'sleep', ms: Math.max(0, deadline - now) };
      timedOut = true;
      try {
        r = gen.throw(new Signal('SIG' + (signalName(sig) ?? 'TERM'), sig));
      } catch (e) {
        if (e instanceof Signal) break;
        throw e;
      }
      continue;
    }
    let v: unknown;
    try {
      v = yield eff;
    } catch (e) {
      r = gen.throw(e);
      continue;
    }
    r = gen.next(v);
  }
  if (timedOut) return gnu ? 124 : 128 + sig;
  const st = r.done ? r.value : 124;
  if (st === null) {
    if (gnu) warn(ctx, env, `failed to run command ${lq(env, rest[1])}: No such file or directory`);
    else warn(ctx, env, `can't execute '${rest[1]}': No such file or directory`);
    return 127;
  }
  return st;
}

export const SYSTEM_APPLETS: Record<string, AppletDef> = {
  time: { run: timeCmd },
  timeout: { run: timeout },
  echo: { run: echo },
  printf: { run: printf },
  test: { run: test },
  '[': { run: test },
  true: { run: trueCmd },
  false: { run: falseCmd },
  env: { run: envCmd },
  printenv: { run: printenv },
  hostname: { run: hostname },
  whoami: { run: whoami },
  id: { run: id },
  uname: { run: uname },
  date: { run: date },
  sleep: { run: sleep },
  clear: { run: clear },
  ps: { run: ps },
  kill: { run: kill },
  free: { run: free },
  nproc: { run: nproc },
  which: { run: which },
  tty: { run: tty },
  stty: { run: stty },
};
