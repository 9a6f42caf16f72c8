// Traefik v3: its startup lines ("INF Traefik version 3.4.3 built on ..."), entry points from
// flags (:80 by default), the API and dashboard with --api.insecure on :8080, /ping, the docker
// provider (routers and services from container labels, through a mounted docker.sock, or its
// "Cannot connect to the Docker daemon" error without one), reverse proxying with its 404 and
// 502 answers, the access log, and `traefik version`.

import type { Command } from '../../sh/types';
import { Signal } from '../../sh/types';
import type { HttpRequest, HttpResponse } from '../network/ports';
import { dockerContainers, httpClient, listen, sleep, trap, type DockerContainerInfo, type HttpClient } from './effects';
import { byteLength, header, reason } from './lib/http';
import { clfTime, httpDate, rfc3339 } from './lib/time';

const VERSIONS: Record<string, { codename: string; built: string; go: string }> = {
  '3.4.3': { codename: 'chaource', built: '2025-06-26T16:52:41Z', go: 'go1.24.4' },
  '2.11.26': { codename: 'mimolette', built: '2025-06-26T16:52:41Z', go: 'go1.23.10' },
};

interface Flags {
  values: Map<string, string>;
  bad: string | null;
}

function flags(args: string[]): Flags {
  const values = new Map<string, string>();
  let bad: string | null = null;
  for (const a of args) {
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      bad ??= a;
      continue;
    }
    values.set(m[1]!.toLowerCase(), m[2] ?? 'true');
  }
  return { values, bad };
}

interface Router {
  name: string;
  rule: string;
  entrypoints: string[] | null;
  service: string;
  target: { ip: string; port: number } | null;
  priority: number;
}

