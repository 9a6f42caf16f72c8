/**
 * DisplayablePorts (cli/command/formatter/container.go): the PORTS column of `docker ps`.
 */

/** A port as the Engine API lists it on a container summary. */
export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** net.JoinHostPort: brackets around hosts that contain ':' (IPv6). */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ai = a.IP ?? '';
  const bi = b.IP ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  const ap = a.PublicPort ?? 0;
  const bp = b.PublicPort ?? 0;
  if (ap !== bp) return ap - bp;
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let groupType = parts[0]!;
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0]!;
    groupType = parts[1]!;
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${groupType}`;
}

/**
 * `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`, `80/tcp`, `8000-8002/tcp`: sorted by private
 * port, IP, public port, type; consecutive ports grouped into ranges; mappings whose
 * public port differs from the private port listed individually at the end.
 */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    const current = port.PrivatePort;
    let key = port.Type;
    const ip = port.IP ?? '';
    const pub = port.PublicPort ?? 0;
    if (ip !== '') {
      if (pub !== current) {
        hostMappings.push(`${joinHostPort(ip, pub)}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${ip}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      keys.push(key);
      continue;
    }
    if (current === ((group.last + 1) & 0xffff)) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const key of keys) {
    const g = groups.get(key)!;
    result.push(formGroup(key, g.first, g.last));
  }
  result.push(...hostMappings);
  return result.join(', ');
}
