// Engine benchmarks: a world with 1,000 containers; list and create+start latencies in process
// and through the Node host on loopback, each beside a trivial route on the same server;
// memory per container; the real docker CLI against the Node host and against a real dockerd.
// Prints figures and returns them for bench/results.json. Ratios are what to compare: the
// machine is shared and noisy.
//
// In process, bodies are taken as the hosts take them (the Node host, the page's transport):
// the list's bytes as the API keeps them, given back when done. Through the Node host, lists
// and pings come from a client in a process of its own, as the docker CLI's do, over one
// keep-alive connection, one request after another (bench/loopback.ts: a load generator's
// client, which reads into one buffer rather than make objects of each 64 KB it reads). This
// process runs with the Node host's flags (scripts/host-flags.mjs), as `npm start` runs it.
//
// The virtual clock moves as it does under the RealtimeDriver of `npm start`: the API's `sync`
// (called at the start of every request, as the driver's is) advances the world, 25 ms per
// request while the containers are made (so they start at different times, as a learner's do)
// and 300 ms per request while lists and pings are timed, in process and through the Node
// host. So every list is at a new instant, Statuses ("Up 12 seconds") change between requests
// and the list route cannot answer the previous body from memory. The containers run
// `sleep 100000` and stay running.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngineApi } from '../src/api/app';
import { createWorld } from '../src/sim/engine';
import { bodyBytes, bodyWritten } from '../src/api/http';
import { createNodeHost } from '../src/node/server';
import { loopbackClient } from './loopback';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function drainPull(world: ReturnType<typeof createWorld>, api: ReturnType<typeof createEngineApi>, image: string, tag: string) {
  const res = await api.fetch(new Request(`http://d/images/create?fromImage=${image}&tag=${tag}`, { method: 'POST' }));
  const reader = res.body!.getReader();
  let done = false;
  const all = (async () => {
    while (!(await reader.read()).done);
    done = true;
  })();
  while (!done) {
    world.advance(100);
    await new Promise((r) => setImmediate(r));
  }
  await all;
}

/** Virtual milliseconds the clock moves at the start of each request (see the top). */
let step = 0;

async function populate(n: number) {
  const world = createWorld({ seed: 'bench' });
  const api = createEngineApi(world, { sync: () => step > 0 && world.advance(step) });
  await drainPull(world, api, 'debian', 'bookworm');
  step = 25;
  for (let i = 0; i < n; i++) {
    const r = await api.fetch(
      new Request('http://d/containers/create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Image: 'debian:bookworm', Cmd: ['sleep', '100000'] }) }),
    );
    const { Id } = (await r.json()) as { Id: string };
    await api.fetch(new Request(`http://d/containers/${Id}/start`, { method: 'POST' }));
  }
  return { world, api };
}

/**
 * Takes a response's body as the hosts do: bytes the API keeps (the list's) as they are, then
 * given back; other bodies read to their end. What a client makes of them is the client's cost.
 */
async function drain(r: Response): Promise<void> {
  if (bodyBytes(r)) return bodyWritten(r);
  const reader = r.body?.getReader();
  if (reader) while (!(await reader.read()).done);
}

/** Latencies of GETs of `paths`, in turn, from a client in a process of its own (bench/loopback.ts). */
function getsApart(port: number, paths: string[], warmup: number, n: number): Promise<Record<string, number[]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/loopback.ts', String(port), String(warmup), String(n), ...paths], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number[]>) : reject(new Error(`bench/loopback.ts exited ${code}`))));
  });
}

