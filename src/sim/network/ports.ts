// Published ports of one Docker host (the port allocator and docker-proxy of libnetwork), and
// the listening sockets of processes inside containers. A request to a host port finds the
// container publishing it and then the process listening on the container port.

import { conflict } from '../core/errors';

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Address the request comes from, as the server sees it (e.g. the bridge gateway). */
  remoteAddr: string;
  /** Host header value. */
  host: string;
}

export interface HttpResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpHandler = (req: HttpRequest) => HttpResponse;

export interface Binding {
  hostIp: string;
  hostPort: number;
  proto: string;
  containerId: string;
  containerPort: number;
}

/** The kernel's ephemeral range that libnetwork allocates host ports from. */
export const EPHEMERAL_START = 32768;
export const EPHEMERAL_END = 60999;

export class PortTable {
  private readonly bindings: Binding[] = [];
  private lastEphemeral = EPHEMERAL_START - 1;

  all(): readonly Binding[] {
    return this.bindings;
  }

  private clash(ip: string, port: number, proto: string): Binding | undefined {
    return this.bindings.find(
      (b) =>
        b.hostPort === port &&
        b.proto === proto &&
        (b.hostIp === ip || isAny(b.hostIp) || isAny(ip)) &&
        isV6(b.hostIp) === isV6(ip),
    );
  }

  /** Picks the next free ephemeral port, as libnetwork's allocator walks the range. */
  ephemeral(proto: string): number {
    for (let i = 0; i <= EPHEMERAL_END - EPHEMERAL_START; i++) {
      this.lastEphemeral = this.lastEphemeral >= EPHEMERAL_END ? EPHEMERAL_START : this.lastEphemeral + 1;
      if (!this.bindings.some((b) => b.hostPort === this.lastEphemeral && b.proto === proto)) return this.lastEphemeral;
    }
    throw conflict('no available ports');
  }

  /** Binds or throws libnetwork's "port is already allocated". */
  bind(b: Binding): void {
    if (this.clash(b.hostIp, b.hostPort, b.proto)) {
      throw new PortInUse(`Bind for ${joinHostPort(b.hostIp, b.hostPort)} failed: port is already allocated`);
    }
    this.bindings.push(b);
  }

  unbindContainer(id: string): void {
    for (let i = this.bindings.length - 1; i >= 0; i--) if (this.bindings[i]!.containerId === id) this.bindings.splice(i, 1);
  }

  lookup(port: number, proto = 'tcp', ip = '127.0.0.1'): Binding | undefined {
    const v6 = isV6(ip);
    return this.bindings.find((b) => b.hostPort === port && b.proto === proto && isV6(b.hostIp) === v6 && (isAny(b.hostIp) || b.hostIp === ip || (ip === 'localhost' && b.hostIp === '127.0.0.1')));
  }
}

export class PortInUse extends Error {
  /** The endpoint whose ports failed to bind (moby names it in the error). */
  endpointId = '';
}

function isAny(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::';
}

function isV6(ip: string): boolean {
  return ip.includes(':');
}

export function joinHostPort(ip: string, port: number): string {
  return isV6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}
