// docker-init (tini), PID 1 of a container run with --init: it starts the command as its child,
// passes the signals it receives on to it, reaps zombies, and exits with the child's status. The
// child is not PID 1, so a signal it has no handler for kills it (docker stop ends `sleep` with
// 143 at once instead of waiting out the grace period).

import { Signal, type Command } from '../../sh/types';
import { killProcess, lookupCommand, spawnChild, trap, waitChildren, waitForSignal } from './effects';

const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGCHLD'];

export const dockerInit: Command = function* (ctx) {
  const argv = ctx.args.slice(ctx.args[1] === '--' ? 2 : 1);
  if (argv.length === 0) {
    ctx.stderr.write('[FATAL tini (1)] Usage: tini [OPTIONS] PROGRAM -- [ARGS] | --version\n');
    return 1;
  }
  const found = yield* lookupCommand(argv, ctx.env, ctx.cwd);
  if (!found.ok) {
    ctx.stderr.write(`[FATAL tini (7)] exec ${argv[0]} failed: ${found.code === 127 ? 'No such file or directory' : 'Permission denied'}\n`);
    return found.code;
  }
  for (const s of FORWARDED) yield* trap(s, 'catch');
  const child = yield* spawnChild({
    title: argv.join(' '),
    program: (childCtx) => found.program({ ...childCtx, args: found.argv }),
  });
  for (;;) {
    try {
      yield* waitForSignal();
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      if (e.signal === 'SIGCHLD') {
        const done = (yield* waitChildren()).find((x) => x.pid === child);
        if (done) return done.code;
        continue;
      }
      yield* killProcess(child, e.signal);
    }
  }
};
