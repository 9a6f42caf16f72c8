// Each catalog image started as `docker run IMAGE` starts it: through the image's own
// entrypoint script (run by the container shell), with the logs and the outcome the real image
// gives: a server ready to serve, or a refusal with the real message and exit code.

import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from '../programs/support';

let t: ProgramEngine;
beforeAll(async () => {
  t = await programEngine(['postgres:17', 'mysql:8.4', 'mongo:8', 'redis:8', 'nginx:latest', 'httpd:2.4', 'traefik:v3', 'registry:3', 'node:22']);
});

async function start(image: string, env: string[] = []) {
  const id = await t.run({ Image: image, Env: env });
  await t.advance(30_000);
  const state = (await t.inspect(id)).State;
  return { id, state: state.Status as string, code: state.ExitCode as number, ...(await t.logs(id)) };
}

describe('images that need a password', () => {
  it('postgres without POSTGRES_PASSWORD refuses with the entrypoint\'s message and exits 1', async () => {
    const r = await start('postgres:17');
    expect([r.state, r.code, r.stdout]).toEqual(['exited', 1, '']);
    expect(r.stderr).toBe(`Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`);
  });

  it('postgres with POSTGRES_PASSWORD initialises its data directory, then serves', async () => {
    const r = await start('postgres:17', ['POSTGRES_PASSWORD=example']);
    expect(r.state).toBe('running');
    expect(r.stdout).toContain('PostgreSQL init process complete; ready for start up.');
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/\[1\] LOG: {2}database system is ready to accept connections$/);
    // gosu made the server the postgres user (999), and its children with it
    expect(new Set((await t.top(r.id)).map((row) => row[0]))).toEqual(new Set(['999']));
    const q = await t.exec(r.id, ['psql', '-U', 'postgres', '-tAc', 'SELECT 1']);
    expect(q).toEqual({ stdout: '1\n', stderr: '', code: 0 });
  });

  it('mysql without a root password option refuses and exits 1; with one it serves', async () => {
    const no = await start('mysql:8.4');
    expect([no.state, no.code]).toEqual(['exited', 1]);
    expect(no.stderr).toMatch(/\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n {4}You need to specify one of the following as an environment variable:\n {4}- MYSQL_ROOT_PASSWORD\n/);
    const yes = await start('mysql:8.4', ['MYSQL_ROOT_PASSWORD=example']);
    expect(yes.state).toBe('running');
    expect(yes.stdout).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.');
    expect(yes.stderr).toMatch(/\/usr\/sbin\/mysqld: ready for connections\. Version: '8\.4\.\d+'  socket: '\/var\/run\/mysqld\/mysqld\.sock'  port: 3306/);
  });
});

describe('servers that start as they are', () => {
  it.each([
    ['nginx:latest', 'stdout', '/docker-entrypoint.sh: Configuration complete; ready for start up'],
    ['redis:8', 'stdout', 'Ready to accept connections tcp'],
    ['mongo:8', 'stdout', '"msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}'],
    ['httpd:2.4', 'stderr', "AH00094: Command line: 'httpd -D FOREGROUND'"],
    ['traefik:v3', 'stdout', 'INF Traefik version 3.'],
    ['registry:3', 'stderr', 'msg="listening on [::]:5000"'],
  ])('%s runs and says it is ready', async (image, stream, ready) => {
    const r = await start(image);
    expect(r.state).toBe('running');
    expect(stream === 'stdout' ? r.stdout : r.stderr).toContain(ready);
  });

  it('node without a TTY reads an empty stdin and exits 0 (its REPL needs a terminal)', async () => {
    const r = await start('node:22');
    expect([r.state, r.code, r.stdout, r.stderr]).toEqual(['exited', 0, '', '']);
  });

  it('redis 8 drops to the redis user through setpriv: the server runs as uid 999', async () => {
    const r = await start('redis:8');
    expect((await t.top(r.id)).map((row) => [row[0], row[row.length - 1]])).toEqual([['999', 'redis-server *:6379']]);
    const status = await t.exec(r.id, ['grep', '^Uid:', '/proc/1/status']);
    expect(status.stdout).toBe('Uid:\t999\t999\t999\t999\n');
  });
});

describe('who runs what', () => {
  it('ps names each process by its user in the container\'s passwd, or by number', async () => {
    await t.pull('alpine');
    const id = await t.run({ Image: 'alpine', User: 'nobody', Cmd: ['sleep', 'infinity'] });
    const ps = await t.exec(id, ['ps'], { user: '1234' });
    expect(ps.stdout.split('\n').slice(1, 3).map((l) => l.trim().split(/\s+/).slice(1, 2).concat(l.trim().split(/\s+/).slice(3)).join(' '))).toEqual(['nobody sleep infinity', '1234 ps']);
  });
});
