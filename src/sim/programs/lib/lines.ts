// A program's stdin read line by line, as fgets reads it: each line with its newline, the last
// one without when the input does not end in one, null at the end. What is read past a line
// stays for the next call (kept per input, so every reader of one stdin shares it).

import type { CommandContext, Run } from '../../../sh/types';

const buffers = new WeakMap<object, { buf: string }>();

export function* readLine(ctx: CommandContext): Run<string | null> {
  const state = buffers.get(ctx.stdin) ?? { buf: '' };
  buffers.set(ctx.stdin, state);
  for (;;) {
    const nl = state.buf.indexOf('\n');
    if (nl >= 0) {
      const line = state.buf.slice(0, nl + 1);
      state.buf = state.buf.slice(nl + 1);
      return line;
    }
    const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
    if (chunk === null) {
      const rest = state.buf;
      state.buf = '';
      return rest === '' ? null : rest;
    }
    state.buf += chunk;
  }
}
