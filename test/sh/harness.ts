// Runs scripts through the interpreter over a MemoryFs, and (where installed) through the
// real bash, dash and busybox in a temporary directory, so tests can compare the two.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync, symlinkSync, utimesSync, lutimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { MemoryFs } from '../../src/vfs';
import {
  Shell,
  StringOutput,
  busyboxCommands,
  debianCommands,
  hostCommands,
  BUSYBOX_LINKS,
  DEBIAN_BINS,
  type CommandTable,
  type Flavor,
  type ShellMode,
  type SystemInfo,
  type Command,
} from '../../src/sh';
import { Clock, drive, DriverInput, type DriveOptions, type DriveResult } from './driver';

export type TableKind = 'host' | 'busybox' | 'debian';

export interface FileSpec {
  content?: string;
  mode?: number;
  dir?: boolean;
  symlink?: string;
  mtime?: number;
}

export interface RunOpts {
  flavor?: Flavor;
  table?: TableKind;
  files?: Record<string, string | FileSpec>;
  cwd?: string;
  stdin?: string[];
  env?: Record<string, string>;
  mode?: ShellMode;
  interactive?: boolean;
  isatty?: boolean;
  columns?: number;
  name?: string;
  args?: string[];
  signals?: DriveOptions['signals'];
  signalAtEffect?: DriveOptions['signalAtEffect'];
  custom?: DriveOptions['custom'];
  extra?: Record<string, Command>;
  clock?: Clock;
  fs?: MemoryFs;
  sys?: Partial<SystemInfo>;
  uid?: number;
}

export interface RunResult extends DriveResult {
  stdout: string;
  stderr: string;
  /** The shell's outputs, which keep collecting if the test runs more commands. */
  out: StringOutput;
  err: StringOutput;
  shell: Shell;
  fs: MemoryFs;
}

export const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\nlearner:x:1000:1000:Learner:/home/learner:/bin/bash\n';
export const GROUP = 'root:x:0:root\nbin:x:1:root,bin\nlearner:x:1000:\n';

export function sysInfo(clock: Clock, over: Partial<SystemInfo> = {}): SystemInfo {
  return {
    hostname: 'box',
    user: 'root',
    uid: 0,
    gid: 0,
    kernelName: 'Linux',
    kernelRelease: '6.8.0-45-generic',
    kernelVersion: '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024',
    machine: 'x86_64',
    os: 'GNU/Linux',
    now: clock.now,
    ...over,
  };
}

/** Installs the program files a table needs (busybox links, Debian's /usr/bin). */
export function installPrograms(fs: MemoryFs, kind: TableKind): void {
  const mk = (p: string) => fs.mkdir(p, { recursive: true });
  if (kind === 'busybox') {
    mk('/bin');
    mk('/usr/bin');
    mk('/sbin');
    mk('/usr/sbin');
    fs.writeFile('/bin/busybox', '\x7fELF busybox', { mode: 0o755 });
    for (const [dir, names] of Object.entries(BUSYBOX_LINKS)) {
      for (const n of names) if (n !== 'busybox') fs.symlink('/bin/busybox', `${dir}/${n}`);
    }
  } else if (kind === 'debian') {
    mk('/usr/bin');
    mk('/usr/sbin');
    for (const n of DEBIAN_BINS) fs.writeFile(`/usr/bin/${n}`, `\x7fELF ${n}`, { mode: 0o755 });
    fs.symlink('usr/bin', '/bin');
    fs.symlink('usr/sbin', '/sbin');
    fs.symlink('dash', '/usr/bin/sh');
  }
}

/** Files in tests carry this mtime unless they say otherwise (old enough for ls to show the year). */
export const FIXED_MTIME = Date.UTC(2020, 2, 4, 5, 6, 0);

