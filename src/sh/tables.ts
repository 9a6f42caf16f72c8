// Command tables: which commands exist and how a name is found.
//
// - hostCommands(extra): the browser terminal's machine. GNU coreutils, bash and dash, plus
//   whatever the host adds (docker, curl, ping, history, help). The programs live at
//   virtual paths (/usr/bin/ls) that need not exist in the host's filesystem; files that do
//   exist in PATH directories (a learner's scripts) are found too.
// - busyboxCommands(): an Alpine/busybox image. A command runs only if its file exists in
//   the container's filesystem: PATH lookup finds /bin/ls, follows its symlink to
//   /bin/busybox, and busybox dispatches on the name it was invoked as.
// - debianCommands(): a Debian/Ubuntu image. GNU coreutils, /bin/sh -> dash, bash; again
//   only what the image's filesystem holds.
// Executable text files starting with #! run their interpreter (looked up the same way);
// without #! they run with /bin/sh.

import type { FileSystem } from '../vfs/types';
import { basename, dirname, resolvePath } from './errors';
import { ls } from './applets/ls';
import { FILE_APPLETS } from './applets/files';
import { TEXT_APPLETS } from './applets/text';
import { SEARCH_APPLETS } from './applets/search';
import { SYSTEM_APPLETS } from './applets/system';
import { columns, type AppletDef, type AppletEnv, type AppletFlavor } from './applets/framework';
import { Shell } from './shell';
import type { Flavor } from './syntax-error';
import type { Command, CommandContext, CommandTable, Run } from './types';

/** The banner busybox prints above its usage texts (Alpine's busybox 1.36.1 by default). */
export const DEFAULT_BUSYBOX_BANNER = 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.';

/** All applets, by name. */
export const APPLETS: Record<string, AppletDef> = {
  ls: { run: ls },
  ...FILE_APPLETS,
  ...TEXT_APPLETS,
  ...SEARCH_APPLETS,
  ...SYSTEM_APPLETS,
};

export interface TableOptions {
  /** busybox banner line. */
  banner?: string;
  /**
   * Executables the table's own programs don't cover (a container image's daemons and tools):
   * given the file found in PATH, the command that runs it, or null.
   */
  external?: (path: string, fs: FileSystem) => Command | null;
  /** GNU messages with ‘’ quotes (a UTF-8 locale). Host: true; Debian images: false. */
  utf8?: boolean;
  /** busybox: applets modelled elsewhere (wget), by name. */
  applets?: Record<string, Command>;
}

/** A command table with PATH semantics; `which` gives paths. */
export interface ShellCommandTable extends CommandTable {
  which(name: string, ctx: { env: Map<string, string>; fs: FileSystem }): string | null;
  /** The program a file stands for ('ls', 'busybox', 'bash'), or null. */
  programOf(path: string, fs: FileSystem): string | null;
}

type Programs = Map<string, Command>;

const STD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function pathDirs(env: Map<string, string>): string[] {
  const p = env.get('PATH') ?? STD_PATH;
  return p.split(':').map((d) => d || '.');
}

function isExecFile(fs: FileSystem, path: string): boolean {
  try {
    const st = fs.stat(path);
    return st.type === 'file' && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Follows a chain of symlinks; returns the names met (first = as invoked) and the final path. */
function chain(fs: FileSystem, path: string): { names: string[]; final: string } {
  const names = [basename(path)];
  let cur = path;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = fs.lstat(cur);
    } catch {
      break;
    }
    if (st.type !== 'symlink') break;
    const target = fs.readlink(cur);
    cur = resolvePath(dirname(cur), target);
    names.push(basename(cur));
  }
  return { names, final: cur };
}

function isScript(fs: FileSystem, path: string): boolean {
  try {
    return fs.readFile(path).startsWith('#!');
  } catch {
    return false;
  }
}

/**
 * A text file (run as a script: by its #! interpreter or /bin/sh), as opposed to a binary:
 * an ELF header, a NUL byte, or a synthetic file (whose declared size is not its text's).
 */
