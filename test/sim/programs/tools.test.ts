import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../../src/sh/types';
import { tcpExchange } from '../../../src/sim/programs/effects';
import { busyboxWget } from '../../../src/sim/programs/net/wget';
import { programEngine, type ProgramEngine } from './support';

describe('wget (GNU and BusyBox) and memcached', () => {
  let t: ProgramEngine;
  let web: string;
  let ip: string;
  beforeAll(async () => {
    t = await programEngine(['nginx:latest', 'nginx:alpine', 'buildpack-deps:bookworm-curl', 'memcached:latest']);
    await t.json('POST', '/v1.50/networks/create', { Name: 'net' });
    web = await t.run({ Image: 'nginx:latest', Entrypoint: ['nginx'], Cmd: ['-g', 'daemon off;'], HostConfig: { NetworkMode: 'net' } }, 'web');
    ip = (await t.inspect(web)).NetworkSettings.Networks.net.IPAddress;
  });

  it('GNU wget saves the page with its report on stderr; 404 exits 8; an unknown host exits 4', async () => {
    const box = await t.run({ Image: 'buildpack-deps:bookworm-curl', Cmd: ['sleep', 'infinity'], HostConfig: { NetworkMode: 'net' }, WorkingDir: '/tmp' }, 'deb');
    const r = await t.exec(box, ['wget', 'http://web/']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  http:\/\/web\/$/);
    expect(lines.slice(1, 7)).toEqual([`Resolving web (web)... ${ip}`, `Connecting to web (web)|${ip}|:80... connected.`, 'HTTP request sent, awaiting response... 200 OK', 'Length: 615 [text/html]', 'Saving to: ‘index.html’', '']);
    expect(lines[9]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(83\.8 MB\/s\) - ‘index\.html’ saved \[615\/615\]$/);
    expect(t.fs(box).readFile('/tmp/index.html')).toContain('Welcome to nginx!');
    expect((await t.exec(box, ['wget', '-q', 'http://web/'])).stderr).toBe('');
    expect(t.fs(box).exists('/tmp/index.html.1')).toBe(true);
    const nf = await t.exec(box, ['wget', 'http://web/missing']);
    expect(nf.code).toBe(8);
    expect(nf.stderr.split('\n').at(-3)).toMatch(/ERROR 404: Not Found\.$/);
    const nx = await t.exec(box, ['wget', 'http://nowhere/']);
    expect(nx.code).toBe(4);
    expect(nx.stderr.split('\n').slice(1)).toEqual(['Resolving nowhere (nowhere)... failed: Name or service not known.', 'wget: unable to resolve host address ‘nowhere’', '']);
  });

  it('BusyBox wget: its lines and errors', async () => {
    const box = await t.run({ Image: 'nginx:alpine', Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'net' }, WorkingDir: '/tmp' }, 'alp');
    const r = await t.runProgram(box, busyboxWget, ['wget', 'http://web/']);
    expect(r).toEqual({ stdout: '', stderr: `Connecting to web (${ip}:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n`, code: 0 });
    expect((await t.runProgram(box, busyboxWget, ['wget', 'http://web/'])).stderr.split('\n').at(-2)).toBe("wget: can't open 'index.html': File exists");
    expect((await t.runProgram(box, busyboxWget, ['wget', '-qO-', 'http://web/missing'])).stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect((await t.runProgram(box, busyboxWget, ['wget', '-q', 'http://nowhere/'])).stderr).toBe("wget: bad address 'nowhere'\n");
    expect((await t.runProgram(box, busyboxWget, ['wget', '-q', '--spider', `http://${ip}:81/`])).stderr).toBe(`wget: can't connect to remote host (${ip}): Connection refused\n`);
  });

  it('memcached: silent by default, answers the text protocol, "Signal handled: Terminated." on stop', async () => {
    const id = await t.run({ Image: 'memcached:latest', Entrypoint: ['memcached'], Cmd: [], HostConfig: { NetworkMode: 'net' } }, 'cache');
    expect(await t.logs(id)).toMatchObject({ stdout: '', stderr: '' });
    expect((await t.top(id)).map((r) => [r[0], r[r.length - 1]])).toEqual([['11211', 'memcached']]);
    // a client's exchange over TCP, as `printf 'set ...' | nc cache 11211` would do it
    const client: Command = function* (ctx) {
      const r = yield* tcpExchange({ host: 'cache', port: 11211, data: 'set greeting 0 0 5\r\nhello\r\nget greeting\r\nincr greeting 1\r\nversion\r\n' });
      ctx.stdout.write(r.data ?? String(r.error));
      return 0;
    };
    expect((await t.runProgram('web', client, ['nc'])).stdout).toBe('STORED\r\nVALUE greeting 0 5\r\nhello\r\nEND\r\nCLIENT_ERROR cannot increment or decrement non-numeric value\r\nVERSION 1.6.38\r\n');
    await t.call('POST', '/v1.50/containers/cache/stop');
    expect((await t.inspect(id)).State.ExitCode).toBe(0);
    expect((await t.logs(id)).stderr).toBe('Signal handled: Terminated.\n');
    const root = await t.run({ Image: 'memcached:latest', User: 'root', Entrypoint: ['memcached'], Cmd: [] });
    expect((await t.logs(root)).stderr).toBe("can't run as root without the -u switch\n");
    expect((await t.inspect(root)).State.ExitCode).toBe(64);
    const vv = await t.run({ Image: 'memcached:latest', Entrypoint: ['memcached'], Cmd: ['-vv'] });
    const err = (await t.logs(vv)).stderr.split('\n');
    expect(err[0]).toBe('slab class   1: chunk size        96 perslab   10922');
    expect(err.at(-2)).toBe('<26 server listening (auto-negotiate)');
  });
});