/** Host(`a`), PathPrefix(`/x`), Path(`/x`), with && and ||. */
export function ruleMatches(rule: string, host: string, path: string): boolean {
  const or = rule.split('||');
  return or.some((part) =>
    part.split('&&').every((term) => {
      const m = /^\s*!?\s*(Host|HostRegexp|PathPrefix|Path|Method)\(\s*([^)]*)\)\s*$/.exec(term);
      if (!m) return false;
      const vals = m[2]!.split(',').map((v) => v.trim().replace(/^[`"']|[`"']$/g, ''));
      const negate = term.trim().startsWith('!');
      let ok: boolean;
      switch (m[1]) {
        case 'Host':
          ok = vals.some((v) => v.toLowerCase() === host.toLowerCase());
          break;
        case 'HostRegexp':
          ok = vals.some((v) => new RegExp(v).test(host));
          break;
        case 'PathPrefix':
          ok = vals.some((v) => path.startsWith(v));
          break;
        case 'Path':
          ok = vals.some((v) => path === v);
          break;
        default:
          ok = true;
      }
      return negate ? !ok : ok;
    }),
  );
}

function dockerRouters(list: DockerContainerInfo[], self: DockerContainerInfo | undefined, exposedByDefault: boolean, network: string | null): Router[] {
  const out: Router[] = [];
  for (const c of list) {
    if (self && c.id === self.id) continue;
    const enabled = c.labels['traefik.enable'];
    if (enabled === 'false' || (!exposedByDefault && enabled !== 'true')) continue;
    const shared = network ?? Object.keys(c.networks).find((n) => self && n in self.networks) ?? Object.keys(c.networks)[0];
    const ip = shared ? c.networks[shared] : undefined;
    const services = new Map<string, number>();
    for (const [k, v] of Object.entries(c.labels)) {
      const m = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.server\.port$/.exec(k);
      if (m) services.set(m[1]!, Number(v));
    }
    const defaultPort = c.exposed.length > 0 ? Math.min(...c.exposed) : 80;
    const names = new Set<string>();
    for (const k of Object.keys(c.labels)) {
      const m = /^traefik\.http\.routers\.([^.]+)\./.exec(k);
      if (m) names.add(m[1]!);
    }
    if (names.size === 0) names.add(c.name);
    for (const r of names) {
      const rule = c.labels[`traefik.http.routers.${r}.rule`] ?? `Host(\`${c.name}\`)`;
      const svc = c.labels[`traefik.http.routers.${r}.service`] ?? (services.size === 1 ? [...services.keys()][0]! : c.name);
      const port = services.get(svc) ?? defaultPort;
      const eps = c.labels[`traefik.http.routers.${r}.entrypoints`];
      out.push({ name: `${r}@docker`, rule, entrypoints: eps ? eps.split(',') : null, service: `${svc}@docker`, target: ip ? { ip, port } : null, priority: rule.length });
    }
  }
  return out.sort((a, b) => b.priority - a.priority);
}

export const traefik: Command = function* (ctx) {
  const version = (ctx.env.get('TRAEFIK_VERSION') ?? '3.4.3').replace(/^v/, '');
  const info = VERSIONS[version] ?? VERSIONS['3.4.3']!;
  const args = ctx.args.slice(1);
  const sub = args[0] && !args[0].startsWith('-') ? args[0] : null;
  if (sub === 'version') {
    ctx.stdout.write(`Version:      ${version}\nCodename:     ${info.codename}\nGo version:   ${info.go}\nBuilt:        ${info.built}\nOS/Arch:      linux/${ctx.sys.machine === 'aarch64' ? 'arm64' : 'amd64'}\n`);
    return 0;
  }
  if (sub !== null && args.includes('--help')) return sub === 'traefik' || sub === 'healthcheck' || sub === 'version' ? 0 : 1;
  if (sub === 'healthcheck') {
    ctx.stdout.write('OK: http://:8080/ping\n');
    return 0;
  }
  if (sub !== null && sub !== 'traefik') {
    ctx.stderr.write(`command ${sub} not found\n`);
    return 1;
  }
  const f = flags(sub ? args.slice(1) : args);
  if (f.bad) {
    ctx.stderr.write(`${rfc3339(ctx.sys.now())} ERR Command error error="failed to decode configuration from flags: field not found, node: ${f.bad}"\n`);
    return 1;
  }
  const v = f.values;
  const level = (v.get('log.level') ?? 'ERROR').toUpperCase();
  const rank: Record<string, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, FATAL: 4, PANIC: 5 };
  const minRank = rank[level] ?? 3;
  const log = (lvl: 'DBG' | 'INF' | 'WRN' | 'ERR', text: string) => {
    const r = { DBG: 0, INF: 1, WRN: 2, ERR: 3 }[lvl];
    if (r >= minRank) ctx.stdout.write(`${rfc3339(ctx.sys.now())} ${lvl} ${text}\n`);
  };
  // the version and data-collection notice come before the configured level applies
  ctx.stdout.write(`${rfc3339(ctx.sys.now())} INF Traefik version ${version} built on ${info.built} version=${version}\n`);
  ctx.stdout.write(`${rfc3339(ctx.sys.now())} INF \nStats collection is disabled.\nHelp us improve Traefik by turning this feature on :)\nMore details on: https://doc.traefik.io/traefik/contributing/data-collection/\n\n`);

  const entrypoints = new Map<string, number>();
  for (const [k, val] of v) {
    const m = /^entrypoints\.([^.]+)\.address$/.exec(k);
    if (m) entrypoints.set(m[1]!, Number(val.split(':').pop()));
  }
  const api = v.get('api.insecure') === 'true';
  if (entrypoints.size === 0) entrypoints.set('http', 80);
  if ((api || v.has('ping')) && !entrypoints.has('traefik')) entrypoints.set('traefik', 8080);
  const docker = v.get('providers.docker') === 'true' || [...v.keys()].some((k) => k.startsWith('providers.docker.'));
  const exposedByDefault = v.get('providers.docker.exposedbydefault') !== 'false';
  const network = v.get('providers.docker.network') ?? null;
  const accessLog = v.get('accesslog') === 'true';
  log('INF', 'Starting provider aggregator *aggregator.ProviderAggregator');
  log('INF', 'Starting provider *traefik.Provider');
  const lister = docker ? yield* dockerContainers() : null;
  if (docker) {
    log('INF', 'Starting provider *docker.Provider');
    if (!lister) ctx.stdout.write(`${rfc3339(ctx.sys.now())} ERR Provider error, retrying in 483.367469ms error="Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" providerName=docker\n`);
  }
  const client: HttpClient = yield* httpClient();
  const text = (status: number, body: string): HttpResponse => ({ status, statusText: reason(status), headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', Date: httpDate(ctx.sys.now()), 'Content-Length': String(byteLength(body)) }, body });
  const routers = (): Router[] => {
    if (!lister) return [];
    const list = lister();
    const self = list.find((c) => c.name === ctx.sys.hostname || c.id.startsWith(ctx.sys.hostname));
    return dockerRouters(list, self, exposedByDefault, network);
  };
  const handlerFor = (ep: string) => (req: HttpRequest): HttpResponse => {
    const path = (req.path || '/').split('?')[0]!;
    if (ep === 'traefik' && (api || v.has('ping'))) {
      if (v.has('ping') && path === '/ping') return text(200, 'OK');
      if (api && path === '/api/version') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: `${JSON.stringify({ Version: version, Codename: info.codename, startDate: new Date(ctx.sys.now()).toISOString() })}\n` };
      if (api && path === '/api/http/routers') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: `${JSON.stringify(routers().map((r) => ({ entryPoints: r.entrypoints ?? [...entrypoints.keys()].filter((e) => e !== 'traefik'), service: r.service, rule: r.rule, status: 'enabled', using: r.entrypoints ?? [...entrypoints.keys()].filter((e) => e !== 'traefik'), name: r.name, provider: 'docker' })))}\n` };
      if (api && (path === '/' || path.startsWith('/dashboard'))) {
        if (path === '/') return { status: 302, statusText: 'Found', headers: { Location: '/dashboard/', 'Content-Type': 'text/html; charset=utf-8' }, body: '<a href="/dashboard/">Found</a>.\n\n' };
        return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Traefik</title></head><body><div id="q-app"></div></body></html>' };
      }
      return text(404, '404 page not found\n');
    }
    const host = (header(req.headers, 'host') ?? req.host).replace(/:\d+$/, '');
    const r = routers().find((x) => (x.entrypoints === null || x.entrypoints.includes(ep)) && ruleMatches(x.rule, host, path));
    let res: HttpResponse;
    if (!r) res = text(404, '404 page not found\n');
    else if (!r.target) res = text(502, 'Bad Gateway');
    else {
      const up = client(r.target.ip, r.target.port, { method: req.method, path: req.path, headers: { ...req.headers, 'X-Forwarded-For': req.remoteAddr, 'X-Forwarded-Host': header(req.headers, 'host') ?? host, 'X-Forwarded-Port': String(entrypoints.get(ep)), 'X-Forwarded-Proto': 'http', 'X-Forwarded-Server': ctx.sys.hostname, 'X-Real-Ip': req.remoteAddr }, body: req.body });
      res = up.ok && up.response ? up.response : text(502, 'Bad Gateway');
    }
    if (accessLog) ctx.stdout.write(`${req.remoteAddr} - - [${clfTime(ctx.sys.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${byteLength(res.body)} "-" "${header(req.headers, 'user-agent') ?? '-'}" 1 "${r ? r.name : '-'}" "${r?.target ? `http://${r.target.ip}:${r.target.port}` : '-'}" 0ms\n`);
    return res;
  };
  for (const [ep, port] of entrypoints) {
    if (!(yield* listen(port, handlerFor(ep)))) {
      ctx.stdout.write(`${rfc3339(ctx.sys.now())} ERR Error while starting server error="listen tcp :${port}: bind: address already in use" entryPointName=${ep}\n`);
      return 1;
    }
  }
  for (const s of ['SIGTERM', 'SIGINT']) yield* trap(s, 'catch');
  for (;;) {
    try {
      yield* sleep(60_000);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      log('INF', 'I have to go...');
      log('INF', 'Stopping server gracefully');
      for (const ep of entrypoints.keys()) log('INF', `Server stopped entryPointName=${ep}`);
      log('INF', 'Shutting down');
      return 0;
    }
  }
};

