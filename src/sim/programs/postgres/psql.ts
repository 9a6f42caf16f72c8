// psql: connects over the Unix socket (no -h) or TCP, authenticates (PGPASSWORD, or the
// password prompt on a terminal), runs -c commands, files, stdin scripts or the interactive
// prompt ("postgres=# "), and prints results in psql's aligned format with its error texts.
// Meta-commands: \l \dt \du \d \c \conninfo \q \?. pg_isready lives here too.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { resolveName, tcpExchange } from '../effects';
import { readLine } from '../lib/lines';
import { connectUnix } from '../lib/unix-sockets';
import { identity } from '../lib/users';
import type { PgRequest, PgResponse } from './server';
import { SOCKET_DIR, pgVersion } from './server';
import type { Cluster, Result } from './sql';

interface Conn {
  host: string | null;
  port: number;
  user: string;
  database: string;
  password: string | null;
  /** Address the host resolved to (for error texts). */
  address: string | null;
}

type Sent = { ok: true; res: PgResponse } | { ok: false; text: string };

function connError(c: Conn, why: string): string {
  if (c.host === null) return `connection to server on socket "${SOCKET_DIR}/.s.PGSQL.${c.port}" failed: ${why}`;
  return `connection to server at "${c.host}" (${c.address ?? c.host}), port ${c.port} failed: ${why}`;
}

function* send(ctx: CommandContext, c: Conn, query?: string, meta?: 'catalog'): Run<Sent> {
  const req: PgRequest = { user: c.user, database: c.database, password: c.password, ...(query !== undefined ? { query } : {}), ...(meta ? { meta } : {}) };
  const body = JSON.stringify(req);
  let text: string | null;
  if (c.host === null || c.host.startsWith('/')) {
    const me = identity(ctx);
    text = connectUnix(ctx.fs, `${c.host ?? SOCKET_DIR}/.s.PGSQL.${c.port}`, body, { uid: me.uid, user: me.name });
    if (text === null) return { ok: false, text: `${connError(c, 'No such file or directory')}\n\tIs the server running locally and accepting connections on that socket?` };
  } else {
    if (c.address === null) {
      const ip = c.host === 'localhost' ? '127.0.0.1' : /^\d+\.\d+\.\d+\.\d+$/.test(c.host) ? c.host : yield* resolveName(c.host);
      if (!ip) return { ok: false, text: `could not translate host name "${c.host}" to address: Name or service not known` };
      c.address = ip;
    }
    const r = yield* tcpExchange({ host: c.host, port: c.port, data: body });
    if (!r.ok) {
      if (r.error === 'resolve') return { ok: false, text: `could not translate host name "${c.host}" to address: Name or service not known` };
      const why = r.error === 'timeout' ? 'Connection timed out' : r.error === 'unreachable' ? 'No route to host' : 'Connection refused';
      return { ok: false, text: `${connError(c, why)}\n\tIs the server running on that host and accepting TCP/IP connections?` };
    }
    text = r.data ?? '';
  }
  if (text === '') return { ok: false, text: connError(c, 'server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.') };
  return { ok: true, res: JSON.parse(text) as PgResponse };
}

// ---- output ----------------------------------------------------------------------------------

export interface Table {
  title?: string;
  columns: { name: string; right: boolean }[];
  rows: (string | null)[][];
  footer?: string | null;
}

