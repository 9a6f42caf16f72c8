// MySQL's dialect over the shared SQL engine: accounts ('user'@'host' with passwords), SHOW
// DATABASES/TABLES, USE, backquoted names, CREATE DATABASE IF NOT EXISTS, ALTER/CREATE USER,
// GRANT, SHUTDOWN, with MySQL's error numbers and texts ("ERROR 1045 (28000): Access denied
// for user 'root'@'localhost' (using password: YES)").

import { run, type Cluster, type Database, type Result } from '../postgres/sql';

export interface MyCluster {
  version: string;
  users: Record<string, { password: string }>;
  databases: Record<string, Database>;
}

export interface MyRequest {
  user: string;
  password: string;
  database: string | null;
  /** SQL text, one or more statements. */
  sql?: string;
  /** Just authenticate (mysqladmin ping). */
  ping?: boolean;
}

export type MyResult =
  | { kind: 'rows'; columns: string[]; rows: (string | null)[][] }
  | { kind: 'ok'; affected: number; info?: string }
  | { kind: 'error'; code: number; state: string; message: string };

export interface MyResponse {
  /** Authentication or connection error. */
  error?: { code: number; state: string; message: string };
  results?: MyResult[];
  /** The database selected after USE. */
  database?: string | null;
  shutdown?: boolean;
}

const SYSTEM_DBS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

function account(c: MyCluster, user: string, address: string, local: boolean): string | null {
  const hosts = local ? ['localhost', '%'] : [address, '%'];
  for (const h of hosts) if (c.users[`${user}@${h}`]) return `${user}@${h}`;
  return null;
}

