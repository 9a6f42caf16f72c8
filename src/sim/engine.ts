// Wires a daemon's services together: the network plumbing, the runtime (containerd, shim,
// runc), containers, execs, images, networks and volumes, over one program table and one set
// of registries shared by the world.

import { MemoryFs } from '../vfs';
import { ContainerService } from './daemon/containers';
import type { Daemon } from './daemon/daemon';
import { ExecService } from './daemon/exec';
import { ImageService } from './daemon/image-service';
import { NetworkService } from './daemon/network-service';
import { VolumeService } from './daemon/volume-service';
import type { Volume } from './daemon/volumes';
import type { Registry } from './registry/registry';
import { Registries } from './distribution/registries';
import { hostFsEntries } from './host/host-fs';
import { NetworkPlumbing } from './network/plumbing';
import { defaultPrograms, type Programs } from './programs';
import { containerEffects } from './runtime/container-effects';
import { SimRuntime } from './runtime/runtime';
import { World, type WorldOptions } from './world';

export interface Engine {
  daemon: Daemon;
  net: NetworkPlumbing;
  runtime: SimRuntime;
  containers: ContainerService;
  execs: ExecService;
  images: ImageService;
  networks: NetworkService;
  volumes: VolumeService;
  volumeSize(v: Volume): number;
  /** Registries served by programs in this host's containers (the `registry` image), by container. */
  servedRegistries: Map<string, { port: number; registry: Registry; pid: number }>;
  /** The Swarm header of /_ping ("inactive", "active/manager", ...). */
  swarmStatus?: () => string;
  /** The Swarm section of /info. */
  swarmInfo?: () => Record<string, unknown>;
}

const engines = new WeakMap<Daemon, Engine>();

/** The services of a daemon. */
export function engineOf(d: Daemon): Engine {
  const e = engines.get(d);
  if (!e) throw new Error(`daemon ${d.name} has no engine`);
  return e;
}

export interface SimOptions extends WorldOptions {
  programs?: Programs;
}

/** World-level services shared by every host. */
const registriesOf = new WeakMap<World, Registries>();

export function registriesFor(world: World): Registries {
  const r = registriesOf.get(world);
  if (!r) throw new Error('world has no registries');
  return r;
}

/** A World with its hosts wired and ready, as every host (API, pages, tests) creates one. */
export function createWorld(opts: SimOptions = {}): World {
  const world = new World(opts);
  const programs = opts.programs ?? defaultPrograms();
  const registries = new Registries();
  registriesOf.set(world, registries);
  world.onDaemon((d) => {
    d.hostFs = new MemoryFs({ now: () => world.now(), root: hostFsEntries(d.info, world.now()) });
    const net = new NetworkPlumbing(d);
    net.createDefaults();
    const engine = {} as Engine;
    const runtime = new SimRuntime(d, programs, net, containerEffects(() => engine));
    const containers = new ContainerService(d, runtime);
    runtime.service = containers;
    Object.assign(engine, {
      daemon: d,
      net,
      runtime,
      containers,
      execs: new ExecService(d, runtime, containers),
      images: new ImageService(d, (domain: string) => registries.lookup(domain, (host, port) => servedRegistry(engine, host, port))),
      networks: new NetworkService(d, net, containers),
      volumes: new VolumeService(d),
      volumeSize: (v: Volume) => volumeBytes(v),
      servedRegistries: new Map(),
    } satisfies Engine);
    engines.set(d, engine);
  });
  for (const h of opts.hosts ?? [{}]) world.addHost(h);
  return world;
}

/** The registry a container serves at host:port as this host sees it (a published port). */
function servedRegistry(e: Engine, host: string, port: number): Registry | undefined {
  const local = ['localhost', '127.0.0.1', '0.0.0.0', e.daemon.info.ip, e.daemon.name];
  let containerId: string | undefined;
  let cport = port;
  if (local.includes(host)) {
    const b = e.net.ports.lookup(port, 'tcp', host === 'localhost' ? '127.0.0.1' : host);
    containerId = b?.containerId;
    cport = b?.containerPort ?? port;
  } else containerId = e.net.resolve(host, null)?.id;
  if (!containerId) return undefined;
  const c = e.daemon.containers.get(containerId);
  const served = e.servedRegistries.get(containerId);
  if (!c || !served || served.port !== cport || !c.running || !c.processes.has(served.pid)) return undefined;
  return served.registry;
}

function volumeBytes(v: Volume): number {
  let n = 0;
  const walk = (p: string) => {
    for (const name of v.fs.readdir(p)) {
      const path = p === '/' ? `/${name}` : `${p}/${name}`;
      const st = v.fs.lstat(path);
      if (st.type === 'dir') walk(path);
      else n += st.size;
    }
  };
  try {
    walk('/');
  } catch {
    // a volume being changed while measured
  }
  return n;
}
