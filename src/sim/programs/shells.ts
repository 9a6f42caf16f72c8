// Shells and command-line utilities inside containers, from src/sh: busybox (alpine, busybox
// images: every applet a symlink to /bin/busybox), and the Debian family (dash as /bin/sh, bash,
// GNU coreutils and friends). The executable the runtime found names the program; the command
// table then picks the applet by the name it was invoked as, through the image's filesystem.

import { busyboxCommands, debianCommands, type ShellCommandTable } from '../../sh';
import type { Command } from '../../sh/types';
import type { FileSystem } from '../../vfs/types';
import { PROGRAM_MAGIC, type ProgramTable } from '../runtime/exec';

/** Programs dispatched through a command table by argv[0]. */
function viaTable(table: ShellCommandTable, program: string): Command {
  return function* (ctx) {
    const argv0 = ctx.args[0] ?? '';
    const cmd = table.lookup(argv0, { env: ctx.env, fs: ctx.fs }) ?? table.lookup(argv0.split('/').pop() ?? '', { env: ctx.env, fs: ctx.fs });
    if (!cmd) {
      ctx.stderr.write(`${argv0}: this ${program} command is not simulated by docksim\n`);
      return 127;
    }
    return yield* cmd(ctx);
  };
}

/** Names of the catalog's program models that the shells' applets serve. */
export const DEBIAN_FAMILY = ['bash', 'dash', 'coreutils', 'grep', 'sed', 'findutils', 'procps', 'hostname', 'diffutils', 'ncurses', 'util-linux', 'mawk', 'gawk'];

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
  const bb = busyboxCommands({ banner: 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.', external });
  out.set('busybox', viaTable(bb, 'busybox'));
  const deb = debianCommands({ external });
  for (const name of DEBIAN_FAMILY) out.set(name, viaTable(deb, name));
  return out;
}
