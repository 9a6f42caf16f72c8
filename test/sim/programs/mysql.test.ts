import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

// What the mysql image's entrypoint runs (mysqld --initialize-insecure, a --daemonize temporary
// server, mysql, mysqladmin shutdown), then mysqld as the container's process.
const IMG = 'mysql:latest';
const VOL = ['mydata:/var/lib/mysql'];
const ts = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z /;

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '').map((l) => l.replace(ts, ''));
}

describe('mysqld, mysql, mysqladmin', () => {
  let t: ProgramEngine;
  let tools: string;
  beforeAll(async () => {
    t = await programEngine([IMG]);
    await t.json('POST', '/v1.50/networks/create', { Name: 'sql' });
    tools = await t.run({ Image: IMG, Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { Binds: VOL } }, 'tools');
  });

  it('initializes the data directory with MySQL 9.3\'s lines', async () => {
    const r = await t.exec(tools, ['mysqld', '--initialize-insecure', '--default-time-zone=SYSTEM']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      '0 [System] [MY-015017] [Server] MySQL Server Initialization - start.',
      expect.stringMatching(/^0 \[System\] \[MY-013169\] \[Server\] \/usr\/sbin\/mysqld \(mysqld 9\.3\.0\) initializing of server in progress as process \d+$/),
      '1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.',
      '1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.',
      '6 [Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
      '0 [System] [MY-015018] [Server] MySQL Server Initialization - end.',
    ]);
    expect(t.fs(tools).exists('/var/lib/mysql/mysql')).toBe(true);
  });

  it('runs a temporary server over the socket, sets the root password, creates a database, shuts it down', async () => {
    const start = await t.exec(tools, ['mysqld', '--skip-networking', '--default-time-zone=SYSTEM', '--socket=/var/run/mysqld/mysqld.sock', '--daemonize']);
    expect(start.code).toBe(0);
    expect(lines(start.stderr).at(-1)).toBe("0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.3.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 0  MySQL Community Server - GPL.");
    const sock = ['--protocol=socket', '-uroot', '-hlocalhost', '--socket=/var/run/mysqld/mysqld.sock', '--comments'];
    expect((await t.exec(tools, ['mysql', ...sock, '--database=mysql', '-e', "ALTER USER 'root'@'localhost' IDENTIFIED BY 's3cret';"])).code).toBe(0);
    const denied = await t.exec(tools, ['mysql', ...sock, '-e', 'SELECT 1']);
    expect(denied).toEqual({ stdout: '', stderr: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n", code: 1 });
    const make = await t.exec(tools, ['mysql', ...sock, '-ps3cret', '-e', "CREATE DATABASE IF NOT EXISTS `app` ; CREATE USER 'app'@'%' IDENTIFIED BY 'apppw' ;"]);
    expect(make).toEqual({ stdout: '', stderr: 'mysql: [Warning] Using a password on the command line interface can be insecure.\n', code: 0 });
    const stop = await t.exec(tools, ['mysqladmin', 'shutdown', '-uroot', '-ps3cret', '--socket=/var/run/mysqld/mysqld.sock']);
    expect(stop.code).toBe(0);
    await t.advance(500);
    expect((await t.exec(tools, ['mysqladmin', 'ping', '--socket=/var/run/mysqld/mysqld.sock'])).stderr).toContain("error: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'");
  });

  it('serves on 3306 with its ready line; clients on the network; docker stop shuts down cleanly', async () => {
    const id = await t.run({ Image: IMG, Entrypoint: ['mysqld'], HostConfig: { Binds: VOL, NetworkMode: 'sql' } }, 'db');
    await t.advance(1000);
    const out = lines((await t.logs(id)).stderr);
    expect(out[0]).toBe('0 [System] [MY-015015] [Server] MySQL Server - start.');
    expect(out[1]).toBe('0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 9.3.0) starting as process 1');
    expect(out.at(-2)).toBe("0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock");
    expect(out.at(-1)).toBe("0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.3.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.");
    const client = await t.run({ Image: IMG, Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'sql' } });
    const show = await t.exec(client, ['mysql', '-h', 'db', '-uapp', '-papppw', '-e', 'SHOW DATABASES']);
    expect(show.stdout).toBe('Database\napp\ninformation_schema\nmysql\nperformance_schema\nsys\n');
    const q = await t.exec(client, ['mysql', '-h', 'db', '-uapp', '-papppw', 'app', '-e', 'CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO t VALUES (1, \'a\'); SELECT * FROM t;']);
    expect(q.stdout).toBe('id\tname\n1\ta\n');
    const missing = await t.exec(client, ['mysql', '-h', 'db', '-uapp', '-papppw', 'app', '-e', 'SELECT * FROM nope']);
    expect(missing.stderr.split('\n')[1]).toBe("ERROR 1146 (42S02) at line 1: Table 'app.nope' doesn't exist");
    expect((await t.exec(client, ['mysql', '-h', 'nowhere', '-e', 'SELECT 1'])).stderr).toBe("ERROR 2005 (HY000): Unknown MySQL server host 'nowhere' (-2)\n");
    const before = lines((await t.logs(id)).stderr).length;
    await t.call('POST', '/v1.50/containers/db/stop');
    expect((await t.inspect(id)).State.ExitCode).toBe(0);
    expect(lines((await t.logs(id)).stderr).slice(before)).toEqual([
      '0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 9.3.0).',
      '0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 9.3.0)  MySQL Community Server - GPL.',
      '0 [System] [MY-015016] [Server] MySQL Server - end.',
    ]);
  });

  it('prints versions', async () => {
    expect((await t.exec(tools, ['mysqld', '--version'])).stdout).toBe('/usr/sbin/mysqld  Ver 9.3.0 for Linux on x86_64 (MySQL Community Server - GPL)\n');
    expect((await t.exec(tools, ['mysql', '--version'])).stdout).toBe('mysql  Ver 9.3.0 for Linux on x86_64 (MySQL Community Server - GPL)\n');
  });
});
