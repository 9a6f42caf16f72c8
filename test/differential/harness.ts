// The differential harness: one scenario, written once against the Engine API, runs on a real
// dockerd (Debian's docker.io 20.10, API 1.41; image mini:latest, busybox) and on docksim
// (busybox:latest from the simulated Docker Hub, tagged mini:latest). Each run records what it
// observed (states, exit codes, logs, events, error statuses and texts); ids are replaced by
// tokens in order of appearance and the two records must be equal.
//
//   scenario('stop of a stopped container is 304', async (s, o) => {
//     await s.api('POST', '/containers/create?name=c1', { Image: 'mini:latest', Cmd: ['true'] });
//     o.status('stop created', await s.api('POST', '/containers/c1/stop'));
//   });
//
// Time: the real daemon runs in real time; docksim on its virtual clock, which runs while a
// request waits (stop, restart) and when the scenario sleeps or polls (`s.sleep`, `s.until`).
// Where real and 28.2 texts differ, `o.error(..., { v28 })` holds docksim to moby v28.2.2's
// text and only the status is compared.

import { expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';
import { getRealDockerd, realDockerdSkipReason, type RealDockerd } from '../support/real-dockerd';

export const API = '/v1.41';
export const IMAGE = 'mini:latest';

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface Hijack {
  status: number;
  /** Error body when the request was refused. */
  text: string;
  /** The whole output, once the server ends the stream (on docksim the clock runs meanwhile). */
  read(): Promise<Uint8Array>;
}

export interface Side {
  readonly kind: 'real' | 'sim';
  /** A request answered in full; `path` without the version prefix. */
  api(method: string, path: string, body?: unknown): Promise<Res>;
  /** A request whose body is read later with `read` (wait, logs with follow, events). */
  open(method: string, path: string, body?: unknown): Promise<Response>;
  /** Reads a body to its end (on docksim the clock runs meanwhile). */
  read(res: Response): Promise<Uint8Array>;
  /** Attach or exec start over a hijacked connection. */
  hijack(path: string, body?: unknown): Promise<Hijack>;
  /** Lets time pass: real time on the daemon, virtual time on docksim. */
  sleep(ms: number): Promise<void>;
  /** The daemon's clock, ms since the epoch. */
  now(): number;
  /** Polls `cond` every `stepMs` until it holds or `timeoutMs` has passed; whether it held. */
  until(cond: () => Promise<boolean>, timeoutMs: number, stepMs?: number): Promise<boolean>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function requestInit(method: string, body: unknown): RequestInit {
  const init: RequestInit = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return init;
}

async function toRes(r: Response): Promise<Res> {
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const n = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

async function readBytes(res: Response): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concat(chunks);
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`real dockerd: ${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// The real daemon

export function realSide(d: RealDockerd): Side {
  const until: Side['until'] = async (cond, timeoutMs, stepMs = 50) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      if (await cond()) return true;
      if (Date.now() >= end) return false;
      await realSleep(stepMs);
    }
  };
  return {
    kind: 'real',
    api: async (method, path, body) => toRes(await withTimeout(d.fetch(API + path, requestInit(method, body)), 30_000, `${method} ${path}`)),
    open: (method, path, body) => withTimeout(d.fetch(API + path, requestInit(method, body)), 30_000, `${method} ${path}`),
    read: (res) => withTimeout(readBytes(res), 30_000, 'reading a body'),
    hijack: async (path, body) => {
      const res = await withTimeout(d.fetch(API + path, requestInit('POST', body ?? '')), 30_000, `POST ${path}`);
      if (res.status >= 300) return { status: res.status, text: await res.text(), read: async () => new Uint8Array() };
      const done = withTimeout(readBytes(res), 30_000, `hijacked ${path}`);
      done.catch(() => {});
      return { status: res.status, text: '', read: () => done };
    },
    sleep: realSleep,
    now: () => Date.now(),
    until,
  };
}

// ---------------------------------------------------------------------------------------------
// docksim

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A fresh docksim with busybox:latest tagged mini:latest, the clock a second past the setup. */
export async function simEngine(): Promise<TestEngine> {
  const t = testEngine();
  await t.pull('busybox:latest');
  const tag = await t.call('POST', `${API}/images/busybox:latest/tag?repo=mini&tag=latest`);
  if (tag.status !== 201) throw new Error(`tag busybox as mini: ${tag.status} ${await tag.text()}`);
  await t.advance(1000);
  return t;
}

export function simSide(t: TestEngine, step = 10): Side {
  const world = t.world;
  /** Runs the virtual clock until `p` settles; fails after `limitMs` of virtual time. */
  const settle = async <T>(p: Promise<T>, what: string, limitMs = 600_000): Promise<T> => {
    let done = false;
    const q = p.finally(() => {
      done = true;
    });
    await tick();
    const end = world.now() + limitMs;
    while (!done) {
      if (world.now() >= end) throw new Error(`docksim: ${what} not done after ${limitMs} ms of virtual time`);
      world.advance(step);
      await tick();
    }
    return q;
  };
  const fetchRaw = (method: string, path: string, body: unknown) => t.fetch(`http://docker${API}${path}`, requestInit(method, body));
  return {
    kind: 'sim',
    api: async (method, path, body) => toRes(await settle(fetchRaw(method, path, body), `${method} ${path}`)),
    open: (method, path, body) => settle(fetchRaw(method, path, body), `${method} ${path}`),
    read: (res) => settle(readBytes(res), 'reading a body'),
    hijack: async (path, body) => {
      const init = requestInit('POST', body ?? '');
      const r = await t.api.hijack(new Request(`http://docker${API}${path}`, init));
      if (r === null) throw new Error(`docksim: ${path} is not a hijackable request`);
      if (r instanceof Response) return { status: r.status, text: await r.text(), read: async () => new Uint8Array() };
      const chunks: Uint8Array[] = [];
      r.onOutput((c) => chunks.push(c));
      const ended = new Promise<Uint8Array>((resolve) => r.onEnd(() => resolve(concat(chunks))));
      return { status: 200, text: '', read: () => settle(ended, `hijacked ${path}`) };
    },
    sleep: (ms) => t.advance(ms),
    now: () => world.now(),
    until: async (cond, timeoutMs, stepMs = 50) => {
      const end = world.now() + timeoutMs;
      for (;;) {
        if (await cond()) return true;
        if (world.now() >= end) return false;
        await t.advance(stepMs);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Observations

export type Value = unknown;

export class Obs {
  readonly entries: [string, Value][] = [];
  /** Raw values kept for the failure message (not compared). */
  readonly notes: string[] = [];
  private labels = new Set<string>();

  constructor(readonly side: Side) {}

  rec(label: string, value: Value): void {
    let l = label;
    for (let i = 2; this.labels.has(l); i++) l = `${label} #${i}`;
    this.labels.add(l);
    this.entries.push([l, value]);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** The status of a response (and its error message when it has one). */
  status(label: string, r: Res | Hijack): void {
    this.rec(label, r.status);
  }

  /**
   * An error answer: status and message. With `v28`, the message is held to moby v28.2.2's text
   * on docksim (and to `v20` on the real daemon when given); only the status is compared then.
   * `status20`/`status28` do the same for a status that changed between the versions.
   */
  error(label: string, r: Res | Hijack, texts: { v28?: string | RegExp; v20?: string | RegExp; status20?: number; status28?: number } = {}): void {
    const message = messageOf(r);
    let status: unknown = r.status;
    if (texts.status28 !== undefined) {
      const want = this.side.kind === 'sim' ? texts.status28 : texts.status20;
      status = want === undefined || want === r.status ? '(checked against 28.2)' : { got: r.status, want };
    }
    if (texts.v28 === undefined) {
      this.rec(label, { status, message });
      return;
    }
    const want = this.side.kind === 'sim' ? texts.v28 : texts.v20;
    if (want === undefined) {
      this.note(`${label}: 20.10 says ${JSON.stringify(message)}`);
      this.rec(label, { status, message: '(checked against 28.2)' });
      return;
    }
    const ok = typeof want === 'string' ? message === want : want.test(message);
    this.rec(label, { status, message: ok ? '(checked against 28.2)' : { got: message, want: String(want) } });
  }

  /** A value that changed between the versions: `v20` on the real daemon, `v28` on docksim. */
  versioned(label: string, value: unknown, want: { v20: unknown; v28: unknown }): void {
    const w = this.side.kind === 'sim' ? want.v28 : want.v20;
    const ok = JSON.stringify(value) === JSON.stringify(w);
    this.rec(label, ok ? '(as its version has it)' : { got: value, want: w });
  }

  /** A duration that must fall in [lo, hi] on each side (real time differs by nature). */
  within(label: string, ms: number, lo: number, hi: number): void {
    this.note(`${label}: ${Math.round(ms)} ms`);
    this.rec(label, ms >= lo && ms <= hi ? `in [${lo}, ${hi}]` : { ms: Math.round(ms), lo, hi });
  }
}

function messageOf(r: Res | Hijack): string {
  if ('json' in r && r.json && typeof r.json.message === 'string') return r.json.message;
  try {
    return JSON.parse(r.text).message ?? r.text;
  } catch {
    return r.text;
  }
}

/** Replaces 64-hex ids (and 12-hex prefixes of them) by tokens in order of first appearance. */
export function tokenize(entries: [string, Value][]): Record<string, Value> {
  const ids = new Map<string, string>();
  const token = (id: string) => {
    let t = ids.get(id);
    if (!t) {
      t = `<id${ids.size + 1}>`;
      ids.set(id, t);
    }
    return t;
  };
  const str = (s: string) => {
    let out = s.replace(/[0-9a-f]{64}/g, (m) => token(m));
    out = out.replace(/\b[0-9a-f]{12}\b/g, (m) => {
      for (const [id, t] of ids) if (id.startsWith(m)) return `${t.slice(0, -1)}:short>`;
      return m;
    });
    return out;
  };
  const walk = (v: Value): Value => {
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, Value> = {};
      for (const [k, x] of Object.entries(v)) o[str(k)] = walk(x);
      return o;
    }
    return v;
  };
  const out: Record<string, Value> = {};
  for (const [k, v] of entries) out[k] = walk(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export type ScenarioFn = (s: Side, o: Obs) => Promise<void>;

export const skipReason = await realDockerdSkipReason();
if (skipReason) console.warn(`[differential] ${skipReason}: the differential suite needs the real daemon and is skipped`);

/** Whether docksim's busybox runs `sh -c` (the shell is wired to the busybox program). */
export const simShellReady: boolean = await (async () => {
  try {
    const t = await simEngine();
    const s = simSide(t);
    const c = await s.api('POST', '/containers/create?name=probe', { Image: IMAGE, Cmd: ['sh', '-c', 'exit 3'] });
    if (c.status !== 201) return false;
    await s.api('POST', '/containers/probe/start');
    const w = await s.api('POST', '/containers/probe/wait');
    return w.json?.StatusCode === 3;
  } catch {
    return false;
  }
})();

async function runOn(side: Side, fn: ScenarioFn): Promise<Obs> {
  const o = new Obs(side);
  await fn(side, o);
  return o;
}

export interface ScenarioOptions {
  /** Needs `sh -c` inside the container. */
  shell?: boolean;
  timeout?: number;
  /**
   * A known difference not fixed yet: the scenario runs and must still differ (it.fails), so the
   * day docksim matches the real daemon the test says so and the mark can go.
   */
  differs?: string;
}

/** One differential scenario: the same steps on the real daemon and on docksim, records equal. */
export function scenario(name: string, fn: ScenarioFn, opts: ScenarioOptions = {}): void {
  if (skipReason) {
    it.skip(`${name} (${skipReason})`, () => {});
    return;
  }
  if (opts.shell && !simShellReady) {
    it.todo(`${name} (needs the busybox shell in docksim: sh -c is not wired to the busybox program yet)`);
    return;
  }
  // DOCKSIM_DIFF_STRICT=1 runs known differences as ordinary tests, to see them
  (opts.differs && !process.env.DOCKSIM_DIFF_STRICT ? it.fails : it)(
    opts.differs ? `${name} [known difference: ${opts.differs}]` : name,
    async () => {
      const d = await getRealDockerd();
      const real = await d.exclusive(() => runOn(realSide(d), fn));
      const sim = await runOn(simSide(await simEngine()), fn);
      const r = tokenize(real.entries);
      const s = tokenize(sim.entries);
      if (process.env.DOCKSIM_DIFF_DUMP) console.log(`${name}\n${JSON.stringify(r, null, 1)}\nnotes: ${real.notes.join('; ')}`);
      const context = `\nreal dockerd notes:\n  ${real.notes.join('\n  ')}\ndocksim notes:\n  ${sim.notes.join('\n  ')}`;
      expect(s, `docksim differs from the real daemon${context}`).toEqual(r);
    },
    opts.timeout ?? 60_000,
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers for scenarios

export function create(s: Side, name: string, config: Record<string, unknown>): Promise<Res> {
  return s.api('POST', `/containers/create?name=${encodeURIComponent(name)}`, { Image: IMAGE, ...config });
}

export async function inspect(s: Side, ref: string): Promise<Res> {
  return s.api('GET', `/containers/${encodeURIComponent(ref)}/json`);
}

export async function state(s: Side, ref: string): Promise<Record<string, unknown>> {
  const r = await inspect(s, ref);
  if (r.status !== 200) return { inspectStatus: r.status };
  return r.json.State;
}

/** The semantic part of State: status, flags, exit code (times and pids only as set/unset). */
export async function stateOf(s: Side, ref: string): Promise<Record<string, unknown>> {
  const st = await state(s, ref);
  if ('inspectStatus' in st) return st;
  const zero = (t: unknown) => t === '0001-01-01T00:00:00Z';
  return {
    Status: st.Status,
    Running: st.Running,
    Paused: st.Paused,
    Restarting: st.Restarting,
    OOMKilled: st.OOMKilled,
    Dead: st.Dead,
    Pid: (st.Pid as number) > 0 ? 'set' : st.Pid,
    ExitCode: st.ExitCode,
    Error: st.Error,
    StartedAt: zero(st.StartedAt) ? 'zero' : 'set',
    FinishedAt: zero(st.FinishedAt) ? 'zero' : 'set',
  };
}

/** POST /containers/{id}/wait read to its end: the status code. */
export async function waitExit(s: Side, ref: string, condition = ''): Promise<unknown> {
  const q = condition ? `?condition=${condition}` : '';
  const res = await s.open('POST', `/containers/${ref}/wait${q}`);
  if (res.status !== 200) return { status: res.status, body: await res.text() };
  const body = JSON.parse(dec.decode(await s.read(res)));
  return body.StatusCode;
}

export async function waitStatus(s: Side, ref: string, status: string, timeoutMs = 10_000): Promise<boolean> {
  return s.until(async () => (await state(s, ref)).Status === status, timeoutMs);
}

/** stdcopy frames: [stream, text] pairs (consecutive frames of one stream merged). */
export function demux(bytes: Uint8Array): { frames: [number, string][]; rest: string } {
  const frames: [number, string][] = [];
  let i = 0;
  while (i + 8 <= bytes.length && bytes[1] === 0 && bytes[i]! <= 2) {
    const len = new DataView(bytes.buffer, bytes.byteOffset + i + 4, 4).getUint32(0, false);
    if (i + 8 + len > bytes.length) break;
    const text = dec.decode(bytes.subarray(i + 8, i + 8 + len));
    const last = frames[frames.length - 1];
    if (last && last[0] === bytes[i]) last[1] += text;
    else frames.push([bytes[i]!, text]);
    i += 8 + len;
  }
  return { frames, rest: dec.decode(bytes.subarray(i)) };
}

/** Whether a body is a stdcopy stream (its first byte names stream 0, 1 or 2, then three zeros). */
export function isMultiplexed(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0]! <= 2 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0;
}

export interface EventRec {
  Type: string;
  Action: string;
  ID: string;
  attrs: Record<string, string>;
  /** ms since the epoch, from timeNano */
  ms: number;
}

/** A point in time after everything done so far (docksim's clock moves on a little first). */
export async function mark(s: Side): Promise<number> {
  await s.sleep(5);
  const t = s.now();
  await s.sleep(5);
  return t;
}

/** Events between `since` (ms) and now, oldest first. */
export async function eventsSince(s: Side, sinceMs: number, filters?: Record<string, string[]>): Promise<EventRec[]> {
  const untilMs = s.now();
  const secs = (ms: number) => (ms / 1000).toFixed(3);
  let q = `since=${secs(sinceMs)}&until=${secs(untilMs + 1)}`;
  if (filters) q += `&filters=${encodeURIComponent(JSON.stringify(filters))}`;
  const res = await s.open('GET', `/events?${q}`);
  const text = dec.decode(await s.read(res));
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
    .map((e) => ({ Type: e.Type, Action: e.Action, ID: e.Actor?.ID ?? '', attrs: e.Actor?.Attributes ?? {}, ms: Number(BigInt(e.timeNano) / 1000n) / 1000 }));
}

export { enc, dec };
