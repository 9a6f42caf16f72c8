import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe('curl (debian bookworm: 7.88.1)', () => {
  let t: ProgramEngine;
  let client: string;
  let webIp: string;
  beforeAll(async () => {
    t = await programEngine(['nginx:latest']);
    expect((await t.json('POST', '/v1.50/networks/create', { Name: 'app' })).status).toBe(201);
    await t.run({ Image: 'nginx:latest', Entrypoint: ['nginx'], Cmd: ['-g', 'daemon off;'], HostConfig: { NetworkMode: 'app' } }, 'web');
    webIp = (await t.inspect('web')).NetworkSettings.Networks.app.IPAddress;
    client = await t.run({ Image: 'nginx:latest', Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'app' } }, 'client');
    await t.run({ Image: 'nginx:latest', Entrypoint: ['sleep'], Cmd: ['infinity'] }, 'lonely');
  });

  it('fetches by container name on a user-defined network; the meter goes to stderr when stdout is a pipe', async () => {
    const r = await t.exec(client, ['curl', 'http://web/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r.stderr).toBe(`${METER}\r${ZERO}\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
    const log = (await t.logs('web')).stdout.trim().split('\n').at(-1)!;
    const clientIp = (await t.inspect('client')).NetworkSettings.Networks.app.IPAddress;
    expect(log).toMatch(new RegExp(`^${clientIp.replace(/\./g, '\\.')} - - \\[[^\\]]+\\] "GET / HTTP/1\\.1" 200 615 "-" "curl/7\\.88\\.1" "-"$`));
  });

  it('cannot resolve names on the default bridge: (6), the message right after the meter', async () => {
    const r = await t.exec('lonely', ['curl', 'http://web/']);
    expect(r).toEqual({ stdout: '', stderr: `${METER}\r${ZERO}curl: (6) Could not resolve host: web\n`, code: 6 });
    expect(await t.exec('lonely', ['curl', '-s', 'http://web/'])).toEqual({ stdout: '', stderr: '', code: 6 });
    expect(await t.exec('lonely', ['curl', '-sS', 'http://web/'])).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: web\n', code: 6 });
  });

  it('reports a closed port with (7)', async () => {
    expect(await t.exec(client, ['curl', '-sS', `http://${webIp}:81/`])).toEqual({ stdout: '', stderr: `curl: (7) Failed to connect to ${webIp} port 81 after 0 ms: Couldn't connect to server\n`, code: 7 });
    expect(await t.exec(client, ['curl', '-sS', 'localhost'])).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n", code: 7 });
  });

  it('-i and -I show the response head; -f fails on 404 with (22)', async () => {
    const i = await t.exec(client, ['curl', '-si', 'http://web/']);
    expect(i.stdout.startsWith('HTTP/1.1 200 OK\r\nServer: nginx/1.29.0\r\nDate: ')).toBe(true);
    expect(i.stdout).toContain('\r\nContent-Length: 615\r\n');
    expect(i.stdout).toContain('\r\n\r\n<!DOCTYPE html>');
    const head = await t.exec(client, ['curl', '-sI', 'http://web/']);
    expect(head.stdout.endsWith('Accept-Ranges: bytes\r\n\r\n')).toBe(true);
    const f = await t.exec(client, ['curl', '-fsS', 'http://web/missing']);
    expect(f).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', code: 22 });
    const nf = await t.exec(client, ['curl', '-s', 'http://web/missing']);
    expect(nf.code).toBe(0);
    expect(nf.stdout).toContain('404 Not Found');
  });

  it('-o writes a file, -w prints the status, -L follows redirects, -X/-d send a body', async () => {
    const o = await t.exec(client, ['curl', '-s', '-o', '/tmp/page.html', '-w', '%{http_code}\\n', 'http://web/']);
    expect(o).toEqual({ stdout: '200\n', stderr: '', code: 0 });
    expect(t.fs(client).readFile('/tmp/page.html').length).toBe(615);
    t.fs('web').mkdir('/usr/share/nginx/html/docs');
    t.fs('web').writeFile('/usr/share/nginx/html/docs/index.html', 'docs\n');
    const noFollow = await t.exec(client, ['curl', '-s', '-w', '%{http_code}', '-o', '/dev/null', 'http://web/docs']);
    expect(noFollow.stdout).toBe('301');
    // nginx's Location names the host it was asked for, without a port
    expect((await t.exec(client, ['curl', '-sL', 'http://web/docs'])).stdout).toBe('docs\n');
    const post = await t.exec(client, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-d', 'a=1', 'http://web/']);
    expect(post.stdout).toBe('405');
  });

  it('-v shows the conversation on stderr', async () => {
    const v = await t.exec(client, ['curl', '-sv', 'http://web/']);
    const lines = v.stderr.split('\n');
    expect(lines.slice(0, 8)).toEqual([`*   Trying ${webIp}:80...`, `* Connected to web (${webIp}) port 80 (#0)`, '> GET / HTTP/1.1\r', '> Host: web\r', '> User-Agent: curl/7.88.1\r', '> Accept: */*\r', '> \r', '< HTTP/1.1 200 OK\r']);
    expect(lines.at(-2)).toBe('* Connection #0 to host web left intact');
  });

  it('says how to use it', async () => {
    expect(await t.exec(client, ['curl'])).toEqual({ stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    const v = await t.exec(client, ['curl', '--version']);
    expect(v.stdout.split('\n')[0]).toMatch(/^curl 7\.88\.1 \(x86_64-pc-linux-gnu\) libcurl\/7\.88\.1 /);
    expect((await t.exec(client, ['curl', '-sS', 'ftp://web/'])).stderr).toBe('curl: (1) Protocol "ftp" not supported or disabled in libcurl\n');
  });
});
