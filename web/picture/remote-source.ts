// A picture source over a docksim host across the network (an edge session, the Node host):
// the trace from /_sim/trace and the live /_sim/trace/stream, the objects from the Engine API's
// read-only routes (containers, images, networks, volumes). Reads never change the World.

import type { ContainerInfo, Hop, HostSnapshot, ImageInfo, OpInfo, OpRecord, PictureSource, TraceListener } from './source';

export interface RemoteSourceOptions {
  /** Where the Engine API answers: "http://127.0.0.1:2375", "/session/abc/engine". */
  base: string;
  /** fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Shortest time between two object reads, ms (default 250). */
  throttle?: number;
  /** Operations asked for on mount (default 60). */
  recent?: number;
}

interface StreamLine {
  op: number;
  name: string;
  host: string;
  t?: number;
  hop?: Hop;
}

export function remoteSource(opts: RemoteSourceOptions): PictureSource {
  const base = opts.base.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const throttle = opts.throttle ?? 250;
  const traceListeners = new Set<TraceListener>();
  const changeListeners = new Set<() => void>();
  const layerCache = new Map<string, string[]>();
  const opTimes = new Map<number, number>();
  let abort: AbortController | null = null;
  let closed = false;
  let retry = 500;
  let lastRead = 0;

  const get = async <T>(path: string): Promise<T> => {
    const res = await doFetch(`${base}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  };

  const changed = () => {
    for (const l of changeListeners) l();
  };

  async function stream(): Promise<void> {
    while (!closed && traceListeners.size > 0) {
      abort = new AbortController();
      try {
        const res = await doFetch(`${base}/_sim/trace/stream`, { signal: abort.signal });
        if (!res.ok || !res.body) throw new Error(`trace stream: ${res.status}`);
        retry = 500;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buf += value;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (line) deliver(JSON.parse(line) as StreamLine);
          }
        }
      } catch {
        if (closed) return;
      }
      await new Promise((r) => setTimeout(r, retry));
      retry = Math.min(10_000, retry * 2);
    }
  }

  function deliver(m: StreamLine): void {
    if (m.t !== undefined) opTimes.set(m.op, m.t);
    const info: OpInfo = { id: m.op, host: m.host, op: m.name, t: opTimes.get(m.op) ?? m.hop?.t ?? 0 };
    for (const l of traceListeners) l(info, m.hop ?? null);
    changed();
  }

  async function snapshot(): Promise<HostSnapshot> {
    const wait = lastRead + throttle - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastRead = Date.now();
    const [info, ctrs, imgs, nets, vols] = await Promise.all([
      get<{ Name?: string }>('/info').catch(() => ({ Name: '' })),
      get<RawContainer[]>('/containers/json?all=1'),
      get<RawImage[]>('/images/json'),
      get<RawNetwork[]>('/networks'),
      get<{ Volumes: RawVolume[] | null }>('/volumes'),
    ]);
    const images: ImageInfo[] = [];
    for (const i of imgs) {
      let layers = layerCache.get(i.Id);
      if (!layers) {
        layers = await get<{ RootFS?: { Layers?: string[] } }>(`/images/${encodeURIComponent(i.Id)}/json`)
          .then((r) => r.RootFS?.Layers ?? [])
          .catch(() => []);
        layerCache.set(i.Id, layers);
      }
      images.push({ id: i.Id, tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'), layers, size: i.Size ?? 0 });
    }
    const containers: ContainerInfo[] = ctrs.map((c) => ({
      id: c.Id,
      name: (c.Names?.[0] ?? '').replace(/^\//, ''),
      image: c.Image ?? '',
      imageId: c.ImageID ?? '',
      status: c.State ?? '',
      exitCode: exitCodeOf(c.Status ?? ''),
      networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
      volumes: (c.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!),
      ports: (c.Ports ?? []).filter((p) => p.PublicPort).map((p) => `${p.PublicPort}→${p.PrivatePort}/${p.Type}`),
    }));
    return {
      host: info.Name ?? '',
      images,
      containers,
      networks: nets.map((n) => ({ id: n.Id, name: n.Name, driver: n.Driver })),
      volumes: (vols.Volumes ?? []).map((v) => ({ name: v.Name, anonymous: v.Labels?.['com.docker.volume.anonymous'] !== undefined })),
    };
  }

  return {
    subscribe(listener) {
      traceListeners.add(listener);
      if (traceListeners.size === 1) void stream();
      return () => {
        traceListeners.delete(listener);
        if (traceListeners.size === 0) abort?.abort();
      };
    },
    async recent(): Promise<OpRecord[]> {
      const ops = await get<OpRecord[]>('/_sim/trace');
      return ops.slice(-(opts.recent ?? 60));
    },
    snapshot,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    close() {
      closed = true;
      abort?.abort();
      traceListeners.clear();
      changeListeners.clear();
    },
  };
}

/** "Exited (137) 2 minutes ago" → 137. */
function exitCodeOf(status: string): number {
  const m = /^Exited \((-?\d+)\)/.exec(status);
  return m ? Number(m[1]) : 0;
}

interface RawContainer {
  Id: string;
  Names?: string[];
  Image?: string;
  ImageID?: string;
  State?: string;
  Status?: string;
  Ports?: { PrivatePort: number; PublicPort?: number; Type: string }[];
  Mounts?: { Type: string; Name?: string }[];
  NetworkSettings?: { Networks?: Record<string, unknown> };
}
interface RawImage {
  Id: string;
  RepoTags?: string[] | null;
  Size?: number;
}
interface RawNetwork {
  Id: string;
  Name: string;
  Driver: string;
}
interface RawVolume {
  Name: string;
  Labels?: Record<string, string> | null;
}
