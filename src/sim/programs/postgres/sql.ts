// A small SQL engine for the PostgreSQL model: enough of the language for what learners type
// into psql (CREATE/DROP DATABASE, TABLE, ROLE; INSERT, SELECT with WHERE/ORDER BY/LIMIT,
// UPDATE, DELETE; expressions, a few functions) with PostgreSQL's command tags and error texts.

export type Value = string | number | boolean | null;

export interface Column {
  name: string;
  type: string;
  serial?: boolean;
  notNull?: boolean;
  pk?: boolean;
  def?: Value;
}

export interface Table {
  owner: string;
  columns: Column[];
  rows: Value[][];
  seq: number;
}

export interface Database {
  owner: string;
  tables: Record<string, Table>;
}

export interface Role {
  superuser: boolean;
  login: boolean;
  password: string | null;
  createdb: boolean;
}

export interface Cluster {
  version: string;
  encoding: string;
  locale: string;
  databases: Record<string, Database>;
  roles: Record<string, Role>;
}

export interface SessionInfo {
  user: string;
  database: string;
  version: string;
  now: () => number;
}

export type Result =
  | { kind: 'rows'; columns: { name: string; numeric: boolean }[]; rows: (string | null)[][]; tag: string }
  | { kind: 'command'; tag: string }
  | { kind: 'error'; message: string; position?: number; code: string };

export class SqlError extends Error {
  constructor(
    message: string,
    readonly code = '42601',
    readonly position?: number,
  ) {
    super(message);
  }
}

// ---- tokens --------------------------------------------------------------------------------

interface Tok {
  t: 'id' | 'qid' | 'str' | 'num' | 'op' | 'end';
  v: string;
  pos: number;
}

const KEYWORDS = new Set([
  'select', 'from', 'where', 'insert', 'into', 'values', 'update', 'set', 'delete', 'create', 'drop', 'table', 'database', 'if', 'not',
  'exists', 'and', 'or', 'order', 'by', 'asc', 'desc', 'limit', 'as', 'null', 'true', 'false', 'is', 'primary', 'key', 'default',
  'returning', 'user', 'role', 'with', 'password', 'alter', 'like', 'in', 'offset', 'grant', 'all', 'on', 'to', 'privileges', 'distinct',
]);

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    const pos = i + 1;
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new SqlError('unterminated quoted string at or near "\'' + s + '"', '42601', pos);
        if (sql[i] === "'" && sql[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        if (sql[i] === "'") break;
        s += sql[i++];
      }
      i++;
      out.push({ t: 'str', v: s, pos });
      continue;
    }
    if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      if (end < 0) throw new SqlError(`unterminated quoted identifier at or near "${sql.slice(i)}"`, '42601', pos);
      out.push({ t: 'qid', v: sql.slice(i + 1, end), pos });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(?:[eE][+-]?\d+)?|^\d+\.?/.exec(sql.slice(i))!;
      out.push({ t: 'num', v: m[0], pos });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))!;
      out.push({ t: 'id', v: m[0].toLowerCase(), pos });
      i += m[0].length;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (['<=', '>=', '<>', '!=', '||', '::'].includes(two)) {
      out.push({ t: 'op', v: two, pos });
      i += 2;
      continue;
    }
    if ('(),;*=<>+-/%.'.includes(c)) {
      out.push({ t: 'op', v: c, pos });
      i++;
      continue;
    }
    throw new SqlError(`syntax error at or near "${c}"`, '42601', pos);
  }
  out.push({ t: 'end', v: '', pos: sql.length + 1 });
  return out;
}

// ---- expressions -----------------------------------------------------------------------------

type Expr =
  | { k: 'lit'; v: Value }
  | { k: 'col'; name: string; pos: number }
  | { k: 'star' }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'isnull'; e: Expr; not: boolean }
  | { k: 'call'; name: string; args: Expr[]; star: boolean; pos: number }
  | { k: 'cast'; e: Expr; type: string };

