// Network operations of dockerd (moby daemon/network.go): create, remove, connect, disconnect,
// prune, with libnetwork's rules for the predefined networks.

import { conflict, DaemonError, forbidden, invalid, notFound } from '../core/errors';
import type { Filters } from '../core/filters';
import type { NetworkPlumbing } from '../network/plumbing';
import type { TraceOp } from '../core/trace';
import type { EndpointSettingsT } from './apitypes';
import type { ContainerService } from './containers';
import type { Daemon } from './daemon';
import { parseCidr, type Network } from './networks';

export interface NetworkCreate {
  Name: string;
  Driver: string;
  Internal: boolean;
  Attachable: boolean;
  EnableIPv6: boolean | null;
  IPAM: { Driver: string; Config: { Subnet?: string; Gateway?: string; IPRange?: string }[] | null; Options: Record<string, string> | null } | null;
  Options: Record<string, string> | null;
  Labels: Record<string, string> | null;
}

export class NetworkService {
  constructor(
    private readonly d: Daemon,
    private readonly net: NetworkPlumbing,
    private readonly containers: ContainerService,
  ) {}

  /** moby FindNetwork: exact ID, exact name, ID prefix; ambiguous matches are errors. */
  get(term: string): Network {
    const s = this.d.networks;
    const byId = s.networks.get(term);
    if (byId) return byId;
    const named = [...s.networks.values()].filter((n) => n.name === term);
    if (named.length === 1) return named[0]!;
    if (named.length > 1) throw invalid(`network ${term} is ambiguous (${named.length} matches found on name)`);
    const pre = [...s.networks.values()].filter((n) => n.id.startsWith(term));
    if (pre.length === 1) return pre[0]!;
    if (pre.length > 1) throw invalid(`network ${term} is ambiguous (${pre.length} matches found based on ID prefix)`);
    throw notFound(`network ${term} not found`);
  }