/** psql's aligned format (border 1): centred headers, numbers right-aligned, "(N rows)". */
export function aligned(t: Table, opts: { tuplesOnly?: boolean } = {}): string {
  const cells = t.rows.map((r) => r.map((v) => (v ?? '').split('\n')));
  const widths = t.columns.map((c, i) => Math.max(opts.tuplesOnly ? 0 : c.name.length, ...cells.map((r) => Math.max(...(r[i] ?? ['']).map((l) => l.length)))));
  const total = widths.reduce((a, w) => a + w + 3, -1);
  let out = '';
  if (t.title && !opts.tuplesOnly) out += `${' '.repeat(Math.max(0, Math.floor((total - t.title.length) / 2)))}${t.title}\n`;
  if (!opts.tuplesOnly) {
    out += `${t.columns
      .map((c, i) => {
        const w = widths[i]!;
        const left = Math.floor((w - c.name.length) / 2);
        return ` ${' '.repeat(left)}${c.name}${' '.repeat(w - c.name.length - left)} `;
      })
      .join('|')}\n`;
    out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
  }
  for (const r of cells) {
    const height = Math.max(1, ...r.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      let line = '';
      t.columns.forEach((c, i) => {
        const w = widths[i]!;
        const parts = r[i] ?? [''];
        const v = parts[k] ?? '';
        const more = k < parts.length - 1;
        const last = i === t.columns.length - 1;
        const cell = c.right ? v.padStart(w) : last && !more ? v : v.padEnd(w);
        line += `${i === 0 ? ' ' : ''}${cell}${last ? (more ? '+' : '') : more ? '+| ' : ' | '}`;
      });
      out += `${line}\n`;
    }
  }
  if (!opts.tuplesOnly && t.footer !== null) out += `${t.footer ?? `(${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'})`}\n`;
  if (!opts.tuplesOnly) out += '\n';
  return out;
}

function unalignedOut(t: Table, sep: string, tuplesOnly: boolean): string {
  let out = tuplesOnly ? '' : `${t.columns.map((c) => c.name).join(sep)}\n`;
  for (const r of t.rows) out += `${r.map((v) => v ?? '').join(sep)}\n`;
  if (!tuplesOnly) out += `(${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'})\n`;
  return out;
}

// ---- the program -----------------------------------------------------------------------------

interface Opts {
  conn: Conn;
  commands: { kind: 'c' | 'f'; text: string }[];
  vars: Map<string, string>;
  noPassword: boolean;
  forcePassword: boolean;
  quiet: boolean;
  tuplesOnly: boolean;
  unaligned: boolean;
  fieldSep: string;
  list: boolean;
}

/** Short options taking a value (getopt's "d:" and the like). */
const WITH_VALUE = 'UdhpcfvFPRoLT';

/** getopt's clusters apart: -tAc 'SQL' is -t -A -c 'SQL', -Upostgres is -U postgres. */
function clusters(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (!/^-[^-]./.test(a)) {
      out.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      if (WITH_VALUE.includes(a[j]!)) {
        out.push(`-${a.slice(j)}`);
        break;
      }
      out.push(`-${a[j]}`);
    }
  }
  return out;
}

function parse(ctx: CommandContext, args: string[]): Opts | number {
  const me = identity(ctx);
  const conn: Conn = {
    host: ctx.env.get('PGHOST') || null,
    port: Number(ctx.env.get('PGPORT') || 5432),
    user: ctx.env.get('PGUSER') || me.name,
    database: '',
    password: ctx.env.get('PGPASSWORD') ?? null,
    address: null,
  };
  let database = ctx.env.get('PGDATABASE') || '';
  const o: Opts = { conn, commands: [], vars: new Map(), noPassword: false, forcePassword: false, quiet: false, tuplesOnly: false, unaligned: false, fieldSep: '|', list: false };
  const positional: string[] = [];
  args = clusters(args);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long = a.startsWith('--') ? a.slice(2).split('=') : null;
    const val = (short: string): string => {
      if (long) return long.length > 1 ? long.slice(1).join('=') : args[++i] ?? '';
      return a.length > short.length ? a.slice(short.length) : args[++i] ?? '';
    };
    const name = long ? long[0]! : a.slice(0, 2);
    switch (name) {
      case '-U':
      case 'username':
        conn.user = val('-U');
        break;
      case '-d':
      case 'dbname':
        database = val('-d');
        break;
      case '-h':
      case 'host':
        conn.host = val('-h');
        break;
      case '-p':
      case 'port':
        conn.port = Number(val('-p'));
        break;
      case '-c':
      case 'command':
        o.commands.push({ kind: 'c', text: val('-c') });
        break;
      case '-f':
      case 'file':
        o.commands.push({ kind: 'f', text: val('-f') });
        break;
      case '-v':
      case 'set':
      case 'variable': {
        const kv = val('-v');
        const eq = kv.indexOf('=');
        o.vars.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
        break;
      }
      case '-w':
      case 'no-password':
        o.noPassword = true;
        break;
      case '-W':
      case 'password':
        o.forcePassword = true;
        break;
      case '-X':
      case 'no-psqlrc':
        break;
      case '-q':
      case 'quiet':
        o.quiet = true;
        break;
      case '-t':
      case 'tuples-only':
        o.tuplesOnly = true;
        break;
      case '-A':
      case 'no-align':
        o.unaligned = true;
        break;
      case '-F':
      case 'field-separator':
        o.fieldSep = val('-F');
        break;
      case '-l':
      case 'list':
        o.list = true;
        break;
      case '-V':
      case 'version':
        return -2;
      case '-?':
      case 'help':
        return -1;
      default:
        if (a.startsWith('-') && a.length > 1) {
          ctx.stderr.write(`psql: error: invalid option -- '${a.replace(/^-+/, '')}'\npsql: hint: Try "psql --help" for more information.\n`);
          return 1;
        }
        positional.push(a);
    }
  }
  if (positional[0]) database = positional[0];
  if (positional[1]) conn.user = positional[1];
  conn.database = database || conn.user;
  return o;
}

