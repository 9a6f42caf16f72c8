// redis-cli: one command from its arguments, commands read from stdin, or the interactive
// prompt ("127.0.0.1:6379> ") on a terminal. Replies are shown as redis-cli shows them: quoted
// strings, "(integer) 1", "(nil)", numbered arrays on a terminal; raw values in a pipe.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { tcpExchange } from '../effects';
import { readLine } from '../lib/lines';
import { programVersion } from '../lib/version';
import { decodeReplies, encodeCommand, splitArgs, type Reply } from './resp';

interface Opts {
  host: string;
  port: number;
  password: string | null;
  user: string | null;
  db: number;
  raw: boolean | null;
  noAuthWarning: boolean;
  command: string[];
}

function parse(ctx: CommandContext, args: string[]): Opts | number {
  const o: Opts = { host: '127.0.0.1', port: 6379, password: null, user: null, db: 0, raw: null, noAuthWarning: false, command: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => args[++i] ?? '';
    if (o.command.length > 0) {
      o.command.push(a);
      continue;
    }
    switch (a) {
      case '-h':
        o.host = next();
        break;
      case '-p':
        o.port = Number(next());
        break;
      case '-a':
      case '--pass':
        o.password = next();
        break;
      case '--user':
        o.user = next();
        break;
      case '-n':
        o.db = Number(next());
        break;
      case '--raw':
        o.raw = true;
        break;
      case '--no-raw':
        o.raw = false;
        break;
      case '--no-auth-warning':
        o.noAuthWarning = true;
        break;
      case '-u': {
        const m = /^redis:\/\/(?:([^:@]*)(?::([^@]*))?@)?([^:/]+)(?::(\d+))?(?:\/(\d+))?$/.exec(next());
        if (!m) {
          ctx.stderr.write('Invalid URI scheme\n');
          return 1;
        }
        if (m[1]) o.user = m[1];
        if (m[2]) o.password = m[2];
        o.host = m[3]!;
        if (m[4]) o.port = Number(m[4]);
        if (m[5]) o.db = Number(m[5]);
        break;
      }
      case '-v':
      case '--version':
        return -2;
      case '--help':
        return -1;
      default:
        if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
          ctx.stderr.write(`Unrecognized option or bad number of args for: '${a}'\n`);
          return 1;
        }
        o.command.push(a);
    }
  }
  return o;
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 32 || c === 127) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** redis-cli's terminal formatting (cliFormatReplyTTY). */
export function formatTty(r: Reply, indent = ''): string {
  switch (r.t) {
    case 'status':
      return r.v;
    case 'error':
      return `(error) ${r.v}`;
    case 'int':
      return `(integer) ${r.v}`;
    case 'bulk':
      return r.v === null ? '(nil)' : quote(r.v);
    case 'array': {
      if (r.v === null) return '(nil)';
      if (r.v.length === 0) return '(empty array)';
      const width = String(r.v.length).length;
      return r.v
        .map((item, i) => {
          const label = `${String(i + 1).padStart(width)}) `;
          const body = formatTty(item, indent + ' '.repeat(label.length));
          return `${i === 0 ? '' : indent}${label}${body}`;
        })
        .join('\n');
    }
  }
}

/** redis-cli's raw formatting, used when stdout is not a terminal. */
export function formatRaw(r: Reply): string {
  switch (r.t) {
    case 'status':
    case 'error':
      return r.v;
    case 'int':
      return String(r.v);
    case 'bulk':
      return r.v ?? '';
    case 'array':
      return (r.v ?? []).map(formatRaw).join('\n');
  }
}

interface Conn {
  host: string;
  port: number;
  /** Commands replayed before each request: the connection's AUTH and SELECT. */
  prelude: string[][];
}

type Sent = { ok: true; replies: Reply[] } | { ok: false; text: string };

function* send(conn: Conn, commands: string[][]): Run<Sent> {
  const data = [...conn.prelude, ...commands].map(encodeCommand).join('');
  const r = yield* tcpExchange({ host: conn.host, port: conn.port, data });
  if (!r.ok) {
    const why = r.error === 'resolve' ? 'Name or service not known' : r.error === 'timeout' ? 'Connection timed out' : r.error === 'unreachable' ? 'No route to host' : 'Connection refused';
    return { ok: false, text: `Could not connect to Redis at ${conn.host}:${conn.port}: ${why}` };
  }
  const replies = decodeReplies(r.data ?? '');
  return { ok: true, replies: replies.slice(conn.prelude.length) };
}

