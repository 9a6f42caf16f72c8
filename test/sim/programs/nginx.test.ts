import { beforeAll, describe, expect, it } from 'vitest';
import { clfTime, httpDate, nginxTime } from '../../../src/sim/programs/lib/time';
import { programEngine, type ProgramEngine } from './support';

// nginx:latest run as `docker run --entrypoint nginx nginx -g 'daemon off;'`: what nginx itself
// does, apart from the entrypoint script.
const NGINX = { Image: 'nginx:latest', Entrypoint: ['nginx'], Cmd: ['-g', 'daemon off;'] };
const WELCOME_SIZE = 615;

function edit(t: ProgramEngine, id: string, change: (text: string) => string): void {
  const path = '/etc/nginx/conf.d/default.conf';
  t.fs(id).writeFile(path, change(t.fs(id).readFile(path)));
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('nginx', () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['nginx:latest']);
  });

  it('starts: its notice lines on stderr, a worker per CPU, the master and workers in docker top', async () => {
    const at = nginxTime(t.world.now());
    const id = await t.run({ ...NGINX, HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } } }, 'web');
    const logs = await t.logs(id);
    expect(logs.stdout).toBe('');
    expect(lines(logs.stderr)).toEqual([
      `${at} [notice] 1#1: using the "epoll" event method`,
      `${at} [notice] 1#1: nginx/1.29.0`,
      `${at} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
      `${at} [notice] 1#1: OS: Linux 6.8.0-60-generic`,
      `${at} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${at} [notice] 1#1: start worker processes`,
      `${at} [notice] 1#1: start worker process 7`,
      `${at} [notice] 1#1: start worker process 8`,
      `${at} [notice] 1#1: start worker process 9`,
      `${at} [notice] 1#1: start worker process 10`,
    ]);
    expect(logs.frames.every((f) => f.stream === 'stderr')).toBe(true);
    const top = await t.top(id);
    expect(top.map((r) => r[r.length - 1])).toEqual([
      'nginx: master process nginx -g daemon off;',
      'nginx: worker process',
      'nginx: worker process',
      'nginx: worker process',
      'nginx: worker process',
    ]);
    expect(t.fs(id).readFile('/run/nginx.pid')).toBe('1\n');
  });

  it('serves the welcome page on the published port with nginx headers, and logs the request on stdout', async () => {
    await t.advance(5000);
    const when = t.world.now();
    const r = await t.http('http://localhost:8080/', { headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*', Host: 'localhost:8080' } });
    expect(r.ok).toBe(true);
    const res = r.response;
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(res.body.length).toBe(WELCOME_SIZE);
    expect(Object.keys(res.headers)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Last-Modified', 'Connection', 'ETag', 'Accept-Ranges']);
    expect(res.headers.Server).toBe('nginx/1.29.0');
    expect(res.headers.Date).toBe(httpDate(when));
    expect(res.headers['Content-Type']).toBe('text/html');
    expect(res.headers['Content-Length']).toBe('615');
    // the file's mtime is the release's (SOURCE_DATE_EPOCH) time; the ETag is "<mtime hex>-<size hex>"
    const mtime = Date.parse('2025-06-24T20:52:14Z');
    expect(res.headers['Last-Modified']).toBe(httpDate(mtime));
    expect(res.headers.ETag).toBe(`"${(mtime / 1000).toString(16)}-267"`);
    const logs = await t.logs('web');
    const access = logs.frames.filter((f) => f.stream === 'stdout').map((f) => f.text);
    expect(access).toEqual([`172.17.0.1 - - [${clfTime(when)}] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n`]);
  });

  it('answers HEAD without a body, 404 with its error page and error-log line, 405 for POST', async () => {
    const head = (await t.http('http://localhost:8080/', { method: 'HEAD', headers: { 'User-Agent': 'curl/8.5.0' } })).response;
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['Content-Length']).toBe('615');
    const miss = (await t.http('http://localhost:8080/nope.html', { headers: { 'User-Agent': 'curl/8.5.0', Host: 'localhost:8080' } })).response;
    expect(miss.status).toBe(404);
    expect(miss.statusText).toBe('Not Found');
    expect(miss.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.0</center>\r\n</body>\r\n</html>\r\n');
    expect(miss.body.length).toBe(153);
    const post = (await t.http('http://localhost:8080/', { method: 'POST', body: 'x=1', headers: { 'User-Agent': 'curl/8.5.0' } })).response;
    expect(post.status).toBe(405);
    expect(post.body).toContain('<title>405 Not Allowed</title>');
    const logs = await t.logs('web');
    const out = lines(logs.stdout);
    expect(out.slice(-3).map((l) => l.replace(/\[[^\]]+\]/, '[T]'))).toEqual([
      '172.17.0.1 - - [T] "HEAD / HTTP/1.1" 200 0 "-" "curl/8.5.0" "-"',
      '172.17.0.1 - - [T] "GET /nope.html HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
      '172.17.0.1 - - [T] "POST / HTTP/1.1" 405 157 "-" "curl/8.5.0" "-"',
    ]);
    const err = lines(logs.stderr).at(-1)!;
    expect(err).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[error\] 7#7: \*3 open\(\) "\/usr\/share\/nginx\/html\/nope.html" failed \(2: No such file or directory\), client: 172.17.0.1, server: localhost, request: "GET \/nope.html HTTP\/1.1", host: "localhost:8080"$/);
  });

  it('serves what is in the container filesystem now: edits, new files by extension, 301 to a directory, 403 without index', async () => {
    const fs = t.fs('web');
    fs.writeFile('/usr/share/nginx/html/index.html', '<h1>hello</h1>\n');
    fs.mkdir('/usr/share/nginx/html/docs');
    fs.mkdir('/usr/share/nginx/html/empty');
    fs.writeFile('/usr/share/nginx/html/docs/a.json', '{}\n');
    fs.writeFile('/usr/share/nginx/html/docs/index.html', 'ok\n');
    const page = (await t.http('http://localhost:8080/')).response;
    expect(page.body).toBe('<h1>hello</h1>\n');
    expect(page.headers['Content-Length']).toBe('15');
    const json = (await t.http('http://localhost:8080/docs/a.json')).response;
    expect(json.headers['Content-Type']).toBe('application/json');
    const dir = (await t.http('http://localhost:8080/docs', { headers: { Host: 'localhost:8080' } })).response;
    expect(dir.status).toBe(301);
    // nginx redirects to the port it listens on, not the published one
    expect(dir.headers.Location).toBe('http://localhost/docs/');
    expect((await t.http('http://localhost:8080/docs/')).response.body).toBe('ok\n');
    const empty = (await t.http('http://localhost:8080/empty/')).response;
    expect(empty.status).toBe(403);
    expect(lines((await t.logs('web')).stderr).at(-1)).toMatch(/\[error\] 7#7: \*\d+ directory index of "\/usr\/share\/nginx\/html\/empty\/" is forbidden, client: 172.17.0.1, server: localhost, request: "GET \/empty\/ HTTP\/1.1"/);
  });

  it('answers a conditional GET with 304', async () => {
    const first = (await t.http('http://localhost:8080/docs/a.json')).response;
    const again = (await t.http('http://localhost:8080/docs/a.json', { headers: { 'If-None-Match': first.headers.ETag } })).response;
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('reloads on SIGHUP: the new configuration, new workers, the old ones leave gracefully', async () => {
    edit(t, 'web', (text) => text.replace('listen       80;', 'listen       8081;'));
    const before = lines((await t.logs('web')).stderr).length;
    expect((await t.call('POST', '/v1.50/containers/web/kill?signal=HUP')).status).toBe(204);
    const after = lines((await t.logs('web')).stderr).slice(before).map((l) => l.slice(20));
    expect(after).toEqual([
      '[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring',
      '[notice] 1#1: reconfiguring',
      '[notice] 1#1: using the "epoll" event method',
      '[notice] 1#1: start worker processes',
      expect.stringMatching(/^\[notice\] 1#1: start worker process \d+$/),
      expect.stringMatching(/^\[notice\] 1#1: start worker process \d+$/),
      expect.stringMatching(/^\[notice\] 1#1: start worker process \d+$/),
      expect.stringMatching(/^\[notice\] 1#1: start worker process \d+$/),
      '[notice] 7#7: gracefully shutting down',
      '[notice] 7#7: exiting',
      '[notice] 7#7: exit',
      '[notice] 8#8: gracefully shutting down',
      '[notice] 8#8: exiting',
      '[notice] 8#8: exit',
      '[notice] 9#9: gracefully shutting down',
      '[notice] 9#9: exiting',
      '[notice] 9#9: exit',
      '[notice] 10#10: gracefully shutting down',
      '[notice] 10#10: exiting',
      '[notice] 10#10: exit',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 10',
      '[notice] 1#1: worker process 7 exited with code 0',
      '[notice] 1#1: worker process 8 exited with code 0',
      '[notice] 1#1: worker process 9 exited with code 0',
      '[notice] 1#1: worker process 10 exited with code 0',
    ]);
    expect((await t.top('web')).length).toBe(5);
    // the new port listens, the old one is closed
    const ip = (await t.inspect('web')).NetworkSettings.Networks.bridge.IPAddress;
    const other = await t.run({ Image: 'nginx:latest', Entrypoint: ['sleep'], Cmd: ['1000'] }, 'client');
    expect((await t.exec(other, ['curl', '-s', `http://${ip}:8081/`])).stdout).toBe('<h1>hello</h1>\n');
    expect((await t.http('http://localhost:8080/')).ok).toBe(false);
    edit(t, 'web', (text) => text.replace('listen       8081;', 'listen       80;'));
    await t.call('POST', '/v1.50/containers/web/kill?signal=HUP');
    expect((await t.http('http://localhost:8080/')).response.status).toBe(200);
  });

  it('keeps its configuration when a reload finds it broken; nginx -s reload checks it first, and names its PID to the master', async () => {
    edit(t, 'web', (text) => `${text}bogus;\n`);
    const test = await t.exec('web', ['nginx', '-t']);
    expect(test.code).toBe(1);
    expect(lines(test.stderr).slice(-2)).toEqual(['nginx: [emerg] unknown directive "bogus" in /etc/nginx/conf.d/default.conf:45', 'nginx: configuration file /etc/nginx/nginx.conf test failed']);
    const refused = await t.exec('web', ['nginx', '-s', 'reload']);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr).at(-1)).toBe('nginx: [emerg] unknown directive "bogus" in /etc/nginx/conf.d/default.conf:45');
    let before = lines((await t.logs('web')).stderr).length;
    await t.call('POST', '/v1.50/containers/web/kill?signal=HUP');
    expect(lines((await t.logs('web')).stderr).slice(before).map((l) => l.slice(20))).toEqual([
      '[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring',
      '[notice] 1#1: reconfiguring',
      '[emerg] 1#1: unknown directive "bogus" in /etc/nginx/conf.d/default.conf:45',
    ]);
    expect((await t.http('http://localhost:8080/')).response.status).toBe(200);
    edit(t, 'web', (text) => text.replace('bogus;\n', ''));
    before = lines((await t.logs('web')).stderr).length;
    const r = await t.exec('web', ['nginx', '-s', 'reload']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: signal process started\n$/);
    const sender = /\[notice\] (\d+)#/.exec(r.stderr)![1];
    expect(lines((await t.logs('web')).stderr)[before]!.slice(20)).toBe(`[notice] 1#1: signal 1 (SIGHUP) received from ${sender}, reconfiguring`);
  });

  it('stops gracefully on docker stop (SIGQUIT, its STOPSIGNAL): workers leave, the master exits 0 at once', async () => {
    const before = lines((await t.logs('web')).stderr).length;
    const start = t.world.now();
    expect((await t.call('POST', '/v1.50/containers/web/stop')).status).toBe(204);
    expect(t.world.now() - start).toBeLessThan(1000);
    const s = (await t.inspect('web')).State;
    expect(s.ExitCode).toBe(0);
    const after = lines((await t.logs('web')).stderr).slice(before).map((l) => l.slice(20));
    expect(after[0]).toBe('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down');
    expect(after.filter((l) => l.endsWith('gracefully shutting down')).length).toBe(4);
    expect(after.at(-1)).toBe('[notice] 1#1: exit');
    expect(after.at(-2)).toMatch(/^\[notice\] 1#1: worker process \d+ exited with code 0$/);
    expect((await t.http('http://localhost:8080/')).ok).toBe(false);
  });

  it('exits fast on SIGTERM with exit 0; restarts serving again', async () => {
    const before = lines((await t.logs('web')).stderr).length;
    expect((await t.call('POST', '/v1.50/containers/web/start')).status).toBe(204);
    expect((await t.http('http://localhost:8080/')).response.status).toBe(200);
    await t.call('POST', '/v1.50/containers/web/kill?signal=TERM');
    const after = lines((await t.logs('web')).stderr).slice(before).map((l) => l.slice(20));
    expect(after.filter((l) => /start worker process \d+$/.test(l)).length).toBe(4);
    expect(after).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting');
    expect(after.filter((l) => /^\[notice\] \d+#\d+: exiting$/.test(l)).length).toBe(4);
    expect(after.some((l) => l.includes('gracefully'))).toBe(false);
    expect((await t.inspect('web')).State).toMatchObject({ Status: 'exited', ExitCode: 0 });
  });

  it('fails to start on a broken configuration with nginx\'s emerg lines and exit 1', async () => {
    const id = await t.run({ ...NGINX, Cmd: ['-g', 'daemon off; worker_processes two;'] });
    const logs = await t.logs(id);
    expect(lines(logs.stderr).map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''))).toEqual([
      '[emerg] 1#1: invalid value "two" in "worker_processes" directive in command line',
      'nginx: [emerg] invalid value "two" in "worker_processes" directive in command line',
    ]);
    expect((await t.inspect(id)).State.ExitCode).toBe(1);
  });

  it('daemonizes without "daemon off;": the foreground process exits 0 and the container stops', async () => {
    const id = await t.run({ ...NGINX, Cmd: [] });
    const s = (await t.inspect(id)).State;
    expect(s).toMatchObject({ Status: 'exited', ExitCode: 0 });
    expect((await t.logs(id)).stderr).toBe('');
  });

  it('prints its version and usage', async () => {
    const id = await t.run({ Image: 'nginx:latest', Entrypoint: ['sleep'], Cmd: ['1000'] });
    expect(await t.exec(id, ['nginx', '-v'])).toEqual({ stdout: '', stderr: 'nginx version: nginx/1.29.0\n', code: 0 });
    const big = await t.exec(id, ['nginx', '-V']);
    expect(big.stderr.split('\n')[1]).toBe('built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ');
    const ok = await t.exec(id, ['nginx', '-t']);
    expect(ok.stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect((await t.exec(id, ['nginx', '-x'])).stderr).toBe('nginx: invalid option: "x"\n');
  });
});
