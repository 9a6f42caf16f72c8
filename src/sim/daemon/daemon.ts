// One Docker host's dockerd: its stores (images, containers, networks, volumes, execs), its
// events, and the services that act on them. Everything a daemon does goes through here so it
// can stamp, trace and emit events consistently.

import type { FileSystem } from '../../vfs/types';
import { EventLog, type EventType } from '../core/events';
import type { Stamp } from '../core/time';
import type { Hop, TraceOp } from '../core/trace';
import type { World } from '../world';
import { Container } from './container';
import { ImageStore } from './images';
import { NetworkStore } from './networks';
import { VolumeStore } from './volumes';

export interface HostInfo {
  /** The host's name, as `docker info` Name and swarm node hostname. */
  hostname: string;
  kernelVersion: string;
  operatingSystem: string;
  osVersion: string;
  architecture: string; // x86_64 | aarch64
  goArch: string; // amd64 | arm64
  ncpu: number;
  memTotal: number;
  /** The host's primary IPv4 address (swarm advertise address). */
  ip: string;
}

export const ENGINE = {
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  gitCommit: '45873be',
  goVersion: 'go1.24.3',
  buildTime: '2025-05-30T12:07:26.000000000+00:00',
  containerd: { version: 'v1.7.27', gitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', gitCommit: 'v1.2.5-0-g59923ef' },
  init: { version: '0.19.0', gitCommit: 'de40ad0' },
} as const;

export class Daemon {
  readonly events = new EventLog();
  readonly images = new ImageStore();
  readonly containers = new Map<string, Container>();
  /** name (with leading '/') -> container ID */
  readonly names = new Map<string, string>();
  readonly networks = new NetworkStore();
  readonly volumes = new VolumeStore();
  readonly id: string;
  readonly started: Stamp;
  /** Host PIDs of container processes; dockerd itself and containerd sit below. */
  private nextHostPid = 2000;
  hostFs!: FileSystem;
  /** Set while this host is part of a swarm (overlay networks need it). */
  swarmActive = false;
  /** Faults a teacher or test injects (simulator-only, through /_sim/faults). */
  readonly faults = { failNextRemoval: false };

  constructor(
    readonly world: World,
    readonly info: HostInfo,
  ) {
    this.images.onChange = () => this.version++;
    const r = world.rng;
    this.id = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`;
    this.started = this.stamp();
  }

  get name(): string {
    return this.info.hostname;
  }

  now(): number {
    return this.world.clock.now();
  }

  /** A timestamp for a record, with deterministic sub-millisecond digits. */
  stamp(): Stamp {
    return this.world.stamp();
  }

  hostPid(): number {
    this.nextHostPid += 1 + this.world.rng.int(40);
    return this.nextHostPid;
  }

  /** Bumped by every change a client could see (every event, every state change); views cache on it. */
  version = 0;

  event(type: EventType, action: string, actorId: string, attributes: Record<string, string> = {}, scope: 'local' | 'swarm' = 'local'): void {
    this.version++;
    this.events.emit({ type, action, actorId, attributes, scope, stamp: this.stamp() });
  }

  /** Starts a trace op for an operation on this host. */
  op(name: string): TraceOp {
    return this.world.trace.begin(this.name, name, this.now());
  }

  hop(op: TraceOp, from: Hop['from'], to: Hop['to'], label: string, extra: Partial<Hop> = {}): void {
    this.world.trace.hop(op, { from, to, label, t: this.now(), ...extra });
  }

  /** moby's GetContainer: full ID, exact name, then unique ID prefix. */
  findContainer(ref: string): Container | undefined {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref : `/${ref}`;
    const byName = this.names.get(name);
    if (byName) return this.containers.get(byName);
    if (ref === '' || !/^[0-9a-f]+$/.test(ref)) return undefined;
    let found: Container | undefined;
    for (const c of this.containers.values()) {
      if (c.id.startsWith(ref)) {
        if (found) return undefined; // ambiguous prefixes resolve to nothing (moby: "multiple IDs found")
        found = c;
      }
    }
    return found;
  }

  /** Containers newest first (the order of GET /containers/json). */
  containerList(): Container[] {
    return [...this.containers.values()].reverse();
  }
}
