// The flags of `docker run` / `docker create` turned into the body of POST /containers/create,
// as cli/command/container/opts.go parse() and the API client build it (docker CLI 28.2.2):
// objects list their fields in Go declaration order so the body encodes as Go encodes it.

import type { FileSystem } from '../../../vfs';
import { CliError } from '../../cli';
import { goMap } from '../../gojson';
import type { ParsedFlags } from '../../parse';
import type { DeviceRequest, MountValue, NetworkAttachment } from '../../parse/values';
import { parsePortRange, parsePortSpec } from '../../parse/ports';
import { GoError } from '../../parse/go';
import { isValidMAC } from '../../parse/validate';

export interface ContainerConfig {
  config: Record<string, unknown>;
  hostConfig: Record<string, unknown>;
  networkingConfig: { EndpointsConfig: Map<string, unknown> };
}

export interface ParseContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  fs?: FileSystem;
  /** HostConfig.ConsoleSize: [rows, columns] of stdout when it is a terminal, else [0, 0] */
  consoleSize: [number, number];
  /** the daemon's OS type (for --device) */
  serverOS: string;
}

/** Cut(s, sep) of Go's strings package */
function cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

function joinAbs(cwd: string, p: string): string {
  const parts = (cwd.replace(/\/+$/, '') + '/' + p).split('/');
  const out: string[] = [];
  for (const x of parts) {
    if (x === '' || x === '.') continue;
    if (x === '..') out.pop();
    else out.push(x);
  }
  return '/' + out.join('/');
}

/** compose loader.ParseVolume: just what the CLI needs (source, type) and its errors */
export function parseVolumeSpec(spec: string): { source: string; target: string; type: 'bind' | 'volume' } {
  if (spec.length === 0) throw new GoError('invalid empty volume spec');
  if (spec.length <= 2) return { source: '', target: spec, type: 'volume' };
  let source = '';
  let target = '';
  let buffer = '';
  const END = '\u0000';
  const chars = [...spec, END];
  for (const ch of chars) {
    if (ch === ':' && [...buffer].length === 1 && /\p{L}/u.test(buffer)) {
      buffer += ch;
      continue;
    }
    if (ch === ':' || ch === END) {
      if (buffer.length === 0) throw new GoError(`invalid spec: ${spec}: empty section between colons`);
      if (source === '' && ch === END) target = buffer;
      else if (source === '') source = buffer;
      else if (target === '') target = buffer;
      else if (ch === ':') throw new GoError(`invalid spec: ${spec}: too many colons`);
      buffer = '';
      continue;
    }
    buffer += ch;
  }
  let type: 'bind' | 'volume' = 'volume';
  if (source !== '' && isFilePath(source)) type = 'bind';
  return { source, target, type };
}

