// initdb: creates a PostgreSQL cluster in the data directory with initdb's messages (locale,
// encoding, the "... ok" steps, the trust warning on stderr), the superuser from -U and its
// password from --pwfile.

import type { Command } from '../../../sh/types';
import { sleep } from '../effects';
import { identity } from '../lib/users';
import { INITDB_DIRS, join, pgHbaInitial, postgresqlConf, writeCluster } from './cluster';
import { pgVersion } from './server';
import type { Cluster } from './sql';

export const initdb: Command = function* (ctx) {
  const version = yield* pgVersion(ctx);
  let pgdata = ctx.env.get('PGDATA') ?? null;
  let user: string | null = null;
  let pwfile: string | null = null;
  let auth: string | null = null;
  let authLocal: string | null = null;
  let authHost: string | null = null;
  let checksums = false;
  let locale = ctx.env.get('LC_ALL') || ctx.env.get('LANG') || 'C';
  let encoding: string | null = null;
  const args = ctx.args.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    switch (flag) {
      case '-D':
      case '--pgdata':
        pgdata = value();
        break;
      case '-U':
      case '--username':
        user = value();
        break;
      case '--pwfile':
        pwfile = value();
        break;
      case '-A':
      case '--auth':
        auth = value();
        break;
      case '--auth-local':
        authLocal = value();
        break;
      case '--auth-host':
        authHost = value();
        break;
      case '-k':
      case '--data-checksums':
        checksums = true;
        break;
      case '--locale':
        locale = value();
        break;
      case '-E':
      case '--encoding':
        encoding = value();
        break;
      case '-V':
      case '--version':
        ctx.stdout.write(`initdb (PostgreSQL) ${version.full}\n`);
        return 0;
      default:
        if (a.startsWith('-D') && a.length > 2) pgdata = a.slice(2);
        else if (a.startsWith('-U') && a.length > 2) user = a.slice(2);
        else if (!a.startsWith('-')) pgdata = a;
        else if (/^--(lc-\w+|no-locale|no-sync|no-instructions|locale-provider|icu-locale|wal-segsize|allow-group-access)/.test(a)) {
          if (!a.includes('=') && /^--(lc-\w+|locale-provider|icu-locale|wal-segsize)$/.test(a)) i++;
        } else {
          ctx.stderr.write(`initdb: unrecognized option '${a}'\ninitdb: hint: Try "initdb --help" for more information.\n`);
          return 1;
        }
    }
  }
  const me = identity(ctx);
  if (me.uid === 0) {
    ctx.stderr.write('initdb: error: cannot be run as root\ninitdb: hint: You must run initdb as the PostgreSQL superuser.\n');
    return 1;
  }
  if (!pgdata) {
    ctx.stderr.write('initdb: error: no data directory specified\ninitdb: hint: You must identify the directory where the data for this database system will reside.  Do this with either the invocation option -D or the environment variable PGDATA.\n');
    return 1;
  }
  const superuser = user || me.name;
  let password: string | null = null;
  if (pwfile !== null) {
    try {
      password = ctx.fs.readFile(pwfile).split('\n')[0] ?? '';
    } catch {
      ctx.stderr.write(`initdb: error: could not open file "${pwfile}" for reading: No such file or directory\n`);
      return 1;
    }
    if (password === '') {
      ctx.stderr.write(`initdb: error: password file "${pwfile}" is empty\n`);
      return 1;
    }
  }
  const exists = ctx.fs.exists(pgdata);
  if (exists && ctx.fs.readdir(pgdata).some((n) => n !== 'lost+found' && !n.startsWith('.'))) {
    ctx.stderr.write(`initdb: error: directory "${pgdata}" exists but is not empty\ninitdb: hint: If you want to create a new database system, either remove or empty the directory "${pgdata}" or run initdb with an argument other than "${pgdata}".\n`);
    return 1;
  }
  const utf8 = /utf-?8/i.test(locale);
  const enc = encoding ?? (utf8 ? 'UTF8' : locale === 'C' || locale === 'POSIX' ? 'SQL_ASCII' : 'UTF8');
  const w = (t: string) => ctx.stdout.write(t);
  w(`The files belonging to this database system will be owned by user "${me.name}".\nThis user must also own the server process.\n\n`);
  w(`The database cluster will be initialized with locale "${locale}".\nThe default database encoding has accordingly been set to "${enc}".\nThe default text search configuration will be set to "english".\n\n`);
  w(`Data page checksums are ${checksums ? 'enabled' : 'disabled'}.\n\n`);
  if (exists) w(`fixing permissions on existing directory ${pgdata} ... ok\n`);
  else {
    w(`creating directory ${pgdata} ... ok\n`);
    ctx.fs.mkdir(pgdata, { recursive: true, mode: 0o700 });
  }
  for (const d of INITDB_DIRS) ctx.fs.mkdir(join(pgdata, d), { recursive: true, mode: 0o700 });
  w('creating subdirectories ... ok\n');
  w('selecting dynamic shared memory implementation ... posix\n');
  w('selecting default "max_connections" ... 100\n');
  w('selecting default "shared_buffers" ... 128MB\n');
  w('selecting default time zone ... Etc/UTC\n');
  const localMethod = authLocal ?? auth ?? 'trust';
  const hostMethod = authHost ?? auth ?? 'trust';
  ctx.fs.writeFile(join(pgdata, 'PG_VERSION'), `${version.major}\n`, { mode: 0o600 });
  ctx.fs.writeFile(join(pgdata, 'postgresql.conf'), postgresqlConf().replace(/en_US\.utf8/g, locale), { mode: 0o600 });
  ctx.fs.writeFile(join(pgdata, 'postgresql.auto.conf'), '# Do not edit this file manually!\n# It will be overwritten by the ALTER SYSTEM command.\n', { mode: 0o600 });
  ctx.fs.writeFile(join(pgdata, 'pg_hba.conf'), localMethod === hostMethod ? pgHbaInitial(localMethod) : pgHbaInitial(localMethod).replace(/(host\s+\S+\s+all\s+\S+\s+)\S+$/gm, `$1${hostMethod}`), { mode: 0o600 });
  ctx.fs.writeFile(join(pgdata, 'pg_ident.conf'), '# PostgreSQL User Name Maps\n# ===========================\n#\n# MAPNAME       SYSTEM-USERNAME         PG-USERNAME\n', { mode: 0o600 });
  w('creating configuration files ... ok\n');
  yield* sleep(400);
  ctx.fs.writeFile(join(pgdata, 'global/pg_control'), 'pg_control', { mode: 0o600 });
  w('running bootstrap script ... ok\n');
  yield* sleep(500);
  const cluster: Cluster & { lastShutdown: number } = {
    version: version.major,
    encoding: enc,
    locale,
    roles: { [superuser]: { superuser: true, login: true, password, createdb: true } },
    databases: {
      postgres: { owner: superuser, tables: {} },
      template0: { owner: superuser, tables: {} },
      template1: { owner: superuser, tables: {} },
    },
    lastShutdown: ctx.sys.now(),
  };
  writeCluster(ctx.fs, pgdata, cluster);
  w('performing post-bootstrap initialization ... ok\n');
  yield* sleep(200);
  w('syncing data to disk ... ok\n');
  w(`\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D ${pgdata} -l logfile start\n\n`);
  if (localMethod === 'trust' || hostMethod === 'trust') {
    ctx.stderr.write('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
  }
  return 0;
};
