// Small tools entrypoint scripts call: envsubst (nginx's templates) and openssl (rand for
// generated passwords, version). Randomness is derived from the clock and the hostname, so a
// world replays identically.

import type { Command, CommandContext } from '../../../sh/types';
import { getPid } from '../effects';

function readAll(ctx: CommandContext): Generator<{ type: 'read' }, string, unknown> {
  return (function* () {
    let text = '';
    for (;;) {
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) return text;
      text += chunk;
    }
  })();
}

export const envsubst: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.stdout.write('envsubst (GNU gettext-runtime) 0.21\nCopyright (C) 2003-2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\nWritten by Bruno Haible.\n');
    return 0;
  }
  if (args[0] === '-v' || args[0] === '--variables') {
    for (const m of (args[1] ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) ctx.stdout.write(`${m[1]}\n`);
    return 0;
  }
  const only = args[0] !== undefined ? new Set([...args[0].matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1]!)) : null;
  const text = yield* readAll(ctx);
  ctx.stdout.write(
    text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a: string | undefined, b: string | undefined) => {
      const name = (a ?? b)!;
      if (only && !only.has(name)) return m;
      return ctx.env.get(name) ?? '';
    }),
  );
  return 0;
};

function bytes(seed: string, n: number): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let i = 0; i < n; i++) {
    h ^= h << 13;
    h >>>= 0;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out.push(h & 0xff);
  }
  return out;
}

export const openssl: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  switch (args[0]) {
    case 'version':
      ctx.stdout.write(args.includes('-a') ? 'OpenSSL 3.0.16 11 Feb 2025 (Library: OpenSSL 3.0.16 11 Feb 2025)\nbuilt on: reproducible build, date unspecified\nplatform: linux-x86_64\n' : 'OpenSSL 3.0.16 11 Feb 2025 (Library: OpenSSL 3.0.16 11 Feb 2025)\n');
      return 0;
    case 'rand': {
      const n = Number(args[args.length - 1]);
      if (!Number.isInteger(n) || n < 0) {
        ctx.stderr.write(`rand: Invalid number of bytes\nrand: Use -help for summary.\n`);
        return 1;
      }
      const { pid } = yield* getPid();
      const b = bytes(`${ctx.sys.hostname}:${ctx.sys.now()}:${pid}`, n);
      if (args.includes('-hex')) ctx.stdout.write(`${b.map((x) => x.toString(16).padStart(2, '0')).join('')}\n`);
      else if (args.includes('-base64')) ctx.stdout.write(`${btoa(String.fromCharCode(...b)).replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n`);
      else ctx.stdout.write(String.fromCharCode(...b));
      return 0;
    }
    case undefined:
      ctx.stderr.write('help:\n\nStandard commands\nrand              version\n');
      return 1;
  }
  ctx.stderr.write(`Invalid command '${args[0]}'; type "help" for a list.\n`);
  return 1;
};
