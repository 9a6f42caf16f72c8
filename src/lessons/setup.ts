// The world a lesson starts from, as data: steps applied in order to a fresh World through the
// Engine API (so the daemon does everything it would for a client: events, trace, pulls from
// the registry). The caller passes the API's fetch (src/lessons does not import src/api); the
// virtual clock is fast-forwarded while each request waits, so a pull takes no real time.
//
//   setup:
//     - pull: [debian:bookworm-slim, nginx]
//     - run: { name: web, image: nginx, ports: ["8080:80"] }
//     - create: { name: box, image: alpine, command: [sleep, "1000"] }
//     - start: box          stop: box     kill: box     pause: box     remove: box
//     - tag: { source: nginx, target: "my-nginx:v1" }
//     - wait: 5s            (virtual time passes)

import type { World } from '../sim/world';
import { parsePortSpec } from './checks';
import { splitWords } from './words';

export interface ContainerSpec {
  name?: string;
  image: string;
  /** The command (Cmd): a list, or a line split into words. */
  command?: string[];
  entrypoint?: string[];
  /** "8080:80", "127.0.0.1:8080:80/tcp" */
  ports?: string[];
  env?: string[];
  /** no, always, unless-stopped, on-failure, on-failure:N */
  restart?: string;
  /** --rm */
  rm?: boolean;
}

export type SetupStep =
  | { kind: 'pull'; refs: string[] }
  | { kind: 'run' | 'create'; containers: ContainerSpec[] }
  | { kind: 'start' | 'stop' | 'kill' | 'pause' | 'remove'; names: string[] }
  | { kind: 'tag'; source: string; target: string }
  | { kind: 'wait'; ms: number };

export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

const NAME_STEPS = ['start', 'stop', 'kill', 'pause', 'remove'] as const;

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function strings(v: unknown, where: string): string[] {
  const out = list(v).map((x) => {
    if (typeof x !== 'string' && typeof x !== 'number') throw new SetupError(`${where}: expected text, got ${JSON.stringify(x)}`);
    return String(x);
  });
  if (out.length === 0) throw new SetupError(`${where}: expected at least one value`);
  return out;
}

/** "500ms", "5s", "2m", or a number of milliseconds. */
export function parseDuration(v: unknown, where: string): number {
  if (typeof v === 'number' && v >= 0) return v;
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v.trim()) : null;
  if (!m) throw new SetupError(`${where}: expected a duration such as 5s or 500ms, got ${JSON.stringify(v)}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
}

function containerSpec(v: unknown, where: string): ContainerSpec {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SetupError(`${where}: expected { image: ..., name: ..., ... }`);
  const o = v as Record<string, unknown>;
  const known = ['name', 'image', 'command', 'entrypoint', 'ports', 'env', 'restart', 'rm'];
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new SetupError(`${where}: unknown field "${k}" (known: ${known.join(', ')})`);
  if (typeof o.image !== 'string' || o.image === '') throw new SetupError(`${where}: missing image`);
  const words = (x: unknown, k: string) => (x === undefined ? undefined : typeof x === 'string' ? splitWords(x) : strings(x, `${where}.${k}`));
  const spec: ContainerSpec = { image: o.image };
  if (o.name !== undefined) spec.name = String(o.name);
  const command = words(o.command, 'command');
  if (command) spec.command = command;
  const entrypoint = words(o.entrypoint, 'entrypoint');
  if (entrypoint) spec.entrypoint = entrypoint;
  if (o.ports !== undefined) {
    spec.ports = strings(o.ports, `${where}.ports`);
    for (const p of spec.ports) if (!parsePortSpec(p)) throw new SetupError(`${where}.ports: expected "hostPort:containerPort", got ${JSON.stringify(p)}`);
  }
  if (o.env !== undefined) spec.env = strings(o.env, `${where}.env`);
  if (o.restart !== undefined) {
    spec.restart = String(o.restart);
    if (!/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(spec.restart)) throw new SetupError(`${where}.restart: unknown restart policy ${JSON.stringify(o.restart)}`);
  }
  if (o.rm !== undefined) spec.rm = o.rm === true;
  return spec;
}

/** Reads the `setup` list of a lesson's front matter. */
export function parseSetup(v: unknown): SetupStep[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SetupError('setup: expected a list of steps');
  return v.map((item, i) => {
    const where = `setup[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new SetupError(`${where}: expected a step such as { pull: [nginx] }`);
    const keys = Object.keys(item);
    if (keys.length !== 1) throw new SetupError(`${where}: a step has exactly one kind (got ${keys.join(', ') || 'none'})`);
    const kind = keys[0]!;
    const arg = (item as Record<string, unknown>)[kind];
    switch (kind) {
      case 'pull':
        return { kind, refs: strings(arg, `${where}.pull`) };
      case 'run':
      case 'create':
        return { kind, containers: list(arg).map((c, j) => containerSpec(c, `${where}.${kind}[${j}]`)) };
      case 'tag': {
        const o = arg as Record<string, unknown> | null;
        if (!o || typeof o.source !== 'string' || typeof o.target !== 'string') throw new SetupError(`${where}.tag: expected { source: ..., target: ... }`);
        return { kind, source: o.source, target: o.target };
      }
      case 'wait':
        return { kind, ms: parseDuration(arg, `${where}.wait`) };
      default:
        if ((NAME_STEPS as readonly string[]).includes(kind)) return { kind: kind as (typeof NAME_STEPS)[number], names: strings(arg, `${where}.${kind}`) };
        throw new SetupError(`${where}: unknown step "${kind}" (known: pull, run, create, ${NAME_STEPS.join(', ')}, tag, wait)`);
    }
  });
}