function isText(fs: FileSystem, path: string): boolean {
  try {
    const text = fs.readFile(path);
    if (text.startsWith('\x7fELF') || text.includes('\0')) return false;
    return new TextEncoder().encode(text).length === fs.stat(path).size;
  } catch {
    return false;
  }
}

/** Runs a script file: its #! interpreter, or /bin/sh. */
function scriptCommand(table: () => CommandTable, path: string): Command {
  return function* (ctx: CommandContext): Run<number> {
    let text = '';
    try {
      text = ctx.fs.readFile(path);
    } catch {
      text = '';
    }
    let interp = '/bin/sh';
    let arg: string | undefined;
    if (text.startsWith('#!')) {
      const line = text.slice(2).split('\n')[0].trim();
      const sp = line.search(/\s/);
      interp = sp < 0 ? line : line.slice(0, sp);
      arg = sp < 0 ? undefined : line.slice(sp).trim() || undefined;
    }
    const cmd = table().lookup(interp, { env: ctx.env, fs: ctx.fs });
    if (!cmd) {
      ctx.stderr.write(`${ctx.args[0]}: ${interp}: bad interpreter: No such file or directory\n`);
      return 126;
    }
    // The script is passed as the path it was executed by: as typed (./s.sh) or as found in PATH.
    const script = ctx.args[0].includes('/') ? ctx.args[0] : path;
    const argv = [interp, ...(arg !== undefined ? [arg] : []), script, ...ctx.args.slice(1)];
    return yield* cmd({ ...ctx, args: argv });
  };
}

function shellCommand(flavor: Flavor, table: () => CommandTable): Command {
  return function* (ctx: CommandContext): Run<number> {
    const sh = new Shell({
      flavor,
      fs: ctx.fs,
      commands: table(),
      sys: ctx.sys,
      env: ctx.env,
      cwd: ctx.cwd,
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      isatty: ctx.isatty,
      columns: ctx.columns,
      name: ctx.args[0],
      pid: ctx.pid,
      allocPid: ctx.allocPid,
    });
    return yield* sh.main(ctx.args);
  };
}

function makeEnv(flavor: AppletFlavor, opts: TableOptions, table: () => ShellCommandTable): AppletEnv {
  return {
    flavor,
    utf8: opts.utf8 ?? false,
    banner: opts.banner ?? DEFAULT_BUSYBOX_BANNER,
    *exec(ctx: CommandContext, argv: string[]): Run<number | null> {
      const cmd = table().lookup(argv[0], { env: ctx.env, fs: ctx.fs });
      if (!cmd) return null;
      return yield* cmd({ ...ctx, args: argv });
    },
    which(name: string, ctx: CommandContext): string | null {
      return table().which(name, { env: ctx.env, fs: ctx.fs });
    },
  };
}

/** busybox applets that GNU systems do not have as commands (bash's `time` is a keyword). */
const BUSYBOX_ONLY = new Set(['time']);

function appletPrograms(flavor: AppletFlavor, env: AppletEnv, names?: string[]): Programs {
  const out: Programs = new Map();
  for (const [name, def] of Object.entries(APPLETS)) {
    if (names && !names.includes(name)) continue;
    if (flavor === 'gnu' && BUSYBOX_ONLY.has(name)) continue;
    out.set(name, (ctx) => def.run(ctx, env));
  }
  return out;
}

/** A link to busybox under a name it has no applet for. */
const appletNotFound: Command = function* (ctx) {
  ctx.stderr.write(`${basename(ctx.args[0])}: applet not found\n`);
  return 127;
};

/** The busybox multi-call entry: `busybox ls -l`, `busybox --list`. */
function busyboxMain(programs: Programs, env: AppletEnv): Command {
  return function* (ctx: CommandContext): Run<number> {
    const args = ctx.args.slice(1);
    const names = [...programs.keys()].filter((n) => n !== 'busybox').sort();
    if (args[0] === '--list') {
      ctx.stdout.write(names.map((n) => n + '\n').join(''));
      return 0;
    }
    if (args.length === 0 || args[0] === '--help') {
      const out = args.length ? ctx.stdout : ctx.stdout;
      out.write(
        `${env.banner}\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\nCurrently defined functions:\n` +
          columns(names, 76, 2)
            .split('\n')
            .filter(Boolean)
            .map((l) => '\t' + l.replace(/ {2,}/g, (m) => m.slice(0, -1) + ' ').replace(/ +/g, ', ').replace(/, $/, ''))
            .join(',\n') +
          '\n',
      );
      return 0;
    }
    const cmd = programs.get(args[0]);
    if (!cmd) {
      ctx.stderr.write(`${args[0]}: applet not found\n`);
      return 127;
    }
    return yield* cmd({ ...ctx, args });
  };
}