function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (const ch of sql) {
    if (q) {
      cur += ch;
      if (ch === q) q = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') q = ch;
    if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function unquote(s: string): string {
  return s.replace(/^[`'"](.*)[`'"]$/, '$1');
}

export function execMysql(c: MyCluster, req: MyRequest, env: { local: boolean; address: string; now: () => number; version: string; changed: () => void }): MyResponse {
  const acct = account(c, req.user, env.address, env.local);
  const denied = (): MyResponse => ({ error: { code: 1045, state: '28000', message: `Access denied for user '${req.user}'@'${env.local ? 'localhost' : env.address}' (using password: ${req.password ? 'YES' : 'NO'})` } });
  if (!acct) return denied();
  if (c.users[acct]!.password !== req.password) return denied();
  let database = req.database;
  if (database && !c.databases[database]) return { error: { code: 1049, state: '42000', message: `Unknown database '${database}'` } };
  if (req.ping || req.sql === undefined) return { results: [], database };
  const results: MyResult[] = [];
  let shutdown = false;
  for (const stmt of splitStatements(req.sql.replace(/^\s*--.*$/gm, ''))) {
    const r = statement(stmt);
    results.push(r);
    if (r.kind === 'error') break;
  }
  return { results, database, shutdown };

  function statement(sql: string): MyResult {
    const s = sql.trim();
    let m: RegExpExecArray | null;
    if (/^show\s+databases$/i.test(s)) return { kind: 'rows', columns: ['Database'], rows: Object.keys(c.databases).sort().map((d) => [d]) };
    if (/^show\s+tables$/i.test(s)) {
      if (!database) return { kind: 'error', code: 1046, state: '3D000', message: 'No database selected' };
      return { kind: 'rows', columns: [`Tables_in_${database}`], rows: Object.keys(c.databases[database]!.tables).sort().map((t) => [t]) };
    }
    if ((m = /^use\s+(\S+)$/i.exec(s))) {
      const db = unquote(m[1]!);
      if (!c.databases[db]) return { kind: 'error', code: 1049, state: '42000', message: `Unknown database '${db}'` };
      database = db;
      return { kind: 'ok', affected: 0, info: 'Database changed' };
    }
    if (/^select\s+version\(\)$/i.test(s)) return { kind: 'rows', columns: ['VERSION()'], rows: [[env.version]] };
    if (/^select\s+database\(\)$/i.test(s)) return { kind: 'rows', columns: ['DATABASE()'], rows: [[database]] };
    if (/^select\s+(current_)?user\(\)$/i.test(s)) return { kind: 'rows', columns: [s.slice(7).toUpperCase()], rows: [[`${req.user}@${env.local ? 'localhost' : env.address}`]] };
    if (/^shutdown$/i.test(s)) {
      shutdown = true;
      return { kind: 'ok', affected: 0 };
    }
    if (/^flush\s+privileges$/i.test(s) || /^grant\s/i.test(s) || /^set\s/i.test(s)) return { kind: 'ok', affected: 0 };
    if ((m = /^(create|alter)\s+user\s+(if\s+not\s+exists\s+)?'([^']*)'(?:@'([^']*)')?\s+identified\s+(?:with\s+\S+\s+)?by\s+'([^']*)'$/i.exec(s))) {
      const key = `${m[3]}@${m[4] ?? '%'}`;
      if (m[1]!.toLowerCase() === 'create' && c.users[key] && !m[2]) return { kind: 'error', code: 1396, state: 'HY000', message: `Operation CREATE USER failed for '${m[3]}'@'${m[4] ?? '%'}'` };
      if (m[1]!.toLowerCase() === 'alter' && !c.users[key]) return { kind: 'error', code: 1396, state: 'HY000', message: `Operation ALTER USER failed for '${m[3]}'@'${m[4] ?? '%'}'` };
      c.users[key] = { password: m[5]! };
      env.changed();
      return { kind: 'ok', affected: 0 };
    }
    if ((m = /^drop\s+user\s+(if\s+exists\s+)?'([^']*)'(?:@'([^']*)')?$/i.exec(s))) {
      const key = `${m[2]}@${m[3] ?? '%'}`;
      if (!c.users[key] && !m[1]) return { kind: 'error', code: 1396, state: 'HY000', message: `Operation DROP USER failed for '${m[2]}'@'${m[3] ?? '%'}'` };
      delete c.users[key];
      env.changed();
      return { kind: 'ok', affected: 0 };
    }
    if ((m = /^create\s+(database|schema)\s+(if\s+not\s+exists\s+)?(\S+)$/i.exec(s))) {
      const db = unquote(m[3]!);
      if (c.databases[db]) {
        if (m[2]) return { kind: 'ok', affected: 0, info: 'warning' };
        return { kind: 'error', code: 1007, state: 'HY000', message: `Can't create database '${db}'; database exists` };
      }
      c.databases[db] = { owner: req.user, tables: {} };
      env.changed();
      return { kind: 'ok', affected: 1 };
    }
    if ((m = /^drop\s+(database|schema)\s+(if\s+exists\s+)?(\S+)$/i.exec(s))) {
      const db = unquote(m[3]!);
      if (!c.databases[db]) {
        if (m[2]) return { kind: 'ok', affected: 0 };
        return { kind: 'error', code: 1008, state: 'HY000', message: `Can't drop database '${db}'; database doesn't exist` };
      }
      if (SYSTEM_DBS.includes(db)) return { kind: 'error', code: 3552, state: 'HY000', message: `Access to system schema '${db}' is rejected.` };
      delete c.databases[db];
      if (database === db) database = null;
      env.changed();
      return { kind: 'ok', affected: 0 };
    }
    // everything else through the shared engine, in the selected database
    if (!/^select\s+[^;]*$/i.test(s) || /\sfrom\s/i.test(s)) {
      if (!database) return { kind: 'error', code: 1046, state: '3D000', message: 'No database selected' };
    }
    const cluster: Cluster = {
      version: env.version,
      encoding: 'utf8mb4',
      locale: 'C',
      databases: c.databases,
      roles: { [req.user]: { superuser: true, login: true, password: null, createdb: true } },
    };
    const results = run({ cluster, session: { user: req.user, database: database ?? 'mysql', version: env.version, now: env.now }, changed: env.changed }, s.replace(/`/g, '"'));
    return translate(results[0], s, database);
  }
}

function translate(r: Result | undefined, sql: string, database: string | null): MyResult {
  if (!r) return { kind: 'ok', affected: 0 };
  if (r.kind === 'rows') return { kind: 'rows', columns: r.columns.map((c) => (c.name === '?column?' ? sql.replace(/^select\s+/i, '').split(',')[r.columns.indexOf(c)]?.trim() ?? c.name : c.name)), rows: r.rows };
  if (r.kind === 'command') {
    const n = /(\d+)$/.exec(r.tag);
    return { kind: 'ok', affected: n ? Number(n[1]) : 0 };
  }
  switch (r.code) {
    case '42P01': {
      const t = /relation "([^"]+)"/.exec(r.message)?.[1] ?? '';
      return { kind: 'error', code: 1146, state: '42S02', message: `Table '${database}.${t}' doesn't exist` };
    }
    case '42P07': {
      const t = /relation "([^"]+)"/.exec(r.message)?.[1] ?? '';
      return { kind: 'error', code: 1050, state: '42S01', message: `Table '${t}' already exists` };
    }
    case '42703': {
      const col = /column "([^"]+)"/.exec(r.message)?.[1] ?? '';
      return { kind: 'error', code: 1054, state: '42S22', message: `Unknown column '${col}' in 'field list'` };
    }
    case '23505':
      return { kind: 'error', code: 1062, state: '23000', message: "Duplicate entry for key 'PRIMARY'" };
    case '23502': {
      const col = /column "([^"]+)"/.exec(r.message)?.[1] ?? '';
      return { kind: 'error', code: 1048, state: '23000', message: `Column '${col}' cannot be null` };
    }
    case '22012':
      return { kind: 'rows', columns: [sql.replace(/^select\s+/i, '')], rows: [[null]] };
  }
  const near = r.position ? sql.slice(r.position - 1) : '';
  return { kind: 'error', code: 1064, state: '42000', message: `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line 1` };
}
