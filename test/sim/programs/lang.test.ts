import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

/** The log of a container with a TTY: one raw stream, no stdcopy frames. */
async function ttyLog(t: ProgramEngine, id: string): Promise<string> {
  return (await t.call('GET', `/v1.50/containers/${id}/logs?stdout=1&stderr=1`)).text();
}

describe('node, python3, go', () => {
  let t: ProgramEngine;
  let n: string;
  let p: string;
  let g: string;
  beforeAll(async () => {
    t = await programEngine(['node:slim', 'python:slim', 'golang:latest']);
    n = await t.run({ Image: 'node:slim', Entrypoint: ['sleep'], Cmd: ['infinity'] }, 'nodebox');
    p = await t.run({ Image: 'python:slim', Entrypoint: ['sleep'], Cmd: ['infinity'] }, 'pybox');
    g = await t.run({ Image: 'golang:latest', Entrypoint: ['sleep'], Cmd: ['infinity'] }, 'gobox');
  });

  it('node: --version, -e, -p, errors with exit 1', async () => {
    expect(await t.exec(n, ['node', '--version'])).toEqual({ stdout: 'v24.3.0\n', stderr: '', code: 0 });
    expect((await t.exec(n, ['node', '-e', 'console.log(1+1)'])).stdout).toBe('2\n');
    expect((await t.exec(n, ['node', '-p', '[1, 2, 3].map(x => x * 2)'])).stdout).toBe('[ 2, 4, 6 ]\n');
    expect((await t.exec(n, ['node', '-e', "const os = require('os'); console.log(os.hostname(), typeof os)"])).stdout).toBe(`${(await t.inspect(n)).Config.Hostname} object\n`);
    expect((await t.exec(n, ['node', '-e', 'console.log({ a: 1, b: "x" }, `t=${2 ** 10}`)'])).stdout).toBe("{ a: 1, b: 'x' } t=1024\n");
    const bad = await t.exec(n, ['node', '-e', 'console.log(x)']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('ReferenceError: x is not defined');
    expect(bad.stderr.endsWith('\nNode.js v24.3.0\n')).toBe(true);
    const missing = await t.exec(n, ['node', 'app.js']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Error: Cannot find module '/app.js'");
  });

  it('node: a script file with functions and loops; an http server answering on its port', async () => {
    t.fs(n).writeFile('/srv.js', `
const http = require('http');
function greet(name) { return 'hello ' + name; }
let total = 0;
for (let i = 1; i <= 10; i++) total += i;
console.log(greet('docker'), total);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hi from ' + req.url + '\\n');
});
server.listen(3000, () => console.log('listening on 3000'));
`);
    // the script reaches the image through a volume, as with -v $PWD:/app
    const c = await t.json('POST', '/v1.50/containers/create?name=web', { Image: 'node:slim', Cmd: ['node', '/srv.js'] });
    t.fs(c.body.Id).writeFile('/srv.js', t.fs(n).readFile('/srv.js'));
    await t.call('POST', '/v1.50/containers/web/start');
    const logs = await t.logs('web');
    expect(logs.stdout).toBe('hello docker 55\nlistening on 3000\n');
    const ip = (await t.inspect('web')).NetworkSettings.Networks.bridge.IPAddress;
    const res = await t.http(`http://${ip}:3000/x`);
    expect(res.ok).toBe(true);
    expect(res.response.body).toBe('hi from /x\n');
    expect(res.response.headers['Content-Type']).toBe('text/plain');
  });

  it('node as PID 1 ignores SIGTERM: docker stop waits the grace period and kills (137)', async () => {
    const start = t.world.now();
    await t.call('POST', '/v1.50/containers/web/stop?t=2');
    expect(t.world.now() - start).toBeGreaterThanOrEqual(2000);
    expect((await t.inspect('web')).State.ExitCode).toBe(137);
  });

  it('python3: --version, -c with print and arithmetic, tracebacks', async () => {
    expect(await t.exec(p, ['python3', '--version'])).toEqual({ stdout: 'Python 3.13.5\n', stderr: '', code: 0 });
    expect((await t.exec(p, ['python3', '-c', 'print(1+1)'])).stdout).toBe('2\n');
    expect((await t.exec(p, ['python3', '-c', 'print(7/2, 7//2, 2**10, [1, 2], {"a": 1}, None, True)'])).stdout).toBe("3.5 3 1024 [1, 2] {'a': 1} None True\n");
    expect((await t.exec(p, ['python3', '-c', 'import socket; print(f"host={socket.gethostname()} n={len([1,2,3])}")'])).stdout).toBe(`host=${(await t.inspect(p)).Config.Hostname} n=3\n`);
    const bad = await t.exec(p, ['python3', '-c', 'print(x)']);
    expect(bad).toEqual({ stdout: '', stderr: 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nNameError: name \'x\' is not defined\n', code: 1 });
    expect((await t.exec(p, ['python3', '-c', '1/0'])).stderr.split('\n').at(-2)).toBe('ZeroDivisionError: division by zero');
  });

  it('python3 -m http.server: the listing, its log on stderr, and stdout buffered when not a terminal', async () => {
    const id = await t.run({ Image: 'python:slim', Cmd: ['python3', '-m', 'http.server', '8000'], WorkingDir: '/srv' }, 'files');
    t.fs(id).writeFile('/srv/hello.txt', 'hi\n');
    const ip = (await t.inspect(id)).NetworkSettings.Networks.bridge.IPAddress;
    const list = (await t.http(`http://${ip}:8000/`)).response;
    expect(list.status).toBe(200);
    expect(list.body).toContain('<title>Directory listing for /</title>');
    expect(list.body).toContain('<li><a href="hello.txt">hello.txt</a></li>');
    expect((await t.http(`http://${ip}:8000/hello.txt`)).response.body).toBe('hi\n');
    expect((await t.http(`http://${ip}:8000/nope`)).response.status).toBe(404);
    const logs = await t.logs(id);
    expect(logs.stdout).toBe('');
    expect(logs.stderr.split('\n').filter(Boolean).map((l) => l.replace(/\[[^\]]+\]/, '[T]'))).toEqual([
      '172.17.0.1 - - [T] "GET / HTTP/1.1" 200 -',
      '172.17.0.1 - - [T] "GET /hello.txt HTTP/1.1" 200 -',
      '172.17.0.1 - - [T] code 404, message File not found',
      '172.17.0.1 - - [T] "GET /nope HTTP/1.1" 404 -',
    ]);
    const u = await t.run({ Image: 'python:slim', Cmd: ['python3', '-u', '-m', 'http.server'], WorkingDir: '/srv' });
    expect((await t.logs(u)).stdout).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
  });

  it('the REPLs on a terminal: node and python evaluate what is typed', async () => {
    const node = await t.json('POST', '/v1.50/containers/create', { Image: 'node:slim', Tty: true, OpenStdin: true });
    await t.call('POST', `/v1.50/containers/${node.body.Id}/start`);
    const e = t.engine();
    const c = e.daemon.containers.get(node.body.Id)!;
    e.runtime.writeStdin(c, '[1,2].length + 40\r');
    e.runtime.writeStdin(c, 'let s = "hi"; s.toUpperCase()\r');
    e.runtime.writeStdin(c, '.exit\r');
    await t.advance(100);
    expect(await ttyLog(t, node.body.Id)).toBe('Welcome to Node.js v24.3.0.\r\nType ".help" for more information.\r\n> [1,2].length + 40\r\n42\r\n> let s = "hi"; s.toUpperCase()\r\n\'HI\'\r\n> .exit\r\n');
    expect((await t.inspect(node.body.Id)).State.ExitCode).toBe(0);
    const py = await t.json('POST', '/v1.50/containers/create', { Image: 'python:slim', Tty: true, OpenStdin: true });
    await t.call('POST', `/v1.50/containers/${py.body.Id}/start`);
    const pc = e.daemon.containers.get(py.body.Id)!;
    e.runtime.writeStdin(pc, '2 ** 8\r');
    e.runtime.writeStdin(pc, '\x04');
    await t.advance(100);
    expect(await ttyLog(t, py.body.Id)).toBe('Python 3.13.5 (main, Jun 11 2025, 15:36:57) [GCC 12.2.0] on linux\r\nType "help", "copyright", "credits" or "license" for more information.\r\n>>> 2 ** 8\r\n256\r\n>>> \r\n');
  });

  it('go version and go run of a hello world', async () => {
    expect(await t.exec(g, ['go', 'version'])).toEqual({ stdout: 'go version go1.24.4 linux/amd64\n', stderr: '', code: 0 });
    t.fs(g).writeFile('/go/main.go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("Hello, Docker!")\n}\n');
    expect((await t.exec(g, ['go', 'run', '/go/main.go'])).stdout).toBe('Hello, Docker!\n');
  });
});