function isFilePath(source: string): boolean {
  if ('./~'.includes(source[0]!)) return true;
  const runes = [...source];
  if (runes.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return /\p{L}/u.test(runes[0]!) && runes[1] === ':';
}

/** kvfile.Parse: a file of KEY=VALUE lines (env files, label files) */
export function parseKVFile(ctx: ParseContext, file: string, lookup: ((k: string) => string | undefined) | undefined): string[] {
  const path = file.startsWith('/') ? file : joinAbs(ctx.cwd, file);
  let text: string;
  try {
    if (!ctx.fs) throw new Error('no filesystem');
    const st = ctx.fs.stat(path);
    if (st.type === 'dir') {
      // reading a directory fails in bufio with EISDIR
      throw new CliError(`invalid env file (${file}): read ${file}: is a directory`);
    }
    text = ctx.fs.readFile(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`open ${file}: no such file or directory`);
  }
  const out: string[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw0, idx) => {
    let raw = raw0.endsWith('\r') ? raw0.slice(0, -1) : raw0;
    if (idx === 0 && raw.startsWith('\ufeff')) raw = raw.slice(1);
    const line = raw.replace(/^[\s\u0085\u00a0]+/u, '');
    if (line.length === 0 || line[0] === '#') return;
    const [key, , hasValue] = cut(line, '=');
    if (key.length === 0) throw new CliError(`invalid env file (${file}): no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw new CliError(`invalid env file (${file}): variable '${key}' contains whitespaces`);
    if (hasValue) {
      out.push(line);
      return;
    }
    if (lookup) {
      const v = lookup(line);
      if (v !== undefined) out.push(`${key}=${v}`);
    }
  });
  return out;
}

function normalizeCapabilities(caps: string[]): string[] | null {
  if (caps.length === 0) return null;
  const out: string[] = [];
  for (let c of caps) {
    c = c.toUpperCase();
    if (c !== 'ALL' && !c.startsWith('CAP_')) c = 'CAP_' + c;
    if (!out.includes(c)) out.push(c);
  }
  return out.sort();
}

function isUserDefined(n: string): boolean {
  const [k, , ok] = cut(n, ':');
  return n !== 'default' && n !== 'bridge' && n !== 'host' && n !== 'none' && !(ok && k === 'container');
}

function endpointSettings(n: NetworkAttachment & { Links?: string[] }): Record<string, unknown> {
  if (n.Target.trim() === '') throw new CliError('no name set for network');
  if (!isUserDefined(n.Target)) {
    if ((n.Aliases?.length ?? 0) > 0) throw new CliError('network-scoped aliases are only supported for user-defined networks');
    if ((n.Links?.length ?? 0) > 0) throw new CliError('links are only supported for user-defined networks');
  }
  const ipam =
    n.IPv4Address || n.IPv6Address || (n.LinkLocalIPs?.length ?? 0) > 0
      ? { IPv4Address: n.IPv4Address || undefined, IPv6Address: n.IPv6Address || undefined, LinkLocalIPs: n.LinkLocalIPs?.length ? n.LinkLocalIPs : undefined }
      : null;
  if (n.MacAddress && !isValidMAC(n.MacAddress.trim())) throw new CliError(`${n.MacAddress} is not a valid mac address`);
  return {
    IPAMConfig: ipam,
    Links: n.Links?.length ? n.Links : null,
    Aliases: n.Aliases?.length ? [...n.Aliases] : null,
    MacAddress: n.MacAddress ?? '',
    DriverOpts: n.DriverOpts && Object.keys(n.DriverOpts).length > 0 ? goMap(n.DriverOpts) : null,
    GwPriority: n.GwPriority ?? 0,
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

function isZeroEndpoint(ep: Record<string, unknown>): boolean {
  return ep.IPAMConfig === null && ep.Links === null && ep.Aliases === null && ep.MacAddress === '' && ep.DriverOpts === null && ep.GwPriority === 0;
}

function networkEndpoints(f: ParsedFlags): Map<string, unknown> {
  const networks = f.get<NetworkAttachment[]>('network');
  const aliases = f.get<string[]>('network-alias');
  const links = f.get<string[]>('link');
  const ip = f.get<string>('ip');
  const ip6 = f.get<string>('ip6');
  const mac = f.get<string>('mac-address');
  const linkLocal = f.get<string[]>('link-local-ip');
  const apply = (n0: NetworkAttachment): NetworkAttachment & { Links?: string[] } => {
    const n: NetworkAttachment & { Links?: string[] } = { ...n0 };
    if ((n.Aliases?.length ?? 0) > 0 && aliases.length > 0) throw new CliError('conflicting options: cannot specify both --network-alias and per-network alias');
    if (n.IPv4Address && ip) throw new CliError('conflicting options: cannot specify both --ip and per-network IPv4 address');
    if (n.IPv6Address && ip6) throw new CliError('conflicting options: cannot specify both --ip6 and per-network IPv6 address');
    if (n.MacAddress && mac) throw new CliError('conflicting options: cannot specify both --mac-address and per-network MAC address');
    if ((n.LinkLocalIPs?.length ?? 0) > 0 && linkLocal.length > 0) throw new CliError('conflicting options: cannot specify both --link-local-ip and per-network link-local IP addresses');
    if (aliases.length > 0) n.Aliases = [...aliases];
    if (isUserDefined(n.Target) && links.length > 0) n.Links = [...links];
    if (ip) n.IPv4Address = ip;
    if (ip6) n.IPv6Address = ip6;
    if (mac) n.MacAddress = mac;
    if (linkLocal.length > 0) n.LinkLocalIPs = [...linkLocal];
    return n;
  };
  const endpoints = new Map<string, unknown>();
  if (networks.length === 0) {
    endpoints.set('default', endpointSettings(apply({ Target: 'default' })));
    return endpoints;
  }
  let userDefined = false;
  let nonUserDefined = false;
  networks.forEach((n0, i) => {
    if (isUserDefined(n0.Target)) userDefined = true;
    else nonUserDefined = true;
    const n = i === 0 ? apply(n0) : n0;
    const ep = endpointSettings(n);
    if (endpoints.has(n.Target)) throw new CliError(`network ${JSON.stringify(n.Target)} is specified multiple times`);
    if (i === 0 && networks.length === 1 && isZeroEndpoint(ep)) return;
    endpoints.set(n.Target, ep);
  });
  if (userDefined && nonUserDefined) throw new CliError('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  return endpoints;
}

function mountJSON(m: MountValue): Record<string, unknown> {
  const bind = m.BindOptions
    ? {
        Propagation: m.BindOptions.Propagation || undefined,
        NonRecursive: m.BindOptions.NonRecursive || undefined,
        ReadOnlyNonRecursive: m.BindOptions.ReadOnlyNonRecursive || undefined,
        ReadOnlyForceRecursive: m.BindOptions.ReadOnlyForceRecursive || undefined,
      }
    : undefined;
  const vo = m.VolumeOptions;
  const vol = vo
    ? {
        NoCopy: vo.NoCopy || undefined,
        Labels: Object.keys(vo.Labels ?? {}).length > 0 ? goMap(vo.Labels) : undefined,
        Subpath: vo.Subpath || undefined,
        DriverConfig:
          vo.DriverConfig && (vo.DriverConfig.Name || vo.DriverConfig.Options)
            ? { Name: vo.DriverConfig.Name || undefined, Options: vo.DriverConfig.Options && Object.keys(vo.DriverConfig.Options).length ? goMap(vo.DriverConfig.Options) : undefined }
            : vo.DriverConfig
              ? {}
              : undefined,
      }
    : undefined;
  return {
    Type: m.Type || undefined,
    Source: m.Source || undefined,
    Target: m.Target || undefined,
    ReadOnly: m.ReadOnly || undefined,
    Consistency: m.Consistency || undefined,
    BindOptions: bind,
    VolumeOptions: vol,
    ImageOptions: m.ImageOptions ? { Subpath: m.ImageOptions.Subpath || undefined } : undefined,
    TmpfsOptions: m.TmpfsOptions ? { SizeBytes: m.TmpfsOptions.SizeBytes || undefined, Mode: m.TmpfsOptions.Mode || undefined } : undefined,
  };
}

function parseDevice(device: string, serverOS: string): Record<string, unknown> {
  if (serverOS === 'windows') return { PathOnHost: device, PathInContainer: '', CgroupPermissions: '' };
  const arr = device.split(':');
  if (arr.length > 3) throw new CliError(`invalid device specification: ${device}`);
  let src = arr[0]!;
  let dst = '';
  let perms = 'rwm';
  const validMode = (m: string) => m !== '' && [...m].every((c) => 'rwm'.includes(c)) && new Set(m).size === m.length;
  if (arr.length === 3) perms = arr[2]!;
  if (arr.length >= 2) {
    if (validMode(arr[1]!)) perms = arr[1]!;
    else dst = arr[1]!;
  }
  if (dst === '') dst = src;
  return { PathOnHost: src, PathInContainer: dst, CgroupPermissions: perms };
}

function validateLinuxDevicePath(val: string): string {
  // validateDevice / validateLinuxPath of opts.go
  const [src, rest, hasRest] = cut(val, ':');
  if (!src.startsWith('/')) throw new CliError(`${val} is not an absolute path`);
  if (hasRest) {
    const parts = rest.split(':');
    if (parts.length > 2) throw new CliError(`bad format for path: ${val}`);
    const [a, b] = parts;
    const validMode = (m: string) => m !== '' && [...m].every((c) => 'rwm'.includes(c)) && new Set(m).size === m.length;
    if (parts.length === 2) {
      if (!a!.startsWith('/')) throw new CliError(`${a} is not an absolute path`);
      if (!validMode(b!)) throw new CliError(`bad mode specified: ${b}`);
    } else if (!validMode(a!) && !a!.startsWith('/')) throw new CliError(`${a} is not an absolute path`);
  }
  return val;
}

/**
 * parse() of opts.go, then the client's normalisations. Errors are CliErrors with docker's
 * message (the caller wraps them with "docker: ... Run 'docker run --help'").
 */
export function containerConfig(f: ParsedFlags, image: string, args: string[], ctx: ParseContext): ContainerConfig {
  const attach = f.get<string[]>('attach').map((s) => s.toLowerCase());
  let attachStdin = attach.includes('stdin');
  let attachStdout = attach.includes('stdout');
  let attachStderr = attach.includes('stderr');
  const macAddress = f.get<string>('mac-address');
  if (macAddress !== '' && !isValidMAC(macAddress.trim())) throw new CliError(`${macAddress} is not a valid mac address`);
  const stdin = f.get<boolean>('interactive');
  if (stdin) attachStdin = true;
  if (attach.length === 0) {
    attachStdout = true;
    attachStderr = true;
  }
  const swappiness = f.get<number>('memory-swappiness');
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) throw new CliError(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);

  // -v: binds and anonymous volumes
  const volumeSpecs = f.get<string[]>('volume');
  const volumes = new Map<string, Record<string, never>>();
  for (const v of volumeSpecs) volumes.set(v, {});
  const binds: string[] = [];
  for (const spec of new Set(volumeSpecs)) {
    let parsed;
    try {
      parsed = parseVolumeSpec(spec);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    if (parsed.source !== '') {
      let toBind = spec;
      if (parsed.type === 'bind') {
        const [hostPart, targetPath, ok] = cut(spec, ':');
        if (ok) {
          let h = hostPart;
          if (!h.startsWith('/') && h.startsWith('.')) h = joinAbs(ctx.cwd, h);
          toBind = h + ':' + targetPath;
        }
      }
      binds.push(toBind);
      volumes.delete(spec);
    }
  }

  const tmpfs = new Map<string, string>();
  for (const t of f.get<string[]>('tmpfs')) {
    const [k, v] = cut(t, ':');
    tmpfs.set(k, v);
  }

  const runCmd = args.length > 0 ? [...args] : null;
  let entrypoint: string[] | null = null;
  const ep = f.get<string>('entrypoint');
  if (ep !== '') entrypoint = [ep];
  else if (f.changed('entrypoint')) entrypoint = [''];

  // -p (long syntax converted), --expose
  const exposed = new Map<string, Record<string, never>>();
  const bindings = new Map<string, { HostIp: string; HostPort: string }[]>();
  for (const publish of f.get<string[]>('publish')) {
    let spec = publish;
    if (publish.includes('=')) {
      const params: Record<string, string> = { protocol: 'tcp' };
      for (const param of publish.split(',')) {
        const [k, v, ok] = cut(param, '=');
        if (!ok || k === '') throw new CliError(`invalid publish opts format (should be name=value but got '${param}')`);
        params[k] = v;
      }
      spec = `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
    }
    let mappings;
    try {
      mappings = parsePortSpec(spec);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    for (const m of mappings) {
      const port = `${m.port}/${m.proto}`;
      if (!exposed.has(port)) exposed.set(port, {});
      const list = bindings.get(port) ?? [];
      list.push({ HostIp: m.hostIP, HostPort: m.hostPort });
      bindings.set(port, list);
    }
  }
  for (const e of f.get<string[]>('expose')) {
    if (e.includes(':')) throw new CliError(`invalid port format for --expose: ${e}`);
    const parts = e.split('/');
    let proto = 'tcp';
    let port = e;
    if (e.length === 0 || parts[0]!.length === 0) {
      proto = '';
      port = '';
    } else if (parts.length > 1 && parts[1]!.length > 0) {
      proto = parts[1]!;
      port = parts[0]!;
    } else port = parts[0]!;
    let start: number;
    let end: number;
    try {
      [start, end] = parsePortRange(port);
    } catch (err) {
      throw new CliError(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let i = start; i <= end; i++) {
      const p = `${i}/${proto}`;
      if (!exposed.has(p)) exposed.set(p, {});
    }
  }

  // --device
  const devices: Record<string, unknown>[] = [];
  const cdiDevices: string[] = [];
  for (const d of f.get<string[]>('device')) {
    if (/^[a-z0-9][a-z0-9.-]*\/[a-zA-Z0-9][a-zA-Z0-9_.-]*=[a-zA-Z0-9_.:-]+$/.test(d)) {
      cdiDevices.push(d);
      continue;
    }
    const validated = ctx.serverOS === 'windows' ? d : validateLinuxDevicePath(d);
    devices.push(parseDevice(validated, ctx.serverOS || 'linux'));
  }

  // environment: -e values go through a Go map (the proxy configuration merge), then env files
  const envMap = new Map<string, string | null>();
  for (const e of f.get<string[]>('env')) {
    const [k, v, ok] = cut(e, '=');
    envMap.set(k, ok ? v : null);
  }
  const envOverride = [...envMap].map(([k, v]) => (v === null ? k : `${k}=${v}`));
  const envFromFiles: string[] = [];
  for (const file of f.get<string[]>('env-file')) envFromFiles.push(...parseKVFile(ctx, file, (k) => ctx.env[k]));
  const envAll = [...envFromFiles, ...envOverride];
  const labelLines: string[] = [];
  for (const file of f.get<string[]>('label-file')) labelLines.push(...parseKVFile(ctx, file, undefined));
  labelLines.push(...f.get<string[]>('label'));
  const labels = new Map<string, string>();
  for (const l of labelLines) {
    const [k, v] = cut(l, '=');
    labels.set(k, v);
  }

  const pid = f.get<string>('pid');
  const containerMode = (v: string) => {
    const [k, r, ok] = cut(v, ':');
    return ok && k === 'container' && r !== '';
  };
  if (!(pid === '' || pid === 'host' || containerMode(pid))) throw new CliError('--pid: invalid PID mode');
  const uts = f.get<string>('uts');
  if (!(uts === '' || uts === 'host')) throw new CliError('--uts: invalid UTS mode');
  const userns = f.get<string>('userns');
  if (!(userns === '' || userns === 'host')) throw new CliError('--userns: invalid USER mode');
  const cgroupns = f.get<string>('cgroupns');
  if (!(cgroupns === '' || cgroupns === 'host' || cgroupns === 'private')) throw new CliError('--cgroupns: invalid CGROUP mode');

  const restart = f.get<string>('restart');
  let restartPolicy = { Name: '', MaximumRetryCount: 0 };
  if (restart !== '') {
    const [k, v, ok] = cut(restart, ':');
    if (ok && k === '') throw new CliError('invalid restart policy format: no policy provided before colon');
    let count = 0;
    if (v !== '') {
      if (!/^[+-]?\d+$/.test(v)) throw new CliError('invalid restart policy format: maximum retry count must be an integer');
      count = Number.parseInt(v, 10);
    }
    restartPolicy = { Name: k, MaximumRetryCount: count };
  }

  const logDriver = f.get<string>('log-driver');
  const logOpts = f.get<string[]>('log-opt');
  if (logDriver === 'none' && logOpts.length > 0) throw new CliError(`invalid logging opts for driver ${logDriver}`);
  const logConfig = new Map<string, string>();
  for (const o of logOpts) {
    const [k, v] = cut(o, '=');
    logConfig.set(k, v);
  }

  let securityOpts: string[] | null = f.get<string[]>('security-opt').length > 0 ? [...f.get<string[]>('security-opt')] : null;
  for (const opt of securityOpts ?? []) {
    let [k, v, ok] = cut(opt, '=');
    if (!ok && k !== 'no-new-privileges') [k, v, ok] = cut(opt, ':');
    if ((!ok || v === '') && k !== 'no-new-privileges') throw new CliError(`Invalid --security-opt: ${JSON.stringify(opt)}`);
  }
  let maskedPaths: string[] | null = null;
  let readonlyPaths: string[] | null = null;
  if (securityOpts) {
    const filtered: string[] = [];
    for (const opt of securityOpts) {
      if (opt === 'systempaths=unconfined') {
        maskedPaths = [];
        readonlyPaths = [];
      } else filtered.push(opt);
    }
    securityOpts = filtered;
  }
  const storageOpt = new Map<string, string>();
  for (const o of f.get<string[]>('storage-opt')) {
    const [k, v, ok] = cut(o, '=');
    if (!ok) throw new CliError('invalid storage option');
    storageOpt.set(k, v);
  }

  // health check
  const healthCmd = f.get<string>('health-cmd');
  const interval = f.get<bigint>('health-interval');
  const timeout = f.get<bigint>('health-timeout');
  const startPeriod = f.get<bigint>('health-start-period');
  const startInterval = f.get<bigint>('health-start-interval');
  const retries = f.get<number>('health-retries');
  const haveHealth = healthCmd !== '' || interval !== 0n || timeout !== 0n || startPeriod !== 0n || retries !== 0 || startInterval !== 0n;
  let healthcheck: Record<string, unknown> | undefined;
  if (f.get<boolean>('no-healthcheck')) {
    if (haveHealth) throw new CliError('--no-healthcheck conflicts with --health-* options');
    healthcheck = { Test: ['NONE'] };
  } else if (haveHealth) {
    if (interval < 0n) throw new CliError('--health-interval cannot be negative');
    if (timeout < 0n) throw new CliError('--health-timeout cannot be negative');
    if (retries < 0) throw new CliError('--health-retries cannot be negative');
    if (startPeriod < 0n) throw new CliError('--health-start-period cannot be negative');
    if (startInterval < 0n) throw new CliError('--health-start-interval cannot be negative');
    healthcheck = {
      Test: healthCmd !== '' ? ['CMD-SHELL', healthCmd] : undefined,
      Interval: interval !== 0n ? interval : undefined,
      Timeout: timeout !== 0n ? timeout : undefined,
      StartPeriod: startPeriod !== 0n ? startPeriod : undefined,
      StartInterval: startInterval !== 0n ? startInterval : undefined,
      Retries: retries !== 0 ? retries : undefined,
    };
  }

  let deviceRequests: DeviceRequest[] | null = f.get<DeviceRequest[]>('gpus').length > 0 ? f.get<DeviceRequest[]>('gpus') : null;
  if (cdiDevices.length > 0) deviceRequests = [...(deviceRequests ?? []), { Driver: 'cdi', Count: 0, DeviceIDs: cdiDevices, Capabilities: null as never, Options: null as never }];
  const deviceRequestJSON = deviceRequests?.map((r) => ({
    Driver: r.Driver ?? '',
    Count: r.Count,
    DeviceIDs: r.DeviceIDs ?? null,
    Capabilities: r.Capabilities ?? null,
    Options: r.Options ? goMap(r.Options) : null,
  })) ?? null;

  const ulimits = Object.values(f.get<Record<string, { Name: string; Soft: number | bigint; Hard: number | bigint }>>('ulimit'))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((u) => ({ Name: u.Name, Hard: u.Hard, Soft: u.Soft }));
  const throttle = (name: string) => f.get<{ path: string; rate: number }[]>(name).map((d) => ({ Path: d.path, Rate: d.rate }));
  const list = (name: string) => (f.get<string[]>(name).length > 0 ? [...f.get<string[]>(name)] : null);
  const orEmpty = (name: string) => [...f.get<string[]>(name)];

  const config: Record<string, unknown> = {
    Hostname: f.get<string>('hostname'),
    Domainname: f.get<string>('domainname'),
    User: f.get<string>('user'),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ExposedPorts: exposed.size > 0 ? exposed : undefined,
    Tty: f.get<boolean>('tty'),
    OpenStdin: stdin,
    StdinOnce: stdin && attachStdin,
    Env: envAll.length > 0 ? envAll : null,
    Cmd: runCmd,
    Healthcheck: healthcheck,
    Image: image,
    Volumes: volumes,
    WorkingDir: f.get<string>('workdir'),
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: labels,
    StopSignal: f.get<string>('stop-signal') || undefined,
    StopTimeout: f.changed('stop-timeout') ? f.get<number>('stop-timeout') : undefined,
  };

  const sysctls = f.get<Record<string, string>>('sysctl');
  const annotations = f.get<Record<string, string>>('annotation');
  const networkMode = f.get<NetworkAttachment[]>('network')[0]?.Target ?? 'default';
  const hostConfig: Record<string, unknown> = {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: f.get<string>('cidfile'),
    LogConfig: { Type: logDriver, Config: logConfig },
    NetworkMode: networkMode,
    PortBindings: bindings,
    RestartPolicy: restartPolicy,
    AutoRemove: f.get<boolean>('rm'),
    VolumeDriver: f.get<string>('volume-driver'),
    VolumesFrom: list('volumes-from'),
    ConsoleSize: [...ctx.consoleSize],
    Annotations: Object.keys(annotations).length > 0 ? goMap(annotations) : undefined,
    CapAdd: normalizeCapabilities(f.get<string[]>('cap-add')),
    CapDrop: normalizeCapabilities(f.get<string[]>('cap-drop')),
    CgroupnsMode: cgroupns,
    Dns: orEmpty('dns'),
    DnsOptions: orEmpty('dns-option'),
    DnsSearch: orEmpty('dns-search'),
    ExtraHosts: list('add-host'),
    GroupAdd: list('group-add'),
    IpcMode: f.get<string>('ipc'),
    Cgroup: '',
    Links: list('link'),
    OomScoreAdj: f.get<number>('oom-score-adj'),
    PidMode: pid,
    Privileged: f.get<boolean>('privileged'),
    PublishAllPorts: f.get<boolean>('publish-all'),
    ReadonlyRootfs: f.get<boolean>('read-only'),
    SecurityOpt: securityOpts,
    StorageOpt: storageOpt.size > 0 ? storageOpt : undefined,
    Tmpfs: tmpfs.size > 0 ? tmpfs : undefined,
    UTSMode: uts,
    UsernsMode: userns,
    ShmSize: f.get<number>('shm-size'),
    Sysctls: Object.keys(sysctls).length > 0 ? goMap(sysctls) : undefined,
    Runtime: f.get<string>('runtime') || undefined,
    Isolation: f.get<string>('isolation'),
    // Resources
    CpuShares: f.get<number>('cpu-shares'),
    Memory: f.get<number>('memory'),
    NanoCpus: f.get<number>('cpus'),
    CgroupParent: f.get<string>('cgroup-parent'),
    BlkioWeight: f.get<number>('blkio-weight'),
    BlkioWeightDevice: f.get<{ path: string; weight: number }[]>('blkio-weight-device').map((d) => ({ Path: d.path, Weight: d.weight })),
    BlkioDeviceReadBps: throttle('device-read-bps'),
    BlkioDeviceWriteBps: throttle('device-write-bps'),
    BlkioDeviceReadIOps: throttle('device-read-iops'),
    BlkioDeviceWriteIOps: throttle('device-write-iops'),
    CpuPeriod: f.get<number>('cpu-period'),
    CpuQuota: f.get<number>('cpu-quota'),
    CpuRealtimePeriod: f.get<number>('cpu-rt-period'),
    CpuRealtimeRuntime: f.get<number>('cpu-rt-runtime'),
    CpusetCpus: f.get<string>('cpuset-cpus'),
    CpusetMems: f.get<string>('cpuset-mems'),
    Devices: devices,
    DeviceCgroupRules: list('device-cgroup-rule'),
    DeviceRequests: deviceRequestJSON,
    MemoryReservation: f.get<number>('memory-reservation'),
    MemorySwap: f.get<number>('memory-swap'),
    MemorySwappiness: swappiness,
    OomKillDisable: f.get<boolean>('oom-kill-disable'),
    PidsLimit: f.get<number>('pids-limit'),
    Ulimits: ulimits,
    CpuCount: f.get<number>('cpu-count'),
    CpuPercent: f.get<number>('cpu-percent'),
    IOMaximumIOps: f.get<number>('io-maxiops'),
    IOMaximumBandwidth: f.get<number>('io-maxbandwidth'),
    // end of Resources
    Mounts: f.get<MountValue[]>('mount').length > 0 ? f.get<MountValue[]>('mount').map(mountJSON) : undefined,
    MaskedPaths: maskedPaths,
    ReadonlyPaths: readonlyPaths,
    Init: f.changed('init') ? f.get<boolean>('init') : undefined,
  };
  if (f.get<boolean>('rm') && restartPolicy.Name !== '' && restartPolicy.Name !== 'no') {
    throw new CliError('conflicting options: cannot specify both --restart and --rm');
  }
  const networkingConfig = { EndpointsConfig: networkEndpoints(f) };
  return { config, hostConfig, networkingConfig };
}

/** The request body of POST /containers/create (container.CreateRequest). */
export function createRequestBody(c: ContainerConfig): Record<string, unknown> {
  return { ...c.config, HostConfig: c.hostConfig, NetworkingConfig: c.networkingConfig };
}
