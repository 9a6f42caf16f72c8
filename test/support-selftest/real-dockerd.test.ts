import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasRealCli, runDocker, startDockerTty } from '../support/real-cli';
import { getRealDockerd, pidAlive, realDockerdSkipReason, type RealDockerd } from '../support/real-dockerd';
import { wrapFetch } from '../support/swagger';

const skip = await realDockerdSkipReason();

async function json(d: RealDockerd, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await d.fetch(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe.skipIf(skip)('real dockerd', () => {
  it('starts (or is shared) and answers on its unix socket', async () => {
    const d = await getRealDockerd();
    console.log(`real dockerd pid ${d.pid} at ${d.host}: start script took ${d.startMs} ms${d.reused ? ' (reused)' : ''}`);
    expect(d.host).toBe(`unix://${d.socketPath}`);
    expect(d.startMs).toBeGreaterThan(0);
    const ping = await d.fetch('/_ping');
    expect(ping.status).toBe(200);
    expect(ping.headers.get('api-version')).toBe('1.41');
    expect(await ping.text()).toBe('OK');
    const head = await d.fetch('/_ping', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const version = await json(d, 'GET', '/v1.41/version');
    expect(version.body.ApiVersion).toBe('1.41');
  });

  it('reset leaves only mini:latest: no containers, networks, volumes or other images', async () => {
    const d = await getRealDockerd();
    await d.exclusive(async () => {
      const c = await json(d, 'POST', '/containers/create?name=keepme', { Image: 'mini', Cmd: ['sleep', '100'] });
      expect(c.status).toBe(201);
      expect((await d.fetch(`/containers/${c.body.Id}/start`, { method: 'POST' })).status).toBe(204);
      expect((await json(d, 'POST', '/networks/create', { Name: 'n1' })).status).toBe(201);
      expect((await json(d, 'POST', '/volumes/create', { Name: 'v1' })).status).toBe(201);
      expect((await d.fetch('/images/mini/tag?repo=extra&tag=1', { method: 'POST' })).status).toBe(201);
      expect((await json(d, 'POST', `/commit?container=${c.body.Id}&repo=snap&tag=1`)).status).toBe(201);

      const t0 = performance.now();
      await d.reset();
      console.log(`reset took ${Math.round(performance.now() - t0)} ms`);
      expect((await json(d, 'GET', '/containers/json?all=1')).body).toEqual([]);
      expect((await json(d, 'GET', '/networks')).body.map((n: { Name: string }) => n.Name).sort()).toEqual(['bridge', 'host', 'none']);
      expect((await json(d, 'GET', '/volumes')).body.Volumes ?? []).toEqual([]);
      const images = (await json(d, 'GET', '/images/json?all=1')).body;
      expect(images.map((i: { RepoTags: string[] }) => i.RepoTags)).toEqual([['mini:latest']]);
    });
  });

  it('reset re-creates mini:latest when a scenario removed it', async () => {
    const d = await getRealDockerd();
    await d.exclusive(async () => {
      expect((await json(d, 'DELETE', '/images/mini:latest?force=1')).status).toBe(200);
      expect((await d.fetch('/images/mini:latest/json')).status).toBe(404);
      await d.reset();
      const mini = await json(d, 'GET', '/images/mini:latest/json');
      expect(mini.status).toBe(200);
      expect(mini.body.Config.Cmd).toEqual(['/bin/sh']);
    });
  });

  it('never pulls: a pull fails fast instead of reaching a registry', async () => {
    const d = await getRealDockerd();
    const t0 = performance.now();
    const res = await d.fetch('/images/create?fromImage=busybox&tag=latest', { method: 'POST' });
    const text = await res.text();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(15_000);
    expect(res.status === 200 ? text : `${res.status} ${text}`).toMatch(/proxy|connect|error/i);
  });

  it('streaming responses pass through wrapFetch and are validated line by line', async () => {
    const d = await getRealDockerd();
    await d.exclusive(async () => {
      const since = Math.floor(Date.now() / 1000) - 1;
      const c = await json(d, 'POST', '/containers/create', { Image: 'mini', Cmd: ['true'] });
      await json(d, 'DELETE', `/containers/${c.body.Id}`);
      const api = wrapFetch(d.fetch, { failTestOnViolation: false });
      const until = Math.floor(Date.now() / 1000) + 1;
      const res = await api(`/v1.41/events?since=${since}&until=${until}`);
      const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((e) => `${e.Type} ${e.Action}`)).toEqual(expect.arrayContaining(['container create', 'container destroy']));
      expect(api.violations).toEqual([]);
      expect(api.checked).toBe(1);
    });
  });

  it.skipIf(!hasRealCli())('the real CLI drives it, including an interactive terminal', async () => {
    const d = await getRealDockerd();
    await d.exclusive(async () => {
      const r = await runDocker(['run', '--rm', 'mini', 'echo', 'hello'], { host: d.host });
      expect(r.stdout).toBe('hello\n');
      expect(r.code).toBe(0);
      const t = startDockerTty(['run', '-it', '--rm', 'mini', 'sh'], { host: d.host, rows: 20, cols: 60 });
      await t.waitFor('/ # ');
      t.write('echo $((6*7))\r');
      await t.waitFor(/^42\r?$/m);
      t.write('exit 3\r');
      const done = await t.result();
      expect(done.code).toBe(3);
      expect(t.screen()).toMatch(/\/ # echo \$\(\(6\*7\)\)\n42\n\/ # exit 3$/);
    });
  });

  it('is shared between processes, started once, and stopped when they are gone', { timeout: 90_000 }, async () => {
    // A separate state directory, so this exercises start/share/stop without touching the shared daemon.
    const dir = mkdtempSync(join(tmpdir(), 'docksim-dockerd-selftest-'));
    const fixture = fileURLToPath(new URL('./fixtures/use-dockerd.ts', import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKSIM_DOCKERD_DIR: dir };
    delete env.VITEST; // plain processes: the daemon lives as long as they do
    const child = (holdMs: number) =>
      new Promise<{ pid: number; reused: boolean; startMs: number; ping: string }>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', fixture, String(holdMs)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        p.stdout.on('data', (b) => (out += b));
        p.stderr.on('data', (b) => (err += b));
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`child exit ${code}: ${err}`))));
      });
    try {
      const [a, b] = await Promise.all([child(1500), child(1500)]);
      expect(a.ping).toBe('OK');
      expect(b.pid).toBe(a.pid);
      expect([a.reused, b.reused].sort()).toEqual([false, true]);
      console.log(`second daemon (separate dir): start script took ${Math.max(a.startMs, b.startMs)} ms`);
      // both holders exited: the watchdog stops the daemon and clears its state
      const t0 = performance.now();
      while (pidAlive(a.pid) || existsSync(join(dir, 'state.json'))) {
        if (performance.now() - t0 > 30_000) throw new Error(`daemon ${a.pid} still running 30 s after its users exited`);
        await new Promise((r) => setTimeout(r, 200));
      }
      console.log(`stopped ${Math.round(performance.now() - t0)} ms after the last user exited`);
      expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
