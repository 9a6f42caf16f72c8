// The mysql client and mysqladmin: connection over the socket (localhost) or TCP, MySQL's
// client errors (ERROR 2002, 2003, 2005, 1045), statements from -e, stdin or the mysql> prompt,
// tables on a terminal and tab-separated batch output in a pipe; mysqladmin ping, shutdown,
// version.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { resolveName, sleep, tcpExchange } from '../effects';
import { readLine } from '../lib/lines';
import { connectUnix } from '../lib/unix-sockets';
import { identity } from '../lib/users';
import { mysqlVersion, SOCKET } from './server';
import type { MyRequest, MyResponse, MyResult } from './sql';

interface Conn {
  host: string;
  port: number;
  socket: string;
  user: string;
  password: string;
  database: string | null;
  protocol: 'socket' | 'tcp' | null;
}

type Sent = { ok: true; res: MyResponse } | { ok: false; code: number; state: string; message: string };

function* send(ctx: CommandContext, c: Conn, req: Partial<MyRequest>): Run<Sent> {
  const body = JSON.stringify({ user: c.user, password: c.password, database: c.database, ...req });
  const viaSocket = c.protocol === 'socket' || (c.protocol === null && c.host === 'localhost');
  if (viaSocket) {
    const me = identity(ctx);
    const text = connectUnix(ctx.fs, c.socket, body, { uid: me.uid, user: me.name });
    if (text === null) return { ok: false, code: 2002, state: 'HY000', message: `Can't connect to local MySQL server through socket '${c.socket}' (2)` };
    return { ok: true, res: JSON.parse(text) as MyResponse };
  }
  const host = c.host === 'localhost' ? '127.0.0.1' : c.host;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(host) && !(yield* resolveName(host))) return { ok: false, code: 2005, state: 'HY000', message: `Unknown MySQL server host '${c.host}' (-2)` };
  const r = yield* tcpExchange({ host, port: c.port, data: body });
  if (!r.ok) return { ok: false, code: 2003, state: 'HY000', message: `Can't connect to MySQL server on '${c.host}:${c.port}' (${r.error === 'timeout' ? 110 : 111})` };
  if (!r.data) return { ok: false, code: 2013, state: 'HY000', message: 'Lost connection to MySQL server at \'reading initial communication packet\', system error: 0' };
  return { ok: true, res: JSON.parse(r.data) as MyResponse };
}

interface Opts {
  conn: Conn;
  execute: string | null;
  askPassword: boolean;
  passwordOnCommandLine: boolean;
  skipNames: boolean;
  batch: boolean;
  table: boolean;
  rest: string[];
}

function parse(ctx: CommandContext, args: string[], prog: string): Opts | number {
  const conn: Conn = { host: 'localhost', port: 3306, socket: SOCKET, user: identity(ctx).name, password: ctx.env.get('MYSQL_PWD') ?? '', database: null, protocol: null };
  const o: Opts = { conn, execute: null, askPassword: false, passwordOnCommandLine: false, skipNames: false, batch: false, table: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long = a.startsWith('--') ? a.slice(2).split('=') : null;
    const val = (short: string) => (long ? (long.length > 1 ? long.slice(1).join('=') : args[++i] ?? '') : a.length > short.length ? a.slice(short.length) : args[++i] ?? '');
    const name = long ? long[0]! : a.slice(0, 2);
    switch (name) {
      case '-u':
      case 'user':
        conn.user = val('-u');
        break;
      case '-h':
      case 'host':
        conn.host = val('-h');
        break;
      case '-P':
      case 'port':
        conn.port = Number(val('-P'));
        break;
      case '-S':
      case 'socket':
        conn.socket = val('-S');
        break;
      case 'protocol':
        conn.protocol = val('').toLowerCase() === 'tcp' ? 'tcp' : 'socket';
        break;
      case '-D':
      case 'database':
        conn.database = val('-D');
        break;
      case '-e':
      case 'execute':
        o.execute = val('-e');
        break;
      case '-p':
      case 'password':
        if (long ? long.length > 1 : a.length > 2) {
          conn.password = long ? long.slice(1).join('=') : a.slice(2);
          o.passwordOnCommandLine = true;
        } else o.askPassword = true;
        break;
      case '-N':
      case 'skip-column-names':
        o.skipNames = true;
        break;
      case '-B':
      case 'batch':
        o.batch = true;
        break;
      case '-t':
      case 'table':
        o.table = true;
        break;
      case 'defaults-extra-file':
      case 'defaults-file': {
        // an option file: its [client] group (the entrypoint passes the root password this way,
        // through a process substitution)
        const file = val('');
        let text: string;
        try {
          text = ctx.fs.readFile(file);
        } catch {
          ctx.stderr.write(`${prog}: [ERROR] Could not open required defaults file: ${file}\n${prog}: [ERROR] Fatal error in defaults handling. Program aborted!\n`);
          return 1;
        }
        let group = '';
        for (const raw of text.split('\n')) {
          const line = raw.trim();
          const g = /^\[(.*)\]$/.exec(line);
          if (g) {
            group = g[1]!.trim();
            continue;
          }
          if (group !== 'client' && group !== prog) continue;
          const m = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
          if (!m) continue;
          const v = m[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
          if (m[1] === 'password') conn.password = v;
          else if (m[1] === 'user') conn.user = v;
          else if (m[1] === 'socket') conn.socket = v;
          else if (m[1] === 'host') conn.host = v;
          else if (m[1] === 'port') conn.port = Number(v);
        }
        break;
      }
      case '-s':
      case 'silent':
      case 'comments':
      case 'binary-mode':
      case 'force':
      case 'no-defaults':
        break;
      case '-V':
      case 'version':
        return -2;
      default:
        if (a.startsWith('-')) {
          ctx.stderr.write(`${prog}: [ERROR] ${prog}: unknown option '${a}'.\n`);
          return 7;
        }
        o.rest.push(a);
    }
  }
  if (prog === 'mysql' && o.rest[0] && conn.database === null) conn.database = o.rest[0];
  return o;
}

function pad(s: string, w: number, right: boolean): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function tableText(r: MyResult & { kind: 'rows' }): string {
  const numeric = r.columns.map((_c, i) => r.rows.length > 0 && r.rows.every((row) => row[i] === null || /^-?\d+(\.\d+)?$/.test(row[i]!)));
  const cells = r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : v)));
  const widths = r.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  let out = line + `| ${r.columns.map((c, i) => pad(c, widths[i]!, false)).join(' | ')} |\n` + line;
  for (const row of cells) out += `| ${row.map((v, i) => pad(v, widths[i]!, numeric[i]!)).join(' | ')} |\n`;
  return out + line;
}

