// pg_ctl: starts a PostgreSQL server in the background (its output, stderr included, on
// pg_ctl's stdout unless -l names a file) and waits for it, stops it in one of the shutdown
// modes, reports its status. The official entrypoint uses it for its temporary server.

import type { Command, CommandContext } from '../../../sh/types';
import { killProcess, processExists, sleep, spawnChild } from '../effects';
import { openLog } from '../lib/sink';
import { identity } from '../lib/users';
import { join } from './cluster';
import { postgres } from './server';

const MODES: Record<string, string> = { smart: 'SIGTERM', s: 'SIGTERM', fast: 'SIGINT', f: 'SIGINT', immediate: 'SIGQUIT', i: 'SIGQUIT' };

/** Splits -o options as the shell pg_ctl runs the server through would. */
function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let q: string | null = null;
  for (const ch of s) {
    if (q) {
      if (ch === q) q = null;
      else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      q = ch;
      cur ??= '';
      continue;
    }
    if (/\s/.test(ch)) {
      if (cur !== null) out.push(cur);
      cur = null;
      continue;
    }
    cur = (cur ?? '') + ch;
  }
  if (cur !== null) out.push(cur);
  return out;
}

function readPidFile(ctx: CommandContext, pgdata: string): { pid: number; ready: boolean } | null {
  try {
    const lines = ctx.fs.readFile(join(pgdata, 'postmaster.pid')).split('\n');
    return { pid: Number(lines[0]), ready: (lines[7] ?? '').trim() === 'ready' };
  } catch {
    return null;
  }
}

