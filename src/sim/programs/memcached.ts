// memcached: silent by default, -v/-vv chatter on stderr (slab classes, "server listening",
// each client's commands with -vv), the text protocol over the simulated network (set, get,
// add, replace, append, delete, incr/decr, touch, flush_all, stats, version), refusal to run as
// root without -u, and "Signal handled: Terminated." on SIGTERM.

import type { Command } from '../../sh/types';
import { Signal } from '../../sh/types';
import type { HttpRequest, HttpResponse } from '../network/ports';
import { listen, sleep, TCP_METHOD, trap } from './effects';
import { identity } from './lib/users';
import { programVersion } from './lib/version';

interface Item {
  value: string;
  flags: number;
  expires: number | null;
  cas: number;
}

const SIGNAL_TEXT: Record<string, string> = { SIGTERM: 'Terminated', SIGINT: 'Interrupt', SIGQUIT: 'Quit' };

export const memcached: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'MEMCACHED_VERSION', '1.6.38');
  const args = ctx.args.slice(1);
  let port = 11211;
  let verbose = 0;
  let user: string | null = null;
  let memory = 64;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-V' || a === '--version') {
      ctx.stdout.write(`memcached ${version}\n`);
      return 0;
    }
    if (a === '-h' || a === '--help') {
      ctx.stdout.write(`memcached ${version}\n-p, --port=<num>          TCP port to listen on (default: 11211)\n-u, --user=<user>         assume identity of <username> (only when run as root)\n-m, --memory-limit=<num>  item memory in megabytes (default: 64)\n-c, --conn-limit=<num>    max simultaneous connections (default: 1024)\n-v, --verbose             verbose (print errors/warnings while in event loop)\n-vv                       very verbose (also print client commands/responses)\n-h, --help                print this help and exit\n-V, --version             print version and exit\n`);
      return 0;
    }
    if (/^-v+$/.test(a)) verbose += a.length - 1;
    else if (a === '--verbose') verbose++;
    else if (a === '-p' || a.startsWith('--port=')) port = Number(a.startsWith('--') ? a.slice(7) : args[++i]);
    else if (a === '-u' || a.startsWith('--user=')) user = a.startsWith('--') ? a.slice(7) : args[++i] ?? null;
    else if (a === '-m' || a.startsWith('--memory-limit=')) memory = Number(a.startsWith('--') ? a.slice(15) : args[++i]);
    else if (['-c', '-t', '-I', '-o', '-l', '-U', '-R', '-B', '-f', '-n'].includes(a)) i++;
    else if (a.startsWith('-')) {
      ctx.stderr.write(`${ctx.args[0]}: invalid option -- '${a.replace(/^-+/, '')}'\nTry \`${ctx.args[0]} -h' for more information.\n`);
      return 64;
    }
  }
  if (identity(ctx).uid === 0 && user === null) {
    ctx.stderr.write("can't run as root without the -u switch\n");
    return 64;
  }
  const items = new Map<string, Item>();
  let cas = 1;
  let conn = 26;
  const stats = { gets: 0, hits: 0, sets: 0, started: ctx.sys.now() };
  const live = (k: string): Item | undefined => {
    const it = items.get(k);
    if (it && it.expires !== null && it.expires <= ctx.sys.now()) {
      items.delete(k);
      return undefined;
    }
    return it;
  };
  const exptime = (n: number): number | null => (n === 0 ? null : n > 2_592_000 ? n * 1000 : ctx.sys.now() + n * 1000);
  const handle = (data: string, fd: number): string => {
    const lines = data.split('\r\n');
    let out = '';
    const trace = (dir: '<' | '>', text: string) => {
      if (verbose >= 2) ctx.stderr.write(`${dir}${fd} ${text}\n`);
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const [cmd = '', ...a] = line.split(' ');
      trace('<', line);
      const reply = (s: string) => {
        out += `${s}\r\n`;
        trace('>', s.split('\r\n')[0]!);
      };
      switch (cmd) {
        case 'set':
        case 'add':
        case 'replace':
        case 'append':
        case 'prepend': {
          const [key = '', flags = '0', exp = '0', bytes = '0'] = a;
          const value = (lines[++i] ?? '').slice(0, Number(bytes));
          const cur = live(key);
          if ((cmd === 'add' && cur) || ((cmd === 'replace' || cmd === 'append' || cmd === 'prepend') && !cur)) {
            reply('NOT_STORED');
            break;
          }
          const v = cmd === 'append' ? cur!.value + value : cmd === 'prepend' ? value + cur!.value : value;
          items.set(key, { value: v, flags: Number(flags), expires: cmd === 'append' || cmd === 'prepend' ? cur!.expires : exptime(Number(exp)), cas: cas++ });
          stats.sets++;
          reply('STORED');
          break;
        }
        case 'get':
        case 'gets': {
          for (const k of a) {
            stats.gets++;
            const it = live(k);
            if (!it) continue;
            stats.hits++;
            out += `VALUE ${k} ${it.flags} ${new TextEncoder().encode(it.value).length}${cmd === 'gets' ? ` ${it.cas}` : ''}\r\n${it.value}\r\n`;
            trace('>', `sending key ${k}`);
          }
          reply('END');
          break;
        }
        case 'delete':
          reply(live(a[0] ?? '') && items.delete(a[0]!) ? 'DELETED' : 'NOT_FOUND');
          break;
        case 'incr':
        case 'decr': {
          const it = live(a[0] ?? '');
          if (!it) {
            reply('NOT_FOUND');
            break;
          }
          if (!/^\d+$/.test(it.value)) {
            reply('CLIENT_ERROR cannot increment or decrement non-numeric value');
            break;
          }
          const n = cmd === 'incr' ? BigInt(it.value) + BigInt(a[1] ?? '1') : BigInt(it.value) - BigInt(a[1] ?? '1');
          it.value = String(n < 0n ? 0n : n);
          reply(it.value);
          break;
        }
        case 'touch': {
          const it = live(a[0] ?? '');
          if (it) it.expires = exptime(Number(a[1] ?? 0));
          reply(it ? 'TOUCHED' : 'NOT_FOUND');
          break;
        }
        case 'flush_all':
          items.clear();
          reply('OK');
          break;
        case 'version':
          reply(`VERSION ${version}`);
          break;
        case 'stats': {
          const uptime = Math.floor((ctx.sys.now() - stats.started) / 1000);
          const s = [
            `STAT pid 1`,
            `STAT uptime ${uptime}`,
            `STAT time ${Math.floor(ctx.sys.now() / 1000)}`,
            `STAT version ${version}`,
            'STAT pointer_size 64',
            `STAT curr_connections 2`,
            `STAT cmd_get ${stats.gets}`,
            `STAT cmd_set ${stats.sets}`,
            `STAT get_hits ${stats.hits}`,
            `STAT get_misses ${stats.gets - stats.hits}`,
            `STAT curr_items ${[...items.keys()].filter((k) => live(k)).length}`,
            `STAT limit_maxbytes ${memory * 1024 * 1024}`,
            'END',
          ];
          for (const l of s) out += `${l}\r\n`;
          break;
        }
        case 'quit':
          return out;
        default:
          reply('ERROR');
      }
    }
    return out;
  };
  const handler = (req: HttpRequest): HttpResponse => {
    const fd = ++conn + 1;
    if (verbose >= 2) ctx.stderr.write(`<${fd} new auto-negotiating client connection\n`);
    if (req.method !== TCP_METHOD) {
      // an HTTP request line is not a memcached command
      if (verbose >= 2) ctx.stderr.write(`${fd}: Client using the ascii protocol\n<${fd} ${req.method} ${req.path} HTTP/1.1\n>${fd} ERROR\n`);
      return { status: 0, headers: {}, body: '' };
    }
    if (verbose >= 2) ctx.stderr.write(`${fd}: Client using the ascii protocol\n`);
    const body = handle(req.body, fd);
    if (verbose >= 2) ctx.stderr.write(`<${fd} connection closed.\n`);
    return { status: 200, headers: {}, body };
  };
  if (verbose >= 2) {
    let size = 96;
    for (let cls = 1; cls <= 39 && size <= 524288; cls++) {
      ctx.stderr.write(`slab class ${String(cls).padStart(3)}: chunk size ${String(size).padStart(9)} perslab ${String(Math.floor(1048576 / size)).padStart(7)}\n`);
      size = Math.min(524288, Math.ceil((size * 1.25) / 8) * 8);
      if (size === 524288) {
        ctx.stderr.write(`slab class ${String(cls + 1).padStart(3)}: chunk size ${String(size).padStart(9)} perslab ${String(2).padStart(7)}\n`);
        break;
      }
    }
  }
  if (!(yield* listen(port, handler))) {
    ctx.stderr.write(`failed to listen on TCP port ${port}: Address already in use\n`);
    return 71;
  }
  if (verbose >= 2) ctx.stderr.write('<26 server listening (auto-negotiate)\n');
  for (const s of ['SIGTERM', 'SIGINT', 'SIGQUIT']) yield* trap(s, 'catch');
  for (;;) {
    try {
      yield* sleep(60_000);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      ctx.stderr.write(`Signal handled: ${SIGNAL_TEXT[e.signal] ?? e.signal}.\n`);
      return 0;
    }
  }
};
