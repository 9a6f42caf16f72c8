// JSON views of containers as the Engine API returns them (moby api/types/container at
// v28.2.2): GET /containers/{id}/json and GET /containers/json. Field order is Go's.

import { encodeOrdered } from '../../sim/core/gotypes';
import { rfc3339Nano } from '../../sim/core/time';
import { Config, EndpointSettings, HostConfig } from '../../sim/daemon/apitypes';
import type { Container } from '../../sim/daemon/container';
import type { Daemon } from '../../sim/daemon/daemon';
import { layerCacheDir } from '../../sim/daemon/image-service';
import { sha256Digest } from '../../sim/registry/digest';
import type { LentBytes } from '../http';

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

/** One item of GET /containers/json as UTF-8 before and after its Status, which depends on the time. */
export interface SummaryParts {
  key: string;
  head: Uint8Array;
  tail: Uint8Array;
}
const summaryCache = new WeakMap<Container, SummaryParts>();

/** A buffer a list body is written in (with room for Statuses to grow), and who holds it. */
class BodyBuffer {
  /** responses it is lent to and not given back */
  holders = 0;
  /** a reader of a response keeps it: never to be written over */
  kept = false;
  constructor(readonly buf: Uint8Array<ArrayBuffer>) {}
}

const withRoom = (length: number) => new BodyBuffer(new Uint8Array(length + (length >> 6)));

interface ListEntry {
  key: string;
  list: Container[];
  /** the time the statuses were brought up to date at */
  now: number;
  /** the earliest time one of them may read differently */
  due: number;
  statuses: string[];
  /** per item: the time its Status may read differently */
  changesAt: Float64Array;
  /** per item: where its Status (a JSON string) starts in `bytes`, and its length */
  at: Int32Array;
  len: Int32Array;
  /** the body: the start of `body`'s buffer */
  bytes: Uint8Array<ArrayBuffer>;
  body: BodyBuffer;
  /** a buffer of an earlier body that nobody holds any more, to write the next one in */
  spare: BodyBuffer | null;
}
const listCache = new WeakMap<Daemon, ListEntry>();
const encoder = new TextEncoder();
const COMMA = 0x2c;

const statusBytes = (status: string) => encoder.encode(JSON.stringify(status));

/**
 * The body of GET /containers/json. The selection and each item's bytes are cached until the
 * daemon changes. As time passes, only the Statuses that may read differently are computed
 * again (each container says when its own may: the next second, minute or half hour), and when
 * one does, the new body is the previous one copied with those Statuses replaced, into the
 * buffer of an earlier body that every response has given back (hosts that write the bytes
 * themselves give them back; readers of a body keep it). At the same time, or before any
 * Status changes, the previous body is the answer.
 */
export function containerListBody(d: Daemon, query: string, size: boolean, select: () => Container[], parts: (c: Container) => SummaryParts): LentBytes {
  const key = `${d.version}|${query}`;
  const now = d.now();
  const hit = listCache.get(d);
  // a reader may have transferred the bytes it read (their buffer detached): made again then
  if (hit && hit.key === key && !size && hit.bytes.length > 0) {
    if (now < hit.now || now >= hit.due) updateStatuses(hit, now);
    return lend(hit);
  }
  const entry = buildList(key, hit && hit.key === key ? hit.list : select(), now, parts);
  if (size) return { bytes: entry.bytes };
  listCache.set(d, entry);
  return lend(entry);
}

function lend(e: ListEntry): LentBytes {
  const b = e.body;
  b.holders++;
  return {
    bytes: e.bytes,
    release: (reusable) => {
      b.holders--;
      if (!reusable) b.kept = true;
      if (b !== e.body && b.holders === 0 && !b.kept && !e.spare) e.spare = b;
    },
  };
}

function buildList(key: string, list: Container[], now: number, parts: (c: Container) => SummaryParts): ListEntry {
  const n = list.length;
  const items = list.map(parts);
  const statuses = list.map((c) => c.statusText(now));
  const changesAt = new Float64Array(n);
  const len = new Int32Array(n);
  let due = Infinity;
  let total = n > 0 ? 3 + n - 1 : 3;
  for (let i = 0; i < n; i++) {
    len[i] = statusLength(statuses[i]!);
    total += items[i]!.head.length + len[i]! + items[i]!.tail.length;
    changesAt[i] = list[i]!.statusChangesAt(now);
    if (changesAt[i]! < due) due = changesAt[i]!;
  }
  const body = withRoom(total);
  const bytes = body.buf.subarray(0, total);
  const at = new Int32Array(n);
  let o = 0;
  bytes[o++] = 0x5b; // [
  for (let i = 0; i < n; i++) {
    if (i > 0) bytes[o++] = COMMA;
    const { head, tail } = items[i]!;
    bytes.set(head, o);
    o += head.length;
    at[i] = o;
    o = writeStatus(bytes, o, statuses[i]!);
    bytes.set(tail, o);
    o += tail.length;
  }
  bytes[o++] = 0x5d; // ]
  bytes[o++] = 0x0a;
  return { key, list, now, due, statuses, changesAt, at, len, bytes, body, spare: null };
}