function statements(text: string): { sql: string; line: number }[] {
  const out: { sql: string; line: number }[] = [];
  let cur = '';
  let q: string | null = null;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (q) {
      cur += ch;
      if (ch === q) q = null;
      continue;
    }
    if (ch === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      line++;
      cur += '\n';
      continue;
    }
    if (ch === "'" || ch === '"') q = ch;
    if (cur.trim() === '' && ch === '\\') {
      const end = text.indexOf('\n', i);
      const meta = text.slice(i, end < 0 ? undefined : end);
      out.push({ sql: meta.trim(), line });
      i = end < 0 ? text.length : end;
      line++;
      cur = '';
      continue;
    }
    if (cur.trim() === '') start = line;
    cur += ch;
    if (ch === ';') {
      out.push({ sql: cur.trim(), line: start });
      cur = '';
    }
  }
  if (cur.trim() !== '') out.push({ sql: cur.trim(), line: start });
  return out;
}

function errorText(r: Result & { kind: 'error' }, sql: string, where: string): string {
  let text = `${where}ERROR:  ${r.message}\n`;
  if (r.position) {
    const before = sql.slice(0, r.position - 1);
    const lineNo = before.split('\n').length;
    const lineText = sql.split('\n')[lineNo - 1] ?? '';
    const col = before.length - before.lastIndexOf('\n') - 1;
    const prefix = `LINE ${lineNo}: `;
    text += `${prefix}${lineText}\n${' '.repeat(prefix.length + col)}^\n`;
  }
  return text;
}