/** The Engine API as the host offers it (EngineApi.fetch in src/api). */
export type EngineFetch = (req: Request) => Promise<Response>;

export interface SetupOptions {
  world: World;
  fetch: EngineFetch;
  /** Virtual ms per clock step while a request waits (default 50). */
  step?: number;
  /** Lets other work run between clock steps (default: a macrotask). */
  yieldNow?: () => Promise<void>;
}

const API = 'http://docker/v1.50';

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Fast-forwards the world's clock until `p` settles (at most an hour of virtual time). */
async function settle<T>(o: SetupOptions, p: Promise<T>): Promise<T> {
  let done = false;
  const q = p.finally(() => {
    done = true;
  });
  const y = o.yieldNow ?? macrotask;
  await y();
  for (let i = 0; !done && i < 72_000; i++) {
    o.world.advance(o.step ?? 50);
    await y();
  }
  return q;
}

async function call(o: SetupOptions, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  return settle(
    o,
    (async () => {
      const res = await o.fetch(new Request(`${API}${path}`, init));
      return { status: res.status, text: await res.text() };
    })(),
  );
}

function fail(what: string, r: { status: number; text: string }): never {
  let msg = r.text.trim();
  try {
    msg = (JSON.parse(r.text) as { message?: string }).message ?? msg;
  } catch {
    // not JSON
  }
  throw new SetupError(`${what}: ${r.status} ${msg}`);
}

async function pull(o: SetupOptions, ref: string): Promise<void> {
  const r = await call(o, 'POST', `/images/create?fromImage=${encodeURIComponent(ref)}`);
  if (r.status !== 200) fail(`pull ${ref}`, r);
  for (const line of r.text.split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line) as { error?: string };
    if (m.error) throw new SetupError(`pull ${ref}: ${m.error}`);
  }
}

/** The create request for a container spec (what docker run would send for it). */
export function createBody(spec: ContainerSpec): Record<string, unknown> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports ?? []) {
    const ps = parsePortSpec(p)!;
    const key = `${ps.containerPort}/${ps.proto}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: ps.hostIp.replace(/^\[|\]$/g, ''), HostPort: String(ps.hostPort) });
  }
  const [mode = 'no', max = '0'] = (spec.restart ?? 'no').split(':');
  const body: Record<string, unknown> = {
    Image: spec.image,
    Env: spec.env ?? [],
    ExposedPorts: exposed,
    HostConfig: { PortBindings: bindings, RestartPolicy: { Name: mode, MaximumRetryCount: Number(max) }, AutoRemove: spec.rm === true },
  };
  if (spec.command) body.Cmd = spec.command;
  if (spec.entrypoint) body.Entrypoint = spec.entrypoint;
  return body;
}

async function create(o: SetupOptions, spec: ContainerSpec): Promise<string> {
  const img = await call(o, 'GET', `/images/${encodeURIComponent(spec.image)}/json`);
  if (img.status === 404) await pull(o, spec.image);
  else if (img.status !== 200) fail(`inspect ${spec.image}`, img);
  const q = spec.name ? `?name=${encodeURIComponent(spec.name)}` : '';
  const r = await call(o, 'POST', `/containers/create${q}`, createBody(spec));
  if (r.status !== 201) fail(`create ${spec.name ?? spec.image}`, r);
  return (JSON.parse(r.text) as { Id: string }).Id;
}

async function simple(o: SetupOptions, what: string, method: string, path: string, ok: number[]): Promise<void> {
  const r = await call(o, method, path);
  if (!ok.includes(r.status)) fail(what, r);
}

/** Applies the steps in order; throws SetupError naming the step that failed. */
export async function applySetup(steps: readonly SetupStep[], o: SetupOptions): Promise<void> {
  for (const s of steps) {
    switch (s.kind) {
      case 'pull':
        for (const ref of s.refs) await pull(o, ref);
        break;
      case 'create':
      case 'run':
        for (const spec of s.containers) {
          const id = await create(o, spec);
          if (s.kind === 'run') await simple(o, `start ${spec.name ?? spec.image}`, 'POST', `/containers/${id}/start`, [204]);
        }
        break;
      case 'start':
      case 'stop':
      case 'kill':
      case 'pause':
        for (const n of s.names) await simple(o, `${s.kind} ${n}`, 'POST', `/containers/${encodeURIComponent(n)}/${s.kind}`, s.kind === 'pause' || s.kind === 'kill' ? [204] : [204, 304]);
        break;
      case 'remove':
        for (const n of s.names) await simple(o, `remove ${n}`, 'DELETE', `/containers/${encodeURIComponent(n)}?force=1`, [204]);
        break;
      case 'tag': {
        const i = s.target.lastIndexOf(':');
        const slash = s.target.lastIndexOf('/');
        const [repo, tag] = i > slash ? [s.target.slice(0, i), s.target.slice(i + 1)] : [s.target, 'latest'];
        await simple(o, `tag ${s.source} ${s.target}`, 'POST', `/images/${encodeURIComponent(s.source)}/tag?repo=${encodeURIComponent(repo)}&tag=${encodeURIComponent(tag)}`, [201]);
        break;
      }
      case 'wait': {
        const end = o.world.now() + s.ms;
        const y = o.yieldNow ?? macrotask;
        while (o.world.now() < end) {
          o.world.advance(Math.min(o.step ?? 50, end - o.world.now()));
          await y();
        }
        break;
      }
    }
  }
}
