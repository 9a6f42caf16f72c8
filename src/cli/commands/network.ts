// docker network ls / create / rm / connect / disconnect / prune, docker volume ls / create /
// rm / prune.

import { CliError, errorText, isNotFound, type Cli, type Invocation } from '../cli';
import { loadConfigFile } from '../config';
import { FormatError, GoStruct, T, goMethod, headerContext, writeFormatted } from '../format';
import { goMap } from '../gojson';
import { CancelledError, confirm } from '../prompt';
import { naturalCompare } from '../sortorder';
import { formatGoTimeString, goTime, humanSize } from '../../units';
import { truncateID } from '../../reference';
import { filtersParam, withFilter } from './filters';
import { trimID } from './container/simple';

function write(cli: Cli, format: string, header: GoStruct, items: unknown[]): void {
  try {
    cli.out(writeFormatted(format, header, items));
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.message);
    throw e;
  }
}

function labelsText(labels: Record<string, string> | null | undefined): string {
  if (!labels) return '';
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

// ------------------------------------------------------------------ networks

interface NetworkSummary {
  Name: string;
  Id: string;
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv4?: boolean;
  EnableIPv6: boolean;
  Internal: boolean;
  Labels: Record<string, string> | null;
}

const NETWORK_HEADER = headerContext({
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
});

/** time.Time.String() of an RFC 3339 time from the daemon */
export function rfc3339ToGoString(s: string, zone = { name: 'UTC', offsetSeconds: 0 }): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return s;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  const frac = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  const millis = Number(frac.slice(0, 3));
  const ns = Number(frac.slice(3));
  return formatGoTimeString(goTime(ms + millis, ns), zone);
}

export async function runNetworkLs(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const quiet = f.get<boolean>('quiet');
  const query: Record<string, string> = {};
  const fp = filtersParam(f.get<Record<string, string[]>>('filter'));
  if (fp) query.filters = fp;
  const networks = (await cli.json<NetworkSummary[]>('GET', '/networks', { query })) ?? [];
  let format = f.get<string>('format');
  if (format.length === 0) {
    const cfg = loadConfigFile(cli).networksFormat;
    format = cfg && !quiet ? cfg : 'table';
  }
  if (format === 'table') format = quiet ? '{{.ID}}' : 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
  else if (format === 'raw') format = quiet ? 'network_id: {{.ID}}' : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
  networks.sort((a, b) => naturalCompare(a.Name, b.Name));
  const trunc = !f.get<boolean>('no-trunc');
  const items = networks.map((n) => {
    const m: Record<string, () => string> = {
      CreatedAt: () => rfc3339ToGoString(n.Created, cli.zone),
      Driver: () => n.Driver,
      ID: () => (trunc ? truncateID(n.Id) : n.Id),
      IPv4: () => String(n.EnableIPv4 ?? false),
      IPv6: () => String(n.EnableIPv6),
      Internal: () => String(n.Internal),
      Labels: () => labelsText(n.Labels),
      Name: () => n.Name,
      Scope: () => n.Scope,
    };
    return new GoStruct(
      '*network.networkContext',
      {},
      { ...m, Label: goMethod((name: string) => n.Labels?.[name] ?? '', T.string) },
      { json: () => Object.fromEntries(Object.entries(m).map(([k, fn]) => [k, fn()])) },
    );
  });
  write(cli, format, NETWORK_HEADER, items);
}