export const pgCtl: Command = function* (ctx) {
  const args = ctx.args.slice(1);
  let command: string | null = null;
  let pgdata = ctx.env.get('PGDATA') ?? null;
  let mode = 'fast';
  let wait = true;
  let silent = false;
  let opts = '';
  let logfile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : args[++i] ?? '');
    if (a === '-w' || a === '--wait') wait = true;
    else if (a === '-W' || a === '--no-wait') wait = false;
    else if (a === '-s' || a === '--silent') silent = true;
    else if (a.startsWith('-D')) pgdata = v('-D');
    else if (a.startsWith('--pgdata=')) pgdata = a.slice(9);
    else if (a.startsWith('-m')) mode = v('-m');
    else if (a.startsWith('--mode=')) mode = a.slice(7);
    else if (a.startsWith('-o')) opts += ` ${v('-o')}`;
    else if (a.startsWith('-l')) logfile = v('-l');
    else if (a.startsWith('-t')) v('-t');
    else if (a === '-V' || a === '--version') {
      ctx.stdout.write('pg_ctl (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n');
      return 0;
    } else if (!a.startsWith('-') && command === null) command = a;
    else {
      ctx.stderr.write(`pg_ctl: invalid option -- '${a.replace(/^-+/, '')}'\nTry "pg_ctl --help" for more information.\n`);
      return 1;
    }
  }
  const say = (t: string) => {
    if (!silent) ctx.stdout.write(t);
  };
  if (command === null) {
    ctx.stderr.write('pg_ctl: no operation specified\nTry "pg_ctl --help" for more information.\n');
    return 1;
  }
  if (identity(ctx).uid === 0) {
    ctx.stderr.write('pg_ctl: cannot be run as root\nPlease log in (using, e.g., "su") as the (unprivileged) user that will\nown the server process.\n');
    return 1;
  }
  if (!pgdata) {
    ctx.stderr.write('pg_ctl: no database directory specified and environment variable PGDATA unset\nTry "pg_ctl --help" for more information.\n');
    return 1;
  }
  const dir = pgdata;
  switch (command) {
    case 'start': {
      if (readPidFile(ctx, dir)) ctx.stderr.write('pg_ctl: another server might be running; trying to start server anyway\n');
      const argv = ['/usr/lib/postgresql/17/bin/postgres', '-D', dir, ...shellWords(opts)];
      const sink = logfile ? openLog(ctx, logfile, ctx.cwd) : (t: string) => ctx.stdout.write(t);
      // the server runs through "exec postgres ... 2>&1": both its streams go to one place
      const server: Command = function* (c) {
        // the fork and exec take a moment: pg_ctl's message comes first
        yield* sleep(1);
        return yield* postgres({ ...c, args: argv, env: ctx.env, cwd: ctx.cwd, sys: ctx.sys, stdout: { write: sink }, stderr: { write: sink } });
      };
      const child = yield* spawnChild({ title: argv.join(' '), program: server });
      if (!wait) {
        say('server starting\n');
        return 0;
      }
      say('waiting for server to start...');
      for (let i = 0; i < 600; i++) {
        const pf = readPidFile(ctx, dir);
        if (pf && pf.ready) {
          say(' done\nserver started\n');
          return 0;
        }
        if (i % 10 === 0) say('.');
        yield* sleep(100);
        if (!(yield* processExists(child))) {
          say(' stopped waiting\n');
          ctx.stderr.write('pg_ctl: could not start server\nExamine the log output.\n');
          return 1;
        }
      }
      say(' stopped waiting\n');
      ctx.stderr.write('pg_ctl: server did not start in time\n');
      return 1;
    }
    case 'stop':
    case 'restart': {
      const pf = readPidFile(ctx, dir);
      if (!pf) {
        if (command === 'restart') {
          ctx.stderr.write('pg_ctl: PID file "' + join(dir, 'postmaster.pid') + '" does not exist\nIs server running?\ntrying to start server anyway\n');
          return yield* pgCtl({ ...ctx, args: ['pg_ctl', 'start', '-D', dir, ...(opts ? ['-o', opts] : [])] });
        }
        ctx.stderr.write(`pg_ctl: PID file "${join(dir, 'postmaster.pid')}" does not exist\nIs server running?\n`);
        return 1;
      }
      const sig = MODES[mode];
      if (!sig) {
        ctx.stderr.write(`pg_ctl: unrecognized shutdown mode "${mode}"\nTry "pg_ctl --help" for more information.\n`);
        return 1;
      }
      if (!(yield* killProcess(pf.pid, sig))) {
        ctx.stderr.write(`pg_ctl: could not send stop signal (PID: ${pf.pid}): No such process\n`);
        return 1;
      }
      if (!wait) {
        say('server shutting down\n');
        return 0;
      }
      say('waiting for server to shut down...');
      for (let i = 0; i < 600; i++) {
        if (!ctx.fs.exists(join(dir, 'postmaster.pid')) || !(yield* processExists(pf.pid))) {
          say(' done\nserver stopped\n');
          if (command === 'restart') return yield* pgCtl({ ...ctx, args: ['pg_ctl', 'start', '-D', dir, ...(opts ? ['-o', opts] : [])] });
          return 0;
        }
        if (i % 10 === 0) say('.');
        yield* sleep(100);
      }
      say(' failed\n');
      ctx.stderr.write('pg_ctl: server does not shut down\n');
      return 1;
    }
    case 'status': {
      const pf = readPidFile(ctx, dir);
      if (!pf) {
        ctx.stdout.write('pg_ctl: no server running\n');
        return 3;
      }
      ctx.stdout.write(`pg_ctl: server is running (PID: ${pf.pid})\n/usr/lib/postgresql/17/bin/postgres "-D" "${dir}"\n`);
      return 0;
    }
    case 'reload': {
      const pf = readPidFile(ctx, dir);
      if (!pf) {
        ctx.stderr.write(`pg_ctl: PID file "${join(dir, 'postmaster.pid')}" does not exist\nIs server running?\n`);
        return 1;
      }
      yield* killProcess(pf.pid, 'SIGHUP');
      say('server signaled\n');
      return 0;
    }
  }
  ctx.stderr.write(`pg_ctl: unrecognized operation mode "${command}"\nTry "pg_ctl --help" for more information.\n`);
  return 1;
};
