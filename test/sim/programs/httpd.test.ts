import { beforeAll, describe, expect, it } from 'vitest';
import { apacheTime, clfTime } from '../../../src/sim/programs/lib/time';
import { programEngine, type ProgramEngine } from './support';

// httpd as httpd-foreground execs it: `httpd -DFOREGROUND`.
const HTTPD = { Image: 'httpd:latest', Entrypoint: ['httpd'], Cmd: ['-DFOREGROUND'] };

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('httpd', () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['httpd:latest']);
  });

  it('starts with the ServerName warning twice and its notices, four httpd processes', async () => {
    const at = apacheTime(t.world.now());
    const id = await t.run({ ...HTTPD, HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8081' }] } } }, 'apache');
    const ip = (await t.inspect(id)).NetworkSettings.Networks.bridge.IPAddress;
    const logs = await t.logs(id);
    const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
    expect(lines(logs.stderr)).toEqual([
      warn,
      warn,
      `[${at}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations`,
      `[${at}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
    ]);
    expect((await t.top(id)).map((r) => r[r.length - 1])).toEqual(Array(4).fill('httpd -DFOREGROUND'));
  });

  it('serves It works! with Apache headers and logs in common format on stdout; 404 with its page', async () => {
    const when = t.world.now();
    const r = (await t.http('http://localhost:8081/', { headers: { 'User-Agent': 'curl/8.5.0', Host: 'localhost:8081' } })).response;
    expect(r.status).toBe(200);
    expect(r.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(Object.keys(r.headers)).toEqual(['Date', 'Server', 'Last-Modified', 'ETag', 'Accept-Ranges', 'Content-Length', 'Content-Type']);
    expect(r.headers.Server).toBe('Apache/2.4.63 (Unix)');
    expect(r.headers.ETag).toMatch(/^"2d-[0-9a-f]+"$/);
    const miss = (await t.http('http://localhost:8081/nope')).response;
    expect(miss.status).toBe(404);
    expect(miss.headers['Content-Type']).toBe('text/html; charset=iso-8859-1');
    expect(miss.body.length).toBe(196);
    expect(lines((await t.logs('apache')).stdout)).toEqual([`172.17.0.1 - - [${clfTime(when)}] "GET / HTTP/1.1" 200 45`, `172.17.0.1 - - [${clfTime(when)}] "GET /nope HTTP/1.1" 404 196`]);
  });

  it('stops gracefully on docker stop (SIGWINCH), exit 0', async () => {
    const before = lines((await t.logs('apache')).stderr).length;
    const start = t.world.now();
    await t.call('POST', '/v1.50/containers/apache/stop');
    expect(t.world.now() - start).toBeLessThan(1000);
    expect((await t.inspect('apache')).State.ExitCode).toBe(0);
    expect(lines((await t.logs('apache')).stderr).slice(before).map((l) => l.replace(/^\[[^\]]+\] /, ''))).toEqual(['[mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully']);
  });

  it('stops on SIGTERM and restarts on SIGHUP', async () => {
    await t.call('POST', '/v1.50/containers/apache/start');
    let before = lines((await t.logs('apache')).stderr).length;
    expect(lines((await t.logs('apache')).stderr).at(-1)).toContain('AH00094');
    await t.call('POST', '/v1.50/containers/apache/kill?signal=HUP');
    const restart = lines((await t.logs('apache')).stderr).slice(before).map((l) => l.replace(/^\[[^\]]+\] /, ''));
    expect(restart[0]).toBe('[mpm_event:notice] [pid 1:tid 1] AH00493: SIGHUP received.  Attempting to restart');
    expect(restart.at(-1)).toBe("[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'");
    before = lines((await t.logs('apache')).stderr).length;
    await t.call('POST', '/v1.50/containers/apache/kill?signal=TERM');
    expect(lines((await t.logs('apache')).stderr).slice(before).map((l) => l.replace(/^\[[^\]]+\] /, ''))).toEqual(['[mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down']);
    expect((await t.inspect('apache')).State.ExitCode).toBe(0);
  });

  it('prints its version and reports configuration errors', async () => {
    const id = await t.run({ Image: 'httpd:latest', Entrypoint: ['sleep'], Cmd: ['infinity'] });
    expect((await t.exec(id, ['httpd', '-v'])).stdout).toBe('Server version: Apache/2.4.63 (Unix)\nServer built:   Jan 23 2025 22:14:46\n');
    const fs = t.fs(id);
    fs.writeFile('/usr/local/apache2/conf/httpd.conf', `${fs.readFile('/usr/local/apache2/conf/httpd.conf')}Listn 8080\n`);
    const n = fs.readFile('/usr/local/apache2/conf/httpd.conf').split('\n').length - 1;
    const bad = await t.exec(id, ['httpd', '-DFOREGROUND']);
    expect(bad).toEqual({ stdout: '', stderr: `AH00526: Syntax error on line ${n} of /usr/local/apache2/conf/httpd.conf:\nInvalid command 'Listn', perhaps misspelled or defined by a module not included in the server configuration\n`, code: 1 });
  });
});
