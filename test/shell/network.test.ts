// curl, wget and ping on the host: what answers (published ports, containers' addresses, the
// host itself), what does not, and the messages, formats and exit codes of the real tools.

import { afterEach, describe, expect, test } from 'vitest';
import { engineOf } from '../../src/sim/engine';
import type { HttpResponse } from '../../src/sim/network/ports';
import { KEYS, startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});
const start = (...args: Parameters<typeof startHost>): Host => (host = startHost(...args));

const PAGE = '<!DOCTYPE html>\n<html><body><h1>It works</h1></body></html>\n';

/** A running container publishing 8080 → 80, with a socket on port 80 that serves PAGE. */
async function webServer(h: Host): Promise<string> {
  await h.run('docker run -d --name web -p 8080:80 alpine sleep 100000 >/dev/null', 60_000);
  const d = h.world.daemon();
  const c = [...d.containers.values()].find((x) => x.bareName === 'web')!;
  engineOf(d).net.listen(c, {
    port: 80,
    proto: 'tcp',
    pid: 1,
    handler: (req): HttpResponse =>
      req.path === '/missing'
        ? { status: 404, headers: { Server: 'test', 'Content-Type': 'text/html' }, body: 'nope\n' }
        : { status: 200, headers: { Server: 'test', 'Content-Type': 'text/html', 'Content-Length': String(PAGE.length) }, body: PAGE },
  });
  return [...c.networks.values()][0]!.IPAddress;
}

describe('curl', () => {
  test('a published port answers on localhost; -i shows the headers; -o writes a file', async () => {
    const h = start();
    const ip = await webServer(h);
    expect(await h.run('curl localhost:8080')).toBe(PAGE.trimEnd());
    expect(await h.run('curl -i http://127.0.0.1:8080/')).toBe(`HTTP/1.1 200 OK\nServer: test\nContent-Type: text/html\nContent-Length: ${PAGE.length}\n\n${PAGE.trimEnd()}`);
    expect(await h.run(`curl -s ${ip}`)).toBe(PAGE.trimEnd());
    expect(await h.run('curl -s -o page.html localhost:8080 && cat page.html')).toBe(PAGE.trimEnd());
    expect(await h.run('curl -s -w "%{http_code}\\n" -o /dev/null localhost:8080/missing')).toBe('404');
    expect(await h.run('curl -sf localhost:8080/missing; echo $?')).toBe('22');
    expect(await h.run('curl -f localhost:8080/missing; echo $?')).toBe('curl: (22) The requested URL returned error: 404\n22');
  });

  test('nginx published on 8080 answers curl localhost:8080 with its page', async (ctx) => {
    const h = start();
    await h.run('docker run -d -p 8080:80 --name web nginx >/dev/null', 60_000);
    await new Promise((r) => setTimeout(r, 200));
    const state = [...h.world.daemon().containers.values()].find((c) => c.bareName === 'web')?.status;
    // nginx's program is modelled in src/sim; until its image starts it there is nothing to reach
    if (state !== 'running') return ctx.skip();
    const page = await h.run('curl localhost:8080');
    expect(page).toContain('<title>Welcome to nginx!</title>');
    expect(await h.run('curl -sI localhost:8080 | head -1')).toBe('HTTP/1.1 200 OK');
    // nginx's access log has both requests, from the bridge's gateway
    expect(await h.run('docker logs web 2>/dev/null | grep -c "HTTP/1.1\\" 200"')).toBe('2');
  });

  test('the progress meter when the body does not go to the terminal', async () => {
    const h = start();
    await webServer(h);
    const out = await h.run('curl localhost:8080 | wc -c');
    expect(out.split('\n')).toEqual([
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
      '                                 Dload  Upload   Total   Spent    Left  Speed',
      expect.stringMatching(new RegExp(`^100 +${PAGE.length}  100 +${PAGE.length}    0     0 +\\S+      0 --:--:-- --:--:-- --:--:-- +\\S+$`)),
      String(PAGE.length),
    ]);
  });

  test('errors: refused, unknown host, no URL, unknown option', async () => {
    const h = start();
    expect(await h.run('curl localhost:8080; echo $?')).toMatch(/^curl: \(7\) Failed to connect to localhost port 8080 after \d+ ms: Couldn't connect to server\n7$/);
    expect(await h.run('curl http://example.invalid/; echo $?')).toBe('curl: (6) Could not resolve host: example.invalid\n6');
    expect(await h.run('curl; echo $?')).toBe("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n2");
    expect(await h.run('curl --frobnicate x; echo $?')).toBe("curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n2");
    expect(await h.run('curl -s localhost:9; echo $?')).toBe('7');
  });
});

describe('wget', () => {
  test('saves index.html with wget’s log; -qO- prints the page', async () => {
    const h = start();
    await webServer(h);
    const log = await h.run('wget localhost:8080');
    expect(log).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  http:\/\/localhost:8080\/\nResolving localhost \(localhost\)\.\.\. 127\.0\.0\.1\nConnecting to localhost \(localhost\)\|127\.0\.0\.1\|:8080\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\nLength: \d+ \[text\/html\]\nSaving to: ‘index\.html’\n/);
    expect(log).toMatch(/‘index\.html’ saved \[\d+\/\d+\]\n$/);
    expect(await h.run('cat index.html')).toBe(PAGE.trimEnd());
    await h.run('wget -q localhost:8080');
    expect(await h.run('ls')).toBe('index.html  index.html.1');
    expect(await h.run('wget -qO- localhost:8080')).toBe(PAGE.trimEnd());
    expect(await h.run('wget -q localhost:8080/missing; echo $?')).toBe('8');
    expect(await h.run('wget -q localhost:9999; echo $?')).toBe('4');
  });
});

