// libnetwork for one Docker host: the default networks, endpoints made when a container starts
// (an address from the network's IPAM, a MAC, published ports), and the sockets processes
// listen on, so an HTTP request can travel from the host (curl localhost:8080) or from another
// container (curl http://web/) to the process serving it.

import type { TraceOp } from '../core/trace';
import type { EndpointSettingsT } from '../daemon/apitypes';
import type { Container } from '../daemon/container';
import type { Daemon } from '../daemon/daemon';
import type { Network } from '../daemon/networks';
import { PortInUse, PortTable, type HttpHandler, type HttpRequest, type HttpResponse } from './ports';

export interface Listener {
  port: number;
  proto: string;
  handler: HttpHandler;
  pid: number;
}

export type HttpOutcome =
  | { ok: true; response: HttpResponse; remote: string }
  | { ok: false; error: 'resolve' | 'refused' | 'timeout' | 'unreachable'; host: string; port: number };

const HOSTS_HEADER = `127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::\tip6-localnet
ff00::\tip6-mcastprefix
ff02::1\tip6-allnodes
ff02::2\tip6-allrouters
`;

export class NetworkPlumbing {
  readonly ports = new PortTable();
  readonly listeners = new Map<string, Listener[]>(); // container id -> sockets

  constructor(private readonly d: Daemon) {}

