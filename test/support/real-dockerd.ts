// A real dockerd (Debian docker.io 20.10, API 1.41) as an oracle, started with
// shared/reference/real-daemon/start-real-dockerd.sh. One daemon serves a whole test run:
// the first test file that asks starts it (under a lock), the others reuse it, and a detached
// watchdog stops it once every process that used it (and the vitest run that started them) is gone.
//
//   const skip = await realDockerdSkipReason();          // undefined when it can run here
//   describe.skipIf(skip)('...', () => {
//     it('...', async () => {
//       const d = await getRealDockerd();
//       await d.exclusive(async () => {                  // serialised across files, state reset first
//         const r = await d.fetch('/v1.41/containers/json?all=1');
//         const cli = await runDocker(['ps', '-a'], { host: d.host });
//       });
//     });
//   });
//
// The daemon never pulls: the script points HTTP(S)_PROXY at a dead port; the only image is
// mini:latest (busybox). Environment: DOCKSIM_DOCKERD_DIR (state directory),
// DOCKSIM_DOCKERD_STORAGE (storage driver, default overlay2 with a vfs fallback).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isMainThread } from 'node:worker_threads';
import { sharedFile } from './shared';
import type { FetchLike } from './swagger';

export interface RealDockerd {
  /** DOCKER_HOST value: unix://<dir>/docker.sock */
  readonly host: string;
  readonly socketPath: string;
  /** The directory given to the start script as D (data, exec root, log). */
  readonly dir: string;
  readonly pid: number;
  /** How long the start script took (ms) for the run that started the daemon. */
  readonly startMs: number;
  /** Whether this process found it already running. */
  readonly reused: boolean;
  /** fetch over the unix socket: `d.fetch('/v1.41/info')`. */
  readonly fetch: FetchLike;
  /** Remove all containers, services/swarm, non-default networks, volumes, and images except mini:latest. */
  reset(): Promise<void>;
  /** Runs fn holding the daemon exclusively (across processes), after a reset (unless reset: false). */
  exclusive<T>(fn: (d: RealDockerd) => Promise<T>, opts?: { reset?: boolean; timeoutMs?: number }): Promise<T>;
}

interface State {
  pid: number;
  dir: string;
  socketPath: string;
  host: string;
  startMs: number;
  startedAt: string;
  storageDriver: string;
  watchdogPid?: number;
}

// ---------------------------------------------------------------------------------------------
// fetch over a unix socket

function headerRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  new Headers(h).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

async function bodyBytes(body: BodyInit | null | undefined): Promise<Uint8Array | Readable | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return new TextEncoder().encode(body.toString());
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (body instanceof ReadableStream) return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  if (body instanceof Readable) return body;
  throw new Error('unixSocketFetch: unsupported body type');
}

/**
 * A fetch-like function speaking HTTP/1.1 over a unix socket (node:http with socketPath).
 * Accepts paths (`/v1.41/info`) or URLs (host ignored). Streaming bodies stay streaming; cancelling
 * the body closes the connection. Upgrade (101) responses are not supported.
 */