/**
 * A table whose commands are files in the filesystem (container images). `programs` maps a
 * program name to its implementation; `multiCall` names binaries that dispatch on argv[0].
 */
function fsTable(programs: Programs, multiCall: Set<string>, outer: () => CommandTable, external?: TableOptions['external']): ShellCommandTable {
  const programOf = (path: string, fs: FileSystem): string | null => {
    const { names, final } = chain(fs, path);
    const last = basename(final);
    if (multiCall.has(last)) {
      const invoked = names[0];
      if (multiCall.has(invoked)) return last;
      for (const n of names) if (programs.has(n) && !multiCall.has(n)) return n;
      return programs.has(invoked) ? invoked : null;
    }
    if (programs.has(last) && !isScript(fs, final)) return last;
    if (isScript(fs, final)) return null;
    if (programs.has(names[0])) return names[0];
    return null;
  };
  const resolve = (name: string, ctx: { env: Map<string, string>; fs: FileSystem }): { path: string; cmd: Command } | null => {
    const candidates = name.includes('/') ? [name] : pathDirs(ctx.env).map((d) => `${d.replace(/\/$/, '')}/${name}`);
    for (const c of candidates) {
      const path = resolvePath(ctx.env.get('PWD') ?? '/', c);
      if (!isExecFile(ctx.fs, path)) continue;
      const prog = programOf(path, ctx.fs);
      if (prog) {
        const cmd = programs.get(prog)!;
        return { path: c, cmd };
      }
      if (multiCall.has(basename(chain(ctx.fs, path).final))) return { path: c, cmd: appletNotFound };
      if (isText(ctx.fs, chain(ctx.fs, path).final)) return { path: c, cmd: scriptCommand(outer, path) };
      const ext = external?.(path, ctx.fs);
      if (ext) return { path: c, cmd: ext };
      if (name.includes('/')) return null;
      // An executable we cannot run: a later PATH entry may still have it.
    }
    return null;
  };
  const table: ShellCommandTable = {
    lookup: (name, ctx) => resolve(name, ctx)?.cmd ?? null,
    names: () => [...programs.keys()].sort(),
    which: (name, ctx) => resolve(name, ctx)?.path ?? null,
    programOf,
  };
  return table;
}

