// Networks of one daemon: the defaults (bridge, host, none) and user-defined ones, with IPAM
// as libnetwork does it: the default bridge on 172.17.0.0/16, user networks taking the next
// free /16 from 172.17-31 then /20s of 192.168.0.0/16; the gateway gets .1 and containers the
// next free addresses. moby: daemon/libnetwork/ipamutils, drivers/bridge.

import type { Stamp } from '../core/time';

export interface Endpoint {
  containerId: string;
  name: string;
  endpointId: string;
  mac: string;
  ipv4: string; // "172.17.0.2"
  prefixLen: number;
  aliases: string[];
}

export interface Network {
  id: string;
  name: string;
  created: Stamp;
  scope: 'local' | 'swarm' | 'global';
  driver: string;
  enableIPv4: boolean;
  enableIPv6: boolean;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  /** Subnet config; empty for host/none. */
  subnets: { Subnet: string; Gateway?: string; IPRange?: string }[];
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  endpoints: Map<string, Endpoint>;
  /** Allocated IPv4 host numbers (offset from the subnet base). */
  allocated: Set<number>;
  builtin: boolean;
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function parseCidr(cidr: string): { base: number; bits: number } | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return null;
  const parts = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (parts.some((p) => p > 255) || bits > 32) return null;
  const ip = ipToInt(parts.join('.'));
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ip & mask) >>> 0, bits };
}

/** The default local address pools, in libnetwork's order, as /16 and /20 subnets. */
export function* defaultPools(): Generator<string> {
  for (let b = 17; b <= 31; b++) yield `172.${b}.0.0/16`;
  for (let c = 0; c < 256; c += 16) yield `192.168.${c}.0/20`;
}

export class NetworkStore {
  readonly networks = new Map<string, Network>();

  byName(name: string): Network | undefined {
    for (const n of this.networks.values()) if (n.name === name) return n;
    return undefined;
  }

  /** Finds by exact ID, exact name, then unique ID prefix (libnetwork's order). */
  find(ref: string): Network | Network[] | undefined {
    const exact = this.networks.get(ref);
    if (exact) return exact;
    const named = this.byName(ref);
    if (named) return named;
    const matches = [...this.networks.values()].filter((n) => n.id.startsWith(ref));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return matches;
    return undefined;
  }

  add(n: Network): void {
    this.networks.set(n.id, n);
  }

  remove(id: string): void {
    this.networks.delete(id);
  }

  subnetsInUse(): Set<number> {
    const s = new Set<number>();
    for (const n of this.networks.values()) for (const c of n.subnets) {
      const p = parseCidr(c.Subnet);
      if (p) s.add(p.base);
    }
    return s;
  }

  /** The next default pool subnet not used by any network. */
  nextSubnet(): string | null {
    const used = this.subnetsInUse();
    for (const cidr of defaultPools()) {
      const p = parseCidr(cidr)!;
      if (!used.has(p.base)) return cidr;
    }
    return null;
  }

  /** Allocates the next free address on a network; returns null when none is left. */
  allocateIp(n: Network, wanted?: string): { ip: string; prefixLen: number; gateway: string } | null {
    const cfg = n.subnets[0];
    if (!cfg) return null;
    const p = parseCidr(cfg.Subnet)!;
    const size = 2 ** (32 - p.bits);
    const gw = cfg.Gateway ? ipToInt(cfg.Gateway) - p.base : 1;
    if (wanted) {
      const i = ipToInt(wanted) - p.base;
      if (i > 0 && i < size - 1 && i !== gw && !n.allocated.has(i)) {
        n.allocated.add(i);
        return { ip: wanted, prefixLen: p.bits, gateway: intToIp(p.base + gw) };
      }
    }
    for (let i = 1; i < size - 1; i++) {
      if (i === gw || n.allocated.has(i)) continue;
      n.allocated.add(i);
      return { ip: intToIp(p.base + i), prefixLen: p.bits, gateway: intToIp(p.base + gw) };
    }
    return null;
  }

  releaseIp(n: Network, ip: string): void {
    const cfg = n.subnets[0];
    if (!cfg) return;
    const p = parseCidr(cfg.Subnet)!;
    n.allocated.delete(ipToInt(ip) - p.base);
  }

  gateway(n: Network): string {
    const cfg = n.subnets[0];
    if (!cfg) return '';
    if (cfg.Gateway) return cfg.Gateway;
    const p = parseCidr(cfg.Subnet)!;
    return intToIp(p.base + 1);
  }
}