describe('gosu, envsubst, openssl', () => {
  let t: ProgramEngine;
  let pg: string;
  beforeAll(async () => {
    t = await programEngine(['postgres:17', 'nginx:latest', 'mysql:latest']);
    pg = await t.run({ Image: 'postgres:17', Entrypoint: ['sleep'], Cmd: ['infinity'] });
  });

  it('gosu runs the command as the user (initdb refuses root, accepts postgres) and reports its errors', async () => {
    expect((await t.exec(pg, ['initdb'])).stderr).toContain('initdb: error: cannot be run as root');
    const r = await t.exec(pg, ['gosu', 'postgres', 'initdb', '-D', '/tmp/pgtest']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('The files belonging to this database system will be owned by user "postgres".');
    expect(await t.exec(pg, ['gosu', 'nobody-here', 'true'])).toEqual({ stdout: '', stderr: 'error: failed switching to "nobody-here": unable to find user nobody-here: no matching entries in passwd file\n', code: 1 });
    expect((await t.exec(pg, ['gosu', 'postgres', 'no-such-command'])).stderr).toBe('error: exec: "no-such-command": executable file not found in $PATH\n');
    expect((await t.exec(pg, ['gosu'])).code).toBe(1);
  });

  it('envsubst fills in the variables named, openssl rand gives base64 of the length asked', async () => {
    const id = await t.run({ Image: 'nginx:latest', Entrypoint: ['sleep'], Cmd: ['infinity'], Env: ['PORT=8080'] });
    const e = t.engine();
    const ex = await t.json('POST', `/v1.50/containers/${id}/exec`, { Cmd: ['envsubst', '$PORT'], AttachStdin: true, AttachStdout: true, AttachStderr: true });
    let out = '';
    let done = false;
    e.execs.start(ex.body.Id, { output: (_s, text) => (out += text), done: () => (done = true) }, e.daemon.op('exec.start'));
    e.execs.write(ex.body.Id, 'listen ${PORT}; root $HOME;\n');
    e.execs.closeStdin(ex.body.Id);
    for (let i = 0; !done && i < 100; i++) await t.advance(50);
    expect(out).toBe('listen 8080; root $HOME;\n');
    const my = await t.run({ Image: 'mysql:latest', Entrypoint: ['sleep'], Cmd: ['infinity'] });
    const r = await t.exec(my, ['openssl', 'rand', '-base64', '24']);
    expect(r.stdout).toMatch(/^[A-Za-z0-9+/]{32}\n$/);
  });
});