export async function runNetworkCreate(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const subnets = f.get<string[]>('subnet');
  const ipRanges = f.get<string[]>('ip-range');
  const gateways = f.get<string[]>('gateway');
  if (subnets.length < ipRanges.length || subnets.length < gateways.length) throw new CliError('every ip-range or gateway must have a corresponding subnet');
  const config = subnets.map((s) => ({ Subnet: s, IPRange: '', Gateway: '', AuxAddress: new Map<string, string>() }));
  const inSubnet = (subnet: string, addr: string) => cidrContains(subnet, addr);
  for (const r of ipRanges) {
    let match = false;
    for (const c of config) {
      if (!inSubnet(c.Subnet, r)) continue;
      if (c.IPRange !== '') throw new CliError(`cannot configure multiple ranges (${r}, ${c.IPRange}) on the same subnet (${c.Subnet})`);
      c.IPRange = r;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for range ${r}`);
  }
  for (const g of gateways) {
    let match = false;
    for (const c of config) {
      if (!inSubnet(c.Subnet, g)) continue;
      if (c.Gateway !== '') throw new CliError(`cannot configure multiple gateways (${g}, ${c.Gateway}) for the same subnet (${c.Subnet})`);
      c.Gateway = g;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for gateway ${g}`);
  }
  for (const [key, aa] of Object.entries(f.get<Record<string, string>>('aux-address'))) {
    let match = false;
    for (const c of config) {
      if (!inSubnet(c.Subnet, aa)) continue;
      c.AuxAddress.set(key, aa);
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for aux-address ${aa}`);
  }
  const labels = new Map<string, string>();
  for (const l of f.get<string[]>('label')) {
    const i = l.indexOf('=');
    labels.set(i < 0 ? l : l.slice(0, i), i < 0 ? '' : l.slice(i + 1));
  }
  const body = {
    Driver: f.get<string>('driver'),
    Scope: f.get<string>('scope'),
    EnableIPv4: f.changed('ipv4') ? f.get<boolean>('ipv4') : undefined,
    EnableIPv6: f.changed('ipv6') ? f.get<boolean>('ipv6') : undefined,
    IPAM: {
      Driver: f.get<string>('ipam-driver'),
      Options: goMap(f.get<Record<string, string>>('ipam-opt')),
      Config: config.map((c) => ({ Subnet: c.Subnet || undefined, IPRange: c.IPRange || undefined, Gateway: c.Gateway || undefined, AuxiliaryAddresses: c.AuxAddress.size > 0 ? c.AuxAddress : undefined })),
    },
    Internal: f.get<boolean>('internal'),
    Attachable: f.get<boolean>('attachable'),
    Ingress: f.get<boolean>('ingress'),
    ConfigOnly: f.get<boolean>('config-only'),
    ConfigFrom: f.get<string>('config-from') !== '' ? { Network: f.get<string>('config-from') } : null,
    Options: goMap(f.get<Record<string, string>>('opt')),
    Labels: labels,
    Name: inv.args[0]!,
  };
  const r = await (await cli.send('POST', '/networks/create', body)).json();
  cli.out(`${(r as { Id: string }).Id}\n`);
}

/** net.ParseCIDR + Contains, for the subnet checks of `network create` */
function cidrContains(subnet: string, data: string): boolean {
  const [net, bitsText] = subnet.split('/');
  const bits = Number(bitsText);
  const parse4 = (s: string) => {
    const p = s.split('/')[0]!.split('.');
    if (p.length !== 4 || p.some((x) => !/^\d+$/.test(x) || Number(x) > 255)) return undefined;
    return p.reduce((a, x) => a * 256 + Number(x), 0);
  };
  const n = parse4(net ?? '');
  if (n === undefined || !Number.isInteger(bits)) throw new CliError(`invalid subnet: invalid CIDR address: ${subnet}`);
  const d = parse4(data);
  if (d === undefined) throw new CliError(`invalid CIDR address: ${data}`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((n & mask) >>> 0) === ((d & mask) >>> 0);
}

export async function runNetworkRm(cli: Cli, inv: Invocation): Promise<void> {
  const force = inv.flags.get<boolean>('force');
  let status = 0;
  for (const name of inv.args) {
    try {
      const nw = await cli.json<{ Ingress?: boolean }>('GET', `/networks/${encodeURIComponent(trimID('network', name))}`);
      if (nw.Ingress) {
        const ok = await confirm(cli, 'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?');
        if (!ok) continue;
      }
    } catch {
      // the removal reports it
    }
    try {
      await cli.request('DELETE', `/networks/${encodeURIComponent(trimID('network', name))}`);
      cli.out(name + '\n');
    } catch (e) {
      if (force && isNotFound(e)) continue;
      cli.err(errorText(cli.transportError(e)) + '\n');
      status = 1;
    }
  }
  if (status !== 0) throw new CliError(`exit status ${status}`, status);
}

export async function runNetworkConnect(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const [network, container] = inv.args as [string, string];
  const driverOpts = new Map<string, string>();
  for (const opt of f.get<string[]>('driver-opt')) {
    const i = opt.indexOf('=');
    const k = (i < 0 ? opt : opt.slice(0, i)).trim();
    if (i < 0 || k === '') throw new CliError('invalid key/value pair format in driver options');
    driverOpts.set(k, opt.slice(i + 1).trim());
  }
  const linkLocal = f.get<string[]>('link-local-ip');
  const links = f.get<string[]>('link');
  const aliases = f.get<string[]>('alias');
  const body = {
    Container: trimID('container', container),
    EndpointConfig: {
      IPAMConfig: { IPv4Address: f.get<string>('ip') || undefined, IPv6Address: f.get<string>('ip6') || undefined, LinkLocalIPs: linkLocal.length > 0 ? linkLocal : undefined },
      Links: links.length > 0 ? links : null,
      Aliases: aliases.length > 0 ? aliases : null,
      MacAddress: '',
      DriverOpts: driverOpts,
      GwPriority: f.get<number>('gw-priority'),
      NetworkID: '',
      EndpointID: '',
      Gateway: '',
      IPAddress: '',
      IPPrefixLen: 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: null,
    },
  };
  await cli.send('POST', `/networks/${encodeURIComponent(trimID('network', network))}/connect`, body);
}

export async function runNetworkDisconnect(cli: Cli, inv: Invocation): Promise<void> {
  const [network, container] = inv.args as [string, string];
  await cli.send('POST', `/networks/${encodeURIComponent(trimID('network', network))}/disconnect`, { Container: trimID('container', container), Force: inv.flags.get<boolean>('force') });
}

export async function pruneNetworks(cli: Cli, filters: Record<string, string[]>, force: boolean): Promise<string> {
  if (!force) {
    const ok = await confirm(cli, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?');
    if (!ok) throw new CancelledError('network prune has been cancelled');
  }
  const query: Record<string, string> = {};
  const fp = filtersParam(filters);
  if (fp) query.filters = fp;
  const report = await cli.json<{ NetworksDeleted: string[] | null }>('POST', '/networks/prune', { query });
  let output = '';
  if ((report.NetworksDeleted ?? []).length > 0) output = 'Deleted Networks:\n' + report.NetworksDeleted!.map((n) => n + '\n').join('');
  return output;
}

export async function runNetworkPrune(cli: Cli, inv: Invocation): Promise<void> {
  const output = await pruneNetworks(cli, inv.flags.get<Record<string, string[]>>('filter'), inv.flags.get<boolean>('force'));
  if (output !== '') cli.out(output + '\n');
}

// ------------------------------------------------------------------ volumes

interface Volume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Labels: Record<string, string> | null;
  Scope: string;
  Options: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
  ClusterVolume?: unknown;
}

const VOLUME_HEADER = headerContext({
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
});

export function volumeContext(v: Volume): GoStruct {
  const m: Record<string, () => string> = {
    Availability: () => 'N/A',
    Driver: () => v.Driver,
    Group: () => 'N/A',
    Labels: () => labelsText(v.Labels),
    Links: () => (v.UsageData ? String(v.UsageData.RefCount) : 'N/A'),
    Mountpoint: () => v.Mountpoint,
    Name: () => v.Name,
    Scope: () => v.Scope,
    Size: () => (v.UsageData ? humanSize(v.UsageData.Size) : 'N/A'),
    Status: () => 'N/A',
  };
  return new GoStruct(
    '*formatter.volumeContext',
    {},
    { ...m, Label: goMethod((name: string) => v.Labels?.[name] ?? '', T.string) },
    { json: () => Object.fromEntries(Object.entries(m).map(([k, fn]) => [k, fn()])) },
  );
}

export async function runVolumeLs(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const quiet = f.get<boolean>('quiet');
  const cluster = f.has('cluster') && f.get<boolean>('cluster');
  const query: Record<string, string> = {};
  const fp = filtersParam(f.get<Record<string, string[]>>('filter'));
  if (fp) query.filters = fp;
  const list = await cli.json<{ Volumes: Volume[] | null }>('GET', '/volumes', { query });
  let volumes = list.Volumes ?? [];
  let format = f.get<string>('format');
  if (format.length === 0 && !cluster) {
    const cfg = loadConfigFile(cli).volumesFormat;
    format = cfg && !quiet ? cfg : 'table';
  } else if (cluster) {
    volumes = volumes.filter((v) => v.ClusterVolume);
    format = quiet ? 'table' : 'table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}';
  }
  volumes.sort((a, b) => naturalCompare(a.Name, b.Name));
  if (format === 'table') format = quiet ? '{{.Name}}' : 'table {{.Driver}}\t{{.Name}}';
  else if (format === 'raw') format = quiet ? 'name: {{.Name}}' : 'name: {{.Name}}\\ndriver: {{.Driver}}\\n';
  write(cli, format, VOLUME_HEADER, volumes.map(volumeContext));
}

export async function runVolumeCreate(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  let name = f.get<string>('name');
  if (inv.args.length === 1) {
    if (name !== '') throw new CliError('conflicting options: cannot specify a volume-name through both --name and as a positional arg');
    name = inv.args[0]!;
  }
  if (['group', 'scope', 'sharing', 'availability', 'type', 'secret', 'limit-bytes', 'required-bytes', 'topology-required', 'topology-preferred'].some((n) => f.has(n) && f.changed(n))) {
    throw new CliError('cluster volumes are not available in docksim');
  }
  const labels = new Map<string, string>();
  for (const l of f.get<string[]>('label')) {
    const i = l.indexOf('=');
    labels.set(i < 0 ? l : l.slice(0, i), i < 0 ? '' : l.slice(i + 1));
  }
  const opts = f.get<Record<string, string>>('opt');
  const body = {
    Driver: f.get<string>('driver') || undefined,
    DriverOpts: Object.keys(opts).length > 0 ? goMap(opts) : undefined,
    Labels: labels.size > 0 ? labels : undefined,
    Name: name || undefined,
  };
  const v = await (await cli.send('POST', '/volumes/create', body)).json();
  cli.out(`${(v as Volume).Name}\n`);
}

export async function runVolumeRm(cli: Cli, inv: Invocation): Promise<void> {
  const force = inv.flags.get<boolean>('force');
  const errs: string[] = [];
  for (const name of inv.args) {
    try {
      await cli.request('DELETE', `/volumes/${encodeURIComponent(trimID('volume', name))}`, { query: force ? { force: '1' } : {} });
      cli.out(name + '\n');
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
    }
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

export async function pruneVolumes(cli: Cli, all: boolean, filters0: Record<string, string[]>, force: boolean): Promise<{ space: number; output: string }> {
  let filters = filters0;
  let warning = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
  if (all) {
    if (filters.all) throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    filters = withFilter(filters, 'all', 'true');
    warning = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';
  }
  if (!force) {
    if (!(await confirm(cli, warning))) throw new CancelledError('volume prune has been cancelled');
  }
  const query: Record<string, string> = {};
  const fp = filtersParam(filters);
  if (fp) query.filters = fp;
  const report = await cli.json<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>('POST', '/volumes/prune', { query });
  let output = '';
  let space = 0;
  if ((report.VolumesDeleted ?? []).length > 0) {
    output = 'Deleted Volumes:\n' + report.VolumesDeleted!.map((n) => n + '\n').join('');
    space = report.SpaceReclaimed;
  }
  return { space, output };
}

export async function runVolumePrune(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const r = await pruneVolumes(cli, f.get<boolean>('all'), f.get<Record<string, string[]>>('filter'), f.get<boolean>('force'));
  if (r.output !== '') cli.out(r.output + '\n');
  cli.out(`Total reclaimed space: ${humanSize(r.space)}\n`);
}