export function makeFs(clock: Clock, files: RunOpts['files'] = {}, kind: TableKind = 'host'): MemoryFs {
  const fs = new MemoryFs({ now: clock.now });
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/passwd', PASSWD);
  fs.writeFile('/etc/group', GROUP);
  fs.mkdir('/root', { recursive: true });
  fs.mkdir('/tmp', { recursive: true, mode: 0o1777 });
  fs.mkdir('/work', { recursive: true });
  if (kind !== 'host') installPrograms(fs, kind);
  for (const [path, spec] of Object.entries(files)) {
    const s: FileSpec = typeof spec === 'string' ? { content: spec } : spec;
    const abs = path.startsWith('/') ? path : `/work/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', { recursive: true });
    if (s.dir) fs.mkdir(abs, { recursive: true, mode: s.mode });
    else if (s.symlink !== undefined) fs.symlink(s.symlink, abs);
    else fs.writeFile(abs, s.content ?? '', { mode: s.mode ?? 0o644 });
    if (s.mode !== undefined && !s.symlink) fs.chmod(abs, s.mode);
  }
  // Fixed times for the files and the directories created for them.
  const paths = Object.keys(files).flatMap((p) => {
    const abs = p.startsWith('/') ? p : `/work/${p}`;
    const parts = abs.split('/');
    return parts.map((_, i) => parts.slice(0, i + 1).join('/')).filter((x) => x.startsWith('/work/'));
  });
  for (const p of [...new Set(paths)].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const spec = files[p.replace(/^\/work\//, '')] ?? files[p];
    const t = typeof spec === 'object' && spec.mtime !== undefined ? spec.mtime : FIXED_MTIME;
    if (typeof spec === 'object' && spec.symlink !== undefined) fs.lutimes(p, t);
    else fs.utimes(p, t);
  }
  return fs;
}

export function tableFor(kind: TableKind, extra?: Record<string, Command>): CommandTable {
  if (kind === 'busybox') return busyboxCommands();
  if (kind === 'debian') return debianCommands();
  return hostCommands(extra ?? {});
}

const defaultTable = (flavor: Flavor): TableKind => (flavor === 'ash' ? 'busybox' : 'host');

/** Runs a script in our shell. */
export function runSh(script: string, o: RunOpts = {}): RunResult {
  const flavor = o.flavor ?? 'bash';
  const kind = o.table ?? defaultTable(flavor);
  const clock = o.clock ?? new Clock();
  const fs = o.fs ?? makeFs(clock, o.files, kind);
  const out = new StringOutput();
  const err = new StringOutput();
  const input = new DriverInput(!!o.interactive);
  const env = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: '/root',
    ...(o.env ?? {}),
  };
  const shell = new Shell({
    flavor,
    fs,
    commands: tableFor(kind, o.extra),
    sys: sysInfo(clock, { ...(o.uid !== undefined ? { uid: o.uid, gid: o.uid, user: o.uid === 0 ? 'root' : 'learner' } : {}), ...o.sys }),
    env,
    cwd: o.cwd ?? '/work',
    stdin: input,
    stdout: out,
    stderr: err,
    isatty: o.isatty,
    columns: o.columns,
    interactive: o.interactive,
    mode: o.mode,
    name: o.name ?? (flavor === 'ash' ? 'sh' : flavor),
    args: o.args,
    pid: 1,
  });
  const r = drive(shell.run(script), { clock, stdin: o.stdin, signals: o.signals, signalAtEffect: o.signalAtEffect, custom: o.custom, input });
  return { ...r, stdout: out.text, stderr: err.text, out, err, shell, fs };
}

/** Runs `sh main argv` (as `docker run image sh -c ...` would). */
export function runMain(argv: string[], o: RunOpts = {}): RunResult {
  const flavor = o.flavor ?? 'bash';
  const kind = o.table ?? defaultTable(flavor);
  const clock = o.clock ?? new Clock();
  const fs = o.fs ?? makeFs(clock, o.files, kind);
  const out = new StringOutput();
  const err = new StringOutput();
  const input = new DriverInput(!!o.interactive);
  const shell = new Shell({
    flavor,
    fs,
    commands: tableFor(kind, o.extra),
    sys: sysInfo(clock, o.sys),
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...(o.env ?? {}) },
    cwd: o.cwd ?? '/work',
    stdin: input,
    stdout: out,
    stderr: err,
    isatty: o.isatty,
    columns: o.columns,
    name: argv[0],
    pid: 1,
  });
  const r = drive(shell.main(argv), { clock, stdin: o.stdin, signals: o.signals, signalAtEffect: o.signalAtEffect, custom: o.custom, input });
  return { ...r, stdout: out.text, stderr: err.text, out, err, shell, fs };
}

// ---------------------------------------------------------------------------- real shells

const which = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
export const HAVE = {
  bash: which('bash'),
  dash: which('dash'),
  busybox: which('busybox') && spawnSync('busybox', ['sh', '-c', 'true']).status === 0,
};

export interface RealResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs a script with a real shell in a temporary directory holding `files` (relative paths). */
export function runReal(flavor: Flavor, script: string, o: { files?: RunOpts['files']; stdin?: string; locale?: string } = {}): RealResult {
  const dir = mkdtempSync(join(tmpdir(), 'docksim-sh-'));
  try {
    for (const [path, spec] of Object.entries(o.files ?? {})) {
      if (path.startsWith('/')) throw new Error('runReal: files must be relative');
      const s: FileSpec = typeof spec === 'string' ? { content: spec } : spec;
      const abs = join(dir, path);
      mkdirSync(dirname(abs), { recursive: true });
      if (s.dir) mkdirSync(abs, { recursive: true });
      else if (s.symlink !== undefined) symlinkSync(s.symlink, abs);
      else writeFileSync(abs, s.content ?? '');
      if (s.mode !== undefined && !s.symlink) chmodSync(abs, s.mode);
    }
    // Fixed times (files and directories), deepest first so parents keep theirs.
    const paths = Object.keys(o.files ?? {}).flatMap((p) => {
      const parts = p.split('/');
      return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    });
    for (const p of [...new Set(paths)].sort((a, b) => b.split('/').length - a.split('/').length)) {
      const spec = (o.files ?? {})[p];
      const t = (typeof spec === 'object' && spec.mtime !== undefined ? spec.mtime : FIXED_MTIME) / 1000;
      if (typeof spec === 'object' && spec.symlink !== undefined) lutimesSync(join(dir, p), t, t);
      else utimesSync(join(dir, p), t, t);
    }
    const [cmd, args] =
      flavor === 'bash' ? ['bash', ['-c', script]] : flavor === 'dash' ? ['dash', ['-c', script]] : ['busybox', ['sh', '-c', script]];
    const r = spawnSync(cmd, args as string[], {
      cwd: dir,
      input: o.stdin ?? '',
      encoding: 'utf8',
      // SHLVL=1: bash started with a socket as stdin (as node spawns it) would otherwise read
      // ~/.bashrc, thinking rshd started it.
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: o.locale ?? 'C.UTF-8', TERM: 'dumb', SHLVL: '1' },
      timeout: 10_000,
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const haveFor = (f: Flavor): boolean => (f === 'ash' ? HAVE.busybox : HAVE[f]);
