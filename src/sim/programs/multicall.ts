// Multi-call binaries (busybox, GNU coreutils): one executable, many commands, chosen by the
// name it was invoked as (argv[0]'s basename), or by the first argument (`busybox ls`).

import type { Command } from '../../sh/types';

export function multicall(name: string, applets: () => Map<string, Command>, unknown: (applet: string) => string): Command {
  return function* (ctx) {
    const table = applets();
    let argv = ctx.args;
    let base = (argv[0] ?? '').split('/').pop() ?? '';
    if (base === name && argv.length > 1) {
      argv = argv.slice(1);
      base = argv[0]!;
    }
    const applet = table.get(base);
    if (!applet) {
      ctx.stderr.write(unknown(base));
      return 127;
    }
    return yield* applet({ ...ctx, args: argv });
  };
}
