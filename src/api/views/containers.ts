// JSON views of containers as the Engine API returns them (moby api/types/container at
// v28.2.2): GET /containers/{id}/json and GET /containers/json. Field order is Go's.

import { encodeOrdered } from '../../sim/core/gotypes';
import { rfc3339Nano } from '../../sim/core/time';
import { Config, EndpointSettings, HostConfig } from '../../sim/daemon/apitypes';
import type { Container } from '../../sim/daemon/container';
import type { Daemon } from '../../sim/daemon/daemon';
import { layerCacheDir } from '../../sim/daemon/image-service';
import { sha256Digest } from '../../sim/registry/digest';

const LIB = '/var/lib/docker';

function portsMap(c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (!c.running || c.status === 'restarting') return out;
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) out[p] = null;
  for (const b of c.boundPorts) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = out[key] ?? [];
    list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
    out[key] = list;
  }
  return sortKeys(out);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const r: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) r[k] = o[k]!;
  return r;
}

function networksJson(c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...c.networks.keys()].sort()) out[name] = encodeOrdered(EndpointSettings, c.networks.get(name));
  return out;
}

/** GET /containers/{id}/json */
export function containerInspect(d: Daemon, c: Container, size = false): Record<string, unknown> {
  const bridge = c.networks.get('bridge');
  const hostConfig = encodeOrdered(HostConfig, c.hostConfig) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: c.stateJson(),
    Image: c.imageId,
    ResolvConfPath: `${LIB}/containers/${c.id}/resolv.conf`,
    HostnamePath: `${LIB}/containers/${c.id}/hostname`,
    HostsPath: `${LIB}/containers/${c.id}/hosts`,
    LogPath: c.hostConfig.LogConfig.Type === 'json-file' ? `${LIB}/containers/${c.id}/${c.id}-json.log` : '',
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: c.platform,
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: c.hostConfig.Privileged ? 'unconfined' : 'docker-default',
    ExecIDs: c.execIds.length > 0 ? [...c.execIds] : null,
    HostConfig: hostConfig,
    GraphDriver: containerGraphDriver(d, c),
  };
  if (size) {
    out.SizeRw = c.sizeRw();
    out.SizeRootFs = c.sizeRw() + d.images.imageSize(d.images.get(c.imageId)!);
  }
  out.Mounts = c.mounts.map(mountJson);
  out.Config = encodeOrdered(Config, c.config);
  out.NetworkSettings = {
    Bridge: '',
    SandboxID: c.sandboxId,
    SandboxKey: c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
    Ports: portsMap(c),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: bridge?.MacAddress ?? '',
    Networks: networksJson(c),
  };
  return out;
}

export function mountJson(m: Container['mounts'][number]): Record<string, unknown> {
  const o: Record<string, unknown> = { Type: m.Type };
  if (m.Name) o.Name = m.Name;
  o.Source = m.Source;
  o.Destination = m.Destination;
  if (m.Driver) o.Driver = m.Driver;
  o.Mode = m.Mode;
  o.RW = m.RW;
  o.Propagation = m.Propagation;
  return o;
}

/** The Ports array of GET /containers/json. */
export function portsList(c: Container): { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] {
  const out: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] = [];
  const published = new Set<string>();
  if (c.running) {
    for (const b of c.boundPorts) {
      out.push({ IP: b.hostIp, PrivatePort: b.containerPort, PublicPort: b.hostPort, Type: b.proto });
      published.add(`${b.containerPort}/${b.proto}`);
    }
  }
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) {
    if (published.has(p)) continue;
    const [port, proto = 'tcp'] = p.split('/');
    out.push({ PrivatePort: Number(port), Type: proto });
  }
  return out;
}

const summaryCache = new WeakMap<Container, { key: string; head: string; tail: string }>();

interface ListEntry {
  key: string;
  list: Container[];
  /** the time the statuses were computed at */
  now: number;
  statuses: string[];
  /** each container's JSON text */
  items: string[];
  bytes: Uint8Array<ArrayBuffer>;
}
const listCache = new WeakMap<Daemon, ListEntry>();
const encoder = new TextEncoder();