  create(req: NetworkCreate): { Id: string; Warning: string } {
    const d = this.d;
    if (req.Name === '') throw invalid('network name cannot be empty');
    if (['bridge', 'host', 'none'].includes(req.Name) || d.networks.byName(req.Name))
      throw conflict(`network with name ${req.Name} already exists`);
    const driver = req.Driver || 'bridge';
    if (!['bridge', 'overlay', 'macvlan', 'ipvlan', 'null', 'host'].includes(driver)) throw notFound(`plugin "${driver}" not found`);
    if (driver === 'host' || driver === 'null') throw forbidden(`only one instance of "${driver}" network is allowed`);
    if (driver === 'overlay' && !this.d.swarmActive) {
      throw new DaemonError('unavailable', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
    }
    let subnets: Network['subnets'] = [];
    for (const c of req.IPAM?.Config ?? []) {
      if (c.Subnet) {
        const p = parseCidr(c.Subnet);
        if (!p) throw invalid(`invalid CIDR address: ${c.Subnet}`);
        for (const other of d.networks.networks.values())
          for (const oc of other.subnets) {
            const o = parseCidr(oc.Subnet);
            if (o && overlaps(o, p)) throw forbidden(`Pool overlaps with other one on this address space`);
          }
      }
      subnets.push({ ...(c.Subnet ? { Subnet: c.Subnet } : {}), ...(c.IPRange ? { IPRange: c.IPRange } : {}), ...(c.Gateway ? { Gateway: c.Gateway } : {}) } as Network['subnets'][number]);
    }
    if (subnets.length === 0) {
      const next = d.networks.nextSubnet();
      if (!next) throw forbidden('all predefined address pools have been fully subnetted');
      const p = parseCidr(next)!;
      subnets = [{ Subnet: next, Gateway: intToIpStr(p.base + 1) }];
    }
    const n: Network = {
      id: d.world.rng.id64(),
      name: req.Name,
      created: d.stamp(),
      scope: driver === 'overlay' ? 'swarm' : 'local',
      driver,
      enableIPv4: true,
      enableIPv6: !!req.EnableIPv6,
      ipamDriver: req.IPAM?.Driver || 'default',
      ipamOptions: req.IPAM?.Options ?? {},
      subnets,
      internal: req.Internal,
      attachable: req.Attachable,
      ingress: false,
      configOnly: false,
      configFrom: '',
      options: req.Options ?? {},
      labels: req.Labels ?? {},
      endpoints: new Map(),
      allocated: new Set(),
      builtin: false,
    };
    d.networks.add(n);
    d.event('network', 'create', n.id, { name: n.name, type: driver });
    return { Id: n.id, Warning: '' };
  }

  remove(term: string): void {
    const n = this.get(term);
    if (n.builtin) throw forbidden(`${n.name} is a pre-defined network and cannot be removed`);
    if (n.endpoints.size > 0)
      throw forbidden(`error while removing network: network ${n.name} has active endpoints (name:${[...n.endpoints.values()].map((e) => `"${e.name}"`).join(' ')} id:${[...n.endpoints.values()].map((e) => `"${e.endpointId.slice(0, 12)}"`).join(' ')})`);
    for (const c of this.d.containers.values()) c.networks.delete(n.name);
    this.d.networks.remove(n.id);
    this.d.event('network', 'destroy', n.id, { name: n.name, type: n.driver });
  }

  connect(term: string, containerRef: string, settings: EndpointSettingsT | null, op: TraceOp): void {
    const n = this.get(term);
    const c = this.containers.get(containerRef);
    const mode = c.hostConfig.NetworkMode;
    if (n.name === 'host' || mode === 'host') throw forbidden('container cannot be disconnected from host network or connected to host network');
    if (mode === 'none' || n.name === 'none') throw forbidden('container cannot be connected to multiple networks with one of the networks in private (none) mode');
    if (c.networks.has(n.name)) throw forbidden(`endpoint with name ${c.bareName} already exists in network ${n.name}`);
    c.networks.set(n.name, { ...(settings ?? ({} as EndpointSettingsT)) });
    if (c.running) this.net.connectOne(c, n, op);
  }

  disconnect(term: string, containerRef: string, force: boolean): void {
    const n = this.get(term);
    const c = this.containers.get(containerRef);
    if (!c.networks.has(n.name)) {
      if (force) return;
      throw forbidden(`container ${c.id} is not connected to network ${n.name}`);
    }
    if (c.running) this.net.disconnectOne(c, n);
    c.networks.delete(n.name);
  }

  list(f: Filters): Network[] {
    f.validate(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);
    let list = [...this.d.networks.networks.values()];
    list = list.filter((n) => {
      if (!f.fuzzyMatch('id', n.id)) return false;
      if (f.has('name') && !f.match('name', n.name)) return false;
      if (!f.exactMatch('driver', n.driver)) return false;
      if (!f.exactMatch('scope', n.scope)) return false;
      if (!f.matchKVList('label', n.labels)) return false;
      if (f.has('type')) {
        const t = n.builtin ? 'builtin' : 'custom';
        if (!f.exactMatch('type', t)) return false;
      }
      if (f.has('dangling')) {
        const dangling = !n.builtin && n.endpoints.size === 0 && ![...this.d.containers.values()].some((c) => c.networks.has(n.name));
        if (f.getBool('dangling', false) !== dangling) return false;
      }
      return true;
    });
    return list;
  }

  prune(f: Filters): { NetworksDeleted: string[] | null } {
    f.validate(['until', 'label', 'label!']);
    const deleted: string[] = [];
    for (const n of [...this.d.networks.networks.values()]) {
      if (n.builtin || n.endpoints.size > 0) continue;
      if ([...this.d.containers.values()].some((c) => c.networks.has(n.name))) continue;
      if (!f.matchKVList('label', n.labels)) continue;
      this.remove(n.id);
      deleted.push(n.name);
    }
    this.d.event('network', 'prune', '', { reclaimed: '0' });
    return { NetworksDeleted: deleted.length > 0 ? deleted : null };
  }
}

function overlaps(a: { base: number; bits: number }, b: { base: number; bits: number }): boolean {
  const bits = Math.min(a.bits, b.bits);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((a.base & mask) >>> 0) === ((b.base & mask) >>> 0);
}

function intToIpStr(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
