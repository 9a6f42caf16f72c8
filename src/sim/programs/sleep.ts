// sleep(1): waits the given time (suffixes s, m, h, d; "infinity"), then exits 0.

import type { Command } from '../../sh/types';
import { waitForSignal } from './effects';

const UNIT: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleepProgram: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    ctx.stderr.write('sleep: missing operand\nTry \'sleep --help\' for more information.\n');
    return 1;
  }
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') {
      yield* waitForSignal();
      return 0;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr.write(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * UNIT[m[2]!]!;
  }
  yield { type: 'sleep', ms: Math.round(total) };
  return 0;
};
