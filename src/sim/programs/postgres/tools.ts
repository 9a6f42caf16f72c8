// PostgreSQL client programs besides psql (the postgres-tools executable, dispatched on
// argv[0]): createdb, dropdb, createuser, dropuser and pg_dump, each a thin client of the
// server like the real ones.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { psql } from './psql';
import { pgVersion } from './server';

function* viaPsql(ctx: CommandContext, conn: string[], sql: string): Run<number> {
  const out: string[] = [];
  const err: string[] = [];
  const status = yield* psql({ ...ctx, args: ['psql', '-X', '-q', ...conn, '-c', sql], stdout: { write: (t) => out.push(t) }, stderr: { write: (t) => err.push(t) } });
  return status === 0 ? 0 : err.join('').length > 0 ? (ctx.stderr.write(err.join('').replace(/^ERROR:  /, '').replace(/\n.*$/s, '\n')), 1) : 1;
}

function split(args: string[]): { conn: string[]; rest: string[] } {
  const conn: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (['-h', '-p', '-U', '-d'].includes(a)) conn.push(a, args[++i] ?? '');
    else if (/^-[hpUd]./.test(a) || /^--(host|port|username|dbname)=/.test(a) || a === '-w' || a === '--no-password') conn.push(a);
    else rest.push(a);
  }
  return { conn, rest };
}

export const postgresTools: Command = function* (ctx) {
  const name = (ctx.args[0] ?? '').split('/').pop() ?? '';
  const { conn, rest } = split(ctx.args.slice(1));
  if (rest[0] === '--version' || rest[0] === '-V') {
    ctx.stdout.write(`${name} (PostgreSQL) ${(yield* pgVersion(ctx)).full}\n`);
    return 0;
  }
  const target = rest.find((a) => !a.startsWith('-'));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  switch (name) {
    case 'createdb': {
      const db = target ?? ctx.env.get('PGUSER') ?? 'postgres';
      const status = yield* viaPsql(ctx, [...conn, '-d', 'postgres'], `CREATE DATABASE ${quote(db)};`);
      if (status !== 0) ctx.stderr.write('');
      return status;
    }
    case 'dropdb':
      if (!target) {
        ctx.stderr.write('dropdb: error: missing required argument database name\ndropdb: hint: Try "dropdb --help" for more information.\n');
        return 1;
      }
      return yield* viaPsql(ctx, [...conn, '-d', 'postgres'], `DROP DATABASE ${rest.includes('--if-exists') ? 'IF EXISTS ' : ''}${quote(target)};`);
    case 'createuser':
      if (!target) {
        ctx.stderr.write('createuser: error: missing required argument user name\n');
        return 1;
      }
      return yield* viaPsql(ctx, [...conn, '-d', 'postgres'], `CREATE ROLE ${quote(target)}${rest.includes('-s') || rest.includes('--superuser') ? ' SUPERUSER' : ''} LOGIN;`);
    case 'dropuser':
      if (!target) {
        ctx.stderr.write('dropuser: error: missing required argument user name\n');
        return 1;
      }
      return yield* viaPsql(ctx, [...conn, '-d', 'postgres'], `DROP ROLE ${quote(target)};`);
    case 'pg_dump': {
      const v = yield* pgVersion(ctx);
      ctx.stdout.write(`--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version ${v.full}\n-- Dumped by pg_dump version ${v.full}\n\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n--\n-- PostgreSQL database dump complete\n--\n\n`);
      return 0;
    }
  }
  ctx.stderr.write(`${name}: this PostgreSQL program is not simulated by docksim\n`);
  return 1;
};
