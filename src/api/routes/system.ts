// System routes: /_ping, /version, /info, /events, /system/df (moby api/server/router/system).

import type { Hono } from 'hono';
import { eventJson, type DockerEvent } from '../../sim/core/events';
import { Filters } from '../../sim/core/filters';
import { rfc3339Nano } from '../../sim/core/time';
import { ENGINE } from '../../sim/daemon/daemon';
import { compareStamps, parseTimeArg } from '../../sim/daemon/containers';
import { compareVersions, ctxOf, type Ctx, type Env } from '../app';
import { invalid } from '../../sim/core/errors';
import { familiarName } from '../../sim/daemon/refs';
import { engineHeaders, json, stream } from '../http';
import { dataUsage } from '../views/df';

function pingHeaders(ctx: Ctx): Record<string, string> {
  return {
    ...engineHeaders(),
    'Builder-Version': '2',
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
    Swarm: ctx.e.swarmStatus?.() ?? 'inactive',
  };
}

export function systemRoutes(app: Hono<Env>): void {
  app.get('/_ping', (c) => new Response('OK', { status: 200, headers: { ...pingHeaders(ctxOf(c)), 'Content-Type': 'text/plain; charset=utf-8' } }));
  app.on('HEAD', '/_ping', (c) =>
    new Response(null, { status: 200, headers: { ...pingHeaders(ctxOf(c)), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0' } }),
  );

  // docker login: the simulated registries accept any user with a password
  app.post('/auth', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { username?: string; password?: string } | null;
    if (!body || !body.username || !body.password) return json(401, { message: 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password' });
    return json(200, { Status: 'Login Succeeded', IdentityToken: '' });
  });

  app.get('/version', (c) => {
    const { d } = ctxOf(c);
    const details = {
      ApiVersion: ENGINE.apiVersion,
      Arch: d.info.goArch,
      BuildTime: ENGINE.buildTime,
      Experimental: 'false',
      GitCommit: ENGINE.gitCommit,
      GoVersion: ENGINE.goVersion,
      KernelVersion: d.info.kernelVersion,
      MinAPIVersion: ENGINE.minApiVersion,
      Os: 'linux',
    };
    return json(200, {
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        { Name: 'Engine', Version: ENGINE.version, Details: details },
        { Name: 'containerd', Version: ENGINE.containerd.version, Details: { GitCommit: ENGINE.containerd.gitCommit } },
        { Name: 'runc', Version: ENGINE.runc.version, Details: { GitCommit: ENGINE.runc.gitCommit } },
        { Name: 'docker-init', Version: ENGINE.init.version, Details: { GitCommit: ENGINE.init.gitCommit } },
      ],
      Version: ENGINE.version,
      ApiVersion: ENGINE.apiVersion,
      MinAPIVersion: ENGINE.minApiVersion,
      GitCommit: ENGINE.gitCommit,
      GoVersion: ENGINE.goVersion,
      Os: 'linux',
      Arch: d.info.goArch,
      KernelVersion: d.info.kernelVersion,
      BuildTime: ENGINE.buildTime,
    });
  });

  app.get('/info', (c) => {
    const ctx = ctxOf(c);
    return json(200, systemInfo(ctx));
  });

  app.get('/system/df', (c) => {
    const ctx = ctxOf(c);
    const types = c.req.queries('type') ?? [];
    return json(200, dataUsage(ctx, types));
  });

  app.get('/events', (c) => {
    const { d } = ctxOf(c);
    const now = d.now();
    const sinceQ = c.req.query('since');
    const untilQ = c.req.query('until');
    // to the nanosecond: `--since` a container's Created must include its create event
    const since = sinceQ ? parseTimeArg(sinceQ, now) : null;
    const until = untilQ ? parseTimeArg(untilQ, now) : null;
    if (until !== null && since !== null && compareStamps(until, since) < 0)
      throw invalid(`\`since\` time (${sinceQ}) cannot be after \`until\` time (${untilQ})`);
    // moby's events route parses the filters but does not validate their keys: unknown ones
    // match everything (api/server/router/system/system_routes.go getEvents)
    const filters = Filters.parse(c.req.query('filters'));
    // clients before API 1.46 are not sent image create events
    const old = compareVersions(ctxOf(c).version, '1.46') < 0;
    const match = (ev: DockerEvent) => !(old && ev.type === 'image' && ev.action === 'create') && eventMatches(filters, ev);
    return stream('application/json', (push, close) => {
      if (since !== null || until !== null) {
        for (const ev of d.events.recent()) {
          if (since !== null && compareStamps(ev.stamp, since) < 0) continue;
          if (until !== null && compareStamps(ev.stamp, until) > 0) continue;
          if (match(ev)) push(`${eventJson(ev)}\n`);
        }
      }
      if (until !== null && until.ms <= now) {
        close();
        return;
      }
      const unsub = d.events.subscribe((ev) => {
        if (until !== null && compareStamps(ev.stamp, until) > 0) return;
        if (match(ev)) push(`${eventJson(ev)}\n`);
      });
      let timer: number | undefined;
      if (until !== null)
        timer = d.world.clock.setTimeout(() => {
          unsub();
          close();
        }, until.ms - now);
      return () => {
        unsub();
        d.world.clock.clearTimeout(timer);
      };
    });
  });
}

/** moby daemon/events/filter.go (Filter.Include). */
export function eventMatches(f: Filters, ev: DockerEvent): boolean {
  const a = ev.attributes;
  const fuzzyName = (key: string) => f.fuzzyMatch(key, ev.actorId) || f.fuzzyMatch(key, a.name ?? '');
  const special = f.get('event').some((v) => v === 'health_status' || v === 'exec_create' || v === 'exec_start');
  if (special ? !f.fuzzyMatch('event', ev.action) : !f.exactMatch('event', ev.action)) return false;
  if (!f.exactMatch('type', ev.type)) return false;
  if (f.has('scope') && !f.exactMatch('scope', ev.scope)) return false;
  for (const key of ['daemon', 'container', 'plugin', 'volume', 'network', 'node', 'service', 'secret', 'config']) if (!fuzzyName(key)) return false;
  const imageName = (ev.type === 'image' ? a.name : a.image) ?? '';
  if (
    !(
      f.exactMatch('image', ev.actorId) ||
      f.exactMatch('image', imageName) ||
      f.exactMatch('image', familiarName(ev.actorId)) ||
      f.exactMatch('image', familiarName(imageName))
    )
  )
    return false;
  if (f.has('label') && !f.matchKVList('label', a)) return false;
  return true;
}

export function systemInfo(ctx: Ctx): Record<string, unknown> {
  const { d, e } = ctx;
  const all = [...d.containers.values()];
  const running = all.filter((c) => c.status === 'running' || c.status === 'restarting').length;
  const paused = all.filter((c) => c.status === 'paused').length;
  return {
    ID: d.id,
    Containers: all.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: all.length - running - paused,
    Images: d.images.images.size,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 30 + all.length * 4,
    OomKillDisable: false,
    NGoroutines: 48 + running * 9,
    SystemTime: rfc3339Nano({ ms: d.now(), ns: 0 }),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: d.events.listenerCount(),
    KernelVersion: d.info.kernelVersion,
    OperatingSystem: d.info.operatingSystem,
    OSVersion: d.info.osVersion,
    OSType: 'linux',
    Architecture: d.info.architecture,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      AllowNondistributableArtifactsCIDRs: null,
      AllowNondistributableArtifactsHostnames: null,
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
      Mirrors: null,
    },
    NCPU: d.info.ncpu,
    MemTotal: d.info.memTotal,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: d.info.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE.version,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } }, runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } } },
    DefaultRuntime: 'runc',
    Swarm: e.swarmInfo?.() ?? {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: ENGINE.containerd.gitCommit },
    RuncCommit: { ID: ENGINE.runc.gitCommit },
    InitCommit: { ID: ENGINE.init.gitCommit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    FirewallBackend: { Driver: 'iptables' },
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Warnings: apiWarnings(ctx.opts.listeners ?? []),
  };
}

// moby daemon/info.go fillAPIInfo: every TCP listener without TLS (docksim's never use TLS).
const ATTACK_SURFACE = `
         Access to the remote API is equivalent to root access on the host. Refer
         to the 'Docker daemon attack surface' section in the documentation for
         more information: https://docs.docker.com/go/attack-surface/`;
const REMOVAL = 'In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/';

export function apiWarnings(listeners: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const l of listeners) {
    const m = /^tcp:\/\/(.*)$/.exec(l);
    if (m) out.push(`[DEPRECATION NOTICE]: API is accessible on http://${m[1]} without encryption.${ATTACK_SURFACE}\n${REMOVAL}`);
  }
  return out.length > 0 ? out : null;
}