  /** Creates bridge, host and none, as dockerd does at its first start. */
  createDefaults(): void {
    const d = this.d;
    const mk = (name: string, driver: string, subnets: Network['subnets'], options: Record<string, string>): Network => ({
      id: d.world.rng.id64(),
      name,
      created: d.stamp(),
      scope: 'local',
      driver,
      enableIPv4: true,
      enableIPv6: false,
      ipamDriver: 'default',
      ipamOptions: null,
      subnets,
      internal: false,
      attachable: false,
      ingress: false,
      configOnly: false,
      configFrom: '',
      options,
      labels: {},
      endpoints: new Map(),
      allocated: new Set(),
      builtin: true,
    });
    d.networks.add(
      mk('bridge', 'bridge', [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }], {
        'com.docker.network.bridge.default_bridge': 'true',
        'com.docker.network.bridge.enable_icc': 'true',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
        'com.docker.network.bridge.name': 'docker0',
        'com.docker.network.driver.mtu': '1500',
      }),
    );
    d.networks.add(mk('host', 'host', [], {}));
    d.networks.add(mk('none', 'null', [], {}));
  }

  private mac(): string {
    const r = this.d.world.rng;
    const first = (r.int(256) & 0xfe) | 0x02; // locally administered, unicast
    return [first, r.int(256), r.int(256), r.int(256), r.int(256), r.int(256)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  }

  connect(c: Container, op: TraceOp): void {
    const mode = c.hostConfig.NetworkMode;
    if (mode.startsWith('container:')) return;
    c.sandboxId = this.d.world.rng.id64();
    const joined: Network[] = [];
    for (const [name] of c.networks) {
      const found = this.d.networks.find(name);
      const n = found && !Array.isArray(found) ? found : undefined;
      if (!n) continue;
      this.join(c, n, op);
      joined.push(n);
    }
    try {
      if (mode !== 'host' && mode !== 'none') this.bindPorts(c);
    } catch (e) {
      if (e instanceof PortInUse && joined[0]) e.endpointId = c.networks.get(joined[0].name)?.EndpointID ?? '';
      for (const n of joined) this.leave(c, n, c.networks.get(n.name)!);
      throw e;
    }
    this.writeHosts(c);
    for (const n of joined) this.d.event('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
  }

  /** docker network connect on a running container. */
  connectOne(c: Container, n: Network, op: TraceOp): void {
    this.join(c, n, op);
    this.writeHosts(c);
    this.d.event('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
  }

  disconnectOne(c: Container, n: Network): void {
    const ep = c.networks.get(n.name);
    if (ep && n.endpoints.has(c.id)) this.leave(c, n, ep);
    this.writeHosts(c);
    this.d.event('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
  }

  /** An endpoint on one network: address, MAC, DNS names. */
  private join(c: Container, n: Network, op: TraceOp): void {
    const d = this.d;
    const settings = c.networks.get(n.name)!;
    Object.assign(settings, blankEndpoint(), {
      IPAMConfig: settings.IPAMConfig ?? null,
      Aliases: settings.Aliases ?? null,
      Links: settings.Links ?? null,
      DriverOpts: settings.DriverOpts ?? null,
    });
    settings.NetworkID = n.id;
    settings.EndpointID = d.world.rng.id64();
    if (n.driver === 'bridge' || n.driver === 'overlay') {
      const a = d.networks.allocateIp(n, settings.IPAMConfig?.IPv4Address);
      if (a) {
        settings.IPAddress = a.ip;
        settings.IPPrefixLen = a.prefixLen;
        settings.Gateway = a.gateway;
      }
      settings.MacAddress = this.mac();
      if (!n.builtin) settings.DNSNames = [c.bareName, c.shortId(), ...(settings.Aliases ?? [])];
    }
    n.endpoints.set(c.id, {
      containerId: c.id,
      name: c.bareName,
      endpointId: settings.EndpointID,
      mac: settings.MacAddress,
      ipv4: settings.IPAddress,
      prefixLen: settings.IPPrefixLen,
      aliases: settings.Aliases ?? [],
    });
    d.hop(op, 'dockerd', 'dockerd', `libnetwork: join ${n.name}${settings.IPAddress ? ` as ${settings.IPAddress}` : ''}`, { object: c.id });
  }

  private bindPorts(c: Container): void {
    const want: { cport: number; proto: string; hostIp: string; hostPort: string }[] = [];
    const pb = c.hostConfig.PortBindings ?? {};
    for (const [key, list] of Object.entries(pb)) {
      const [p, proto = 'tcp'] = key.split('/');
      for (const b of list ?? [{ HostIp: '', HostPort: '' }]) want.push({ cport: Number(p), proto, hostIp: b.HostIp ?? '', hostPort: b.HostPort ?? '' });
    }
    if (c.hostConfig.PublishAllPorts) {
      for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
        if (key in pb) continue;
        const [p, proto = 'tcp'] = key.split('/');
        want.push({ cport: Number(p), proto, hostIp: '', hostPort: '' });
      }
    }
    const bound: Container['boundPorts'] = [];
    try {
      for (const w of want) {
        const port = w.hostPort === '' ? this.ports.ephemeral(w.proto) : Number(w.hostPort.split('-')[0]);
        const ips = w.hostIp === '' ? ['0.0.0.0', '::'] : [w.hostIp];
        for (const ip of ips) {
          this.ports.bind({ hostIp: ip, hostPort: port, proto: w.proto, containerId: c.id, containerPort: w.cport });
          bound.push({ hostIp: ip, hostPort: port, containerPort: w.cport, proto: w.proto });
        }
      }
    } catch (e) {
      this.ports.unbindContainer(c.id);
      throw e;
    }
    c.boundPorts = bound;
  }

  private leave(c: Container, n: Network, ep: EndpointSettingsT): void {
    if (ep.IPAddress) this.d.networks.releaseIp(n, ep.IPAddress);
    n.endpoints.delete(c.id);
    const keep = { IPAMConfig: ep.IPAMConfig, Links: ep.Links, Aliases: ep.Aliases, DriverOpts: ep.DriverOpts, NetworkID: ep.NetworkID };
    Object.assign(ep, blankEndpoint(), keep);
  }

  disconnect(c: Container): void {
    const d = this.d;
    this.ports.unbindContainer(c.id);
    c.boundPorts = [];
    this.listeners.delete(c.id);
    if (c.hostConfig.NetworkMode.startsWith('container:')) return;
    c.sandboxId = '';
    for (const [, ep] of c.networks) {
      const n = d.networks.networks.get(ep.NetworkID);
      if (!n || !n.endpoints.has(c.id)) continue;
      this.leave(c, n, ep);
      d.event('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
    }
  }

  /** /etc/hosts as the daemon writes it: the standard entries, then the container's addresses. */
  writeHosts(c: Container): void {
    let text = HOSTS_HEADER;
    for (const [, ep] of c.networks) if (ep.IPAddress) text += `${ep.IPAddress}\t${c.config.Hostname}\n`;
    try {
      c.fs.writeFile('/etc/hosts', text);
      c.fs.writeFile('/etc/resolv.conf', this.resolvConf(c));
      // the daemon's hostname file is mounted too (it shows in a volume mounted on /etc)
      c.fs.writeFile('/etc/hostname', `${c.config.Hostname}\n`);
    } catch {
      // a read-only rootfs keeps what the init layer had
    }
  }

  private resolvConf(c: Container): string {
    const userDefined = [...c.networks.keys()].some((n) => {
      const net = this.d.networks.byName(n);
      return net !== undefined && !net.builtin;
    });
    if (userDefined) return '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/etc/resolv.conf\' (internal resolver)\n# ExtServers: [host(192.168.65.7)]\n# Overrides: []\n# Option ndots from: internal\n';
    return '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 192.168.65.7\n\n# Based on host file: \'/etc/resolv.conf\' (legacy)\n# Overrides: []\n';
  }

  // ---- sockets -------------------------------------------------------------------------------

  listen(c: Container, l: Listener): void {
    const list = this.listeners.get(c.id) ?? [];
    list.push(l);
    this.listeners.set(c.id, list);
  }

  unlistenPid(c: Container, pid: number): void {
    const list = this.listeners.get(c.id);
    if (list) this.listeners.set(c.id, list.filter((l) => l.pid !== pid));
  }

  /** The container an address reaches: a name or alias (user networks), or an IP on any network. */
  resolve(host: string, from: Container | null): Container | undefined {
    const d = this.d;
    for (const c of d.containers.values()) {
      if (!c.running) continue;
      for (const [, ep] of c.networks) if (ep.IPAddress === host) return c;
    }
    if (!from) return undefined;
    // embedded DNS: only on user-defined networks the asking container shares
    for (const [name] of from.networks) {
      const n = d.networks.byName(name);
      if (!n || n.builtin) continue;
      for (const ep of n.endpoints.values()) {
        const c = d.containers.get(ep.containerId);
        if (!c) continue;
        if (ep.name === host || ep.aliases.includes(host) || c.shortId() === host) return c;
      }
    }
    return undefined;
  }

  /** An HTTP request made on this host, from the host itself (from = null) or a container. */
  http(from: Container | null, host: string, port: number, req: Omit<HttpRequest, 'remoteAddr' | 'host'>): HttpOutcome {
    let target: Container | undefined;
    let cport = port;
    let remote: string;
    const local = host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host === this.d.info.ip || host === this.d.name;
    if (from === null && local) {
      const b = this.ports.lookup(port, 'tcp', host === 'localhost' ? '127.0.0.1' : host);
      if (!b) return { ok: false, error: 'refused', host, port };
      target = this.d.containers.get(b.containerId);
      cport = b.containerPort;
      remote = this.gatewayOf(target) || '172.17.0.1';
    } else if (from !== null && (host === 'localhost' || host === '127.0.0.1')) {
      target = from;
      remote = '127.0.0.1';
    } else {
      target = this.resolve(host, from);
      if (!target) {
        if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { ok: false, error: 'timeout', host, port };
        return { ok: false, error: 'resolve', host, port };
      }
      remote = from ? ([...from.networks.values()][0]?.IPAddress ?? '') : this.gatewayOf(target);
    }
    if (!target || !target.running) return { ok: false, error: 'refused', host, port };
    if (target.status === 'paused') return { ok: false, error: 'timeout', host, port };
    const l = (this.listeners.get(target.id) ?? []).find((x) => x.port === cport && x.proto === 'tcp');
    if (!l) return { ok: false, error: 'refused', host, port };
    const response = l.handler({ ...req, remoteAddr: remote, host: port === 80 ? host : `${host}:${port}` });
    return { ok: true, response, remote };
  }

  private gatewayOf(c: Container | undefined): string {
    if (!c) return '';
    for (const [, ep] of c.networks) if (ep.Gateway) return ep.Gateway;
    return '';
  }
}

export function blankEndpoint(): EndpointSettingsT {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  };
}
