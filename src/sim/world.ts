// A World: one learner's simulated universe. A virtual clock, a seeded id source, the trace,
// Docker Hub, and one or more Docker hosts. Nothing here reads a real clock or random source:
// the same seed, start time and inputs give the same world.

import { VirtualClock } from './core/clock';
import { randomName } from './core/names';
import { Rng } from './core/rng';
import type { Stamp } from './core/time';
import { Trace } from './core/trace';
import { Daemon, type HostInfo } from './daemon/daemon';

export interface WorldOptions {
  /** Seed of the id source. */
  seed?: string;
  /** Virtual start time, ms since the epoch. */
  start?: number;
  /** Hosts to create; the first is the default one. */
  hosts?: Partial<HostInfo>[];
}

/** 2026-11-27T09:00:00Z: a fixed default start, so tests are reproducible. */
export const DEFAULT_START = Date.UTC(2026, 10, 27, 9, 0, 0);

export function hostInfo(partial: Partial<HostInfo> = {}, index = 0): HostInfo {
  return {
    hostname: partial.hostname ?? (index === 0 ? 'docksim' : `node-${index + 1}`),
    kernelVersion: '6.8.0-60-generic',
    operatingSystem: 'Ubuntu 24.04.2 LTS',
    osVersion: '24.04',
    architecture: 'x86_64',
    goArch: 'amd64',
    ncpu: 4,
    memTotal: 8_324_206_592,
    ip: `192.168.65.${3 + index}`,
    ...partial,
  };
}

export class World {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly trace = new Trace();
  readonly daemons = new Map<string, Daemon>();
  readonly seed: string;
  private hooks: ((d: Daemon) => void)[] = [];

  constructor(opts: WorldOptions = {}) {
    this.seed = opts.seed ?? 'docksim';
    this.rng = new Rng(this.seed);
    this.clock = new VirtualClock(opts.start ?? DEFAULT_START);
  }

  /** Registers setup run on every daemon added (the engine wires services this way). */
  onDaemon(hook: (d: Daemon) => void): void {
    this.hooks.push(hook);
    for (const d of this.daemons.values()) hook(d);
  }

  addHost(partial: Partial<HostInfo> = {}): Daemon {
    const info = hostInfo(partial, this.daemons.size);
    if (this.daemons.has(info.hostname)) throw new Error(`host ${info.hostname} exists`);
    const d = new Daemon(this, info);
    this.daemons.set(info.hostname, d);
    for (const h of this.hooks) h(d);
    return d;
  }

  /** The named host, or the first one. */
  daemon(name?: string): Daemon {
    if (name === undefined) {
      const first = this.daemons.values().next();
      if (first.done) throw new Error('world has no hosts');
      return first.value;
    }
    const d = this.daemons.get(name);
    if (!d) throw new Error(`no host ${name}`);
    return d;
  }

  now(): number {
    return this.clock.now();
  }

  private lastStamp: Stamp | null = null;

  /**
   * A timestamp with sub-millisecond digits drawn from the seeded source. Stamps never go
   * backwards, as a real clock's readings do not: events and log lines stamped within one
   * millisecond keep their order (`docker events`, `docker logs -t`).
   */
  stamp(): Stamp {
    const ms = this.clock.now();
    let ns = this.rng.int(1_000_000);
    const prev = this.lastStamp;
    if (prev && ms === prev.ms && ns <= prev.ns) ns = Math.min(999_999, prev.ns + 1 + (ns % 64));
    const s = { ms, ns };
    this.lastStamp = s;
    return s;
  }

  randomName(retry = 0): string {
    return randomName((items) => this.rng.pick(items), (n) => this.rng.int(n), retry);
  }

  /** Moves virtual time forward, running everything that falls due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }
}
