// The host's view of the network, for curl, wget and ping: name resolution (/etc/hosts, the
// host's own name; no DNS beyond it, and containers' names are not known to the host, as on a
// real machine), the addresses that answer (the host, its bridges' gateways, running
// containers) and HTTP requests through the simulator's /_sim/http route.

import type { EngineClient } from '../engine-client';
import type { FileSystem } from '../vfs';

export interface HttpAnswer {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpOutcome =
  | { ok: true; response: HttpAnswer }
  | { ok: false; error: 'resolve' | 'refused' | 'timeout' | 'unreachable'; host: string; port: number };

/** An HTTP request made from the host's shell (reaches published ports and container IPs). */
export async function hostHttp(engine: EngineClient, req: { url: string; method: string; headers: Record<string, string>; body: string }): Promise<HttpOutcome> {
  const res = await engine.transport.fetch(
    new Request('http://docker/_sim/http', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) }),
  );
  const data = (await res.json()) as HttpOutcome & { message?: string };
  if (res.status !== 200) throw new Error(data.message ?? `HTTP ${res.status}`);
  return data;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

function ipNum(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

export function inSubnet(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  if (!base || !isIPv4(base) || !isIPv4(ip)) return false;
  const n = Number(bits ?? '32');
  const size = 2 ** (32 - n);
  return Math.floor(ipNum(ip) / size) === Math.floor(ipNum(base) / size);
}

/** Looks a name up as the host's resolver does: /etc/hosts, then the host's own name. */
export function resolveName(name: string, fs: FileSystem | undefined, hostname: string): string | null {
  if (isIPv4(name)) return name;
  let hosts = '';
  try {
    hosts = fs?.readFile('/etc/hosts') ?? '';
  } catch {
    hosts = '';
  }
  for (const line of hosts.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length >= 2 && isIPv4(fields[0]!) && fields.slice(1).includes(name)) return fields[0]!;
  }
  if (name === 'localhost' || name === 'localhost.localdomain' || name === 'ip6-localhost') return '127.0.0.1';
  if (name === hostname) return '127.0.1.1';
  return null;
}

/** What an ICMP echo to `ip` gets: a reply, "Destination Host Unreachable" from a gateway, or nothing. */
export type EchoFate = { kind: 'reply'; local: boolean } | { kind: 'unreachable'; from: string } | { kind: 'silent' };

interface ContainerLite {
  State?: string;
  NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> };
}
interface NetworkLite {
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null };
}

/** Decides the fate of an echo request from the host, from the World's containers and networks. */
export async function echoFate(engine: EngineClient, ip: string, hostIp: string): Promise<EchoFate> {
  if (ip.startsWith('127.') || ip === hostIp || ip === '0.0.0.0') return { kind: 'reply', local: true };
  const [containers, networks] = await Promise.all([
    engine.json<ContainerLite[]>('GET', '/containers/json').catch(() => [] as ContainerLite[]),
    engine.json<NetworkLite[]>('GET', '/networks').catch(() => [] as NetworkLite[]),
  ]);
  for (const n of networks) for (const c of n.IPAM?.Config ?? []) if (c.Gateway === ip) return { kind: 'reply', local: true };
  for (const c of containers) {
    for (const ep of Object.values(c.NetworkSettings?.Networks ?? {})) {
      if (ep.IPAddress === ip) return { kind: 'reply', local: false };
    }
  }
  for (const n of networks) {
    for (const c of n.IPAM?.Config ?? []) {
      if (c.Subnet && c.Gateway && inSubnet(ip, c.Subnet)) return { kind: 'unreachable', from: c.Gateway };
    }
  }
  return { kind: 'silent' };
}

/** A small deterministic generator for round-trip times. */
export function jitter(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return () => {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    return h / 2 ** 32;
  };
}

export const HTTP_REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  /** path and query */
  path: string;
  /** the URL as curl and wget print it (scheme://host[:port]/path) */
  href: string;
  /** host[:port] as the Host header carries it */
  authority: string;
}

/** Parses a URL as curl does (no scheme means http). Null when it is not one. */
export function parseUrl(raw: string): ParsedUrl | null {
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return null;
  }
  const scheme = u.protocol.replace(/:$/, '');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (host === '') return null;
  const defPort = scheme === 'https' ? 443 : 80;
  const port = u.port ? Number(u.port) : defPort;
  const authority = u.port ? `${u.hostname}:${u.port}` : u.hostname;
  const path = (u.pathname || '/') + u.search;
  return { scheme, host, port, path, href: `${scheme}://${authority}${path}`, authority };
}