/**
 * The body of GET /containers/json. The selection and each item's JSON are cached until the
 * daemon changes; as time passes, only the items whose Status string changed are made again,
 * and the body is encoded again only when one did (at the same time nothing is computed).
 */
export function containerListBody(d: Daemon, query: string, size: boolean, select: () => Container[], item: (c: Container) => string): Uint8Array<ArrayBuffer> {
  const key = `${d.version}|${query}`;
  const now = d.now();
  const hit = listCache.get(d);
  if (hit && hit.key === key && !size) {
    if (hit.now === now) return hit.bytes;
    let changed = false;
    for (let i = 0; i < hit.list.length; i++) {
      const status = hit.list[i]!.statusText(now);
      if (status === hit.statuses[i]) continue;
      hit.statuses[i] = status;
      hit.items[i] = item(hit.list[i]!);
      changed = true;
    }
    hit.now = now;
    if (changed) hit.bytes = encoder.encode(`[${hit.items.join(',')}]\n`);
    return hit.bytes;
  }
  const list = hit && hit.key === key ? hit.list : select();
  const items = list.map(item);
  const bytes = encoder.encode(`[${items.join(',')}]\n`);
  listCache.set(d, { key, list, now, statuses: list.map((c) => c.statusText(now)), items, bytes });
  return bytes;
}

/**
 * One item of GET /containers/json as JSON text. Everything but Status is cached until the
 * daemon changes (its version); Status depends on the time and is computed per request.
 */
export function containerSummaryJson(d: Daemon, c: Container, size: boolean, imageRef: string): string {
  const key = `${d.version}|${size}|${imageRef}`;
  let e = summaryCache.get(c);
  if (!e || e.key !== key) {
    const obj = containerSummary(d, c, size, imageRef);
    const marker = '\u0000status\u0000';
    obj.Status = marker;
    const text = JSON.stringify(obj);
    const at = text.indexOf(JSON.stringify(marker));
    e = { key, head: text.slice(0, at), tail: text.slice(at + JSON.stringify(marker).length) };
    summaryCache.set(c, e);
  }
  return `${e.head}${JSON.stringify(c.statusText(d.now()))}${e.tail}`;
}

/** One item of GET /containers/json. */
export function containerSummary(d: Daemon, c: Container, size: boolean, imageRef: string): Record<string, unknown> {
  const command = [c.path, ...c.args].join(' ');
  const out: Record<string, unknown> = {
    Id: c.id,
    Names: [c.name],
    Image: imageRef,
    ImageID: c.imageId,
    Command: command,
    Created: Math.floor(c.created.ms / 1000),
    Ports: portsList(c),
  };
  if (size) {
    const rw = c.sizeRw();
    if (rw) out.SizeRw = rw;
    const img = d.images.get(c.imageId);
    const rootfs = rw + (img ? d.images.imageSize(img) : 0);
    if (rootfs) out.SizeRootFs = rootfs;
  }
  out.Labels = c.config.Labels ?? {};
  out.State = c.status === 'removed' ? 'removing' : c.status;
  out.Status = c.statusText(d.now());
  out.HostConfig = { NetworkMode: c.hostConfig.NetworkMode };
  out.NetworkSettings = { Networks: networksJson(c) };
  out.Mounts = c.mounts.map(mountJson);
  return out;
}

/**
 * overlay2's metadata of the container's mount (moby layer/mounted_layer.go): "ID" is the
 * container, the directories are the mount's (moby: a random id; here derived from the
 * container's), its -init layer, then the image's layers, top first — the same directories
 * image inspect shows.
 */
function containerGraphDriver(d: Daemon, c: Container): { Data: Record<string, string>; Name: string } {
  const mount = `${LIB}/overlay2/${sha256Digest(`mount:${c.id}`).slice(7)}`;
  const chain = d.images.get(c.imageId)?.chain ?? [];
  const lower = [`${mount}-init/diff`, ...[...chain].reverse().map((id) => `${layerCacheDir(id)}/diff`)];
  return {
    Data: { ID: c.id, LowerDir: lower.join(':'), MergedDir: `${mount}/merged`, UpperDir: `${mount}/diff`, WorkDir: `${mount}/work` },
    Name: 'overlay2',
  };
}