export const psql: Command = function* (ctx) {
  const version = yield* pgVersion(ctx);
  const parsed = parse(ctx, ctx.args.slice(1));
  if (parsed === -2) {
    ctx.stdout.write(`psql (PostgreSQL) ${version.full}\n`);
    return 0;
  }
  if (parsed === -1) {
    ctx.stdout.write('psql is the PostgreSQL interactive terminal.\n\nUsage:\n  psql [OPTION]... [DBNAME [USERNAME]]\n\nGeneral options:\n  -c, --command=COMMAND    run only single command (SQL or internal) and exit\n  -d, --dbname=DBNAME      database name to connect to\n  -f, --file=FILENAME      execute commands from file, then exit\n  -l, --list               list available databases, then exit\n  -v, --set=, --variable=NAME=VALUE\n                           set psql variable NAME to VALUE\n  -V, --version            output version information, then exit\n  -X, --no-psqlrc          do not read startup file (~/.psqlrc)\n\nConnection options:\n  -h, --host=HOSTNAME      database server host or socket directory\n  -p, --port=PORT          database server port\n  -U, --username=USERNAME  database user name\n  -w, --no-password        never prompt for password\n  -W, --password           force password prompt (should happen automatically)\n');
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const c = o.conn;
  const interactive = ctx.stdin.interactive && o.commands.length === 0 && !o.list;

  // connect (startup and authentication)
  let first = yield* send(ctx, c);
  if (first.ok && first.res.needPassword) {
    if (!ctx.stdin.interactive || o.noPassword) {
      ctx.stderr.write(`psql: error: ${connError(c, 'fe_sendauth: no password supplied')}\n`);
      return 2;
    }
    ctx.stdout.write(`Password for user ${c.user}: `);
    const line = yield* readLine(ctx);
    c.password = (line ?? '').replace(/\r?\n$/, '');
    ctx.stdout.write('\n');
    first = yield* send(ctx, c);
    if (first.ok && first.res.needPassword) first = { ok: false, text: connError(c, 'fe_sendauth: no password supplied') };
  }
  if (!first.ok) {
    ctx.stderr.write(`psql: error: ${first.text}\n`);
    return 2;
  }
  if (first.res.fatal) {
    ctx.stderr.write(`psql: error: ${connError(c, `FATAL:  ${first.res.fatal}`)}\n`);
    return 2;
  }
  let superuser = first.res.superuser ?? false;
  const onErrorStop = ['1', 'on', 'true'].includes((o.vars.get('ON_ERROR_STOP') ?? '').toLowerCase());

  /** Runs one statement or meta-command; returns false when psql should stop. */
  const exec = function* (sql: string, where: string): Run<'ok' | 'error' | 'quit'> {
    if (sql.startsWith('\\')) return yield* meta(sql);
    const r = yield* send(ctx, c, sql);
    if (!r.ok) {
      ctx.stderr.write(`${r.text.replace(/^connection to server .* failed: /, '')}\n`);
      return 'error';
    }
    if (r.res.fatal) {
      ctx.stderr.write(`FATAL:  ${r.res.fatal}\n`);
      return 'error';
    }
    for (const res of r.res.results ?? []) {
      if (res.kind === 'error') {
        ctx.stderr.write(errorText(res, sql, where));
        return 'error';
      }
      if (res.kind === 'command') {
        if (!o.quiet) ctx.stdout.write(`${res.tag}\n`);
        continue;
      }
      const t: Table = { columns: res.columns.map((col) => ({ name: col.name, right: col.numeric })), rows: res.rows };
      ctx.stdout.write(o.unaligned ? unalignedOut(t, o.fieldSep, o.tuplesOnly) : aligned(t, { tuplesOnly: o.tuplesOnly }));
    }
    return 'ok';
  };

  const meta = function* (line: string): Run<'ok' | 'error' | 'quit'> {
    const [cmd = '', ...rest] = line.trim().split(/\s+/);
    switch (cmd) {
      case '\\q':
        return 'quit';
      case '\\l':
      case '\\list':
        ctx.stdout.write(yield* databaseList());
        return 'ok';
      case '\\c':
      case '\\connect': {
        const db = rest[0] ?? c.database;
        const prev = c.database;
        c.database = db === '-' ? prev : db;
        if (rest[1]) c.user = rest[1];
        const r = yield* send(ctx, c);
        if (!r.ok || r.res.fatal) {
          ctx.stderr.write(`${r.ok ? connError(c, `FATAL:  ${r.res.fatal}`) : r.text}\nPrevious connection kept\n`);
          c.database = prev;
          return 'error';
        }
        superuser = r.res.superuser ?? false;
        ctx.stdout.write(`You are now connected to database "${c.database}" as user "${c.user}".\n`);
        return 'ok';
      }
      case '\\conninfo':
        ctx.stdout.write(c.host === null ? `You are connected to database "${c.database}" as user "${c.user}" via socket in "${SOCKET_DIR}" at port "${c.port}".\n` : `You are connected to database "${c.database}" as user "${c.user}" on host "${c.host}" (address "${c.address}") at port "${c.port}".\n`);
        return 'ok';
      case '\\dt':
      case '\\d':
        return yield* describe(cmd, rest[0]);
      case '\\du':
      case '\\dg':
        return yield* roles();
      case '\\?':
        ctx.stdout.write('General\n  \\q                     quit psql\n\nInformational\n  \\d[S+]  NAME           describe table, view, sequence, or index\n  \\dt[S+] [PATTERN]      list tables\n  \\du[S+] [PATTERN]      list roles\n  \\l[+]   [PATTERN]      list databases\n\nConnection\n  \\c[onnect] {[DBNAME|- USER|- HOST|- PORT|-] | conninfo}\n                         connect to new database (currently "' + c.database + '")\n  \\conninfo              display information about current connection\n');
        return 'ok';
      default:
        ctx.stderr.write(`invalid command ${cmd}\nTry \\? for help.\n`);
        return 'error';
    }
  };

  const databaseList = function* (): Run<string> {
    const cluster = yield* catalog();
    const names = Object.keys(cluster?.databases ?? {}).sort();
    const loc = cluster?.locale ?? 'en_US.utf8';
    const enc = cluster?.encoding ?? 'UTF8';
    const rows = names.map((n) => {
      const owner = cluster!.databases[n]!.owner;
      const acl = n.startsWith('template') ? `=c/${owner}\n${owner}=CTc/${owner}` : '';
      return [n, owner, enc, 'libc', loc, loc, '', '', acl];
    });
    return aligned({
      title: 'List of databases',
      columns: ['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', 'Locale', 'ICU Rules', 'Access privileges'].map((name) => ({ name, right: false })),
      rows,
    });
  };

  /** The system catalogs, as psql's describe queries read them. */
  const catalog = function* (): Run<Cluster | null> {
    const r = yield* send(ctx, c, undefined, 'catalog');
    return r.ok ? (r.res.catalog ?? null) : null;
  };

  const describe = function* (cmd: string, name: string | undefined): Run<'ok' | 'error'> {
    const cluster = yield* catalog();
    const tables = cluster?.databases[c.database]?.tables ?? {};
    if (cmd === '\\dt' || name === undefined) {
      const names = Object.keys(tables).sort();
      if (names.length === 0) {
        ctx.stdout.write('Did not find any relations.\n');
        return 'ok';
      }
      ctx.stdout.write(aligned({ title: 'List of relations', columns: ['Schema', 'Name', 'Type', 'Owner'].map((n) => ({ name: n, right: false })), rows: names.map((n) => ['public', n, 'table', tables[n]!.owner]) }));
      return 'ok';
    }
    const t = tables[name];
    if (!t) {
      ctx.stderr.write(`Did not find any relation named "${name}".\n`);
      return 'error';
    }
    const rows = t.columns.map((col) => [col.name, col.type === 'varchar' ? 'character varying' : col.type, '', col.notNull || col.pk ? 'not null' : '', col.serial ? `nextval('${name}_${col.name}_seq'::regclass)` : col.def === undefined || col.def === null ? '' : String(col.def)]);
    let text = aligned({ title: `Table "public.${name}"`, columns: ['Column', 'Type', 'Collation', 'Nullable', 'Default'].map((n) => ({ name: n, right: false })), rows, footer: null });
    const pk = t.columns.find((col) => col.pk);
    if (pk) text = `${text.replace(/\n$/, '')}Indexes:\n    "${name}_pkey" PRIMARY KEY, btree (${pk.name})\n\n`;
    ctx.stdout.write(text);
    return 'ok';
  };

  const roles = function* (): Run<'ok'> {
    const cluster = yield* catalog();
    const rows = Object.entries(cluster?.roles ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, r]) => [n, [r.superuser ? 'Superuser, Create role, Create DB, Replication, Bypass RLS' : r.createdb ? 'Create DB' : '', r.login ? '' : 'Cannot login'].filter(Boolean).join(', ')]);
    ctx.stdout.write(aligned({ title: 'List of roles', columns: [{ name: 'Role name', right: false }, { name: 'Attributes', right: false }], rows, footer: null }));
    return 'ok';
  };

  if (o.list) {
    ctx.stdout.write(yield* databaseList());
    return 0;
  }

  if (o.commands.length > 0) {
    for (const cmd of o.commands) {
      if (cmd.kind === 'c') {
        const r = yield* exec(cmd.text.trim(), '');
        if (r === 'error') return 1;
        continue;
      }
      let text: string;
      try {
        text = ctx.fs.readFile(cmd.text.startsWith('/') ? cmd.text : `${ctx.cwd.replace(/\/$/, '')}/${cmd.text}`);
      } catch {
        ctx.stderr.write(`psql: error: ${cmd.text}: No such file or directory\n`);
        return 1;
      }
      for (const s of statements(text)) {
        const r = yield* exec(s.sql, `psql:${cmd.text}:${s.line}: `);
        if (r === 'quit') return 0;
        if (r === 'error' && onErrorStop) return 3;
      }
    }
    return 0;
  }

  if (!interactive) {
    // a script on stdin
    let text = '';
    for (;;) {
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) break;
      text += chunk;
    }
    for (const s of statements(text)) {
      const r = yield* exec(s.sql, `psql:<stdin>:${s.line}: `);
      if (r === 'quit') return 0;
      if (r === 'error' && onErrorStop) return 3;
    }
    return 0;
  }

  ctx.stdout.write(`psql (${version.full})\nType "help" for help.\n\n`);
  let buffer = '';
  for (;;) {
    const sign = superuser ? '#' : '>';
    ctx.stdout.write(buffer.trim() === '' ? `${c.database}=${sign} ` : `${c.database}-${sign} `);
    const line = yield* readLine(ctx);
    if (line === null) {
      ctx.stdout.write('\\q\n');
      return 0;
    }
    const l = line.replace(/\r?\n$/, '');
    if (buffer.trim() === '' && l.trim() === 'help') {
      ctx.stdout.write('You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n');
      continue;
    }
    if (buffer.trim() === '' && (l.trim() === 'quit' || l.trim() === 'exit')) return 0;
    if (buffer.trim() === '' && l.trim().startsWith('\\')) {
      const r = yield* meta(l.trim());
      if (r === 'quit') return 0;
      continue;
    }
    buffer += `${l}\n`;
    if (!/;\s*$/.test(l)) continue;
    for (const s of statements(buffer)) {
      const r = yield* exec(s.sql, '');
      if (r === 'quit') return 0;
    }
    buffer = '';
  }
};