describe('ping', () => {
  test('localhost answers; -c stops after that many replies with the statistics', async () => {
    const h = start();
    const out = await h.run('ping -c 3 localhost');
    const lines = out.split('\n');
    expect(lines[0]).toBe('PING localhost (127.0.0.1) 56(84) bytes of data.');
    for (let i = 1; i <= 3; i++) expect(lines[i]).toMatch(new RegExp(`^64 bytes from localhost \\(127\\.0\\.0\\.1\\): icmp_seq=${i} ttl=64 time=0\\.\\d{3} ms$`));
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('--- localhost ping statistics ---');
    expect(lines[6]).toMatch(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/);
    expect(lines[7]).toMatch(/^rtt min\/avg\/max\/mdev = 0\.\d{3}\/0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms$/);
    expect(await h.run('echo $?')).toBe('0');
  });

  test('a running container’s address answers until Ctrl-C, then the statistics', async () => {
    const h = start();
    const ip = await webServer(h);
    h.type(`ping ${ip}\r`);
    await h.waitFor(/icmp_seq=2 ttl=64/, 10_000);
    h.type(KEYS.ctrl('c'));
    const screen = await h.waitFor(/rtt min\/avg\/max\/mdev = [\d./]+ ms\n.*\$ $/);
    expect(screen).toContain(`PING ${ip} (${ip}) 56(84) bytes of data.\n64 bytes from ${ip}: icmp_seq=1 ttl=64 time=`);
    expect(screen).toMatch(new RegExp(`\\^C\\n--- ${ip.replace(/\./g, '\\.')} ping statistics ---\\n(\\d+) packets transmitted, \\1 received, 0% packet loss, time \\d+ms\\n`));
  });

  test('Ctrl-C ends ping with its statistics and status; as in bash the line goes on', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('ping localhost; echo status $?\r');
    await h.waitFor(/icmp_seq=2 /, 10_000);
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/\^C\n--- localhost ping statistics ---\n\d+ packets transmitted, \d+ received, 0% packet loss, time \d+ms\nrtt [^\n]+\nstatus 0\nlearner@docksim:~\$ $/);
  });

  test('an unused address of a Docker network: Destination Host Unreachable from its gateway', async () => {
    const h = start();
    const out = await h.run('ping -c 3 172.17.0.99; echo $?');
    expect(out).toMatch(
      /^PING 172\.17\.0\.99 \(172\.17\.0\.99\) 56\(84\) bytes of data\.\nFrom 172\.17\.0\.1 icmp_seq=1 Destination Host Unreachable\nFrom 172\.17\.0\.1 icmp_seq=2 Destination Host Unreachable\nFrom 172\.17\.0\.1 icmp_seq=3 Destination Host Unreachable\n\n--- 172\.17\.0\.99 ping statistics ---\n3 packets transmitted, 0 received, \+3 errors, 100% packet loss, time \d+ms\npipe 3\n1$/,
    );
  });

  test('names the host cannot resolve; no destination', async () => {
    const h = start();
    expect(await h.run('ping web; echo $?')).toBe('ping: web: Name or service not known\n2');
    expect(await h.run('ping; echo $?')).toBe('ping: usage error: Destination address required\n1');
  });
});
