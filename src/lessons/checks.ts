// Checks: named, parameterised predicates over a World — its state, the daemon's events and the
// trace — that tell a lesson when a step is done. Never over what the learner typed: any way of
// reaching the state (the CLI, curl on the socket, the page's buttons) counts.
//
// A lesson names a check with its parameters as a one-key mapping, and composes them:
//
//   check: { container: { image: nginx, state: running, publishes: "8080:80" } }
//   check:
//     all:
//       - imagePulled: { ref: nginx, layersAlreadyPresent: some }
//       - not: { imagePresent: { ref: alpine } }
//
// History (events, trace operations) counts from the lesson's marker on: what the setup did
// never satisfies a step. State (containers, images, files, logs) is read as it is now.

import { parseNormalizedNamed, familiarString, tagNameOnly } from '../reference';
import type { DockerEvent } from '../sim/core/events';
import type { Stamp } from '../sim/core/time';
import type { Hop, OciState, TraceOp } from '../sim/core/trace';
import type { Container } from '../sim/daemon/container';
import type { Daemon } from '../sim/daemon/daemon';
import { engineOf } from '../sim/engine';
import type { World } from '../sim/world';

// ---- context -----------------------------------------------------------------------------------

/** Where a lesson's history starts: trace operations after `traceId`, events after `eventStamp`. */
export interface Marker {
  traceId: number;
  eventStamp: Stamp | null;
}

/** The marker for "from now on" on a World. */
export function markWorld(world: World, host?: string): Marker {
  const last = world.trace.last();
  const events = world.daemon(host).events.recent();
  const ev = events[events.length - 1];
  return { traceId: last ? last.id : 0, eventStamp: ev ? { ...ev.stamp } : null };
}

function after(s: Stamp, m: Stamp | null): boolean {
  return m === null || s.ms > m.ms || (s.ms === m.ms && s.ns > m.ns);
}

/** What a check reads: the World, the host the lesson's terminal talks to, and the history since the marker. */
export class CheckContext {
  readonly daemon: Daemon;
  private opsCache: TraceOp[] | null = null;
  private eventsCache: DockerEvent[] | null = null;

  constructor(
    readonly world: World,
    readonly since: Marker,
    host?: string,
  ) {
    this.daemon = world.daemon(host);
  }

  /** Trace operations on this host since the marker, oldest first. */
  ops(): TraceOp[] {
    this.opsCache ??= this.world.trace.since(this.since.traceId).filter((o) => o.host === this.daemon.name);
    return this.opsCache;
  }

  /** Daemon events since the marker, oldest first (the daemon keeps the last 256). */
  events(): DockerEvent[] {
    this.eventsCache ??= this.daemon.events.recent().filter((e) => after(e.stamp, this.since.eventStamp));
    return this.eventsCache;
  }

  containers(): Container[] {
    return [...this.daemon.containers.values()];
  }

