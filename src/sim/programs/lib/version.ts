// Which version a program model plays. A real binary knows its version; a model reads it from
// its executable when the image says (`\x7fELF docksim-program:<name> version=<v>`), else from
// the variable the official image sets (NGINX_VERSION, PG_VERSION...), else its default.

import type { CommandContext, Run } from '../../../sh/types';
import { lookupCommand } from '../effects';

export function* programVersion(ctx: CommandContext, envVar: string | null, fallback: string): Run<string> {
  const argv0 = ctx.args[0] ?? '';
  if (argv0 !== '') {
    const r = yield* lookupCommand([argv0], ctx.env, ctx.cwd);
    if (r.ok) {
      try {
        const head = ctx.fs.readFile(r.path).slice(0, 256).split('\n')[0]!;
        const m = /\sversion=(\S+)/.exec(head);
        if (m) return m[1]!;
      } catch {
        // unreadable: fall through
      }
    }
  }
  const v = envVar ? ctx.env.get(envVar) : undefined;
  return v && /^\d/.test(v) ? v : fallback;
}
