// The host's own small commands: history (bash's builtin over the terminal's history), help
// (what this machine can do), reset (start over with a new World).

import type { Command, CommandContext, CommandTable, Run } from '../sh';
import type { HostServices } from './services';

export function historyCommand(host: HostServices): Command {
  return function* history(ctx: CommandContext): Run<number> {
    const args = ctx.args.slice(1);
    const h = host.terminal.history;
    if (args[0] === '-c') {
      h.clear();
      return 0;
    }
    if (args[0] !== undefined && args[0].startsWith('-') && !/^-\d+$/.test(args[0])) {
      if (['-a', '-n', '-r', '-w', '-d', '-s', '-p'].includes(args[0])) return 0;
      ctx.stderr.write(`bash: history: ${args[0]}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`);
      return 2;
    }
    if (args.length > 1) {
      ctx.stderr.write('bash: history: too many arguments\n');
      return 1;
    }
    const entries = h.entries();
    let from = 0;
    if (args[0] !== undefined) {
      if (!/^\d+$/.test(args[0])) {
        ctx.stderr.write(`bash: history: ${args[0]}: numeric argument required\n`);
        return 1;
      }
      from = Math.max(0, entries.length - Number(args[0]));
    }
    let out = '';
    for (let i = from; i < entries.length; i++) out += `${String(i + 1).padStart(5)}  ${entries[i]}\n`;
    ctx.stdout.write(out);
    return 0;
  };
}

const B = (s: string) => `\x1b[1m${s}\x1b[0m`;

export function helpText(bold: boolean): string {
  const b = bold ? B : (s: string) => s;
  return `${b('docksim')} — a simulated Ubuntu 24.04 machine with Docker Engine 28.2 (nothing runs for real).

${b('Docker')}        docker run, ps, images, pull, logs, exec, stop, rm, build, network, volume ...
              docker --help and docker COMMAND --help list everything.
${b('Files')}         cd pwd ls cat echo mkdir rm touch cp mv head tail wc sort grep find sed ...
${b('Network')}       curl localhost:8080   wget URL   ping ADDRESS
              (published ports answer on localhost; containers' addresses answer from here)
              curl --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json
              (the Engine API itself: what docker sends and gets)
${b('Shell')}         variables ($VAR, $?, export), ; && || | > >> <, heredocs (cat > Dockerfile <<EOF),
              env which history clear hostname whoami uname date sleep true false exit
${b('Keys')}          Tab completes commands, files, docker commands, flags and names (twice: a list);
              Up/Down and Ctrl-R search the history; Ctrl-C interrupts; Ctrl-L clears;
              Ctrl-A/E/U/K/W edit the line; in docker run -it, Ctrl-P Ctrl-Q detaches.
${b('reset')}         starts over: a new machine, no containers, no images, no files of yours.
`;
}

export function helpCommand(): Command {
  return function* help(ctx: CommandContext): Run<number> {
    const topic = ctx.args[1];
    if (topic !== undefined && topic !== '-s' && topic !== '-d') {
      ctx.stderr.write(`bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
      if (topic === 'docker') ctx.stderr.write("(docker has its own: try 'docker --help')\n");
      return 1;
    }
    ctx.stdout.write(helpText(ctx.isatty));
    return 0;
  };
}

export function resetCommand(host: HostServices): Command {
  return function* reset(ctx: CommandContext): Run<number> {
    if (ctx.args.length > 1 && (ctx.args[1] === '--help' || ctx.args[1] === '-h')) {
      ctx.stdout.write('Usage: reset\n\nStarts over: a new simulated machine (containers, images, volumes, networks and your files are gone; the command history stays).\n');
      return 0;
    }
    if (!host.reset) {
      // without a World to replace, reset does what the terminal utility does
      ctx.stdout.write('\x1bc');
      return 0;
    }
    host.reset();
    return 0;
  };
}

const SUDO_USAGE = 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]\nusage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n';

/**
 * sudo as on a cloud machine whose user may use it without a password: the command runs as
 * root (whoami says root; HOME is /root). Not needed for docker: learner is in the docker group.
 */
export function sudoCommand(table: () => CommandTable): Command {
  return function* sudo(ctx: CommandContext): Run<number> {
    const args = ctx.args.slice(1);
    let login = false;
    let shell = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      if (a === '-u' || a === '-g' || a === '-p' || a === '-D' || a === '-C' || a === '-h') {
        i++;
        continue;
      }
      if (a === '-i' || a === '--login') login = true;
      else if (a === '-s' || a === '--shell') shell = true;
      else if (a === '-V' || a === '--version') {
        ctx.stdout.write('Sudo version 1.9.15p5\n');
        return 0;
      } else if (a === '-k' || a === '-K' || a === '-v' || a === '-E' || a === '-H' || a === '-n' || a === '-S' || a === '-b') continue;
      else {
        ctx.stderr.write(`sudo: invalid option -- '${a.replace(/^-+/, '')}'\n${SUDO_USAGE}`);
        return 1;
      }
    }
    let argv = args.slice(i);
    if (argv.length === 0) {
      if (!login && !shell) {
        ctx.stderr.write(SUDO_USAGE);
        return 1;
      }
      argv = ['bash'];
    }
    const env = new Map(ctx.env);
    env.set('HOME', '/root');
    env.set('USER', 'root');
    env.set('LOGNAME', 'root');
    env.set('SUDO_USER', ctx.sys.user);
    env.set('SUDO_UID', String(ctx.sys.uid));
    env.set('SUDO_GID', String(ctx.sys.gid));
    env.set('SUDO_COMMAND', argv.join(' '));
    env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin');
    const cmd = table().lookup(argv[0]!, { env, fs: ctx.fs });
    if (!cmd) {
      ctx.stderr.write(`sudo: ${argv[0]}: command not found\n`);
      return 1;
    }
    return yield* cmd({ ...ctx, args: argv, env, cwd: login ? '/root' : ctx.cwd, sys: { ...ctx.sys, user: 'root', uid: 0, gid: 0 } });
  };
}