export function unixSocketFetch(socketPath: string): FetchLike {
  return async (input, init) => {
    const req = input instanceof Request ? input : undefined;
    const url = new URL(req ? req.url : String(input), 'http://docker');
    const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
    const headers = { ...headerRecord(req?.headers), ...headerRecord(init?.headers) };
    let body = await bodyBytes(init?.body ?? (req && req.body ? req.body : undefined));
    if (body instanceof Uint8Array && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
    const signal = init?.signal ?? req?.signal;
    return new Promise<Response>((resolve, reject) => {
      const r = httpRequest({ socketPath, path: url.pathname + url.search, method, headers: { host: 'docker', ...headers }, agent: false });
      const onAbort = () => r.destroy(new DOMException('The operation was aborted.', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      r.on('error', reject);
      r.on('upgrade', (res: IncomingMessage, socket) => {
        socket.destroy();
        reject(new Error(`unixSocketFetch: ${method} ${url.pathname} answered ${res.statusCode} Upgrade; use a raw socket for attach/exec`));
      });
      r.on('response', (res: IncomingMessage) => {
        const h = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 500;
        const noBody = method === 'HEAD' || status === 204 || status === 304 || status < 200;
        let stream: ReadableStream<Uint8Array> | null = null;
        if (noBody) res.resume();
        else stream = Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>;
        if (status < 200 || status > 599) {
          reject(new Error(`unixSocketFetch: cannot represent status ${status} as a Response`));
          return;
        }
        const response = new Response(stream, { status, statusText: res.statusMessage ?? '', headers: h });
        Object.defineProperty(response, 'url', { value: url.href });
        resolve(response);
      });
      if (body instanceof Readable) body.pipe(r);
      else r.end(body);
      body = undefined;
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Process helpers

export function pidAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function stateDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return process.env.DOCKSIM_DOCKERD_DIR || join(tmpdir(), `docksim-real-dockerd-${uid}`);
}

/**
 * A lock file created exclusively (O_EXCL) holding the owner's pid. A lock whose owner is dead is
 * broken; one still empty (its owner is writing the pid) is waited for, and broken only when it
 * has stayed empty far longer than any write takes.
 */
async function withLock<T>(lockPath: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const file = `${lockPath}.pid`;
  const t0 = Date.now();
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = 0;
      let age = 0;
      try {
        owner = Number(readFileSync(file, 'utf8')) || 0;
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if ((owner > 0 && !pidAlive(owner)) || (owner === 0 && age > 30_000)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${file} (held by pid ${owner})`);
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    // only our own lock is ours to remove
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Watchdog: a detached node process that stops the daemon when no lease holder is alive.

const WATCHDOG = String.raw`
const fs = require('fs'), path = require('path'), cp = require('child_process');
const dir = process.argv[2];
const stateFile = path.join(dir, 'state.json'), leases = path.join(dir, 'leases'), lockDir = path.join(dir, 'start.lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  if (!pid) return false;
  try { process.kill(pid, 0); } catch (e) { if (e.code !== 'EPERM') return false; }
  try { const s = fs.readFileSync('/proc/' + pid + '/stat', 'utf8'); return s.slice(s.lastIndexOf(')') + 2)[0] !== 'Z'; } catch { return true; }
};
const liveLeases = () => {
  let n = 0;
  let files = [];
  try { files = fs.readdirSync(leases); } catch {}
  for (const f of files) {
    let pids = [];
    try { pids = JSON.parse(fs.readFileSync(path.join(leases, f), 'utf8')).pids || []; } catch { continue; }
    if (pids.some(alive)) n++; else { try { fs.unlinkSync(path.join(leases, f)); } catch {} }
  }
  return n;
};
const lock = () => {
  for (;;) {
    try { fs.mkdirSync(lockDir); fs.writeFileSync(path.join(lockDir, 'owner'), String(process.pid)); return; }
    catch (e) {
      let owner = 0; try { owner = Number(fs.readFileSync(path.join(lockDir, 'owner'), 'utf8')); } catch {}
      if (owner > 0 && !alive(owner)) { fs.rmSync(lockDir, { recursive: true, force: true }); continue; }
      sleep(100);
    }
  }
};
const unlock = () => fs.rmSync(lockDir, { recursive: true, force: true });
const stopAndClean = (state) => {
  if (alive(state.pid)) {
    // Kill running containers first: on SIGTERM dockerd would give each its 10 s stop timeout.
    const env = Object.assign({}, process.env, { DOCKER_HOST: state.host, DOCKER_CLI_HINTS: 'false' });
    cp.spawnSync('sh', ['-c', 'ids=$(docker ps -q); [ -z "$ids" ] || docker kill $ids'], { env, stdio: 'ignore', timeout: 10000 });
    try { process.kill(state.pid, 'SIGTERM'); } catch {}
    for (let i = 0; i < 250 && alive(state.pid); i++) sleep(100);
    if (alive(state.pid)) { try { process.kill(state.pid, 'SIGKILL'); } catch {} sleep(500); }
  }
  try {
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((l) => l.split(' ')[4]).filter((m) => m && m.startsWith(state.dir + '/'));
    for (const m of mounts.sort((a, b) => b.length - a.length)) cp.spawnSync('umount', ['-l', m]);
  } catch {}
  try { fs.rmSync(state.dir, { recursive: true, force: true }); } catch {}
  try { fs.unlinkSync(stateFile); } catch {}
};
for (;;) {
  sleep(500);
  let state;
  try { state = JSON.parse(fs.readFileSync(stateFile, 'utf8')); } catch { process.exit(0); }
  if (state.watchdogPid && state.watchdogPid !== process.pid) process.exit(0);
  if (!alive(state.pid) || liveLeases() === 0) {
    lock();
    let now = null;
    try { now = JSON.parse(fs.readFileSync(stateFile, 'utf8')); } catch {}
    let stopped = !now;
    if (now && now.pid === state.pid && (!alive(state.pid) || liveLeases() === 0)) { stopAndClean(state); stopped = true; }
    unlock();
    if (stopped) process.exit(0);
  }
}
`;

// ---------------------------------------------------------------------------------------------
// Starting / sharing

function readState(dir: string): State | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
  } catch {
    return undefined;
  }
}

/** The pids whose life keeps the daemon up for this process: itself, and the vitest run around it. */
function leasePids(): number[] {
  const pids = [process.pid];
  if (process.env.VITEST && isMainThread && process.ppid > 1) pids.push(process.ppid);
  return pids;
}

function writeLease(dir: string) {
  mkdirSync(join(dir, 'leases'), { recursive: true });
  writeFileSync(join(dir, 'leases', String(process.pid)), JSON.stringify({ pids: leasePids() }));
}

async function ping(socketPath: string, timeoutMs = 2000): Promise<boolean> {
  if (!existsSync(socketPath)) return false;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await unixSocketFetch(socketPath)('/_ping', { signal: ctl.signal });
    await res.text();
    return res.status === 200;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function runScript(script: string, d: string, storage: string, timeoutMs: number): Promise<{ code: number | null; out: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('sh', [script, storage], { env: { ...process.env, D: d }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: performance.now() - t0 });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, out: out + e.message, ms: performance.now() - t0 });
    });
  });
}

function killDaemonIn(d: string) {
  try {
    const pid = Number(readFileSync(join(d, 'pid'), 'utf8'));
    if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch {
    // no pid file: it never started
  }
}

function tail(file: string, n = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

async function startDaemon(dir: string): Promise<State> {
  const script = sharedFile('reference/real-daemon/start-real-dockerd.sh');
  const drivers = process.env.DOCKSIM_DOCKERD_STORAGE ? [process.env.DOCKSIM_DOCKERD_STORAGE] : ['overlay2', 'vfs'];
  const errors: string[] = [];
  for (const storage of drivers) {
    const d = join(dir, `d-${process.pid}-${Date.now()}`);
    mkdirSync(d, { recursive: true });
    const r = await runScript(script, d, storage, 120_000);
    const socketPath = join(d, 'docker.sock');
    let pid = 0;
    try {
      pid = Number(readFileSync(join(d, 'pid'), 'utf8'));
    } catch {
      pid = 0;
    }
    if (r.code === 0 && pidAlive(pid) && (await ping(socketPath))) {
      return { pid, dir: d, socketPath, host: `unix://${socketPath}`, startMs: Math.round(r.ms), startedAt: new Date().toISOString(), storageDriver: storage };
    }
    errors.push(`storage ${storage}: script exit ${r.code}: ${r.out.trim()}\n--- dockerd.log ---\n${tail(join(d, 'dockerd.log'))}`);
    killDaemonIn(d);
    await sleep(300);
    rmSync(d, { recursive: true, force: true });
  }
  throw new Error(`could not start the real dockerd:\n${errors.join('\n')}`);
}

function startWatchdog(dir: string): number {
  const file = join(dir, 'watchdog.cjs');
  writeFileSync(file, WATCHDOG);
  const child = spawn(process.execPath, [file, dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid ?? 0;
}

let exitHookInstalled = false;
function installExitHook(dir: string) {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    const pids = leasePids();
    if (pids.length > 1) return; // a test run around us keeps the daemon for its next files
    try {
      unlinkSync(join(dir, 'leases', String(process.pid)));
    } catch {
      // already gone
    }
    // The watchdog stops the daemon; if it is gone too, stop the daemon here.
    const state = readState(dir);
    if (state && !pidAlive(state.watchdogPid)) {
      let others = 0;
      try {
        for (const f of readdirSync(join(dir, 'leases'))) {
          const lease = JSON.parse(readFileSync(join(dir, 'leases', f), 'utf8')) as { pids: number[] };
          if (lease.pids.some((p) => pidAlive(p))) others++;
        }
      } catch {
        // no leases dir
      }
      if (others === 0 && pidAlive(state.pid)) {
        try {
          process.kill(state.pid, 'SIGTERM');
        } catch {
          // raced with its exit
        }
      }
    }
  });
}

function preconditions(): string | undefined {
  if (process.platform !== 'linux') return `the real dockerd needs Linux (this is ${process.platform})`;
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  if (uid !== 0) return `the real dockerd needs root (running as uid ${uid})`;
  const found = spawnSync('sh', ['-c', 'command -v dockerd || test -x /usr/sbin/dockerd'], { encoding: 'utf8' });
  if (found.status !== 0) return 'dockerd is not installed (Debian package docker.io; `npm test` installs it when run as root)';
  const cli = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' });
  if (cli.status !== 0) return 'the docker CLI is not on PATH (the start script uses it)';
  if (!existsSync('/bin/busybox') && !existsSync('/usr/bin/busybox')) return 'busybox is not installed (Debian package busybox-static)';
  try {
    sharedFile('reference/real-daemon/start-real-dockerd.sh');
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

let instance: Promise<RealDockerd> | undefined;

/** The shared real dockerd, started if needed. Rejects with the reason if it cannot run here. */
export function getRealDockerd(): Promise<RealDockerd> {
  instance ??= (async () => {
    const why = preconditions();
    if (why) throw new Error(why);
    const dir = stateDir();
    mkdirSync(dir, { recursive: true });
    installExitHook(dir);
    const state = await withLock(join(dir, 'start.lock'), 120_000, async (): Promise<State & { reused: boolean }> => {
      writeLease(dir);
      const existing = readState(dir);
      if (existing && pidAlive(existing.pid) && (await ping(existing.socketPath))) {
        if (!pidAlive(existing.watchdogPid)) {
          existing.watchdogPid = startWatchdog(dir);
          writeFileSync(join(dir, 'state.json'), JSON.stringify(existing, null, 2));
        }
        return { ...existing, reused: true };
      }
      if (existing) {
        // A daemon that died or does not answer: clear it away before starting anew.
        if (pidAlive(existing.pid)) process.kill(existing.pid, 'SIGKILL');
        rmSync(existing.dir, { recursive: true, force: true });
        rmSync(join(dir, 'state.json'), { force: true });
      }
      const fresh = await startDaemon(dir);
      writeFileSync(join(dir, 'state.json'), JSON.stringify(fresh, null, 2));
      fresh.watchdogPid = startWatchdog(dir);
      writeFileSync(join(dir, 'state.json'), JSON.stringify(fresh, null, 2));
      return { ...fresh, reused: false };
    });
    return makeHandle(dir, state, state.reused);
  })();
  return instance;
}

let skipReason: Promise<string | undefined> | undefined;

/**
 * Why tests needing the real dockerd must skip here (logged once), or undefined when it runs.
 * Starts the daemon to find out.
 */
export function realDockerdSkipReason(): Promise<string | undefined> {
  skipReason ??= getRealDockerd().then(
    () => undefined,
    (e: Error) => {
      const reason = `real dockerd unavailable, skipping: ${e.message}`;
      console.warn(`[docksim test support] ${reason}`);
      return reason;
    },
  );
  return skipReason;
}

/** Whether a real dockerd can run here (starting it if needed). */
export async function hasRealDockerd(): Promise<boolean> {
  return (await realDockerdSkipReason()) === undefined;
}

/** Stops the shared daemon now, whoever else uses it (for scripts and the self-test). */
export async function stopRealDockerd(): Promise<void> {
  const dir = stateDir();
  await withLock(join(dir, 'start.lock'), 60_000, async () => {
    const state = readState(dir);
    if (!state) return;
    if (pidAlive(state.watchdogPid)) process.kill(state.watchdogPid!, 'SIGKILL');
    if (pidAlive(state.pid)) {
      process.kill(state.pid, 'SIGTERM');
      for (let i = 0; i < 250 && pidAlive(state.pid); i++) await sleep(100);
      if (pidAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
    }
    rmSync(state.dir, { recursive: true, force: true });
    rmSync(join(dir, 'state.json'), { force: true });
  });
  instance = undefined;
  skipReason = undefined;
}

// ---------------------------------------------------------------------------------------------
// The handle and its reset

function makeHandle(dir: string, state: State, reused: boolean): RealDockerd {
  const fetch = unixSocketFetch(state.socketPath);
  const handle: RealDockerd = {
    host: state.host,
    socketPath: state.socketPath,
    dir: state.dir,
    pid: state.pid,
    startMs: state.startMs,
    reused,
    fetch,
    reset: () => resetDaemon(fetch, state.dir),
    exclusive: async (fn, opts = {}) =>
      withLock(join(dir, 'scenario.lock'), opts.timeoutMs ?? 120_000, async () => {
        if (opts.reset ?? true) await handle.reset();
        return fn(handle);
      }),
  };
  return handle;
}

const DEFAULT_NETWORKS = new Set(['bridge', 'host', 'none']);

async function api(fetch: FetchLike, method: string, path: string, body?: BodyInit, headers?: Record<string, string>): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(path, { method, body, headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function resetDaemon(fetch: FetchLike, d: string): Promise<void> {
  const info = (await api(fetch, 'GET', '/info')).json as { Swarm?: { LocalNodeState?: string } };
  if (info?.Swarm?.LocalNodeState && info.Swarm.LocalNodeState !== 'inactive') {
    await api(fetch, 'POST', '/swarm/leave?force=1');
  }
  const containers = ((await api(fetch, 'GET', '/containers/json?all=1')).json ?? []) as { Id: string }[];
  await Promise.all(containers.map((c) => api(fetch, 'DELETE', `/containers/${c.Id}?force=1&v=1`)));
  const networks = ((await api(fetch, 'GET', '/networks')).json ?? []) as { Id: string; Name: string }[];
  for (const n of networks) if (!DEFAULT_NETWORKS.has(n.Name)) await api(fetch, 'DELETE', `/networks/${n.Id}`);
  const volumes = (((await api(fetch, 'GET', '/volumes')).json as { Volumes?: { Name: string }[] })?.Volumes ?? []) as { Name: string }[];
  await Promise.all(volumes.map((v) => api(fetch, 'DELETE', `/volumes/${encodeURIComponent(v.Name)}?force=1`)));
  for (let round = 0; round < 6; round++) {
    const images = ((await api(fetch, 'GET', '/images/json?all=1')).json ?? []) as { Id: string; RepoTags: string[] | null }[];
    let removed = 0;
    for (const img of images) {
      const tags = (img.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
      if (tags.includes('mini:latest')) {
        for (const t of tags) if (t !== 'mini:latest' && (await api(fetch, 'DELETE', `/images/${t}`)).status === 200) removed++;
      } else if ((await api(fetch, 'DELETE', `/images/${img.Id}?force=1`)).status === 200) removed++;
    }
    if (removed === 0) break;
  }
  await api(fetch, 'POST', '/build/prune?all=1');
  const mini = await api(fetch, 'GET', '/images/mini:latest/json');
  if (mini.status === 404) await importMini(fetch, d);
}

/** Re-creates mini:latest from the rootfs the start script left in D/mini. */
async function importMini(fetch: FetchLike, d: string): Promise<void> {
  const rootfs = join(d, 'mini');
  if (!existsSync(rootfs)) throw new Error(`cannot re-create mini:latest: ${rootfs} is missing`);
  const tar = spawnSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar of ${rootfs} failed: ${tar.stderr}`);
  const changes = encodeURIComponent('CMD ["/bin/sh"]');
  const r = await api(fetch, 'POST', `/images/create?fromSrc=-&repo=mini&tag=latest&changes=${changes}`, new Uint8Array(tar.stdout), {
    'Content-Type': 'application/x-tar',
  });
  if (r.status !== 200) throw new Error(`re-importing mini:latest failed: ${r.status} ${r.text}`);
}