export const redisCli: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'REDIS_VERSION', '8.0.2');
  const parsed = parse(ctx, ctx.args.slice(1));
  if (parsed === -2) {
    ctx.stdout.write(`redis-cli ${version}\n`);
    return 0;
  }
  if (parsed === -1) {
    ctx.stdout.write(`redis-cli ${version}\n\nUsage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]\n  -h <hostname>      Server hostname (default: 127.0.0.1).\n  -p <port>          Server port (default: 6379).\n  -a <password>      Password to use when connecting to the server.\n  -n <db>            Database number.\n  -u <uri>           Server URI.\n  --raw              Use raw formatting for replies (default when STDOUT is\n                     not a tty).\n  --no-raw           Force formatted output even when STDOUT is not a tty.\n  --help             Output this help and exit.\n  --version          Output version and exit.\n`);
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  if (o.password !== null && !o.noAuthWarning) ctx.stderr.write("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
  const conn: Conn = { host: o.host, port: o.port, prelude: [] };
  if (o.password !== null) conn.prelude.push(o.user ? ['AUTH', o.user, o.password] : ['AUTH', o.password]);
  if (o.db !== 0) conn.prelude.push(['SELECT', String(o.db)]);
  const raw = o.raw ?? !ctx.isatty;
  const show = (r: Reply) => ctx.stdout.write(`${raw ? formatRaw(r) : formatTty(r)}\n`);

  if (o.command.length > 0) {
    const r = yield* send(conn, [o.command]);
    if (!r.ok) {
      ctx.stderr.write(`${r.text}\n`);
      return 1;
    }
    const reply = r.replies[0]!;
    show(reply);
    return reply.t === 'error' ? 1 : 0;
  }

  // no command: a prompt on a terminal, otherwise commands from stdin
  const interactive = ctx.stdin.interactive;
  let connected = true;
  if (interactive) {
    const probe = yield* send(conn, [['PING']]);
    if (!probe.ok) {
      ctx.stderr.write(`${probe.text}\n`);
      connected = false;
    }
  }
  const prompt = () => (connected ? `${conn.host}:${conn.port}${currentDb(conn) ? `[${currentDb(conn)}]` : ''}> ` : 'not connected> ');
  let status = 0;
  for (;;) {
    if (interactive) ctx.stdout.write(prompt());
    const read = yield* readLine(ctx);
    if (read === null) return status;
    const line = read.endsWith('\n') ? read.slice(0, -1) : read;
    const args = splitArgs(line);
    if (args.length === 0) continue;
    const cmd = args[0]!.toLowerCase();
    if (interactive && (cmd === 'quit' || cmd === 'exit')) return 0;
    if (interactive && cmd === 'help') {
      ctx.stdout.write(`redis-cli ${version}\nTo get help about Redis commands type:\n      "help @<group>" to get a list of commands in <group>\n      "help <command>" for help on <command>\n      "help <tab>" to get a list of possible help topics\n      "quit" to exit\n\nTo set redis-cli preferences:\n      ":set hints" enable online hints\n      ":set nohints" disable online hints\nSet your preferences in ~/.redisclirc\n`);
      continue;
    }
    if (interactive && cmd === 'clear') {
      ctx.stdout.write('\x1b[H\x1b[2J');
      continue;
    }
    const r = yield* send(conn, [args]);
    if (!r.ok) {
      ctx.stderr.write(`${r.text}\n`);
      connected = false;
      status = 1;
      if (!interactive) return 1;
      continue;
    }
    connected = true;
    const reply = r.replies[0]!;
    if (reply.t !== 'error') {
      if (cmd === 'auth') conn.prelude = [args, ...conn.prelude.filter((p) => p[0]!.toLowerCase() !== 'auth')];
      if (cmd === 'select') conn.prelude = [...conn.prelude.filter((p) => p[0]!.toLowerCase() !== 'select'), args];
    }
    show(reply);
    if (cmd === 'shutdown' && reply.t !== 'error') connected = false;
  }
};

function currentDb(conn: Conn): number {
  const sel = conn.prelude.find((p) => p[0]!.toLowerCase() === 'select');
  return sel ? Number(sel[1]) : 0;
}