function batchText(r: MyResult & { kind: 'rows' }, skipNames: boolean): string {
  let out = skipNames ? '' : `${r.columns.join('\t')}\n`;
  for (const row of r.rows) out += `${row.map((v) => (v === null ? 'NULL' : v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t'))).join('\t')}\n`;
  return out;
}

export const mysql: Command = function* (ctx) {
  const version = yield* mysqlVersion(ctx);
  const parsed = parse(ctx, ctx.args.slice(1), 'mysql');
  if (parsed === -2) {
    ctx.stdout.write(`mysql  Ver ${version} for Linux on ${ctx.sys.machine === 'aarch64' ? 'aarch64' : 'x86_64'} (MySQL Community Server - GPL)\n`);
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const c = o.conn;
  if (o.passwordOnCommandLine) ctx.stderr.write('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  const interactive = ctx.stdin.interactive && o.execute === null;
  if (o.askPassword) {
    if (ctx.stdin.interactive) {
      ctx.stdout.write('Enter password: ');
      const line = yield* readLine(ctx);
      ctx.stdout.write('\n');
      c.password = (line ?? '').replace(/\r?\n$/, '');
    }
  }
  const first = yield* send(ctx, c, { ping: true });
  if (!first.ok) {
    ctx.stderr.write(`ERROR ${first.code} (${first.state}): ${first.message}\n`);
    return 1;
  }
  if (first.res.error) {
    ctx.stderr.write(`ERROR ${first.res.error.code} (${first.res.error.state}): ${first.res.error.message}\n`);
    return 1;
  }
  const table = o.table || (interactive && !o.batch);
  const show = (r: MyResult, line: number | null): boolean => {
    if (r.kind === 'error') {
      ctx.stderr.write(`ERROR ${r.code} (${r.state})${line !== null ? ` at line ${line}` : ''}: ${r.message}\n`);
      return false;
    }
    if (r.kind === 'rows') {
      if (r.rows.length === 0) {
        if (interactive) ctx.stdout.write('Empty set (0.00 sec)\n\n');
        return true;
      }
      ctx.stdout.write(table ? tableText(r) : batchText(r, o.skipNames));
      if (interactive) ctx.stdout.write(`${r.rows.length} ${r.rows.length === 1 ? 'row' : 'rows'} in set (0.00 sec)\n\n`);
      return true;
    }
    if (interactive) {
      if (r.info === 'Database changed') ctx.stdout.write('Database changed\n');
      else ctx.stdout.write(`Query OK, ${r.affected} ${r.affected === 1 ? 'row' : 'rows'} affected${r.info === 'warning' ? ', 1 warning' : ''} (0.01 sec)\n\n`);
    }
    return true;
  };
  const runSql = function* (sql: string, line: number | null): Run<boolean> {
    const r = yield* send(ctx, c, { sql });
    if (!r.ok) {
      ctx.stderr.write(`ERROR ${r.code} (${r.state}): ${r.message}\n`);
      return false;
    }
    if (r.res.error) {
      ctx.stderr.write(`ERROR ${r.res.error.code} (${r.res.error.state}): ${r.res.error.message}\n`);
      return false;
    }
    if (r.res.database !== undefined) c.database = r.res.database;
    // the session stays authenticated when its own password changes (the server model checks
    // the password with each request, so the connection keeps up with it)
    const own = new RegExp(`(?:alter|create)\\s+user\\s+(?:if\\s+not\\s+exists\\s+)?'${c.user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'@'localhost'\\s+identified\\s+(?:with\\s+\\S+\\s+)?by\\s+'([^']*)'`, 'i');
    const changed = own.exec(sql);
    for (const res of r.res.results ?? []) if (!show(res, line)) return false;
    if (changed) c.password = changed[1]!;
    return true;
  };
  if (o.execute !== null) return (yield* runSql(o.execute, 1)) ? 0 : 1;
  if (!interactive) {
    let text = '';
    for (;;) {
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) break;
      text += chunk;
    }
    let lineNo = 1;
    let acc = '';
    let startLine = 1;
    for (const l of text.split('\n')) {
      if (acc.trim() === '') startLine = lineNo;
      acc += `${l}\n`;
      if (/;\s*$/.test(l)) {
        if (!(yield* runSql(acc, startLine))) return 1;
        acc = '';
      }
      lineNo++;
    }
    if (acc.trim() !== '' && !(yield* runSql(acc, startLine))) return 1;
    return 0;
  }
  ctx.stdout.write(`Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is 9\nServer version: ${version} MySQL Community Server - GPL\n\nCopyright (c) 2000, 2025, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`);
  let acc = '';
  for (;;) {
    ctx.stdout.write(acc === '' ? 'mysql> ' : '    -> ');
    const line = yield* readLine(ctx);
    if (line === null) {
      ctx.stdout.write('Bye\n');
      return 0;
    }
    const l = line.replace(/\r?\n$/, '');
    if (acc === '' && /^\s*(exit|quit|\\q)\s*;?\s*$/i.test(l)) {
      ctx.stdout.write('Bye\n');
      return 0;
    }
    if (acc === '' && /^\s*use\s+\S+\s*;?\s*$/i.test(l)) {
      yield* runSql(l.replace(/;\s*$/, ''), null);
      continue;
    }
    acc += `${l}\n`;
    if (/(;|\\g)\s*$/.test(l)) {
      yield* runSql(acc.replace(/\\g\s*$/, ''), null);
      acc = '';
    }
  }
};



export const mysqladmin: Command = function* (ctx) {
  const version = yield* mysqlVersion(ctx);
  const parsed = parse(ctx, ctx.args.slice(1), 'mysqladmin');
  if (parsed === -2) {
    ctx.stdout.write(`mysqladmin  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  if (o.passwordOnCommandLine) ctx.stderr.write('mysqladmin: [Warning] Using a password on the command line interface can be insecure.\n');
  const cmd = o.rest[0] ?? '';
  const fail = (code: number, message: string) => {
    const socketHint = code === 2002 ? `\nCheck that mysqld is running and that the socket: '${o.conn.socket}' exists!` : code === 2003 ? `\nCheck that mysqld is running on ${o.conn.host} and that the port is ${o.conn.port}.\nYou can check this by doing 'telnet ${o.conn.host} ${o.conn.port}'` : '';
    ctx.stderr.write(`mysqladmin: connect to server at '${o.conn.host}' failed\nerror: '${message}'${socketHint}\n`);
    return 1;
  };
  const r = yield* send(ctx, o.conn, cmd === 'shutdown' ? { sql: 'SHUTDOWN' } : { ping: true });
  if (!r.ok) return fail(r.code, r.message);
  if (r.res.error) {
    if (cmd === 'ping' && r.res.error.code === 1045) {
      ctx.stdout.write('mysqld is alive\n');
      return 0;
    }
    return fail(r.res.error.code, r.res.error.message);
  }
  switch (cmd) {
    case 'ping':
      ctx.stdout.write('mysqld is alive\n');
      return 0;
    case 'shutdown':
      // mysqladmin waits for the server to be gone (its socket closed) before it returns
      for (let i = 0; i < 600; i++) {
        yield* sleep(50);
        const alive = yield* send(ctx, o.conn, { ping: true });
        if (!alive.ok) break;
      }
      return 0;
    case 'version':
    case 'status':
      ctx.stdout.write(`mysqladmin  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\nCopyright (c) 2000, 2025, Oracle and/or its affiliates.\n\nServer version\t\t${version}\nProtocol version\t10\nConnection\t\tLocalhost via UNIX socket\nUNIX socket\t\t${o.conn.socket}\nUptime:\t\t\t1 min 0 sec\n\nThreads: 2  Questions: 1  Slow queries: 0  Opens: 119  Flush tables: 3  Open tables: 38  Queries per second avg: 0.016\n`);
      return 0;
    case '':
      ctx.stderr.write(`mysqladmin  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\nUsage: mysqladmin [OPTIONS] command command....\n`);
      return 1;
  }
  ctx.stderr.write(`mysqladmin: Unknown command: '${cmd}'\n`);
  return 1;
};
