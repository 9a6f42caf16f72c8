// A picture source over a World in the same page (the playground): the trace as it happens
// and the host's objects read straight from its daemon. Small on purpose, and with no runtime
// imports of the simulator, so a page can create it before the picture itself is loaded.

import type { Daemon } from '../../src/sim/daemon/daemon';
import type { World } from '../../src/sim/world';
import type { HostSnapshot, OpRecord, PictureSource, TraceListener } from './source';

export interface WorldSourceOptions {
  /** The host to draw (default: the World's first). */
  host?: string;
  /** Operations handed over for a late mount (default 60). */
  recent?: number;
}

/** "docker.io/library/nginx:latest" → "nginx:latest", as the CLI shows references. */
export function familiar(ref: string): string {
  return ref.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

export function worldSource(world: World, opts: WorldSourceOptions = {}): PictureSource & { snapshotOf(d: Daemon): HostSnapshot } {
  const daemon = () => world.daemon(opts.host);
  const hostName = () => daemon().name;
  let cache: { version: number; snap: HostSnapshot } | null = null;
  const source = {
    subscribe(listener: TraceListener) {
      return world.trace.subscribe((op, hop) => {
        if (op.host === hostName()) listener(op, hop);
      });
    },
    recent(): OpRecord[] {
      const host = hostName();
      return world.trace
        .all()
        .filter((o) => o.host === host)
        .slice(-(opts.recent ?? 60))
        .map((o) => ({ id: o.id, host: o.host, op: o.op, t: o.t, hops: o.hops.map((h) => ({ ...h })) }));
    },
    snapshot(): HostSnapshot {
      const d = daemon();
      if (cache && cache.version === d.version) return cache.snap;
      const snap = source.snapshotOf(d);
      cache = { version: d.version, snap };
      return snap;
    },
    snapshotOf(d: Daemon): HostSnapshot {
      const images = [...d.images.images.values()].map((img) => ({
        id: img.id,
        tags: img.tags.map(familiar),
        layers: [...img.config.rootfs.diff_ids],
        size: img.size,
      }));
      const containers = d.containerList().map((c) => ({
        id: c.id,
        name: c.bareName,
        image: c.config.Image ?? '',
        imageId: c.imageId,
        status: c.status,
        exitCode: c.exitCode,
        networks: [...c.networks.keys()],
        volumes: c.mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!),
        ports: c.boundPorts.map((p) => `${p.hostPort}→${p.containerPort}/${p.proto}`),
      }));
      const networks = [...d.networks.networks.values()].map((n) => ({ id: n.id, name: n.name, driver: n.driver }));
      const volumes = [...d.volumes.volumes.values()].map((v) => ({ name: v.name, anonymous: v.anonymous }));
      return { host: d.name, images, containers, networks, volumes };
    },
    onChange(listener: () => void) {
      // Every change a client could see is an event or a traced hop; the picture batches them.
      const d = daemon();
      const offEvents = d.events.subscribe(() => listener());
      const offTrace = world.trace.subscribe(() => listener());
      return () => {
        offEvents();
        offTrace();
      };
    },
  };
  return source;
}
