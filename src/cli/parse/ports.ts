// Port specifications as go-connections' nat package reads them ("8080:80", "127.0.0.1:80:80/udp",
// "8000-8010:80"), with its error texts. Used by `-p` of run/create and `--publish` of services.
import { GoError, parseUintBase10 } from './go';
import { parseIP } from './ip';

export interface PortMapping {
  /** container port */
  port: number;
  proto: string;
  hostIP: string;
  /** host port text as docker sends it ("8080", "8000-8010", or "" for a random port) */
  hostPort: string;
  hostPortStart?: number;
  hostPortEnd?: number;
}

/** nat.ParsePortRange */
export function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new GoError('empty string specified for ports');
  if (!ports.includes('-')) {
    const v = Number(parseUintBase10(ports, 16));
    return [v, v];
  }
  const parts = ports.split('-');
  const start = Number(parseUintBase10(parts[0], 16));
  const end = Number(parseUintBase10(parts[1], 16));
  if (end < start) throw new GoError(`invalid range specified for port: ${ports}`);
  return [start, end];
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1];
  switch (n) {
    case 1: return ['', '', container];
    case 2: return ['', parts[0], container];
    case 3: return [parts[0], parts[1], container];
    default: return [parts.slice(0, n - 2).join(':'), parts[n - 2], container];
  }
}

function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw.length === 0 || parts[0].length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1].length === 0) return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** nat.ParsePortSpec */
export function parsePortSpec(raw: string): PortMapping[] {
  let [ip, hostPort, containerPort] = splitParts(raw);
  let proto: string;
  [proto, containerPort] = splitProtoPort(containerPort);
  if (ip !== '' && ip[0] === '[') {
    const m = /^\[([^\]]*)\]$/.exec(ip);
    if (!m) throw new GoError(`invalid IP address ${ip}: address ${ip}:: missing port in address`);
    ip = m[1];
  }
  if (ip !== '' && !parseIP(ip)) throw new GoError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new GoError(`no port specified: ${raw}<empty>`);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new GoError(`invalid containerPort: ${containerPort}`);
  }
  let hStart = 0;
  let hEnd = 0;
  if (hostPort.length > 0) {
    try {
      [hStart, hEnd] = parsePortRange(hostPort);
    } catch {
      throw new GoError(`invalid hostPort: ${hostPort}`);
    }
  }
  if (hostPort !== '' && end - start !== hEnd - hStart && end !== start) {
    throw new GoError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new GoError(`invalid proto: ${proto}`);
  const out: PortMapping[] = [];
  for (let i = 0; i <= end - start; i++) {
    let hp = hostPort;
    let hs: number | undefined;
    let he: number | undefined;
    if (hostPort.length > 0) {
      hs = hStart + i;
      he = hs;
      hp = String(hs);
    }
    if (start === end && hStart !== hEnd) {
      hp = `${hp}-${hEnd}`;
      he = hEnd;
    }
    out.push({ port: start + i, proto: proto.toLowerCase(), hostIP: ip, hostPort: hp, hostPortStart: hs, hostPortEnd: he });
  }
  return out;
}