  /** Container IDs a name has had since the marker (from events), plus the current holder. */
  idsOfName(name: string): Set<string> {
    const bare = name.replace(/^\//, '');
    const ids = new Set<string>();
    for (const e of this.events()) if (e.type === 'container' && e.attributes.name === bare) ids.add(e.actorId);
    const c = this.daemon.findContainer(bare);
    if (c) ids.add(c.id);
    return ids;
  }

  imageId(ref: string): string | undefined {
    return engineOf(this.daemon).images.find(ref)?.id;
  }
}

// ---- parameters ----------------------------------------------------------------------------------

export type ParamType = 'string' | 'number' | 'boolean' | 'string[]' | 'string|number' | readonly string[];

export interface ParamSpec {
  type: ParamType;
  required?: boolean;
  /** What the parameter means, for teachers. */
  doc: string;
}

export type Params = Record<string, unknown>;

export interface CheckDef {
  name: string;
  /** One sentence for teachers: what the check asks of the world. */
  doc: string;
  params: Record<string, ParamSpec>;
  /** What the learner should reach, in words ("a running container from nginx publishing 8080→80"). */
  describe(p: Params): string;
  test(ctx: CheckContext, p: Params): boolean;
}

const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
const COMPONENTS = ['client', 'dockerd', 'containerd', 'shim', 'runc', 'container', 'registry', 'manager', 'orchestrator', 'allocator', 'scheduler', 'dispatcher', 'agent'] as const;
const OCI_STATES = ['creating', 'created', 'running', 'paused', 'stopped'] as const;

// ---- helpers -------------------------------------------------------------------------------------

/** The registry an image reference names, as docker push says it (docker.io for Docker Hub). */
function registryOf(ref: string): string {
  try {
    const r = parseNormalizedNamed(ref);
    return r.domain === 'docker.io' ? 'Docker Hub' : r.domain;
  } catch {
    return 'a registry';
  }
}

/** An image reference in its canonical familiar form (nginx -> nginx:latest); the input if it does not parse. */
export function canonicalRef(ref: string): string {
  try {
    return familiarString(tagNameOnly(parseNormalizedNamed(ref)));
  } catch {
    return ref;
  }
}

function str(p: Params, k: string): string | undefined {
  const v = p[k];
  return v === undefined || v === null ? undefined : String(v);
}

function num(p: Params, k: string): number | undefined {
  const v = p[k];
  return v === undefined || v === null ? undefined : Number(v);
}

/** A container's image matches a reference: by the reference it was created with, or by image ID. */
function containerFromImage(ctx: CheckContext, c: Container, ref: string): boolean {
  if (canonicalRef(c.config.Image) === canonicalRef(ref)) return true;
  const id = ctx.imageId(ref);
  return id !== undefined && id === c.imageId;
}

export interface PortSpec {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  proto: string;
}

/** "8080:80", "8080:80/udp", "127.0.0.1:8080:80". */
export function parsePortSpec(s: string): PortSpec | null {
  const m = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d{1,5}):(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(s.trim());
  if (!m) return null;
  return { hostIp: m[1] ?? '', hostPort: Number(m[2]), containerPort: Number(m[3]), proto: m[4] ?? 'tcp' };
}

function publishes(c: Container, spec: PortSpec): boolean {
  const ipOk = (ip: string) => spec.hostIp === '' || ip === spec.hostIp;
  if (c.running) return c.boundPorts.some((b) => b.hostPort === spec.hostPort && b.containerPort === spec.containerPort && b.proto === spec.proto && ipOk(b.hostIp));
  const bindings = c.hostConfig.PortBindings?.[`${spec.containerPort}/${spec.proto}`] ?? [];
  return bindings.some((b) => Number(b.HostPort) === spec.hostPort && ipOk(b.HostIp ?? ''));
}

function joinCommand(c: Container): string {
  return [c.path, ...c.args].join(' ');
}

function signalNumber(v: string | number): number {
  if (typeof v === 'number') return v;
  if (/^\d+$/.test(v)) return Number(v);
  const names: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, STOP: 19, CONT: 18, WINCH: 28 };
  return names[v.toUpperCase().replace(/^SIG/, '')] ?? -1;
}

/** "client -> dockerd" hops of an operation: "POST /containers/create (REST over unix socket)". */
export function apiCallOf(op: TraceOp): { method: string; path: string; transport: 'unix' | 'tcp' } | null {
  for (const h of op.hops) {
    if (h.from !== 'client' || h.to !== 'dockerd') continue;
    const m = /^([A-Z]+) (\S+) \(REST over (unix socket|tcp)\)$/.exec(h.label);
    if (m) return { method: m[1]!, path: m[2]!, transport: m[3] === 'tcp' ? 'tcp' : 'unix' };
  }
  return null;
}

/** A path pattern: `*` stands for one path segment (/containers/*\/start). */
function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
  return re.test(path.replace(/^\/v\d+\.\d+(?=\/)/, ''));
}

/** What a container went through before and after one `die` event. */
interface Exit {
  id: string;
  name: string;
  image: string;
  exitCode: number;
  signals: number[];
  stopped: boolean;
}

function exitsOf(ctx: CheckContext): Exit[] {
  const out: Exit[] = [];
  const byActor = new Map<string, DockerEvent[]>();
  for (const e of ctx.events()) {
    if (e.type !== 'container') continue;
    const list = byActor.get(e.actorId) ?? [];
    list.push(e);
    byActor.set(e.actorId, list);
  }
  for (const [id, list] of byActor) {
    list.forEach((e, i) => {
      if (e.action !== 'die') return;
      const signals: number[] = [];
      for (let j = i - 1; j >= 0 && list[j]!.action !== 'start'; j--) if (list[j]!.action === 'kill') signals.unshift(Number(list[j]!.attributes.signal));
      let stopped = false;
      for (let j = i + 1; j < list.length && list[j]!.action !== 'start' && list[j]!.action !== 'die'; j++) if (list[j]!.action === 'stop') stopped = true;
      out.push({ id, name: e.attributes.name ?? '', image: e.attributes.image ?? '', exitCode: Number(e.attributes.exitCode), signals, stopped });
    });
  }
  return out;
}

