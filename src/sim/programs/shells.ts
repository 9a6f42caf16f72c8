// Shells and command-line utilities inside containers, from src/sh: busybox (alpine, busybox
// images: every applet a symlink to /bin/busybox), and the Debian family (dash as /bin/sh, bash,
// GNU coreutils and friends). The executable the runtime found names the program; the command
// table then picks the applet by the name it was invoked as, through the image's filesystem.

import { busyboxCommands, debianCommands, type ShellCommandTable } from '../../sh';
import type { Command, CommandContext } from '../../sh/types';
import type { FileSystem } from '../../vfs/types';
import { PROGRAM_MAGIC, type ProgramTable } from '../runtime/exec';
import { pidAllocator } from './effects';
import { busyboxWget } from './net/wget';

/** Names of the catalog's program models that the shells' applets serve. */
export const DEBIAN_FAMILY = ['bash', 'dash', 'coreutils', 'grep', 'sed', 'findutils', 'procps', 'hostname', 'diffutils', 'ncurses', 'util-linux', 'mawk', 'gawk'];

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * Programs dispatched through a command table by argv[0]. A name the table has no applet for
 * runs the program model of that name when there is one (util-linux's setpriv: the family is
 * one program in the catalog, some of its members are models of their own).
 */
function viaTable(table: ShellCommandTable, program: string, all: ProgramTable, family: Set<Command>): Command {
  return function* (ctx) {
    const argv0 = ctx.args[0] ?? '';
    const found = (name: string): Command | null => {
      const c = table.lookup(name, { env: ctx.env, fs: ctx.fs });
      // the family itself again (its file found in PATH): no applet of that name
      return c && !family.has(c) ? c : null;
    };
    const cmd = found(argv0) ?? found(basename(argv0));
    if (cmd) return yield* cmd(yield* withPids(ctx));
    const model = all.get(basename(argv0));
    if (model && !family.has(model)) return yield* model(ctx);
    ctx.stderr.write(`${argv0}: this ${program} command is not simulated by docksim\n`);
    return 127;
  };
}

/**
 * The context with the container's PID allocator, so that a shell's children (the commands it
 * forks) take the namespace's next ids, as `ps`, `$!` and a daemon's worker ids show them.
 */
function* withPids(ctx: CommandContext): Generator<import('../../sh/types').Effect, CommandContext, unknown> {
  if (ctx.allocPid) return ctx;
  const alloc = yield* pidAllocator();
  return typeof alloc === 'function' ? { ...ctx, allocPid: alloc } : ctx;
}

/**
 * The shells' command tables, with the image's other executables (daemons, tools) found through
 * `all`, the world's program table: a shell script's `exec nginx` runs the nginx model.
 */
export function shellPrograms(all: ProgramTable): Map<string, Command> {
  const out = new Map<string, Command>();
  const external = (path: string, fs: FileSystem): Command | null => {
    let head: string;
    try {
      head = fs.readFile(path).slice(0, 128);
    } catch {
      return null;
    }
    if (!head.startsWith(PROGRAM_MAGIC)) return null;
    return all.get(head.slice(PROGRAM_MAGIC.length).split(/\s/)[0]!) ?? null;
  };
  const family = new Set<Command>();
  // BusyBox's own wget applet (alpine and busybox images link /usr/bin/wget to busybox)
  const bb = busyboxCommands({ banner: 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.', external, applets: { wget: busyboxWget } });
  const busybox = viaTable(bb, 'busybox', all, family);
  family.add(busybox);
  out.set('busybox', busybox);
  const deb = debianCommands({ external });
  for (const name of DEBIAN_FAMILY) {
    const c = viaTable(deb, name, all, family);
    family.add(c);
    out.set(name, c);
  }
  return out;
}
