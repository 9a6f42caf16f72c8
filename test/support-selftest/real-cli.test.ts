import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_CLI_VERSION, makeDockerConfigDir, realCliSkipReason, realCliVersion, runDocker, startDockerTty } from '../support/real-cli';

const skip = realCliSkipReason();

/** A stub Engine API that records what the CLI sends. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const container = {
  Id: 'c0ffee'.padEnd(64, '0'),
  Names: ['/web'],
  Image: 'mini',
  ImageID: 'sha256:' + '1'.repeat(64),
  Command: 'sleep 1000',
  Created: 1795811205,
  Ports: [],
  Labels: {},
  State: 'running',
  Status: 'Up 2 minutes',
  HostConfig: { NetworkMode: 'default' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
};

describe.skipIf(skip)('runDocker against a stub daemon', () => {
  let server: Server;
  let host = '';
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (b) => (body += b));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.setHeader('Api-Version', '1.50');
        res.setHeader('Ostype', 'linux');
        res.setHeader('Docker-Experimental', 'false');
        const path = (req.url ?? '').replace(/\?.*$/, '');
        const json = (status: number, v: unknown) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(v) + '\n');
        };
        if (path === '/_ping') {
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(req.method === 'HEAD' ? '' : 'OK');
        } else if (path === '/v1.50/containers/json') json(200, [container]);
        else if (path === '/v1.50/auth') json(200, { Status: 'Login Succeeded', IdentityToken: '' });
        else if (path === '/v1.50/info') json(200, { ID: 'stub', Swarm: { LocalNodeState: 'inactive' } });
        else if (path === '/v1.50/version') {
          // never answers: for the timeout test
        } else json(404, { message: 'page not found' });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it(`is the expected CLI version (${EXPECTED_CLI_VERSION})`, () => {
    expect(realCliVersion()).toBe(EXPECTED_CLI_VERSION);
  });

  it('runs a command and captures stdout, stderr, exit code and duration', async () => {
    const r = await runDocker(['ps'], { host });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES$/);
    expect(r.stdout).toContain('c0ffee000000');
    expect(r.stderr).toBe('');
    expect(r.durationMs).toBeGreaterThan(0);
    const ua = seen.find((s) => s.url.startsWith('/v1.50/containers/json'))?.headers['user-agent'];
    expect(ua).toBe(`Docker-Client/${EXPECTED_CLI_VERSION} (linux)`);
    const bad = await runDocker(['inspect', 'nothing'], { host });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Error: No such object: nothing');
  });

  it('no user configuration or DOCKER_* variables leak in', async () => {
    const home = mkdtempSync(join(tmpdir(), 'docksim-home-'));
    mkdirSync(join(home, '.docker'));
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ psFormat: 'LEAK {{.ID}}' }));
    const saved = { ...process.env };
    try {
      process.env.HOME = home;
      process.env.DOCKER_CONFIG = join(home, '.docker');
      process.env.DOCKER_CONTEXT = 'no-such-context';
      process.env.DOCKER_BUILDKIT = '1';
      const r = await runDocker(['ps'], { host });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('LEAK');
      expect(r.stdout).toContain('CONTAINER ID');
    } finally {
      for (const k of ['HOME', 'DOCKER_CONFIG', 'DOCKER_CONTEXT', 'DOCKER_BUILDKIT']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('stdin is fed to the CLI; a given configDir is kept across calls', async () => {
    const configDir = makeDockerConfigDir();
    try {
      const r = await runDocker(['login', '-u', 'learner', '--password-stdin', 'registry.example:5000'], { host, stdin: 's3cret\n', configDir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Login Succeeded');
      const auth = seen.find((s) => s.url === '/v1.50/auth');
      expect(JSON.parse(auth!.body)).toMatchObject({ username: 'learner', password: 's3cret', serveraddress: 'registry.example:5000' });
      const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'));
      expect(Object.keys(config.auths)).toEqual(['registry.example:5000']);
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('the throwaway config directory is removed afterwards', async () => {
    const r = await runDocker(['login', '-u', 'a', '--password-stdin', 'r.example'], { host, stdin: 'p\n', env: { DOCKSIM_PROBE: '1' } });
    expect(r.code).toBe(0);
    const m = /stored unencrypted in '([^']+)'/.exec(r.stdout + r.stderr);
    expect(m).not.toBeNull();
    expect(existsSync(m![1]!)).toBe(false);
  });

  it('times out', async () => {
    const r = await runDocker(['version'], { host, timeoutMs: 700 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
    expect(r.signal).toBe('SIGKILL');
  });

  it('tty mode runs the CLI on a terminal', async () => {
    const r = await runDocker(['ps'], { host, tty: true, cols: 200 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CONTAINER ID.*\r\n/);
    const t = startDockerTty(['ps', '--format', '{{.Names}}'], { host });
    await t.waitFor(/^web$/m);
    expect((await t.result()).code).toBe(0);
    expect(t.screen()).toBe('web');
  });
});