/** Whether `s` is in JSON itself between quotes, a byte a character (as Statuses are). */
const plain = (s: string): boolean => /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(s);

/** The length of a Status as a JSON string in UTF-8. */
const statusLength = (status: string): number => (plain(status) ? status.length + 2 : statusBytes(status).length);

/** Writes a Status as a JSON string at `o` in `out`; returns its end. */
function writeStatus(out: Uint8Array, o: number, status: string): number {
  if (!plain(status)) {
    const b = statusBytes(status);
    out.set(b, o);
    return o + b.length;
  }
  out[o++] = 0x22;
  for (let k = 0; k < status.length; k++) out[o++] = status.charCodeAt(k);
  out[o++] = 0x22;
  return o;
}

/**
 * Brings the Statuses of a cached list to `now`. When some read differently: written over the
 * old ones in the body itself when nobody holds it and each keeps its length ("Up 12 seconds"
 * → "Up 13 seconds"), else into a new body, the old one's bytes between them.
 */
function updateStatuses(e: ListEntry, now: number): void {
  const back = now < e.now; // the clock never goes back; if it did, everything is computed again
  const n = e.list.length;
  const changed: number[] = [];
  let grow = 0;
  let sameLengths = true;
  let due = Infinity;
  for (let i = 0; i < n; i++) {
    if (back || e.changesAt[i]! <= now) {
      const c = e.list[i]!;
      e.changesAt[i] = c.statusChangesAt(now);
      const status = c.statusText(now);
      if (status !== e.statuses[i]) {
        e.statuses[i] = status;
        changed.push(i);
        const d = statusLength(status) - e.len[i]!;
        grow += d;
        if (d !== 0) sameLengths = false;
      }
    }
    if (e.changesAt[i]! < due) due = e.changesAt[i]!;
  }
  e.now = now;
  e.due = due;
  if (changed.length === 0) return;
  const prev = e.body;
  if (prev.holders === 0 && !prev.kept && sameLengths) {
    for (const i of changed) writeStatus(e.bytes, e.at[i]!, e.statuses[i]!);
    return;
  }
  // the new body: the old one's bytes between the changed Statuses, the new Statuses between
  const old = e.bytes;
  const length = old.length + grow;
  const next = e.spare && e.spare.buf.length >= length ? e.spare : withRoom(length);
  e.spare = null;
  const out = next.buf;
  let src = 0;
  let dst = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const a = e.at[i]!;
    if (changed[j] !== i) {
      e.at[i] = a + dst - src;
      continue;
    }
    j++;
    out.set(old.subarray(src, a), dst);
    dst += a - src;
    e.at[i] = dst;
    const end = writeStatus(out, dst, e.statuses[i]!);
    src = a + e.len[i]!;
    e.len[i] = end - dst;
    dst = end;
  }
  out.set(old.subarray(src), dst);
  e.body = next;
  e.bytes = out.subarray(0, length);
  if (prev.holders === 0 && !prev.kept) e.spare = prev;
}

/**
 * One item of GET /containers/json as the bytes around its Status. They are cached until the
 * daemon changes (its version); the Status depends on the time and is the list's to add.
 */
export function containerSummaryParts(d: Daemon, c: Container, size: boolean, imageRef: string): SummaryParts {
  const key = `${d.version}|${size}|${imageRef}`;
  let e = summaryCache.get(c);
  if (!e || e.key !== key) {
    const obj = containerSummary(d, c, size, imageRef);
    const marker = JSON.stringify('\u0000status\u0000');
    obj.Status = '\u0000status\u0000';
    const text = JSON.stringify(obj);
    const at = text.indexOf(marker);
    e = { key, head: encoder.encode(text.slice(0, at)), tail: encoder.encode(text.slice(at + marker.length)) };
    summaryCache.set(c, e);
  }
  return e;
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