async function time(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function engineBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string) => {
    figures.push({ name, value: round(value), unit });
    console.log(`${name.padEnd(52)} ${String(round(value)).padStart(10)} ${unit}`);
  };

  // memory per container: heap before and after 1,000 containers
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const { world, api } = await populate(1000);
  global.gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  add('engine.memory_per_container_kib', (heap1 - heap0) / 1000 / 1024, 'KiB');

  // in process; from here each request moves the clock 300 ms
  step = 300;
  const list = () => api.fetch(new Request('http://d/containers/json')).then(drain);
  const trivial = () => api.fetch(new Request('http://d/_ping')).then(drain);
  // steady state: warmed up until the code is compiled, the populating's garbage collected
  await time(list, 300);
  await time(trivial, 300);
  global.gc?.();
  const l = await time(list, 500);
  const tr = await time(trivial, 500);
  add('engine.list1000.inproc.p50_ms', pct(l, 50), 'ms');
  add('engine.list1000.inproc.p99_ms', pct(l, 99), 'ms');
  add('engine.trivial.inproc.p50_ms', pct(tr, 50), 'ms');

  // through the Node host on loopback, over the same 1,000 containers
  const host = createNodeHost(api);
  await new Promise<void>((r) => host.server.listen(0, '127.0.0.1', () => r()));
  const port = (host.server.address() as { port: number }).port;
  const LIST = '/v1.50/containers/json';
  const { [LIST]: ln = [], '/_ping': tn = [] } = await getsApart(port, [LIST, '/_ping'], 100, 600);
  add('engine.list1000.server.p50_ms', pct(ln, 50), 'ms');
  add('engine.list1000.server.p99_ms', pct(ln, 99), 'ms');
  add('engine.trivial.server.p50_ms', pct(tn, 50), 'ms');
  // throughput ratio: requests per second on the list vs on the trivial route, as that client
  // sees them
  const rps = (xs: number[]) => 1000 / (xs.reduce((a, b) => a + b, 0) / xs.length);
  add('engine.list1000.server_vs_trivial_ratio', rps(ln) / rps(tn), 'ratio');

  // creation, in process then through the Node host (after the lists, so that those are over
  // 1,000 containers)
  step = 25;
  const cs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const r = await api.fetch(new Request('http://d/containers/create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Image":"debian:bookworm","Cmd":["sleep","100000"]}' }));
    const { Id } = (await r.json()) as { Id: string };
    await api.fetch(new Request(`http://d/containers/${Id}/start`, { method: 'POST' }));
    cs.push(performance.now() - t0);
  }
  add('engine.create_start.inproc.p50_ms', pct(cs, 50), 'ms');
  add('engine.create_start.inproc.p99_ms', pct(cs, 99), 'ms');

  const csn: number[] = [];
  const client = await loopbackClient(port);
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await client.request('POST', `/v1.50/containers/create?name=bench${i}`, '{"Image":"debian:bookworm","Cmd":["sleep","100000"]}');
    await client.request('POST', `/v1.50/containers/bench${i}/start`);
    csn.push(performance.now() - t0);
  }
  client.close();
  add('engine.create_start.server.p50_ms', pct(csn, 50), 'ms');
  add('engine.create_start.server.p99_ms', pct(csn, 99), 'ms');
  await host.close();
  void world;

  // the real CLI: docker run --rm against docksim and against a real dockerd
  const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
  if (docker.status === 0 && docker.stdout.includes('28.2.2')) {
    const cfg = mkdtempSync(join(tmpdir(), 'docksim-bench-'));
    const port2 = 23000 + Math.floor(Math.random() * 2000);
    // the Node host as `npm start` runs it (scripts/host-flags.mjs: this process has its flags)
    const hostFlags = process.execArgv.filter((a) => a.startsWith('--v8-pool-size'));
    const node = spawn(process.execPath, [...hostFlags, '--import', 'tsx', 'src/node/main.ts'], { env: { ...process.env, DOCKSIM_DOCKER_PORT: String(port2) }, stdio: 'ignore' });
    const env = { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${port2}`, DOCKER_CONFIG: cfg, DOCKER_CLI_HINTS: 'false' };
    for (let i = 0; i < 100 && spawnSync('docker', ['version'], { env }).status !== 0; i++) await new Promise((r) => setTimeout(r, 200));
    spawnSync('docker', ['pull', '-q', 'alpine'], { env });
    const sim = runRm(env, 'alpine', 15);
    node.kill();
    add('engine.realcli_run_rm.docksim.p50_ms', sim, 'ms');
    const real = await realDockerdRun(cfg);
    if (real !== null) {
      add('engine.realcli_run_rm.real.p50_ms', real, 'ms');
      add('engine.realcli_run_rm_vs_real_ratio', real / sim, 'ratio');
    } else console.log('engine.realcli_run_rm_vs_real_ratio: skipped (no real dockerd here)');
  } else console.log('engine.realcli_*: skipped (the real docker CLI 28.2.2 is not on PATH)');
  return figures;
}

/** The median time of `docker run --rm IMAGE true`, `n` times after 5 untimed (both daemons get the same). */
function runRm(env: NodeJS.ProcessEnv, image: string, n: number): number {
  const runs: number[] = [];
  for (let i = 0; i < 5 + n; i++) {
    const t0 = performance.now();
    spawnSync('docker', ['run', '--rm', image, 'true'], { env });
    if (i >= 5) runs.push(performance.now() - t0);
  }
  return pct(runs, 50);
}

async function realDockerdRun(cfg: string): Promise<number | null> {
  try {
    const { getRealDockerd, hasRealDockerd } = await import('../test/support/real-dockerd');
    if (!(await hasRealDockerd())) return null;
    const d = await getRealDockerd();
    const env = { ...process.env, DOCKER_HOST: d.host, DOCKER_CONFIG: cfg, DOCKER_CLI_HINTS: 'false' };
    return runRm(env, 'mini', 7);
  } catch (e) {
    console.log(`real dockerd: ${e instanceof Error ? e.message : e}`);
    return null;
  }
}
