// Two identical simulated Docker hosts (same seed, same start, same setup, same inputs): the
// real docker CLI drives one over TCP, the emulator drives the other over its HTTP transport,
// so every command line — read-only or not — can be compared byte for byte.
//
// Time: each World's virtual clock stands still between requests and runs (fast) only while the
// client has been quiet for a while with a request open (a stop's grace period, an attached run), so what
// the daemon prints ("Up 2 hours") is the same for both CLIs. Before every command both clocks
// are brought to the same instant. The CLIs compute relative times ("3 hours ago") from the real
// clock, so the worlds start hours before the real now and what they show stays far from the
// boundaries of those texts.

import type { AddressInfo } from 'node:net';
import { createEngineApi, type EngineApi } from '../../../src/api/app';
import type { Hijacked } from '../../../src/api/hijack';
import { createNodeHost, type NodeHost } from '../../../src/node/server';
import { createWorld } from '../../../src/sim/engine';
import type { World } from '../../../src/sim/world';
import { EngineClient } from '../../../src/engine-client';
import { runDocker as runEmulator } from '../../../src/cli/docker';
import { stdinFromText } from '../../../src/cli/io';
import { httpTransport } from '../../../src/cli/transport-http';
import { MemoryFs } from '../../../src/vfs';
import { runDocker as runReal, type DockerResult } from '../../support/real-cli';

export interface SimHost {
  /** requests the Node host is still answering (path and how long), for finding leaks */
  inflight(): string[];
  /**
   * Ends the hijacked streams still open after a CLI is gone. The simulator keeps an attach
   * open when the container's start fails and the client only half-closed it (moby ends it);
   * left open, it would keep this world's clock running.
   */
  dropHijacks(): void;
  world: World;
  api: EngineApi;
  node: NodeHost;
  host: string;
  /** an Engine API call in process; the clock runs until it is answered */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A World behind the Node host, with a clock that runs only while requests wait on it. */
export async function startSimHost(opts: { seed: string; start: number; stepMs?: number; waitBeforeAdvanceMs?: number }): Promise<SimHost> {
  const world = createWorld({ seed: opts.seed, start: opts.start });
  const api = createEngineApi(world, { transport: 'tcp' });
  const inflight = new Map<number, number>();
  const what = new Map<number, string>();
  const hijacks = new Set<Hijacked>();
  let nextId = 0;
  // the last time a request started or ended: the clock runs only once the client has been
  // quiet for a while, i.e. is waiting on the world (a stop's grace period, an attached run)
  let lastActivity = performance.now();
  const begin = (label = '') => {
    const id = nextId++;
    lastActivity = performance.now();
    inflight.set(id, lastActivity);
    what.set(id, label);
    return () => {
      lastActivity = performance.now();
      inflight.delete(id);
      what.delete(id);
    };
  };
  const tracked: EngineApi = {
    ...api,
    async fetch(req: Request): Promise<Response> {
      const done = begin(`${req.method} ${new URL(req.url).pathname}`);
      let res: Response;
      try {
        res = await api.fetch(req);
      } catch (e) {
        done();
        throw e;
      }
      if (!res.body) {
        done();
        return res;
      }
      const reader = res.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          const { done: end, value } = await reader.read();
          if (end) {
            done();
            c.close();
          } else c.enqueue(value);
        },
        cancel() {
          done();
          void reader.cancel();
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    },
    async hijack(req: Request) {
      const h = await api.hijack(req);
      if (!h || h instanceof Response) return h;
      const done = begin(`HIJACK ${new URL(req.url).pathname}`);
      hijacks.add(h);
      h.onEnd(() => {
        hijacks.delete(h);
        done();
      });
      const abort = h.abort.bind(h);
      return Object.assign(h as Hijacked, {
        abort: () => {
          hijacks.delete(h);
          done();
          abort();
        },
      });
    },
  };
  const step = opts.stepMs ?? 100;
  const wait = opts.waitBeforeAdvanceMs ?? 30;
  const timer = setInterval(() => {
    if (inflight.size > 0 && performance.now() - lastActivity >= wait) world.advance(step);
  }, 2);
  const node = createNodeHost(tracked);
  await new Promise<void>((resolve) => node.server.listen(0, '127.0.0.1', () => resolve()));
  const port = (node.server.address() as AddressInfo).port;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    let settled = false;
    const p = (async () => {
      const res = await api.fetch(new Request(`http://docker${path}`, init));
      return { status: res.status, text: await res.text() };
    })().finally(() => {
      settled = true;
    });
    await tick();
    for (let i = 0; !settled && i < 72_000; i++) {
      world.advance(50);
      await tick();
    }
    return p;
  };
  return {
    inflight: () => [...what.values()],
    dropHijacks: () => {
      for (const h of [...hijacks]) h.abort();
    },
    world,
    api,
    node,
    host: `tcp://127.0.0.1:${port}`,
    call,
    async close() {
      clearInterval(timer);
      await node.close();
    },
  };
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the emulator against a host; `displayHost` is the DOCKER_HOST it shows in messages. */
/**
 * Runs the emulator against a host. With `tty`, stdout, stderr and stdin are a terminal of
 * that size, and stdout holds everything written (as a terminal shows both streams).
 */
export async function runMine(
  host: string,
  args: string[],
  opts: RunOptions & { displayHost?: string; fs?: MemoryFs; cwd?: string; timeoutMs?: number; tty?: { columns: number; rows: number } } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const dec = new TextDecoder();
  const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : dec.decode(d));
  const engine = new EngineClient(httpTransport({ host }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<number | null>((resolve) => {
    timer = setTimeout(() => resolve(null), opts.timeoutMs ?? 30_000);
  });
  const run = runEmulator(args, {
    stdout: { write: (d) => (stdout += text(d)) },
    stderr: { write: (d) => (opts.tty ? (stdout += text(d)) : (stderr += text(d))) },
    isTTY: !!opts.tty,
    columns: opts.tty?.columns,
    rows: opts.tty?.rows,
    env: { DOCKER_HOST: opts.displayHost ?? host, HOME: '/root', ...(opts.env ?? {}) },
    stdin: opts.tty ? { isTTY: true, read: (signal) => new Promise((resolve) => signal?.addEventListener('abort', () => resolve(null))) } : stdinFromText(opts.stdin ?? ''),
    engine,
    fs: opts.fs,
    cwd: opts.cwd ?? '/',
  });
  const code = await Promise.race([run, timedOut]);
  clearTimeout(timer);
  return { stdout, stderr, code };
}

export async function runTheReal(host: string, args: string[], opts: RunOptions & { cwd?: string; configDir?: string } = {}): Promise<CliResult> {
  const r: DockerResult = await runReal(args, { host, stdin: opts.stdin, env: opts.env, cwd: opts.cwd, configDir: opts.configDir });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** Brings both worlds' clocks to the same instant (the later one, rounded up to a second, plus `extraMs`). */
export function syncClocks(a: World, b: World, extraMs = 0): void {
  const t = Math.ceil(Math.max(a.now(), b.now()) / 1000) * 1000 + extraMs;
  if (a.now() < t) a.clock.advanceTo(t);
  if (b.now() < t) b.clock.advanceTo(t);
}
