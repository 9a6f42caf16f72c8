import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

// The programs the postgres image's entrypoint runs (initdb, pg_ctl, psql, postgres), driven as
// the script drives them; the server itself as `docker run --user postgres --entrypoint postgres`.
const PG = 'postgres:17';
const VOL = ['pgdata:/var/lib/postgresql/data'];
const stamp = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC /;

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('postgres, initdb, pg_ctl, psql', () => {
  let t: ProgramEngine;
  let tools: string;
  beforeAll(async () => {
    t = await programEngine([PG]);
    await t.json('POST', '/v1.50/networks/create', { Name: 'backend' });
    tools = await t.run({ Image: PG, User: 'postgres', Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { Binds: VOL } }, 'tools');
  });

  it('initdb creates the cluster with its real messages, the trust warning on stderr', async () => {
    t.fs(tools).writeFile('/tmp/pwfile', 'example\n');
    const r = await t.exec(tools, ['initdb', '--username=postgres', '--pwfile=/tmp/pwfile']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory /var/lib/postgresql/data ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D /var/lib/postgresql/data -l logfile start

`);
    expect(r.stderr).toBe('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
    expect(t.fs(tools).readFile('/var/lib/postgresql/data/PG_VERSION')).toBe('17\n');
    const again = await t.exec(tools, ['initdb']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('initdb: error: directory "/var/lib/postgresql/data" exists but is not empty');
  });

  it('pg_ctl starts a temporary server (its log on pg_ctl\'s stdout), psql works over the socket, pg_ctl stops it', async () => {
    const fs = t.fs(tools);
    fs.writeFile('/var/lib/postgresql/data/pg_hba.conf', `${fs.readFile('/var/lib/postgresql/data/pg_hba.conf')}\nhost all all all scram-sha-256\n`);
    const start = await t.exec(tools, ['pg_ctl', '-D', '/var/lib/postgresql/data', '-o', "-c listen_addresses='' -p 5432", '-w', 'start']);
    expect(start.code).toBe(0);
    const out = start.stdout.split('\n');
    expect(out[0]).toMatch(/^waiting for server to start\.\.\.\.\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[(\d+)\] LOG: {2}starting PostgreSQL 17\.5 \(Debian 17\.5-1\.pgdg120\+1\) on x86_64-pc-linux-gnu, compiled by gcc \(Debian 12\.2\.0-14\) 12\.2\.0, 64-bit$/);
    expect(out.slice(1).map((l) => l.replace(stamp, ''))).toEqual([
      expect.stringMatching(/^\[\d+\] LOG: {2}listening on Unix socket "\/var\/run\/postgresql\/\.s\.PGSQL\.5432"$/),
      expect.stringMatching(/^\[\d+\] LOG: {2}database system was shut down at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
      expect.stringMatching(/^\[\d+\] LOG: {2}database system is ready to accept connections$/),
      ' done',
      'server started',
      '',
    ]);
    const create = await t.exec(tools, ['psql', '-v', 'ON_ERROR_STOP=1', '--username', 'postgres', '--no-password', '--no-psqlrc', '--dbname', 'postgres', '-c', 'CREATE DATABASE "app" ;']);
    expect(create).toEqual({ stdout: 'CREATE DATABASE\n', stderr: '', code: 0 });
    const stop = await t.exec(tools, ['pg_ctl', '-D', '/var/lib/postgresql/data', '-m', 'fast', '-w', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toBe('waiting for server to shut down.... done\nserver stopped\n');
  });

  it('refuses to run as root with its real message', async () => {
    const id = await t.run({ Image: PG, Entrypoint: ['postgres'], HostConfig: { Binds: VOL } });
    expect((await t.logs(id)).stderr).toBe('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
    expect((await t.inspect(id)).State.ExitCode).toBe(1);
  });

  it('serves over TCP with password authentication from pg_hba.conf; logs on stderr; ps shows its processes', async () => {
    const id = await t.run({ Image: PG, User: 'postgres', Entrypoint: ['postgres'], HostConfig: { Binds: VOL, NetworkMode: 'backend' } }, 'db');
    await t.advance(100);
    const logs = await t.logs(id);
    expect(logs.stdout).toBe('');
    expect(lines(logs.stderr).map((l) => l.replace(stamp, ''))).toEqual([
      '[1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
      '[1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '[1] LOG:  listening on IPv6 address "::", port 5432',
      '[1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
      expect.stringMatching(/^\[\d+\] LOG: {2}database system was shut down at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
      '[1] LOG:  database system is ready to accept connections',
    ]);
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual([
      'postgres',
      'postgres: checkpointer ',
      'postgres: background writer ',
      'postgres: walwriter ',
      'postgres: autovacuum launcher ',
      'postgres: logical replication launcher ',
    ]);
    const client = await t.run({ Image: PG, Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'backend' } }, 'pgclient');
    const dbIp = (await t.inspect('db')).NetworkSettings.Networks.backend.IPAddress;
    const noPass = await t.exec(client, ['psql', '-h', 'db', '-U', 'postgres', '-c', 'SELECT 1']);
    expect(noPass).toEqual({ stdout: '', stderr: `psql: error: connection to server at "db" (${dbIp}), port 5432 failed: fe_sendauth: no password supplied\n`, code: 2 });
    const wrong = await t.exec(client, ['psql', '-h', 'db', '-U', 'postgres', '-c', 'SELECT 1'], { env: ['PGPASSWORD=nope'] });
    expect(wrong.stderr).toBe(`psql: error: connection to server at "db" (${dbIp}), port 5432 failed: FATAL:  password authentication failed for user "postgres"\n`);
    expect(lines((await t.logs(id)).stderr).slice(-2).map((l) => l.replace(stamp, '').replace(/^\[\d+\]/, '[N]'))).toEqual([
      '[N] FATAL:  password authentication failed for user "postgres"',
      '[N] DETAIL:  Connection matched file "/var/lib/postgresql/data/pg_hba.conf" line 25: "host all all all scram-sha-256"',
    ]);
    const ok = await t.exec(client, ['psql', '-h', 'db', '-U', 'postgres', '-d', 'app', '-c', 'SELECT 1'], { env: ['PGPASSWORD=example'] });
    expect(ok).toEqual({ stdout: ' ?column? \n----------\n        1\n(1 row)\n\n', stderr: '', code: 0 });
    const bad = await t.exec(client, ['psql', '-h', 'db', '-U', 'postgres', '-c', 'SELECT * FROM users;'], { env: ['PGPASSWORD=example'] });
    expect(bad).toEqual({ stdout: '', stderr: 'ERROR:  relation "users" does not exist\nLINE 1: SELECT * FROM users;\n                      ^\n', code: 1 });
  });

  it('keeps tables in the volume across a stop (SIGINT: fast shutdown, exit 0) and a new container', async () => {
    const sql = 'CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL); INSERT INTO users (name) VALUES (\'Anna\'), (\'Ben\');';
    const w = await t.exec('db', ['psql', '-U', 'postgres', '-d', 'app', '-c', sql]);
    expect(w).toEqual({ stdout: 'CREATE TABLE\nINSERT 0 2\n', stderr: '', code: 0 });
    const before = lines((await t.logs('db')).stderr).length;
    expect((await t.call('POST', '/v1.50/containers/db/stop')).status).toBe(204);
    expect((await t.inspect('db')).State.ExitCode).toBe(0);
    const shutdown = lines((await t.logs('db')).stderr).slice(before).map((l) => l.replace(stamp, '').replace(/^\[(\d+)\]/, (m, p) => (p === '1' ? m : '[N]')));
    expect(shutdown).toEqual([
      '[1] LOG:  received fast shutdown request',
      '[1] LOG:  aborting any active transactions',
      expect.stringMatching(/^\[1\] LOG: {2}background worker "logical replication launcher" \(PID \d+\) exited with exit code 1$/),
      '[N] LOG:  shutting down',
      '[N] LOG:  checkpoint starting: shutdown immediate',
      expect.stringMatching(/^\[N\] LOG: {2}checkpoint complete: wrote 3 buffers/),
      '[1] LOG:  database system is shut down',
    ]);
    await t.call('DELETE', '/v1.50/containers/db');
    await t.run({ Image: PG, User: 'postgres', Entrypoint: ['postgres'], HostConfig: { Binds: VOL, NetworkMode: 'backend' } }, 'db');
    await t.advance(100);
    const r = await t.exec('db', ['psql', '-U', 'postgres', '-d', 'app', '-c', 'SELECT * FROM users ORDER BY id;']);
    expect(r.stdout).toBe(' id | name \n----+------\n  1 | Anna\n  2 | Ben\n(2 rows)\n\n');
    const list = await t.exec('db', ['psql', '-U', 'postgres', '-d', 'app', '-c', '\\dt']);
    expect(list.stdout).toBe('         List of relations\n Schema | Name  | Type  |  Owner   \n--------+-------+-------+----------\n public | users | table | postgres\n(1 row)\n\n');
  });

  it('recovers after being killed', async () => {
    await t.call('POST', '/v1.50/containers/db/kill');
    const before = lines((await t.logs('db')).stderr).length;
    await t.call('POST', '/v1.50/containers/db/start');
    await t.advance(100);
    const out = lines((await t.logs('db')).stderr).slice(before).map((l) => l.replace(stamp, '').replace(/^\[\d+\] /, ''));
    expect(out).toContain('LOG:  database system was not properly shut down; automatic recovery in progress');
    expect(out.at(-1)).toBe('LOG:  database system is ready to accept connections');
  });

  it('prints versions', async () => {
    expect((await t.exec('db', ['postgres', '--version'])).stdout).toBe('postgres (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n');
    expect((await t.exec('db', ['psql', '--version'])).stdout).toBe('psql (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n');
    expect((await t.exec('db', ['pg_isready'])).stdout).toBe('/var/run/postgresql:5432 - accepting connections\n');
  });
});
