// docker version, info, events, system df, system prune, container prune.

import { familiarName, parseNormalizedNamed, truncateID } from '../../reference';
import { bytesSize, formatRFC3339NanoFixed, getTimestamp, goTime, humanDuration, humanSize, humanSizeWithPrecision } from '../../units';
import { CliError, ConnectionError, errorText, type Cli, type Invocation } from '../cli';
import { FormatError, GoStruct, Template, TabWriter, dockerFuncs, headerContext, parseDockerTemplate, writeFormatted, type GoFunc } from '../format';
import { CONTAINER_HEADER, containerContext, type ContainerSummary } from '../formatters/container';
import { parseJSONUseNumber } from '../inspect';
import { CancelledError, confirm } from '../prompt';
import { naturalCompare } from '../sortorder';
import { filtersParam } from './filters';
import { pruneImages } from './image';
import { pruneNetworks, pruneVolumes, volumeContext } from './network';

export const CLIENT = {
  Version: '28.2.2',
  ApiVersion: '1.50',
  GitCommit: 'e6534b4',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Fri May 30 12:07:14 2025',
};

/** reformatDate: RFC 3339 → time.ANSIC ("Fri May 30 12:07:26 2025"), in the time's own zone */
export function reformatDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return s;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dow = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${days[dow]} ${months[mo - 1]} ${String(d).padStart(2, ' ')} ${m[4]}:${m[5]}:${m[6]} ${y}`;
}

const DEFAULT_VERSION_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

const getDetailsOrder: GoFunc = {
  params: [{ kind: 'interface', name: 'interface {}' }] as never,
  fn: (v) => {
    const details = ((v.v as Record<string, unknown>)?.Details ?? {}) as Record<string, unknown>;
    return Object.keys(details).sort();
  },
};

function clientVersion(cli: Cli, withApi: boolean): GoStruct {
  const api = withApi ? cli.engine.version : '';
  const fields: Record<string, unknown> = {
    Platform: null,
    Version: CLIENT.Version,
    APIVersion: api,
    DefaultAPIVersion: CLIENT.ApiVersion,
    GitCommit: CLIENT.GitCommit,
    GoVersion: CLIENT.GoVersion,
    Os: CLIENT.Os,
    Arch: CLIENT.Arch,
    BuildTime: CLIENT.BuildTime,
    Context: 'default',
  };
  const json: Record<string, unknown> = { Version: CLIENT.Version };
  if (api) json.ApiVersion = api;
  Object.assign(json, { DefaultAPIVersion: CLIENT.ApiVersion, GitCommit: CLIENT.GitCommit, GoVersion: CLIENT.GoVersion, Os: CLIENT.Os, Arch: CLIENT.Arch, BuildTime: CLIENT.BuildTime, Context: 'default' });
  // encoded as a struct with json tags: fields in declaration order, empty ones omitted
  return new GoStruct('system.clientVersion', fields, {}, { pointer: false, json: () => new GoStruct('system.clientVersion', json, {}, { pointer: false }) });
}

export async function runVersion(cli: Cli, inv: Invocation): Promise<void> {
  let format = inv.flags.get<string>('format');
  if (format === '') format = DEFAULT_VERSION_TEMPLATE;
  else if (format === 'json') format = '{{json .}}';
  const funcs = new Map(dockerFuncs);
  funcs.set('getDetailsOrder', getDetailsOrder);
  let tmpl: Template;
  try {
    tmpl = Template.parse(format, { name: 'version', funcs });
  } catch (e) {
    throw new CliError(`template parsing error: ${(e as Error).message}`, 64);
  }
  let server: Record<string, unknown> | null = null;
  let err: unknown;
  try {
    await cli.engine.negotiated().catch(() => undefined);
    const raw = await (await cli.request('GET', '/version')).text();
    server = parseJSONUseNumber(raw) as Record<string, unknown>;
    const components = (server.Components as Record<string, unknown>[] | null) ?? [];
    let found = false;
    for (const c of components) {
      if (c.Name === 'Engine') {
        found = true;
        const details = c.Details as Record<string, unknown>;
        if (typeof details?.BuildTime === 'string') details.BuildTime = reformatDate(details.BuildTime);
      }
    }
    if (!found) {
      components.push({
        Name: 'Engine',
        Version: server.Version,
        Details: { ApiVersion: server.ApiVersion, MinAPIVersion: server.MinAPIVersion, GitCommit: server.GitCommit, GoVersion: server.GoVersion, Os: server.Os, Arch: server.Arch, BuildTime: reformatDate(String(server.BuildTime ?? '')), Experimental: String(server.Experimental === true) },
      });
      server.Components = components;
    }
  } catch (e) {
    err = cli.transportError(e);
  }
  const data = new GoStruct('system.versionInfo', { Client: clientVersion(cli, true), Server: server }, {}, { pointer: false });
  const w = new TabWriter(20, 1, 1, ' ', 0);
  let execErr: unknown;
  try {
    w.write(tmpl.execute(data));
  } catch (e) {
    execErr = e;
    w.write((e as { output?: string }).output ?? '');
  }
  w.write('\n');
  cli.out(w.flush());
  if (err) throw err;
  if (execErr) throw new CliError((execErr as Error).message);
}

// ------------------------------------------------------------------ info

function fprintln(...a: unknown[]): string {
  return a.map((x) => (typeof x === 'boolean' ? String(x) : String(x ?? ''))).join(' ') + '\n';
}

function nonEmpty(label: string, value: unknown): string {
  return value !== '' && value !== undefined && value !== null ? fprintln(label, value) : '';
}

export async function runInfo(cli: Cli, inv: Invocation): Promise<void> {
  const format = inv.flags.get<string>('format');
  if (format !== '') return formatInfo(cli, format);
  let out = 'Client:\n';
  out += nonEmpty(' Version:   ', CLIENT.Version);
  out += fprintln(' Context:   ', 'default');
  out += fprintln(' Debug Mode:', false);
  out += '\n';
  out += 'Server:\n';
  let info: Record<string, any> | undefined;
  let connErr: unknown;
  const serverErrors: string[] = [];
  try {
    info = await cli.json('GET', '/info');
  } catch (e) {
    const err = cli.transportError(e);
    if (err instanceof ConnectionError) connErr = err;
    else serverErrors.push(errorText(err));
  }
  if (info) out += serverInfoText(info);
  cli.out(out);
  if (info) for (const w of (info.Warnings as string[] | null) ?? []) cli.err(w + '\n');
  for (const e of serverErrors) cli.err(`ERROR: ${e}\n`);
  const errs: string[] = [];
  if (serverErrors.length > 0) errs.push('errors pretty printing info');
  if (connErr) errs.push(errorText(connErr));
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

function serverInfoText(info: Record<string, any>): string {
  let o = '';
  o += fprintln(' Containers:', info.Containers);
  o += fprintln('  Running:', info.ContainersRunning);
  o += fprintln('  Paused:', info.ContainersPaused);
  o += fprintln('  Stopped:', info.ContainersStopped);
  o += fprintln(' Images:', info.Images);
  o += nonEmpty(' Server Version:', info.ServerVersion);
  o += nonEmpty(' Storage Driver:', info.Driver);
  for (const [k, v] of (info.DriverStatus as [string, string][] | null) ?? []) o += `  ${k}: ${v}\n`;
  for (const [k, v] of (info.SystemStatus as [string, string][] | null) ?? []) o += ` ${k}: ${v}\n`;
  o += nonEmpty(' Logging Driver:', info.LoggingDriver);
  o += nonEmpty(' Cgroup Driver:', info.CgroupDriver);
  o += nonEmpty(' Cgroup Version:', info.CgroupVersion);
  const plugins = info.Plugins ?? {};
  o += fprintln(' Plugins:');
  o += fprintln('  Volume:', (plugins.Volume ?? []).join(' '));
  o += fprintln('  Network:', (plugins.Network ?? []).join(' '));
  if ((plugins.Authorization ?? []).length > 0) o += fprintln('  Authorization:', plugins.Authorization.join(' '));
  o += fprintln('  Log:', (plugins.Log ?? []).join(' '));
  if ((info.CDISpecDirs ?? []).length > 0) {
    o += fprintln(' CDI spec directories:');
    for (const d of info.CDISpecDirs) o += `  ${d}\n`;
  }
  if ((info.DiscoveredDevices ?? []).length > 0) {
    o += fprintln(' Discovered Devices:');
    for (const d of info.DiscoveredDevices) o += `  ${d.Source}: ${d.ID}\n`;
  }
  const swarm = info.Swarm ?? {};
  o += fprintln(' Swarm:', swarm.LocalNodeState);
  if (swarm.LocalNodeState !== 'inactive' && swarm.LocalNodeState !== 'locked') {
    o += fprintln('  NodeID:', swarm.NodeID);
    if (swarm.Error) o += fprintln('  Error:', swarm.Error);
    o += fprintln('  Is Manager:', swarm.ControlAvailable);
    o += fprintln('  Node Address:', swarm.NodeAddr);
  }
  const runtimes = Object.keys(info.Runtimes ?? {});
  if (runtimes.length > 0) {
    o += fprintln(' Runtimes:', runtimes.join(' '));
    o += fprintln(' Default Runtime:', info.DefaultRuntime);
  }
  if (info.OSType === 'linux') {
    o += fprintln(' Init Binary:', info.InitBinary);
    o += fprintln(' containerd version:', info.ContainerdCommit?.ID);
    o += fprintln(' runc version:', info.RuncCommit?.ID);
    o += fprintln(' init version:', info.InitCommit?.ID);
    const so = (info.SecurityOptions as string[] | null) ?? [];
    if (so.length > 0) {
      o += fprintln(' Security Options:');
      for (const opt of so) {
        let name = '';
        const opts: [string, string][] = [];
        for (const kv of opt.split(',')) {
          const i = kv.indexOf('=');
          const k = i < 0 ? kv : kv.slice(0, i);
          const v = i < 0 ? '' : kv.slice(i + 1);
          if (k === 'name') name = v;
          else opts.push([k, v]);
        }
        o += fprintln('  ' + name);
        for (const [k, v] of opts) if (k === 'profile') o += fprintln('   Profile:', v);
      }
    }
  }
  if (info.OSType === 'windows') o += fprintln(' Default Isolation:', info.Isolation);
  o += nonEmpty(' Kernel Version:', info.KernelVersion);
  o += nonEmpty(' Operating System:', info.OperatingSystem);
  o += nonEmpty(' OSType:', info.OSType);
  o += nonEmpty(' Architecture:', info.Architecture);
  o += fprintln(' CPUs:', info.NCPU);
  o += fprintln(' Total Memory:', bytesSize(info.MemTotal ?? 0));
  o += nonEmpty(' Name:', info.Name);
  o += nonEmpty(' ID:', info.ID);
  o += fprintln(' Docker Root Dir:', info.DockerRootDir);
  o += fprintln(' Debug Mode:', info.Debug === true);
  if (info.Debug) {
    o += fprintln('  File Descriptors:', info.NFd);
    o += fprintln('  Goroutines:', info.NGoroutines);
    o += fprintln('  System Time:', info.SystemTime);
    o += fprintln('  EventsListeners:', info.NEventsListener);
  }
  o += nonEmpty(' HTTP Proxy:', info.HttpProxy);
  o += nonEmpty(' HTTPS Proxy:', info.HttpsProxy);
  o += nonEmpty(' No Proxy:', info.NoProxy);
  if ((info.Labels ?? []).length > 0) {
    o += fprintln(' Labels:');
    for (const l of info.Labels) o += fprintln('  ' + l);
  }
  o += fprintln(' Experimental:', info.ExperimentalBuild === true);
  const rc = info.RegistryConfig;
  if (rc && ((rc.InsecureRegistryCIDRs ?? []).length > 0 || Object.keys(rc.IndexConfigs ?? {}).length > 0)) {
    o += fprintln(' Insecure Registries:');
    for (const c of Object.values(rc.IndexConfigs ?? {}) as { Name: string; Secure: boolean }[]) if (!c.Secure) o += fprintln('  ' + c.Name);
    for (const cidr of rc.InsecureRegistryCIDRs ?? []) o += `  ${cidr}\n`;
  }
  if (rc && (rc.Mirrors ?? []).length > 0) {
    o += fprintln(' Registry Mirrors:');
    for (const m of rc.Mirrors) o += fprintln('  ' + m);
  }
  o += fprintln(' Live Restore Enabled:', info.LiveRestoreEnabled === true);
  if (info.ProductLicense) o += fprintln(' Product License:', info.ProductLicense);
  if ((info.DefaultAddressPools ?? []).length > 0) {
    o += fprintln(' Default Address Pools:');
    for (const p of info.DefaultAddressPools) o += `   Base: ${p.Base}, Size: ${p.Size}\n`;
  }
  o += '\n';
  return o;
}

async function formatInfo(cli: Cli, format0: string): Promise<void> {
  const format = format0 === 'json' ? '{{json .}}' : format0;
  const clientInfo = {
    Debug: false,
    Version: CLIENT.Version,
    DefaultAPIVersion: CLIENT.ApiVersion,
    GitCommit: CLIENT.GitCommit,
    GoVersion: CLIENT.GoVersion,
    Os: CLIENT.Os,
    Arch: CLIENT.Arch,
    BuildTime: CLIENT.BuildTime,
    Context: 'default',
    Plugins: [],
    Warnings: null,
  };
  let tmpl: Template;
  try {
    tmpl = parseDockerTemplate(format);
  } catch (e) {
    throw new CliError(`template parsing error: ${(e as Error).message}`, 64);
  }
  let needServer = true;
  if (/\.[a-zA-Z]/.test(format)) {
    try {
      tmpl.execute(new GoStruct('system.sparseInfo', { ClientInfo: clientInfo, ClientErrors: null }, {}, { pointer: false }));
      needServer = false;
    } catch {
      needServer = true;
    }
  }
  let data: Record<string, unknown> = {};
  let connErr: unknown;
  if (needServer) {
    try {
      const raw = await (await cli.request('GET', '/info')).text();
      data = parseJSONUseNumber(raw) as Record<string, unknown>;
      if (data.RegistryConfig && typeof data.RegistryConfig === 'object') data.RegistryConfig = registryConfigJSON(data.RegistryConfig as Record<string, unknown>);
    } catch (e) {
      const err = cli.transportError(e);
      if (err instanceof ConnectionError) connErr = err;
      else {
        data = { ServerErrors: [errorText(err)] };
        cli.err(errorText(err) + '\n');
      }
    }
  }
  data.ClientInfo = clientInfo;
  if (connErr) throw connErr;
  let out = '';
  let execErr: unknown;
  try {
    out = tmpl.execute(data);
  } catch (e) {
    execErr = e;
    out = (e as { output?: string }).output ?? '';
  }
  cli.out(out + '\n');
  if (execErr) throw new CliError((execErr as Error).message);
}

/**
 * registry.ServiceConfig has its own MarshalJSON (through a map): keys sorted at every level,
 * the deprecated AllowNondistributableArtifacts* fields left out when empty.
 */
function registryConfigJSON(rc: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = { ...rc };
  for (const k of ['AllowNondistributableArtifactsCIDRs', 'AllowNondistributableArtifactsHostnames']) {
    const v = out[k];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) delete out[k];
  }
  const sorted = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sorted);
    if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
      return new Map(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, sorted(v)]));
    }
    return x;
  };
  return sorted(out);
}

// ------------------------------------------------------------------ events

interface EventMessage {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> | null };
  time?: number;
  timeNano?: number;
}

export async function runEvents(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  let format = f.get<string>('format');
  let tmpl: Template | undefined;
  if (format !== '') {
    if (format === 'json') format = '{{json .}}';
    try {
      tmpl = parseDockerTemplate(format);
      tmpl.execute(eventValue({}));
    } catch (e) {
      throw new CliError(`Error parsing format: ${(e as Error).message}`, 64);
    }
  }
  const query: Record<string, string> = {};
  const now = goTime(cli.now());
  for (const key of ['since', 'until'] as const) {
    const v = f.get<string>(key);
    if (v !== '') {
      try {
        query[key] = getTimestamp(v, now, cli.zone);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    }
  }
  const fp = filtersParam(f.get<Record<string, string[]>>('filter'));
  if (fp) query.filters = fp;
  const res = await cli.request('GET', '/events', { query });
  const reader = res.body?.getReader();
  const reading = (async () => {
    const dec = new TextDecoder();
    let buf = '';
    if (!reader) return;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) {
          if (tmpl) {
            let out = '';
            try {
              out = tmpl.execute(eventValue(parseJSONUseNumber(line) as Record<string, unknown>));
            } catch (e) {
              cli.out(((e as { output?: string }).output ?? '') + '\n');
              throw new CliError((e as Error).message);
            }
            cli.out(out + '\n');
          } else {
            const ev = JSON.parse(line) as EventMessage;
            // timeNano does not fit a double: keep its digits
            const nano = /"timeNano":\s*(\d+)/.exec(line)?.[1];
            cli.out(prettyEvent(ev, nano));
          }
        }
        nl = buf.indexOf('\n');
      }
    }
  })();
  if (!cli.signal) return reading;
  const stopped = new Promise<'stopped'>((resolve) => {
    if (cli.signal!.aborted) resolve('stopped');
    cli.signal!.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  const r = await Promise.race([reading.then(() => 'done' as const), stopped]);
  if (r === 'stopped') {
    void reader?.cancel().catch(() => {});
    reading.catch(() => {});
    throw new CliError('', 130);
  }
}

/** an events.Message as the template sees it (a typed struct; JSON through its field tags) */
export function eventValue(m: Record<string, unknown>): GoStruct {
  const actor = (m.Actor ?? {}) as Record<string, unknown>;
  const attrs = (actor.Attributes ?? {}) as Record<string, unknown>;
  const actorValue = new GoStruct('events.Actor', { ID: actor.ID ?? '', Attributes: attrs }, {}, { pointer: false });
  const fields = {
    Status: m.status ?? '',
    ID: m.id ?? '',
    From: m.from ?? '',
    Type: m.Type ?? '',
    Action: m.Action ?? '',
    Actor: actorValue,
    Scope: m.scope ?? '',
    Time: m.time ?? 0,
    TimeNano: m.timeNano ?? 0,
  };
  const json: Record<string, unknown> = {};
  if (fields.Status) json.status = fields.Status;
  if (fields.ID) json.id = fields.ID;
  if (fields.From) json.from = fields.From;
  Object.assign(json, {
    Type: fields.Type,
    Action: fields.Action,
    Actor: new GoStruct('events.Actor', { ID: actor.ID ?? '', Attributes: actor.Attributes ?? null }, {}, { pointer: false }),
    scope: fields.Scope,
    time: fields.Time,
    timeNano: fields.TimeNano,
  });
  return new GoStruct('*events.Message', fields, {}, { json: () => new GoStruct('events.Message', json, {}, { pointer: false }) });
}

function prettyEvent(e: EventMessage, nanoText?: string): string {
  let out = '';
  const nano = nanoText ? BigInt(nanoText) : 0n;
  if (nano !== 0n) out += formatRFC3339NanoFixed(goTime(Number(nano / 1_000_000n), Number(nano % 1_000_000n))) + ' ';
  else if (e.time) out += formatRFC3339NanoFixed(goTime(e.time * 1000)) + ' ';
  out += `${e.Type} ${e.Action} ${e.Actor?.ID ?? ''}`;
  const attrs = e.Actor?.Attributes ?? {};
  const keys = Object.keys(attrs).sort();
  if (keys.length > 0) out += ` (${keys.map((k) => `${k}=${attrs[k]}`).join(', ')})`;
  return out + '\n';
}

// ------------------------------------------------------------------ system df

const DF_HEADER = headerContext({ Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' });

interface DiskUsage {
  LayersSize: number;
  Images: { Id: string; RepoTags: string[] | null; RepoDigests: string[] | null; Created: number; Size: number; SharedSize: number; Containers: number }[] | null;
  Containers: (ContainerSummary & { SizeRw?: number })[] | null;
  Volumes: { Name: string; Driver: string; Mountpoint: string; Labels: Record<string, string> | null; Scope: string; Options: Record<string, string> | null; UsageData: { Size: number; RefCount: number } }[] | null;
  BuildCache: { ID: string; Shared: boolean; InUse: boolean; Size: number }[] | null;
}

function pct(a: number, total: number): string {
  return String(Math.trunc((a * 100) / total));
}

export async function runDf(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const verbose = f.get<boolean>('verbose');
  const du = await cli.json<DiskUsage>('GET', '/system/df');
  const images = du.Images ?? [];
  const containers = du.Containers ?? [];
  const volumes = du.Volumes ?? [];
  const cache = du.BuildCache ?? [];
  let bsz = 0;
  for (const b of cache) if (!b.Shared) bsz += b.Size;
  let format = f.get<string>('format');
  if (format === '') format = 'table';
  if (verbose) return dfVerbose(cli, format, du, bsz);
  if (format === 'table') format = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
  else if (format === 'raw') format = 'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
  const isActive = (s: string) => s === 'running' || s === 'paused' || s === 'restarting';
  const ctx = (typeName: string, m: Record<string, () => string>) =>
    new GoStruct(typeName, {}, m, { json: () => Object.fromEntries(Object.entries(m).map(([k, fn]) => [k, fn()])) });
  const imagesCtx = ctx('*formatter.diskUsageImagesContext', {
    Type: () => 'Images',
    TotalCount: () => String(images.length),
    Active: () => String(images.filter((i) => i.Containers > 0).length),
    Size: () => humanSize(du.LayersSize),
    Reclaimable: () => {
      let used = 0;
      for (const i of images) if (i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1) used += i.Size - i.SharedSize;
      const rec = du.LayersSize - used;
      return du.LayersSize > 0 ? `${humanSize(rec)} (${pct(rec, du.LayersSize)}%)` : humanSize(rec);
    },
  });
  const containersCtx = ctx('*formatter.diskUsageContainersContext', {
    Type: () => 'Containers',
    TotalCount: () => String(containers.length),
    Active: () => String(containers.filter((c) => isActive(c.State)).length),
    Size: () => humanSize(containers.reduce((a, c) => a + (c.SizeRw ?? 0), 0)),
    Reclaimable: () => {
      let rec = 0;
      let total = 0;
      for (const c of containers) {
        if (!isActive(c.State)) rec += c.SizeRw ?? 0;
        total += c.SizeRw ?? 0;
      }
      return total > 0 ? `${humanSize(rec)} (${pct(rec, total)}%)` : humanSize(rec);
    },
  });
  const volumesCtx = ctx('*formatter.diskUsageVolumesContext', {
    Type: () => 'Local Volumes',
    TotalCount: () => String(volumes.length),
    Active: () => String(volumes.filter((v) => v.UsageData.RefCount > 0).length),
    Size: () => humanSize(volumes.reduce((a, v) => a + (v.UsageData.Size !== -1 ? v.UsageData.Size : 0), 0)),
    Reclaimable: () => {
      let rec = 0;
      let total = 0;
      for (const v of volumes) {
        if (v.UsageData.Size !== -1) {
          if (v.UsageData.RefCount === 0) rec += v.UsageData.Size;
          total += v.UsageData.Size;
        }
      }
      return total > 0 ? `${humanSize(rec)} (${pct(rec, total)}%)` : humanSize(rec);
    },
  });
  const cacheCtx = ctx('*formatter.diskUsageBuilderContext', {
    Type: () => 'Build Cache',
    TotalCount: () => String(cache.length),
    Active: () => String(cache.filter((b) => b.InUse).length),
    Size: () => humanSize(bsz),
    Reclaimable: () => humanSize(bsz - cache.filter((b) => b.InUse && !b.Shared).reduce((a, b) => a + b.Size, 0)),
  });
  try {
    cli.out(writeFormatted(format, DF_HEADER, [imagesCtx, containersCtx, volumesCtx, cacheCtx]));
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.message);
    throw e;
  }
}

const DF_IMAGE_HEADER = headerContext({
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
});

async function dfVerbose(cli: Cli, format: string, du: DiskUsage, bsz: number): Promise<void> {
  const trunc = format.startsWith('table');
  const images = (du.Images ?? []).map((i) => {
    let repo = '<none>';
    let tag = '<none>';
    const dangling = (i.RepoTags ?? []).length === 0 && (i.RepoDigests ?? []).length === 0;
    if ((i.RepoTags ?? []).length > 0 && !dangling) {
      try {
        const ref = parseNormalizedNamed(i.RepoTags![0]!);
        if (ref.tag !== undefined) {
          repo = familiarName(ref);
          tag = ref.tag;
        }
      } catch {
        // skipped
      }
    }
    const m: Record<string, () => string> = {
      Containers: () => (i.Containers === -1 ? 'N/A' : String(i.Containers)),
      CreatedSince: () => `${humanDurationSince(cli, i.Created)} ago`,
      Digest: () => '',
      ID: () => (trunc ? truncateID(i.Id) : i.Id),
      Repository: () => repo,
      SharedSize: () => (i.SharedSize === -1 ? 'N/A' : humanSize(i.SharedSize)),
      Size: () => humanSizeP3(i.Size),
      Tag: () => tag,
      UniqueSize: () => (i.Size === -1 || i.SharedSize === -1 ? 'N/A' : humanSize(i.Size - i.SharedSize)),
    };
    return new GoStruct('*formatter.imageContext', {}, m, { json: () => Object.fromEntries(Object.entries(m).map(([k, fn]) => [k, fn()])) });
  });
  const now = cli.now();
  const containers = (du.Containers ?? []).map((c) => containerContext({ ...c, SizeRootFs: 0 }, { trunc, now, zone: cli.zone }));
  const volumes = (du.Volumes ?? []).map((v) => volumeContext(v));
  if (format !== 'table') {
    const tmpl = parseDockerTemplate(format.replace(/\\t/g, '\t').replace(/\\n/g, '\n'));
    cli.out(tmpl.execute({ Images: images, Containers: containers, Volumes: volumes, BuildCache: [] }));
    return;
  }
  let out = 'Images space usage:\n\n';
  out += writeFormatted('table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}', DF_IMAGE_HEADER, images);
  out += '\nContainers space usage:\n\n';
  out += writeFormatted('table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}', CONTAINER_HEADER, containers);
  out += '\nLocal Volumes space usage:\n\n';
  out += writeFormatted(
    'table {{.Name}}\t{{.Links}}\t{{.Size}}',
    headerContext({ ID: 'ID', Name: 'VOLUME NAME', Group: 'GROUP', Driver: 'DRIVER', Scope: 'SCOPE', Availability: 'AVAILABILITY', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Status: 'STATUS' }),
    volumes,
  );
  out += `\nBuild cache usage: ${humanSize(bsz)}\n\n`;
  out += writeFormatted(
    'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}',
    headerContext({ ID: 'CACHE ID', Parent: 'PARENT', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', InUse: 'IN USE', Shared: 'SHARED', Description: 'DESCRIPTION' }),
    [],
  );
  cli.out(out);
}

function humanDurationSince(cli: Cli, created: number): string {
  return humanDuration(cli.now() - created * 1000);
}
function humanSizeP3(n: number): string {
  return humanSizeWithPrecision(n, 3);
}

// ------------------------------------------------------------------ prune

export async function pruneContainers(cli: Cli, filters: Record<string, string[]>, force: boolean): Promise<{ space: number; output: string }> {
  if (!force) {
    const ok = await confirm(cli, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?');
    if (!ok) throw new CancelledError('container prune has been cancelled');
  }
  const query: Record<string, string> = {};
  const fp = filtersParam(filters);
  if (fp) query.filters = fp;
  const report = await cli.json<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>('POST', '/containers/prune', { query });
  let output = '';
  let space = 0;
  if ((report.ContainersDeleted ?? []).length > 0) {
    output = 'Deleted Containers:\n' + report.ContainersDeleted!.map((id) => id + '\n').join('');
    space = report.SpaceReclaimed;
  }
  return { space, output };
}

export async function runContainerPrune(cli: Cli, inv: Invocation): Promise<void> {
  const r = await pruneContainers(cli, inv.flags.get<Record<string, string[]>>('filter'), inv.flags.get<boolean>('force'));
  if (r.output !== '') cli.out(r.output + '\n');
  cli.out(`Total reclaimed space: ${humanSize(r.space)}\n`);
}

async function pruneBuildCache(cli: Cli, all: boolean, filters: Record<string, string[]>): Promise<{ space: number; output: string }> {
  const query: Record<string, string> = {};
  if (all) query.all = '1';
  query.filters = filtersParam(filters) ?? '{}';
  const report = await cli.json<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>('POST', '/build/prune', { query });
  let output = '';
  if ((report.CachesDeleted ?? []).length > 0) output = 'Deleted build cache objects:\n' + report.CachesDeleted!.map((id) => id + '\n').join('');
  return { space: report.SpaceReclaimed ?? 0, output };
}

export async function runSystemPrune(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const all = f.get<boolean>('all');
  const volumes = f.get<boolean>('volumes');
  const filters = f.get<Record<string, string[]>>('filter');
  const buildCache = true;
  if (volumes && filters.until) throw new CliError('ERROR: The "until" filter is not supported with "--volumes"');
  if (!f.get<boolean>('force')) {
    const warnings = ['all stopped containers', 'all networks not used by at least one container'];
    if (volumes) warnings.push('all anonymous volumes not used by at least one container');
    warnings.push(all ? 'all images without at least one container associated to them' : 'all dangling images');
    if (buildCache) warnings.push(all ? 'all build cache' : 'unused build cache');
    const shown: string[] = [];
    for (const name of ['label', 'label!', 'until']) for (const v of filters[name] ?? []) shown.push(`${name}=${v}`);
    shown.sort(naturalCompare);
    let msg = 'WARNING! This will remove:';
    for (const w of warnings) msg += `\n  - ${w}`;
    msg += '\n';
    if (shown.length > 0) {
      msg += '\n  Items to be pruned will be filtered with:';
      for (const s of shown) msg += `\n  - ${s}`;
      msg += '\n';
    }
    msg += '\nAre you sure you want to continue?';
    if (!(await confirm(cli, msg))) throw new CancelledError('system prune has been cancelled');
  }
  let space = 0;
  const steps: (() => Promise<{ space: number; output: string }>)[] = [
    () => pruneContainers(cli, filters, true),
    async () => ({ space: 0, output: await pruneNetworks(cli, filters, true) }),
  ];
  if (volumes) steps.push(() => pruneVolumes(cli, all, filters, true));
  steps.push(() => pruneImages(cli, all, filters, true));
  if (buildCache) steps.push(() => pruneBuildCache(cli, all, filters));
  for (const step of steps) {
    const r = await step();
    space += r.space;
    if (r.output !== '') cli.out(r.output + '\n');
  }
  cli.out(`Total reclaimed space: ${humanSize(space)}\n`);
}