/** pg_isready: whether the server accepts connections (exit 0), rejects them (1), does not answer (2). */
export const pgIsReady: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  let host: string | null = ctx.env.get('PGHOST') || null;
  let port = Number(ctx.env.get('PGPORT') || 5432);
  let quiet = false;
  let user = ctx.env.get('PGUSER') || identity(ctx).name;
  let db = ctx.env.get('PGDATABASE') || '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = () => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? '');
    if (a.startsWith('-h') || a.startsWith('--host')) host = v();
    else if (a.startsWith('-p') || a.startsWith('--port')) port = Number(v());
    else if (a.startsWith('-U') || a.startsWith('--username')) user = v();
    else if (a.startsWith('-d') || a.startsWith('--dbname')) db = v();
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-V' || a === '--version') {
      ctx.stdout.write(`pg_isready (PostgreSQL) ${(yield* pgVersion(ctx)).full}\n`);
      return 0;
    } else if (a.startsWith('-t') || a.startsWith('--timeout')) v();
  }
  const c: Conn = { host, port, user, database: db || user, password: null, address: null };
  const r = yield* send(ctx, c);
  const where = host === null ? `${SOCKET_DIR}:${port}` : `${host}:${port}`;
  if (!r.ok) {
    if (!quiet) ctx.stdout.write(`${where} - no response\n`);
    return 2;
  }
  if (!quiet) ctx.stdout.write(`${where} - accepting connections\n`);
  return 0;
};