class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly sql: string,
  ) {}

  peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }

  next(): Tok {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1]!;
  }

  is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.t === 'id' || t.t === 'op') && t.v === v;
  }

  accept(v: string): boolean {
    if (this.is(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  fail(t: Tok = this.peek()): never {
    if (t.t === 'end') throw new SqlError('syntax error at end of input', '42601', t.pos);
    throw new SqlError(`syntax error at or near "${t.t === 'str' ? `'${t.v}'` : t.v}"`, '42601', t.pos);
  }

  expect(v: string): void {
    if (!this.accept(v)) this.fail();
  }

  ident(): string {
    const t = this.next();
    if (t.t === 'qid') return t.v;
    if (t.t === 'id' && !['select', 'from', 'where', 'values', 'set', 'table', 'order', 'limit'].includes(t.v)) return t.v;
    this.fail(t);
  }

  expr(): Expr {
    return this.or();
  }

  or(): Expr {
    let l = this.and();
    while (this.accept('or')) l = { k: 'bin', op: 'or', l, r: this.and() };
    return l;
  }

  and(): Expr {
    let l = this.not();
    while (this.accept('and')) l = { k: 'bin', op: 'and', l, r: this.not() };
    return l;
  }

  not(): Expr {
    if (this.accept('not')) return { k: 'not', e: this.not() };
    return this.cmp();
  }

  cmp(): Expr {
    let l = this.add();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(t.v)) {
        this.i++;
        l = { k: 'bin', op: t.v === '!=' ? '<>' : t.v, l, r: this.add() };
      } else if (this.is('is')) {
        this.i++;
        const not = this.accept('not');
        this.expect('null');
        l = { k: 'isnull', e: l, not };
      } else if (this.is('like')) {
        this.i++;
        l = { k: 'bin', op: 'like', l, r: this.add() };
      } else return l;
    }
  }

  add(): Expr {
    let l = this.mul();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && ['+', '-', '||'].includes(t.v)) {
        this.i++;
        l = { k: 'bin', op: t.v, l, r: this.mul() };
      } else return l;
    }
  }

  mul(): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && ['*', '/', '%'].includes(t.v)) {
        this.i++;
        l = { k: 'bin', op: t.v, l, r: this.unary() };
      } else return l;
    }
  }

  unary(): Expr {
    if (this.accept('-')) return { k: 'neg', e: this.unary() };
    let e = this.primary();
    while (this.accept('::')) e = { k: 'cast', e, type: this.ident() };
    return e;
  }

  primary(): Expr {
    const t = this.next();
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.t === 'op' && t.v === '*') return { k: 'star' };
    if (t.t === 'id' && t.v === 'null') return { k: 'lit', v: null };
    if (t.t === 'id' && t.v === 'true') return { k: 'lit', v: true };
    if (t.t === 'id' && t.v === 'false') return { k: 'lit', v: false };
    if (t.t === 'id' && ['current_user', 'session_user', 'current_timestamp', 'current_date', 'user'].includes(t.v) && !this.is('(')) return { k: 'call', name: t.v === 'user' ? 'current_user' : t.v, args: [], star: false, pos: t.pos };
    if (t.t === 'id' || t.t === 'qid') {
      if (this.is('(') && t.t === 'id') {
        this.i++;
        const args: Expr[] = [];
        let star = false;
        if (this.accept('*')) star = true;
        else if (!this.is(')')) {
          this.accept('distinct');
          args.push(this.expr());
          while (this.accept(',')) args.push(this.expr());
        }
        this.expect(')');
        return { k: 'call', name: t.v, args, star, pos: t.pos };
      }
      if (t.t === 'id' && KEYWORDS.has(t.v) && !['user', 'key', 'password', 'role'].includes(t.v)) this.fail(t);
      if (this.accept('.')) {
        if (this.accept('*')) return { k: 'star' };
        const c = this.ident();
        return { k: 'col', name: c, pos: t.pos };
      }
      return { k: 'col', name: t.v, pos: t.pos };
    }
    this.fail(t);
  }
}

// ---- evaluation ------------------------------------------------------------------------------

interface Row {
  cols: Column[];
  vals: Value[];
}

function truthy(v: Value): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