/** The requests in nginx's and httpd's access logs (combined/common log format). */
const ACCESS_LINE = /"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3}) /;

// ---- the checks ----------------------------------------------------------------------------------

const containerParams = {
  name: { type: 'string', doc: 'the container name (without the leading slash)' },
  image: { type: 'string', doc: 'the image it was created from (nginx, nginx:1.29, or an image ID)' },
} satisfies Record<string, ParamSpec>;

function describeContainer(p: Params, noun = 'container'): string {
  const parts = [`a ${str(p, 'state') ?? ''} ${noun}`.replace(/\s+/g, ' ')];
  if (str(p, 'name')) parts.push(`named ${str(p, 'name')}`);
  if (str(p, 'image')) parts.push(`from ${str(p, 'image')}`);
  return parts.join(' ');
}

function matchContainer(ctx: CheckContext, c: Container, p: Params): boolean {
  const name = str(p, 'name');
  if (name !== undefined && c.bareName !== name.replace(/^\//, '')) return false;
  const image = str(p, 'image');
  if (image !== undefined && !containerFromImage(ctx, c, image)) return false;
  const state = str(p, 'state');
  if (state !== undefined && c.status !== state) return false;
  return true;
}

export const CHECKS: Record<string, CheckDef> = {
  container: {
    name: 'container',
    doc: 'A container exists that matches every parameter given.',
    params: {
      ...containerParams,
      state: { type: CONTAINER_STATES, doc: 'its state as docker ps -a shows it' },
      exitCode: { type: 'number', doc: 'its last exit code' },
      publishes: { type: 'string', doc: 'a published port, "hostPort:containerPort[/proto]" or "ip:hostPort:containerPort"' },
      restart: { type: 'string', doc: 'its restart policy: no, always, unless-stopped, on-failure or on-failure:N' },
      minRestarts: { type: 'number', doc: 'the daemon restarted it at least this many times (RestartCount)' },
      command: { type: 'string', doc: 'text its command line (entrypoint and arguments) contains' },
    },
    describe(p) {
      let s = describeContainer(p);
      const pub = str(p, 'publishes');
      if (pub) {
        const ps = parsePortSpec(pub);
        s += ps ? ` publishing host port ${ps.hostPort} to port ${ps.containerPort}` : ` publishing ${pub}`;
      }
      if (num(p, 'exitCode') !== undefined) s += ` that exited with code ${num(p, 'exitCode')}`;
      if (str(p, 'restart')) s += ` with restart policy ${str(p, 'restart')}`;
      if (num(p, 'minRestarts') !== undefined) s += `, restarted at least ${num(p, 'minRestarts')} times`;
      if (str(p, 'command')) s += ` running "${str(p, 'command')}"`;
      return s;
    },
    test(ctx, p) {
      const pub = str(p, 'publishes');
      const spec = pub ? parsePortSpec(pub) : null;
      const restart = str(p, 'restart');
      return ctx.containers().some((c) => {
        if (!matchContainer(ctx, c, p)) return false;
        const code = num(p, 'exitCode');
        if (code !== undefined && (c.status === 'created' || c.running || c.exitCode !== code)) return false;
        if (spec && !publishes(c, spec)) return false;
        if (restart !== undefined) {
          const [mode, max] = restart.split(':');
          const rp = c.hostConfig.RestartPolicy;
          if ((rp.Name || 'no') !== mode) return false;
          if (max !== undefined && rp.MaximumRetryCount !== Number(max)) return false;
        }
        const min = num(p, 'minRestarts');
        if (min !== undefined && c.restartCount < min) return false;
        const cmd = str(p, 'command');
        if (cmd !== undefined && !joinCommand(c).includes(cmd)) return false;
        return true;
      });
    },
  },

  noContainer: {
    name: 'noContainer',
    doc: 'No container matches the parameters (for example, after docker rm).',
    params: { ...containerParams, state: { type: CONTAINER_STATES, doc: 'only containers in this state count' } },
    describe(p) {
      return `no ${describeContainer(p).replace(/^an? /, '')} left`;
    },
    test(ctx, p) {
      return !ctx.containers().some((c) => matchContainer(ctx, c, p));
    },
  },

  containerExited: {
    name: 'containerExited',
    doc: 'Since the lesson began, a container exited — by itself, after docker stop, or after docker kill — with the given code.',
    params: {
      ...containerParams,
      exitCode: { type: 'number', doc: 'the exit code it died with' },
      by: { type: ['exit', 'stop', 'kill'], doc: 'exit: no signal was sent; stop: docker stop (stop signal, then SIGKILL after the grace period); kill: docker kill' },
      signal: { type: 'string|number', doc: 'a signal sent to it before it died (TERM, KILL, 15, 9...)' },
    },
    describe(p) {
      const by = str(p, 'by');
      let s = `${describeContainer(p)} exited`;
      if (num(p, 'exitCode') !== undefined) s += ` with code ${num(p, 'exitCode')}`;
      if (by === 'stop') s += ' after docker stop';
      else if (by === 'kill') s += ' after docker kill';
      else if (by === 'exit') s += ' on its own';
      if (p.signal !== undefined) s += ` (signal ${String(p.signal)} sent)`;
      return s;
    },
    test(ctx, p) {
      const name = str(p, 'name');
      const image = str(p, 'image');
      const code = num(p, 'exitCode');
      const by = str(p, 'by');
      const sig = p.signal === undefined ? undefined : signalNumber(p.signal as string | number);
      return exitsOf(ctx).some((x) => {
        if (name !== undefined && x.name !== name.replace(/^\//, '')) return false;
        if (image !== undefined && canonicalRef(x.image) !== canonicalRef(image) && ctx.imageId(image) !== ctx.imageId(x.image)) return false;
        if (code !== undefined && x.exitCode !== code) return false;
        if (by === 'stop' && !x.stopped) return false;
        if (by === 'kill' && (x.stopped || x.signals.length === 0)) return false;
        if (by === 'exit' && x.signals.length > 0) return false;
        if (sig !== undefined && !x.signals.includes(sig)) return false;
        return true;
      });
    },
  },

  imagePresent: {
    name: 'imagePresent',
    doc: 'The image store holds an image under this reference (a tag, a digest or an ID).',
    params: { ref: { type: 'string', required: true, doc: 'nginx, nginx:1.29, nginx@sha256:..., or an image ID' } },
    describe: (p) => `the image ${str(p, 'ref')} in the local image store`,
    test: (ctx, p) => ctx.imageId(str(p, 'ref')!) !== undefined,
  },

  imageAbsent: {
    name: 'imageAbsent',
    doc: 'The image store has nothing under this reference (for example, after docker rmi).',
    params: { ref: { type: 'string', required: true, doc: 'the reference that must not resolve' } },
    describe: (p) => `no image ${str(p, 'ref')} in the local image store`,
    test: (ctx, p) => ctx.imageId(str(p, 'ref')!) === undefined,
  },

  sameImage: {
    name: 'sameImage',
    doc: 'Every reference resolves to one and the same image ID (a tag is a name for an image, not a copy).',
    params: { refs: { type: 'string[]', required: true, doc: 'two or more references' } },
    describe: (p) => `${(p.refs as string[]).join(' and ')} naming the same image`,
    test(ctx, p) {
      const ids = (p.refs as string[]).map((r) => ctx.imageId(r));
      return ids.length > 0 && ids.every((id) => id !== undefined && id === ids[0]);
    },
  },

  imagesShareLayers: {
    name: 'imagesShareLayers',
    doc: 'Both images are present and have at least one layer in common (stored once).',
    params: { refs: { type: 'string[]', required: true, doc: 'two references' } },
    describe: (p) => `${(p.refs as string[]).join(' and ')} sharing a layer`,
    test(ctx, p) {
      const imgs = (p.refs as string[]).map((r) => engineOf(ctx.daemon).images.find(r));
      if (imgs.length < 2 || imgs.some((i) => !i)) return false;
      const [first, ...rest] = imgs as NonNullable<(typeof imgs)[number]>[];
      return first.chain.some((l) => rest.every((i) => i.chain.includes(l)));
    },
  },

  imagePulled: {
    name: 'imagePulled',
    doc: 'Since the lesson began, dockerd pulled an image from a registry; optionally, some, none or all of its layers were already in the store.',
    params: {
      ref: { type: 'string', doc: 'the reference pulled (nginx is nginx:latest)' },
      layersAlreadyPresent: {
        type: ['some', 'none', 'all', 'any'],
        doc: 'some: at least one layer "Already exists" and at least one was downloaded; none: every layer downloaded; all: nothing downloaded',
      },
    },
    describe(p) {
      const ref = str(p, 'ref');
      const lp = str(p, 'layersAlreadyPresent') ?? 'any';
      const what = ref ? `the image ${ref}` : 'an image';
      const tail: Record<string, string> = {
        some: ', with some of its layers already present ("Already exists")',
        none: ', downloading every layer',
        all: ', with every layer already present',
        any: '',
      };
      return `${what} pulled from a registry${tail[lp] ?? ''}`;
    },
    test(ctx, p) {
      const ref = str(p, 'ref');
      const want = ref === undefined ? undefined : canonicalRef(ref);
      const lp = str(p, 'layersAlreadyPresent') ?? 'any';
      for (const op of ctx.ops()) {
        if (op.op !== 'image.pull') continue;
        let stored: RegExpExecArray | null = null;
        let fetched = 0;
        for (const h of op.hops) {
          if (h.to === 'registry' && h.label.includes('/blobs/') && !h.label.includes('(config)')) fetched++;
          stored ??= /^image ([0-9a-f]{12}) stored; tagged (.+)$/.exec(h.label);
        }
        if (!stored) continue;
        if (want !== undefined && canonicalRef(stored[2]!) !== want) continue;
        if (lp === 'any') return true;
        const img = engineOf(ctx.daemon).images.store.byIdPrefix(stored[1]!)[0];
        const total = img ? img.chain.length : undefined;
        if (lp === 'all' && fetched === 0) return true;
        if (lp === 'none' && total !== undefined && fetched === total && total > 0) return true;
        if (lp === 'some' && total !== undefined && fetched > 0 && fetched < total) return true;
      }
      return false;
    },
  },

  imagePushed: {
    name: 'imagePushed',
    doc: 'Since the lesson began, dockerd pushed an image to a registry, and the registry took its manifest (docker push succeeded).',
    params: {
      ref: { type: 'string', doc: 'the reference pushed, the registry in its name (localhost:5000/debian:bookworm-slim; a name without one is Docker Hub\'s)' },
    },
    describe(p) {
      const ref = str(p, 'ref');
      return `${ref ? `the image ${ref}` : 'an image'} pushed to ${ref ? registryOf(ref) : 'a registry'}`;
    },
    test(ctx, p) {
      const ref = str(p, 'ref');
      let want: { canonical: string; repository: string; manifest: string } | null = null;
      if (ref !== undefined) {
        try {
          const r = tagNameOnly(parseNormalizedNamed(ref));
          want = { canonical: canonicalRef(ref), repository: familiarString({ kind: 'named', domain: r.domain, path: r.path }), manifest: `PUT /v2/${r.path}/manifests/${r.tag}` };
        } catch {
          return false;
        }
      }
      // the registry took a manifest (the trace), and the daemon says the push ended well (the event names the registry)
      const manifests = ctx.ops().some((op) => op.op === 'image.push' && op.hops.some((h) => h.from === 'dockerd' && h.to === 'registry' && (want ? h.label === want.manifest : h.label.includes('/manifests/'))));
      if (!manifests) return false;
      return ctx.events().some((e) => {
        if (e.type !== 'image' || e.action !== 'push') return false;
        if (!want) return true;
        const name = e.attributes.name ?? '';
        return canonicalRef(name) === want.canonical || name === want.repository;
      });
    },
  },

  apiCall: {
    name: 'apiCall',
    doc: 'Since the lesson began, a client sent this Engine API request to dockerd (requests that change something are on the trace).',
    params: {
      path: { type: 'string', required: true, doc: 'the path without the /v1.NN prefix; * stands for one segment: /containers/*/start' },
      method: { type: 'string', doc: 'GET, POST, DELETE...' },
      transport: { type: ['unix', 'tcp'], doc: 'unix: the socket /var/run/docker.sock; tcp: over the network (-H tcp://...)' },
    },
    describe(p) {
      const t = str(p, 'transport');
      const via = t === 'tcp' ? ' over TCP' : t === 'unix' ? ' over the unix socket' : '';
      return `the request ${str(p, 'method') ?? ''} ${str(p, 'path')}`.replace(/\s+/g, ' ') + ` sent to dockerd${via}`;
    },
    test(ctx, p) {
      const method = str(p, 'method')?.toUpperCase();
      const transport = str(p, 'transport');
      return ctx.ops().some((op) => {
        const call = apiCallOf(op);
        if (!call) return false;
        if (method !== undefined && call.method !== method) return false;
        if (transport !== undefined && call.transport !== transport) return false;
        return pathMatches(str(p, 'path')!, call.path);
      });
    },
  },

  hop: {
    name: 'hop',
    doc: 'Since the lesson began, the trace recorded a hop between two components (optionally for one container, with a label or an OCI state).',
    params: {
      from: { type: COMPONENTS, doc: 'the component the hop starts at' },
      to: { type: COMPONENTS, doc: 'the component it reaches' },
      label: { type: 'string', doc: 'text the hop\'s label contains ("runc create", "runc pause")' },
      container: { type: 'string', doc: 'the container (by name) the hop concerns' },
      oci: { type: OCI_STATES, doc: 'the OCI runtime state the hop reaches' },
    },
    describe(p) {
      const parts = [`${str(p, 'from') ?? 'a component'} → ${str(p, 'to') ?? 'a component'}`];
      if (str(p, 'label')) parts.push(`"${str(p, 'label')}"`);
      if (str(p, 'container')) parts.push(`for ${str(p, 'container')}`);
      if (str(p, 'oci')) parts.push(`reaching the OCI state ${str(p, 'oci')}`);
      return `a hop ${parts.join(' ')}`;
    },
    test(ctx, p) {
      const ids = str(p, 'container') === undefined ? null : ctx.idsOfName(str(p, 'container')!);
      return ctx.ops().some((op) => op.hops.some((h) => hopMatches(h, p, ids)));
    },
  },

  ociStates: {
    name: 'ociStates',
    doc: 'Since the lesson began, runc took the container through these OCI runtime states, in this order.',
    params: {
      container: { type: 'string', required: true, doc: 'the container, by name' },
      states: { type: 'string[]', required: true, doc: 'OCI states in order: creating, created, running, paused, stopped' },
    },
    describe: (p) => `${str(p, 'container')} through the OCI states ${(p.states as string[]).join(' → ')}`,
    test(ctx, p) {
      const ids = ctx.idsOfName(str(p, 'container')!);
      const want = p.states as string[];
      let k = 0;
      for (const op of ctx.ops())
        for (const h of op.hops) {
          if (k < want.length && h.oci === want[k] && h.object !== undefined && ids.has(h.object)) k++;
        }
      return k === want.length;
    },
  },

  exec: {
    name: 'exec',
    doc: 'Since the lesson began, a process was started in a running container with docker exec.',
    params: {
      container: { type: 'string', doc: 'the container, by name' },
      command: { type: 'string', doc: 'text the command line contains' },
      exitCode: { type: 'number', doc: 'the exit code the process ended with' },
    },
    describe(p) {
      let s = `a command run with docker exec${str(p, 'container') ? ` in ${str(p, 'container')}` : ''}`;
      if (str(p, 'command')) s += ` ("${str(p, 'command')}")`;
      if (num(p, 'exitCode') !== undefined) s += ` that exited with code ${num(p, 'exitCode')}`;
      return s;
    },
    test(ctx, p) {
      const name = str(p, 'container');
      const cmd = str(p, 'command');
      const code = num(p, 'exitCode');
      const starts = new Map<string, string>();
      for (const e of ctx.events()) {
        if (e.type !== 'container') continue;
        if (name !== undefined && e.attributes.name !== name) continue;
        if (e.action.startsWith('exec_start: ')) {
          const line = e.action.slice('exec_start: '.length);
          if (cmd !== undefined && !line.includes(cmd)) continue;
          if (code === undefined) return true;
          starts.set(e.attributes.execID ?? '', line);
        } else if (e.action === 'exec_die' && code !== undefined && starts.has(e.attributes.execID ?? '') && Number(e.attributes.exitCode) === code) return true;
      }
      return false;
    },
  },

  logged: {
    name: 'logged',
    doc: 'A container\'s log (what docker logs shows) has a line containing the text, or matching the pattern.',
    params: {
      container: { type: 'string', required: true, doc: 'the container, by name' },
      text: { type: 'string', doc: 'text a line contains' },
      pattern: { type: 'string', doc: 'a regular expression a line matches' },
      stream: { type: ['stdout', 'stderr'], doc: 'only this stream' },
    },
    describe: (p) => `${str(p, 'container')}'s log showing ${str(p, 'text') !== undefined ? `"${str(p, 'text')}"` : `a line like /${str(p, 'pattern')}/`}`,
    test(ctx, p) {
      const c = ctx.daemon.findContainer(str(p, 'container')!);
      if (!c) return false;
      const text = str(p, 'text');
      const re = str(p, 'pattern') === undefined ? null : new RegExp(str(p, 'pattern')!);
      const stream = str(p, 'stream');
      return c.logs.some((l) => (stream === undefined || l.stream === stream) && (text === undefined || l.text.includes(text)) && (!re || re.test(l.text)));
    },
  },

  httpServed: {
    name: 'httpServed',
    doc: 'A web server in the container logged an HTTP request it answered (nginx and httpd access logs).',
    params: {
      container: { type: 'string', required: true, doc: 'the container, by name' },
      path: { type: 'string', doc: 'the request path (/, /index.html)' },
      method: { type: 'string', doc: 'GET, POST...' },
      status: { type: 'number', doc: 'the status code of the answer (200, 404)' },
    },
    describe(p) {
      const req = `${str(p, 'method') ?? ''} ${str(p, 'path') ?? ''}`.trim();
      return `${str(p, 'container')} answering ${req ? `a request for ${req}` : 'an HTTP request'}${num(p, 'status') !== undefined ? ` with status ${num(p, 'status')}` : ''}`;
    },
    test(ctx, p) {
      const c = ctx.daemon.findContainer(str(p, 'container')!);
      if (!c) return false;
      return c.logs.some((l) => {
        const m = ACCESS_LINE.exec(l.text);
        if (!m) return false;
        if (str(p, 'method') !== undefined && m[1] !== str(p, 'method')!.toUpperCase()) return false;
        if (str(p, 'path') !== undefined && m[2] !== str(p, 'path')) return false;
        if (num(p, 'status') !== undefined && Number(m[3]) !== num(p, 'status')) return false;
        return true;
      });
    },
  },

  file: {
    name: 'file',
    doc: 'A file exists in a container\'s filesystem (its writable layer over the image), optionally containing some text.',
    params: {
      container: { type: 'string', required: true, doc: 'the container, by name' },
      path: { type: 'string', required: true, doc: 'the absolute path inside the container' },
      contains: { type: 'string', doc: 'text the file contains' },
    },
    describe: (p) => `the file ${str(p, 'path')} in ${str(p, 'container')}${str(p, 'contains') !== undefined ? ` containing "${str(p, 'contains')}"` : ''}`,
    test(ctx, p) {
      const c = ctx.daemon.findContainer(str(p, 'container')!);
      if (!c || !c.fs) return false;
      try {
        if (!c.fs.exists(str(p, 'path')!)) return false;
        const want = str(p, 'contains');
        return want === undefined || c.fs.readFile(str(p, 'path')!).includes(want);
      } catch {
        return false;
      }
    },
  },

  event: {
    name: 'event',
    doc: 'Since the lesson began, the daemon emitted this event (what docker events shows).',
    params: {
      type: { type: ['container', 'image', 'network', 'volume', 'daemon'], required: true, doc: 'the object type' },
      action: { type: 'string', required: true, doc: 'the action (create, start, die, pull, tag...); a prefix for exec_start: ...' },
      name: { type: 'string', doc: 'the object\'s name attribute' },
    },
    describe: (p) => `a ${str(p, 'type')} ${str(p, 'action')} event${str(p, 'name') ? ` for ${str(p, 'name')}` : ''}`,
    test(ctx, p) {
      const name = str(p, 'name');
      return ctx
        .events()
        .some((e) => e.type === str(p, 'type') && e.action.startsWith(str(p, 'action')!) && (name === undefined || e.attributes.name === name || canonicalRef(e.attributes.name ?? '') === canonicalRef(name)));
    },
  },
};

function hopMatches(h: Hop, p: Params, ids: Set<string> | null): boolean {
  if (str(p, 'from') !== undefined && h.from !== str(p, 'from')) return false;
  if (str(p, 'to') !== undefined && h.to !== str(p, 'to')) return false;
  if (str(p, 'label') !== undefined && !h.label.includes(str(p, 'label')!)) return false;
  if (str(p, 'oci') !== undefined && h.oci !== (str(p, 'oci') as OciState)) return false;
  if (ids && (h.object === undefined || !ids.has(h.object))) return false;
  return true;
}

// ---- specs: parsing, validation, composition -----------------------------------------------------

/** A check as written in a lesson: `{ name: params }`, or `all`/`any` of checks, or `not` one. */
export type CheckSpec = { [name: string]: unknown };

export interface CompiledCheck {
  /** The spec as written, for display and serialisation. */
  spec: CheckSpec;
  test(ctx: CheckContext): boolean;
  describe(): string;
}

export class CheckSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckSpecError';
  }
}

function typeOk(t: ParamType, v: unknown): boolean {
  if (Array.isArray(t)) return typeof v === 'string' && t.includes(v);
  switch (t) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');
    case 'string|number':
      return typeof v === 'string' || typeof v === 'number';
  }
  return false;
}

function typeName(t: ParamType): string {
  return Array.isArray(t) ? `one of ${t.join(', ')}` : (t as string);
}

/** Validates a spec and builds its predicate; throws CheckSpecError naming what is wrong. */
export function compileCheck(spec: unknown, where = 'check'): CompiledCheck {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new CheckSpecError(`${where}: expected a mapping such as { container: { image: nginx } }`);
  const keys = Object.keys(spec);
  if (keys.length !== 1) throw new CheckSpecError(`${where}: a check names exactly one predicate (got ${keys.length === 0 ? 'none' : keys.join(', ')}); use all: [...] to combine`);
  const name = keys[0]!;
  const arg = (spec as CheckSpec)[name];
  if (name === 'all' || name === 'any') {
    if (!Array.isArray(arg) || arg.length === 0) throw new CheckSpecError(`${where}.${name}: expected a non-empty list of checks`);
    const parts = arg.map((s, i) => compileCheck(s, `${where}.${name}[${i}]`));
    return {
      spec: spec as CheckSpec,
      test: name === 'all' ? (ctx) => parts.every((c) => c.test(ctx)) : (ctx) => parts.some((c) => c.test(ctx)),
      describe: () => parts.map((c) => c.describe()).join(name === 'all' ? '; and ' : '; or '),
    };
  }
  if (name === 'not') {
    const inner = compileCheck(arg, `${where}.not`);
    return { spec: spec as CheckSpec, test: (ctx) => !inner.test(ctx), describe: () => `not: ${inner.describe()}` };
  }
  const def = CHECKS[name];
  if (!def) throw new CheckSpecError(`${where}: unknown check "${name}" (known: ${Object.keys(CHECKS).join(', ')}, all, any, not)`);
  const params: Params = arg === null || arg === undefined ? {} : (arg as Params);
  if (typeof params !== 'object' || Array.isArray(params)) throw new CheckSpecError(`${where}.${name}: parameters must be a mapping`);
  for (const [k, v] of Object.entries(params)) {
    const ps = def.params[k];
    if (!ps) throw new CheckSpecError(`${where}.${name}: unknown parameter "${k}" (known: ${Object.keys(def.params).join(', ')})`);
    if (!typeOk(ps.type, v)) throw new CheckSpecError(`${where}.${name}.${k}: expected ${typeName(ps.type)}, got ${JSON.stringify(v)}`);
  }
  for (const [k, ps] of Object.entries(def.params)) if (ps.required && params[k] === undefined) throw new CheckSpecError(`${where}.${name}: missing parameter "${k}"`);
  if (name === 'container' && params.publishes !== undefined && !parsePortSpec(String(params.publishes)))
    throw new CheckSpecError(`${where}.container.publishes: expected "hostPort:containerPort", got ${JSON.stringify(params.publishes)}`);
  if (name === 'logged' && params.pattern !== undefined) {
    try {
      new RegExp(String(params.pattern));
    } catch (e) {
      throw new CheckSpecError(`${where}.logged.pattern: ${(e as Error).message}`);
    }
  }
  if (name === 'ociStates')
    for (const s of params.states as string[]) if (!(OCI_STATES as readonly string[]).includes(s)) throw new CheckSpecError(`${where}.ociStates.states: unknown OCI state "${s}"`);
  return { spec: spec as CheckSpec, test: (ctx) => def.test(ctx, params), describe: () => def.describe(params) };
}
