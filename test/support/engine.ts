// An in-process docksim engine for tests: a World, its Engine API behind the swagger validator,
// and helpers that drive the virtual clock while a request waits on it (a pull, a stop).

import { createEngineApi, type ApiOptions, type EngineApi } from '../../src/api/app';
import { createWorld, engineOf, type SimOptions } from '../../src/sim/engine';
import type { World } from '../../src/sim/world';
import { wrapFetch, type ValidatingFetch, type WrapOptions } from './swagger';

export interface TestEngine {
  world: World;
  api: EngineApi;
  /** The validated fetch: every response is checked against the 1.50 swagger. */
  fetch: ValidatingFetch;
  /** A request; JSON bodies are encoded; the clock runs (in `step` ms) until it is answered. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A simulator-only request (/_sim/...), outside the Engine API and its spec. */
  sim(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** call + JSON body. */
  json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Reads a streaming response to its end while the clock runs. */
  drain(res: Response): Promise<string>;
  pull(ref: string): Promise<string>;
  advance(ms: number): Promise<void>;
  engine(): ReturnType<typeof engineOf>;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export function testEngine(opts: SimOptions & { api?: ApiOptions; wrap?: WrapOptions; step?: number } = {}): TestEngine {
  const world = createWorld(opts);
  const api = createEngineApi(world, opts.api);
  const fetch = wrapFetch((input, init) => api.fetch(input instanceof Request ? input : new Request(String(input), init)), opts.wrap);
  const step = opts.step ?? 50;

  /** Runs the clock until the promise settles (at most an hour of virtual time). */
  const settle = async <T>(p: Promise<T>): Promise<T> => {
    let done = false;
    const q = p.finally(() => {
      done = true;
    });
    await tick();
    for (let i = 0; !done && i < 72_000; i++) {
      world.advance(step);
      await tick();
    }
    return q;
  };

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    return settle(fetch(`http://docker${path}`, init));
  };

  const drain = async (res: Response) => {
    if (!res.body) return '';
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let text = '';
    const all = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += dec.decode(value, { stream: true });
      }
    })();
    await settle(all);
    return text;
  };

  return {
    world,
    api,
    fetch,
    call,
    async json(method, path, body) {
      const res = await call(method, path, body);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    drain,
    async sim(method, path, body) {
      const res = await api.fetch(new Request(`http://docker${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async pull(ref) {
      const colon = ref.lastIndexOf(':');
      const [name, tag] = colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
      const res = await call('POST', `/v1.50/images/create?fromImage=${encodeURIComponent(name!)}&tag=${encodeURIComponent(tag)}`);
      if (res.status !== 200) throw new Error(`pull ${ref}: ${res.status} ${await res.text()}`);
      return drain(res);
    },
    async advance(ms) {
      const end = world.now() + ms;
      while (world.now() < end) {
        world.advance(Math.min(step, end - world.now()));
        await tick();
      }
    },
    engine: () => engineOf(world.daemon()),
  };
}