function compare(a: Value, b: Value): number {
  if (a === null || b === null) return NaN;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  if (typeof a === 'number' && /^-?\d+(\.\d+)?$/.test(sb)) return a - Number(sb);
  if (typeof b === 'number' && /^-?\d+(\.\d+)?$/.test(sa)) return Number(sa) - b;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function likeRegExp(p: string): RegExp {
  return new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
}

function evaluate(e: Expr, row: Row | null, s: SessionInfo): Value {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'star':
      return null;
    case 'col': {
      if (!row) throw new SqlError(`column "${e.name}" does not exist`, '42703', e.pos);
      const i = row.cols.findIndex((c) => c.name === e.name);
      if (i < 0) throw new SqlError(`column "${e.name}" does not exist`, '42703', e.pos);
      return row.vals[i] ?? null;
    }
    case 'neg': {
      const v = evaluate(e.e, row, s);
      return v === null ? null : -Number(v);
    }
    case 'not': {
      const v = evaluate(e.e, row, s);
      return v === null ? null : !truthy(v);
    }
    case 'isnull': {
      const v = evaluate(e.e, row, s);
      return e.not ? v !== null : v === null;
    }
    case 'cast': {
      const v = evaluate(e.e, row, s);
      if (v === null) return null;
      if (['int', 'integer', 'int4', 'int8', 'bigint', 'numeric', 'float', 'real'].includes(e.type)) {
        const n = Number(v);
        if (Number.isNaN(n)) throw new SqlError(`invalid input syntax for type ${e.type === 'int' ? 'integer' : e.type}: "${v}"`, '22P02');
        return e.type.startsWith('int') || e.type === 'bigint' ? Math.trunc(n) : n;
      }
      return String(v);
    }
    case 'bin': {
      const l = evaluate(e.l, row, s);
      if (e.op === 'and') return l === false ? false : (truthy(l) && truthy(evaluate(e.r, row, s)));
      if (e.op === 'or') return truthy(l) || truthy(evaluate(e.r, row, s));
      const r = evaluate(e.r, row, s);
      if (l === null || r === null) return null;
      switch (e.op) {
        case '||':
          return String(l) + String(r);
        case 'like':
          return likeRegExp(String(r)).test(String(l));
        case '=':
          return compare(l, r) === 0;
        case '<>':
          return compare(l, r) !== 0;
        case '<':
          return compare(l, r) < 0;
        case '>':
          return compare(l, r) > 0;
        case '<=':
          return compare(l, r) <= 0;
        case '>=':
          return compare(l, r) >= 0;
      }
      const a = Number(l);
      const b = Number(r);
      if (Number.isNaN(a) || Number.isNaN(b)) throw new SqlError(`operator does not exist: text ${e.op} integer`, '42883');
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          if (b === 0) throw new SqlError('division by zero', '22012');
          return Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
        case '%':
          return a % b;
      }
      return null;
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, row, s));
      switch (e.name) {
        case 'version':
          return `PostgreSQL ${s.version}`;
        case 'current_user':
        case 'session_user':
          return s.user;
        case 'current_database':
          return s.database;
        case 'now':
        case 'current_timestamp':
          return new Date(s.now()).toISOString().replace('T', ' ').replace('Z', '+00');
        case 'current_date':
          return new Date(s.now()).toISOString().slice(0, 10);
        case 'upper':
          return args[0] === null ? null : String(args[0]).toUpperCase();
        case 'lower':
          return args[0] === null ? null : String(args[0]).toLowerCase();
        case 'length':
          return args[0] === null ? null : String(args[0]).length;
        case 'concat':
          return args.map((a) => (a === null ? '' : String(a))).join('');
        case 'coalesce':
          return args.find((a) => a !== null) ?? null;
        case 'pg_sleep':
          return '';
      }
      throw new SqlError(`function ${e.name}(${e.args.map(() => 'unknown').join(', ')}) does not exist`, '42883', e.pos);
    }
  }
}

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max']);

function isAggregate(e: Expr): boolean {
  return e.k === 'call' && AGGREGATES.has(e.name);
}

function aggregate(e: Expr & { k: 'call' }, rows: Row[], s: SessionInfo): Value {
  if (e.name === 'count') return e.star ? rows.length : rows.filter((r) => evaluate(e.args[0]!, r, s) !== null).length;
  const vals = rows.map((r) => evaluate(e.args[0]!, r, s)).filter((v): v is Value => v !== null);
  if (vals.length === 0) return null;
  if (e.name === 'sum') return vals.reduce<number>((a, v) => a + Number(v), 0);
  if (e.name === 'avg') return vals.reduce<number>((a, v) => a + Number(v), 0) / vals.length;
  const sorted = [...vals].sort(compare);
  return e.name === 'min' ? sorted[0]! : sorted[sorted.length - 1]!;
}

function exprName(e: Expr): string {
  if (e.k === 'col') return e.name;
  if (e.k === 'call') return e.name === 'current_timestamp' ? 'current_timestamp' : e.name;
  if (e.k === 'cast') return exprName(e.e) === '?column?' ? e.type : exprName(e.e);
  return '?column?';
}