/** Paths of the applets in an Alpine image (all symlinks to /bin/busybox), for image builders. */
export const BUSYBOX_LINKS: Record<string, string[]> = {
  '/bin': ['ash', 'cat', 'chmod', 'chown', 'cp', 'date', 'df', 'echo', 'egrep', 'false', 'fgrep', 'grep', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mv', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'touch', 'true', 'uname'],
  '/usr/bin': ['[', 'basename', 'clear', 'cut', 'dirname', 'du', 'env', 'find', 'free', 'head', 'id', 'nproc', 'printenv', 'printf', 'readlink', 'seq', 'sort', 'tail', 'tee', 'test', 'time', 'timeout', 'tr', 'uniq', 'wc', 'which', 'whoami', 'xargs', 'yes'],
};

/** Programs a Debian image usually has in /usr/bin (with /bin -> usr/bin and /bin/sh -> dash). */
export const DEBIAN_BINS: string[] = [
  'bash', 'dash', 'cat', 'ls', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'head', 'tail', 'wc', 'sort', 'uniq', 'grep',
  'egrep', 'fgrep', 'sed', 'cut', 'tr', 'tee', 'env', 'printenv', 'hostname', 'whoami', 'id', 'uname', 'date', 'sleep', 'true', 'false', 'yes',
  'seq', 'basename', 'dirname', 'pwd', 'clear', 'find', 'du', 'df', 'nproc', 'xargs', 'test', '[', 'echo', 'printf', 'which', 'readlink', 'kill',
  'timeout',
];

/** Table for busybox images (Alpine, busybox). */
export function busyboxCommands(opts: TableOptions = {}): ShellCommandTable {
  const self: { t?: ShellCommandTable } = {};
  const env = makeEnv('busybox', opts, () => self.t!);
  const programs = appletPrograms('busybox', env);
  for (const [name, cmd] of Object.entries(opts.applets ?? {})) programs.set(name, cmd);
  programs.set('sh', shellCommand('ash', () => self.t!));
  programs.set('ash', shellCommand('ash', () => self.t!));
  programs.set('busybox', busyboxMain(programs, env));
  self.t = fsTable(programs, new Set(['busybox']), () => self.t!, opts.external);
  return self.t;
}

/** Table for Debian/Ubuntu images: GNU coreutils, dash as /bin/sh, bash. */
export function debianCommands(opts: TableOptions = {}): ShellCommandTable {
  const self: { t?: ShellCommandTable } = {};
  const env = makeEnv('gnu', { utf8: false, ...opts }, () => self.t!);
  const programs = appletPrograms('gnu', env);
  programs.set('dash', shellCommand('dash', () => self.t!));
  programs.set('sh', shellCommand('dash', () => self.t!));
  programs.set('bash', shellCommand('bash', () => self.t!));
  programs.set('rbash', shellCommand('bash', () => self.t!));
  self.t = fsTable(programs, new Set(), () => self.t!, opts.external);
  return self.t;
}

/**
 * Table for the host the terminal opens on: GNU coreutils, bash and sh (dash), and the
 * host's own commands in `extra` (docker, curl, ping, history, help). Programs live at
 * /usr/bin/NAME and are found when PATH includes /usr/bin (or /bin); executable files in
 * the host's filesystem are found in PATH order before them.
 */
export function hostCommands(extra: Record<string, Command> = {}, opts: TableOptions = {}): ShellCommandTable {
  const self: { t?: ShellCommandTable } = {};
  const env = makeEnv('gnu', { utf8: true, ...opts }, () => self.t!);
  const programs = appletPrograms('gnu', env);
  programs.set('bash', shellCommand('bash', () => self.t!));
  programs.set('sh', shellCommand('dash', () => self.t!));
  programs.set('dash', shellCommand('dash', () => self.t!));
  for (const [k, v] of Object.entries(extra)) programs.set(k, v);
  const virtualDirs = new Set(['/usr/bin', '/bin']);
  const files = fsTable(programs, new Set(), () => self.t!);
  const resolve = (name: string, ctx: { env: Map<string, string>; fs: FileSystem }): { path: string; cmd: Command } | null => {
    if (name.includes('/')) {
      const path = resolvePath(ctx.env.get('PWD') ?? '/', name);
      const inFs = files.lookup(name, ctx);
      if (inFs) return { path: name, cmd: inFs };
      const dir = dirname(path);
      const prog = basename(path);
      if (virtualDirs.has(dir) && programs.has(prog)) return { path, cmd: programs.get(prog)! };
      if (prog === 'sh' && dir === '/bin') return { path, cmd: programs.get('sh')! };
      return null;
    }
    for (const d of pathDirs(ctx.env)) {
      const dir = resolvePath('/', d);
      const p = `${dir === '/' ? '' : dir}/${name}`;
      if (isExecFile(ctx.fs, p)) {
        const cmd = files.lookup(p, ctx);
        if (cmd) return { path: p, cmd };
      }
      if (virtualDirs.has(dir) && programs.has(name)) return { path: `/usr/bin/${name}`, cmd: programs.get(name)! };
    }
    return null;
  };
  const table: ShellCommandTable = {
    lookup: (name, ctx) => resolve(name, ctx)?.cmd ?? null,
    names: () => [...programs.keys()].sort(),
    which: (name, ctx) => resolve(name, ctx)?.path ?? null,
    programOf: (path, fs) => files.programOf(path, fs),
  };
  self.t = table;
  return table;
}

export type { AppletEnv };
