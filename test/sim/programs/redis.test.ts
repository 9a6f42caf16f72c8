import { beforeAll, describe, expect, it } from 'vitest';
import { redisTime } from '../../../src/sim/programs/lib/time';
import { programEngine, type ProgramEngine } from './support';

// redis images run `redis-server` directly here (as `docker run --entrypoint redis-server`):
// the server itself, apart from the entrypoint script's privilege drop.
const OVERCOMMIT =
  "# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('redis-server and redis-cli', () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['redis:7.4', 'redis:latest']);
    await t.json('POST', '/v1.50/networks/create', { Name: 'cache' });
  });

  it('starts with the real 7.4 log lines on stdout, titled redis-server *:6379', async () => {
    const at = redisTime(t.world.now());
    const id = await t.run({ Image: 'redis:7.4', Entrypoint: ['redis-server'], HostConfig: { NetworkMode: 'cache' } }, 'cache');
    const logs = await t.logs(id);
    expect(logs.stderr).toBe('');
    expect(lines(logs.stdout)).toEqual([
      `1:C ${at} ${OVERCOMMIT}`,
      `1:C ${at} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${at} * Redis version=7.4.4, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${at} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${at} * monotonic clock: POSIX clock_gettime`,
      `1:M ${at} * Running mode=standalone, port=6379.`,
      `1:M ${at} * Server initialized`,
      `1:M ${at} * Ready to accept connections tcp`,
    ]);
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(['redis-server *:6379']);
  });

  it('answers redis-cli: raw replies in a pipe, errors with exit 1', async () => {
    expect(await t.exec('cache', ['redis-cli', 'ping'])).toEqual({ stdout: 'PONG\n', stderr: '', code: 0 });
    expect(await t.exec('cache', ['redis-cli', 'set', 'greeting', 'hello world'])).toEqual({ stdout: 'OK\n', stderr: '', code: 0 });
    expect((await t.exec('cache', ['redis-cli', 'get', 'greeting'])).stdout).toBe('hello world\n');
    expect((await t.exec('cache', ['redis-cli', 'incr', 'visits'])).stdout).toBe('1\n');
    expect((await t.exec('cache', ['redis-cli', 'incr', 'visits'])).stdout).toBe('2\n');
    expect((await t.exec('cache', ['redis-cli', 'get', 'nothing'])).stdout).toBe('\n');
    const bad = await t.exec('cache', ['redis-cli', 'incr', 'greeting']);
    expect(bad).toEqual({ stdout: 'ERR value is not an integer or out of range\n', stderr: '', code: 1 });
    const unknown = await t.exec('cache', ['redis-cli', 'frobnicate', 'x']);
    expect(unknown.stdout).toBe("ERR unknown command 'frobnicate', with args beginning with: 'x' \n");
    expect((await t.exec('cache', ['redis-cli', '--no-raw', 'get', 'greeting'])).stdout).toBe('"hello world"\n');
    expect((await t.exec('cache', ['redis-cli', '--no-raw', 'incr', 'visits'])).stdout).toBe('(integer) 3\n');
  });

  it('is reached by name from another container on the network, and refuses a closed port', async () => {
    const app = await t.run({ Image: 'redis:7.4', Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'cache' } });
    expect((await t.exec(app, ['redis-cli', '-h', 'cache', 'get', 'greeting'])).stdout).toBe('hello world\n');
    expect(await t.exec(app, ['redis-cli', 'ping'])).toEqual({ stdout: '', stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n', code: 1 });
    expect((await t.exec(app, ['redis-cli', '-h', 'nowhere', 'ping'])).stderr).toBe('Could not connect to Redis at nowhere:6379: Name or service not known\n');
  });

  it('shuts down on docker stop with its real lines, saving the RDB into the /data volume; a new start loads it', async () => {
    const before = lines((await t.logs('cache')).stdout).length;
    const start = t.world.now();
    expect((await t.call('POST', '/v1.50/containers/cache/stop')).status).toBe(204);
    expect(t.world.now() - start).toBeLessThan(1000);
    expect((await t.inspect('cache')).State.ExitCode).toBe(0);
    const out = lines((await t.logs('cache')).stdout).slice(before);
    expect(out[0]).toMatch(/^1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.$/);
    expect(out.slice(1).map((l) => l.replace(/^1:M \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} /, ''))).toEqual([
      '* User requested shutdown...',
      '* Saving the final RDB snapshot before exiting.',
      '* DB saved on disk',
      '# Redis is now ready to exit, bye bye...',
    ]);
    expect(t.fs('cache').readFile('/data/dump.rdb').startsWith('REDIS0012\n')).toBe(true);
    await t.advance(5000);
    await t.call('POST', '/v1.50/containers/cache/start');
    const again = lines((await t.logs('cache')).stdout).slice(before + out.length).map((l) => l.replace(/^1:(\w) \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} /, '$1 '));
    expect(again.slice(-7)).toEqual([
      'M * Server initialized',
      'M * Loading RDB produced by version 7.4.4',
      expect.stringMatching(/^M \* RDB age [5-9] seconds$/),
      'M * RDB memory usage when created 0.90 Mb',
      'M * Done loading RDB, keys loaded: 2, keys expired: 0.',
      'M * DB loaded from disk: 0.000 seconds',
      'M * Ready to accept connections tcp',
    ]);
    expect((await t.exec('cache', ['redis-cli', 'get', 'greeting'])).stdout).toBe('hello world\n');
  });

  it('expires keys on the virtual clock', async () => {
    await t.exec('cache', ['redis-cli', 'set', 'session', 'abc', 'EX', '10']);
    expect((await t.exec('cache', ['redis-cli', 'ttl', 'session'])).stdout).toBe('10\n');
    await t.advance(10_000);
    expect((await t.exec('cache', ['redis-cli', 'exists', 'session'])).stdout).toBe('0\n');
  });

  it('redis 8 with --appendonly yes creates its AOF; --requirepass asks for AUTH', async () => {
    const id = await t.run({ Image: 'redis:latest', Entrypoint: ['redis-server'], Cmd: ['--appendonly', 'yes', '--requirepass', 's3cret'] });
    const out = lines((await t.logs(id)).stdout).map((l) => l.replace(/^1:(\w) \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} /, '$1 '));
    expect(out).toContain('C * Redis version=8.0.2, bits=64, commit=00000000, modified=1, pid=1, just started');
    expect(out).toContain('C * Configuration loaded');
    expect(out.slice(-3)).toEqual(['M * Creating AOF base file appendonly.aof.1.base.rdb on server start', 'M * Creating AOF incr file appendonly.aof.1.incr.aof on server start', 'M * Ready to accept connections tcp']);
    expect(await t.exec(id, ['redis-cli', 'get', 'x'])).toEqual({ stdout: 'NOAUTH Authentication required.\n', stderr: '', code: 1 });
    const ok = await t.exec(id, ['redis-cli', '-a', 's3cret', 'set', 'x', '1']);
    expect(ok).toEqual({ stdout: 'OK\n', stderr: "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n", code: 0 });
    expect(t.fs(id).exists('/data/appendonlydir/appendonly.aof.1.base.rdb')).toBe(true);
  });

  it('reports a bad option as a fatal configuration error and exits 1', async () => {
    const id = await t.run({ Image: 'redis:7.4', Entrypoint: ['redis-server'], Cmd: ['--bogus', 'yes'] });
    expect((await t.logs(id)).stderr).toBe("\n*** FATAL CONFIG FILE ERROR (Redis 7.4.4) ***\nReading the configuration file, at line 2\n>>> 'bogus \"yes\"'\nBad directive or wrong number of arguments\n");
    expect((await t.inspect(id)).State.ExitCode).toBe(1);
  });

  it('prints versions', async () => {
    expect((await t.exec('cache', ['redis-server', '--version'])).stdout).toMatch(/^Redis server v=7\.4\.4 sha=00000000:0 malloc=jemalloc-5\.3\.0 bits=64 build=[0-9a-f]{16}\n$/);
    expect((await t.exec('cache', ['redis-cli', '--version'])).stdout).toBe('redis-cli 7.4.4\n');
  });
});