function show(v: Value): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(16)));
  return v;
}

const NUMERIC_TYPES = ['int', 'integer', 'int4', 'int8', 'int2', 'bigint', 'smallint', 'serial', 'bigserial', 'numeric', 'decimal', 'real', 'float', 'float4', 'float8', 'double'];

function coerce(v: Value, col: Column): Value {
  if (v === null) return null;
  const t = col.type;
  if (NUMERIC_TYPES.some((n) => t.startsWith(n))) {
    const n = Number(v);
    if (Number.isNaN(n) || (typeof v === 'string' && v.trim() === '')) throw new SqlError(`invalid input syntax for type ${t.startsWith('int') || t === 'serial' ? 'integer' : t}: "${v}"`, '22P02');
    return n;
  }
  if (t === 'boolean' || t === 'bool') {
    if (typeof v === 'boolean') return v;
    const sv = String(v).toLowerCase();
    if (['t', 'true', 'yes', 'on', '1'].includes(sv)) return true;
    if (['f', 'false', 'no', 'off', '0'].includes(sv)) return false;
    throw new SqlError(`invalid input syntax for type boolean: "${v}"`, '22P02');
  }
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

// ---- statements ------------------------------------------------------------------------------

function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (q) {
      cur += c;
      if (c === q) q = null;
      continue;
    }
    if (c === "'" || c === '"') q = c;
    if (c === ';') {
      if (cur.trim() !== '') out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

export interface ExecContext {
  cluster: Cluster;
  session: SessionInfo;
  /** Called when the statement changed what is stored. */
  changed(): void;
}

/** Runs every statement of a query string; stops at the first error, as a simple query does. */
export function run(ctx: ExecContext, sql: string): Result[] {
  const out: Result[] = [];
  for (const stmt of splitStatements(sql)) {
    try {
      out.push(statement(ctx, stmt));
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      out.push({ kind: 'error', message: e.message, position: e.position, code: e.code });
      break;
    }
  }
  return out;
}

function db(ctx: ExecContext): Database {
  return ctx.cluster.databases[ctx.session.database]!;
}

function table(ctx: ExecContext, name: string, pos: number): Table {
  const t = db(ctx).tables[name];
  if (!t) throw new SqlError(`relation "${name}" does not exist`, '42P01', pos);
  return t;
}

function superuser(ctx: ExecContext): boolean {
  return ctx.cluster.roles[ctx.session.user]?.superuser ?? false;
}

function statement(ctx: ExecContext, sql: string): Result {
  const p = new Parser(tokenize(sql), sql);
  const first = p.peek();
  if (first.t !== 'id') p.fail();
  switch (first.v) {
    case 'select':
      p.next();
      return select(ctx, p);
    case 'insert':
      p.next();
      return insert(ctx, p);
    case 'update':
      p.next();
      return update(ctx, p);
    case 'delete':
      p.next();
      return remove(ctx, p);
    case 'create':
      p.next();
      return create(ctx, p);
    case 'drop':
      p.next();
      return drop(ctx, p);
    case 'alter':
      p.next();
      return alter(ctx, p);
    case 'begin':
    case 'start':
      return { kind: 'command', tag: 'BEGIN' };
    case 'commit':
    case 'end':
      return { kind: 'command', tag: 'COMMIT' };
    case 'rollback':
      return { kind: 'command', tag: 'ROLLBACK' };
    case 'grant':
      return { kind: 'command', tag: 'GRANT' };
    case 'show': {
      p.next();
      const name = p.ident();
      const values: Record<string, string> = { server_version: ctx.session.version.split(' ')[0]!, server_encoding: ctx.cluster.encoding, timezone: 'Etc/UTC', listen_addresses: '*', port: '5432', max_connections: '100', shared_buffers: '128MB', data_directory: '/var/lib/postgresql/data' };
      const v = values[name];
      if (v === undefined) throw new SqlError(`unrecognized configuration parameter "${name}"`, '42704');
      return { kind: 'rows', columns: [{ name, numeric: false }], rows: [[v]], tag: 'SHOW' };
    }
  }
  return p.fail(first);
}

function select(ctx: ExecContext, p: Parser): Result {
  p.accept('distinct');
  const items: { e: Expr; alias: string | null }[] = [];
  do {
    const e = p.expr();
    let alias: string | null = null;
    if (p.accept('as')) alias = p.ident();
    else if (p.peek().t === 'id' && !KEYWORDS.has(p.peek().v)) alias = p.ident();
    items.push({ e, alias });
  } while (p.accept(','));
  let rows: Row[] = [{ cols: [], vals: [] }];
  let from: Table | null = null;
  if (p.accept('from')) {
    const t = p.peek();
    const name = p.ident();
    from = table(ctx, name, t.pos);
    const cols = from.columns;
    rows = from.rows.map((vals) => ({ cols, vals }));
    if (p.peek().t === 'id' && !KEYWORDS.has(p.peek().v)) p.ident();
  }
  if (p.accept('where')) {
    const w = p.expr();
    rows = rows.filter((r) => truthy(evaluate(w, r, ctx.session)));
  }
  if (p.accept('order')) {
    p.expect('by');
    const keys: { e: Expr; desc: boolean }[] = [];
    do {
      const e = p.expr();
      const desc = p.accept('desc');
      if (!desc) p.accept('asc');
      keys.push({ e, desc });
    } while (p.accept(','));
    rows = [...rows].sort((a, b) => {
      for (const k of keys) {
        const c = compare(evaluate(k.e, a, ctx.session), evaluate(k.e, b, ctx.session)) || 0;
        if (c !== 0) return k.desc ? -c : c;
      }
      return 0;
    });
  }
  let limit: number | null = null;
  let offset = 0;
  for (;;) {
    if (p.accept('limit')) limit = Number(p.next().v);
    else if (p.accept('offset')) offset = Number(p.next().v);
    else break;
  }
  if (p.peek().t !== 'end') p.fail();
  const columns: { name: string; numeric: boolean }[] = [];
  const outRows: (string | null)[][] = [];
  if (items.some((i) => isAggregate(i.e))) {
    const vals = items.map((i) => (isAggregate(i.e) ? aggregate(i.e as Expr & { k: 'call' }, rows, ctx.session) : rows[0] ? evaluate(i.e, rows[0], ctx.session) : null));
    items.forEach((i, k) => columns.push({ name: i.alias ?? exprName(i.e), numeric: typeof vals[k] === 'number' || (i.e.k === 'call' && i.e.name === 'count') }));
    outRows.push(vals.map(show));
  } else {
    const picked = rows.slice(offset, limit === null ? undefined : offset + limit);
    for (const i of items) {
      if (i.e.k === 'star') {
        if (!from) throw new SqlError('SELECT * with no tables specified is not valid', '42601');
        for (const c of from.columns) columns.push({ name: c.name, numeric: NUMERIC_TYPES.some((n) => c.type.startsWith(n)) });
      } else {
        const sample = picked[0] ? evaluate(i.e, picked[0], ctx.session) : null;
        const col = i.e.k === 'col' && from ? from.columns.find((c) => c.name === (i.e as { name: string }).name) : undefined;
        columns.push({ name: i.alias ?? exprName(i.e), numeric: col ? NUMERIC_TYPES.some((n) => col.type.startsWith(n)) : typeof sample === 'number' });
      }
    }
    for (const r of picked) {
      const line: (string | null)[] = [];
      for (const i of items) {
        if (i.e.k === 'star') line.push(...r.vals.map(show));
        else line.push(show(evaluate(i.e, r, ctx.session)));
      }
      outRows.push(line);
    }
    if (!from && picked.length === 0) outRows.push(items.map((i) => show(evaluate(i.e, null, ctx.session))));
  }
  return { kind: 'rows', columns, rows: outRows, tag: `SELECT ${outRows.length}` };
}

function insert(ctx: ExecContext, p: Parser): Result {
  p.expect('into');
  const tt = p.peek();
  const name = p.ident();
  const t = table(ctx, name, tt.pos);
  let cols = t.columns.map((c) => c.name);
  if (p.accept('(')) {
    cols = [];
    do {
      const ct = p.peek();
      const c = p.ident();
      if (!t.columns.some((x) => x.name === c)) throw new SqlError(`column "${c}" of relation "${name}" does not exist`, '42703', ct.pos);
      cols.push(c);
    } while (p.accept(','));
    p.expect(')');
  }
  p.expect('values');
  const tuples: Value[][] = [];
  do {
    p.expect('(');
    const vals: Value[] = [];
    do {
      if (p.accept('default')) vals.push(undefined as unknown as Value);
      else vals.push(evaluate(p.expr(), null, ctx.session));
    } while (p.accept(','));
    p.expect(')');
    if (vals.length > cols.length) throw new SqlError('INSERT has more expressions than target columns', '42601');
    tuples.push(vals);
  } while (p.accept(','));
  const returning = p.accept('returning');
  const added: Value[][] = [];
  for (const vals of tuples) {
    const row: Value[] = t.columns.map((c) => {
      const i = cols.indexOf(c.name);
      const v = i >= 0 && i < vals.length ? vals[i] : undefined;
      if (v === undefined) {
        if (c.serial) return ++t.seq;
        return c.def ?? null;
      }
      return coerce(v, c);
    });
    t.columns.forEach((c, k) => {
      if ((c.notNull || c.pk) && row[k] === null) throw new SqlError(`null value in column "${c.name}" of relation "${name}" violates not-null constraint`, '23502');
      if (c.pk && t.rows.some((r) => r[k] === row[k])) throw new SqlError(`duplicate key value violates unique constraint "${name}_pkey"`, '23505');
    });
    t.rows.push(row);
    added.push(row);
  }
  ctx.changed();
  if (returning) {
    p.accept('*');
    return { kind: 'rows', columns: t.columns.map((c) => ({ name: c.name, numeric: NUMERIC_TYPES.some((n) => c.type.startsWith(n)) })), rows: added.map((r) => r.map(show)), tag: `INSERT 0 ${added.length}` };
  }
  return { kind: 'command', tag: `INSERT 0 ${added.length}` };
}

function update(ctx: ExecContext, p: Parser): Result {
  const tt = p.peek();
  const name = p.ident();
  const t = table(ctx, name, tt.pos);
  p.expect('set');
  const sets: { col: number; e: Expr }[] = [];
  do {
    const ct = p.peek();
    const c = p.ident();
    const col = t.columns.findIndex((x) => x.name === c);
    if (col < 0) throw new SqlError(`column "${c}" of relation "${name}" does not exist`, '42703', ct.pos);
    p.expect('=');
    sets.push({ col, e: p.expr() });
  } while (p.accept(','));
  const where = p.accept('where') ? p.expr() : null;
  let n = 0;
  for (const vals of t.rows) {
    const row = { cols: t.columns, vals };
    if (where && !truthy(evaluate(where, row, ctx.session))) continue;
    const next = sets.map((s) => coerce(evaluate(s.e, row, ctx.session), t.columns[s.col]!));
    sets.forEach((s, k) => (vals[s.col] = next[k]!));
    n++;
  }
  ctx.changed();
  return { kind: 'command', tag: `UPDATE ${n}` };
}

function remove(ctx: ExecContext, p: Parser): Result {
  p.expect('from');
  const tt = p.peek();
  const name = p.ident();
  const t = table(ctx, name, tt.pos);
  const where = p.accept('where') ? p.expr() : null;
  const before = t.rows.length;
  t.rows = where ? t.rows.filter((vals) => !truthy(evaluate(where, { cols: t.columns, vals }, ctx.session))) : [];
  ctx.changed();
  return { kind: 'command', tag: `DELETE ${before - t.rows.length}` };
}

function create(ctx: ExecContext, p: Parser): Result {
  if (p.accept('database')) {
    const name = p.ident();
    if (!superuser(ctx) && !ctx.cluster.roles[ctx.session.user]?.createdb) throw new SqlError('permission denied to create database', '42501');
    if (ctx.cluster.databases[name]) throw new SqlError(`database "${name}" already exists`, '42P04');
    ctx.cluster.databases[name] = { owner: ctx.session.user, tables: {} };
    ctx.changed();
    return { kind: 'command', tag: 'CREATE DATABASE' };
  }
  if (p.accept('user') || p.accept('role')) {
    const isUser = p.toks[p.i - 1]!.v === 'user';
    const name = p.ident();
    if (ctx.cluster.roles[name]) throw new SqlError(`role "${name}" already exists`, '42710');
    const role: Role = { superuser: false, login: isUser, password: null, createdb: false };
    roleOptions(p, role);
    ctx.cluster.roles[name] = role;
    ctx.changed();
    return { kind: 'command', tag: 'CREATE ROLE' };
  }
  if (p.accept('table')) {
    let ifNot = false;
    if (p.accept('if')) {
      p.expect('not');
      p.expect('exists');
      ifNot = true;
    }
    const name = p.ident();
    if (db(ctx).tables[name]) {
      if (ifNot) return { kind: 'command', tag: 'CREATE TABLE' };
      throw new SqlError(`relation "${name}" already exists`, '42P07');
    }
    p.expect('(');
    const columns: Column[] = [];
    do {
      if (p.accept('primary')) {
        p.expect('key');
        p.expect('(');
        const c = p.ident();
        p.expect(')');
        const col = columns.find((x) => x.name === c);
        if (col) col.pk = true;
        continue;
      }
      const cname = p.ident();
      let type = p.ident();
      if (type === 'double' && p.is('precision')) type += ` ${p.ident()}`;
      if (type === 'character' && p.is('varying')) type = `varchar`;
      if (p.accept('(')) {
        while (!p.accept(')')) p.next();
      }
      const col: Column = { name: cname, type: type === 'serial' || type === 'bigserial' ? 'integer' : type };
      if (type === 'serial' || type === 'bigserial') col.serial = true;
      for (;;) {
        if (p.accept('primary')) {
          p.expect('key');
          col.pk = true;
        } else if (p.accept('not')) {
          p.expect('null');
          col.notNull = true;
        } else if (p.accept('null')) {
          // nullable
        } else if (p.accept('unique')) {
          // not enforced
        } else if (p.accept('default')) col.def = evaluate(p.unary(), null, ctx.session);
        else break;
      }
      columns.push(col);
    } while (p.accept(','));
    p.expect(')');
    db(ctx).tables[name] = { owner: ctx.session.user, columns, rows: [], seq: 0 };
    ctx.changed();
    return { kind: 'command', tag: 'CREATE TABLE' };
  }
  return p.fail();
}

function roleOptions(p: Parser, role: Role): void {
  p.accept('with');
  for (;;) {
    if (p.accept('password')) {
      const t = p.next();
      role.password = t.t === 'id' && t.v === 'null' ? null : t.v;
    } else if (p.peek().t === 'id' && ['superuser', 'nosuperuser', 'login', 'nologin', 'createdb', 'nocreatedb', 'createrole', 'nocreaterole', 'inherit', 'noinherit', 'replication', 'noreplication'].includes(p.peek().v)) {
      const o = p.next().v;
      if (o === 'superuser') role.superuser = true;
      if (o === 'nosuperuser') role.superuser = false;
      if (o === 'login') role.login = true;
      if (o === 'nologin') role.login = false;
      if (o === 'createdb') role.createdb = true;
      if (o === 'nocreatedb') role.createdb = false;
    } else break;
  }
}

function drop(ctx: ExecContext, p: Parser): Result {
  const what = p.next();
  let ifExists = false;
  if (p.accept('if')) {
    p.expect('exists');
    ifExists = true;
  }
  const name = p.ident();
  if (what.v === 'table') {
    if (!db(ctx).tables[name]) {
      if (ifExists) return { kind: 'command', tag: 'DROP TABLE' };
      throw new SqlError(`table "${name}" does not exist`, '42P01');
    }
    delete db(ctx).tables[name];
    ctx.changed();
    return { kind: 'command', tag: 'DROP TABLE' };
  }
  if (what.v === 'database') {
    if (!ctx.cluster.databases[name]) {
      if (ifExists) return { kind: 'command', tag: 'DROP DATABASE' };
      throw new SqlError(`database "${name}" does not exist`, '3D000');
    }
    if (name === ctx.session.database) throw new SqlError('cannot drop the currently open database', '55006');
    delete ctx.cluster.databases[name];
    ctx.changed();
    return { kind: 'command', tag: 'DROP DATABASE' };
  }
  if (what.v === 'user' || what.v === 'role') {
    if (!ctx.cluster.roles[name]) {
      if (ifExists) return { kind: 'command', tag: 'DROP ROLE' };
      throw new SqlError(`role "${name}" does not exist`, '42704');
    }
    delete ctx.cluster.roles[name];
    ctx.changed();
    return { kind: 'command', tag: 'DROP ROLE' };
  }
  return p.fail(what);
}

function alter(ctx: ExecContext, p: Parser): Result {
  if (p.accept('user') || p.accept('role')) {
    const name = p.ident();
    const role = ctx.cluster.roles[name];
    if (!role) throw new SqlError(`role "${name}" does not exist`, '42704');
    roleOptions(p, role);
    ctx.changed();
    return { kind: 'command', tag: 'ALTER ROLE' };
  }
  return p.fail();
}
