// The `registry` image's program (CNCF distribution, `registry serve /etc/distribution/config.yml`):
// an OCI distribution registry on port 5000. Its content is a src/sim/registry Registry that
// the daemons of the world push to and pull from (a push to localhost:5000/app finds it through
// the host's published port), and that answers the HTTP API for curl.

import type { Command } from '../../../sh/types';
import { Registry, RegistryError } from '../../registry/registry';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { custom, listen, waitForSignal } from '../effects';

const VERSION = '3.0.0';
const GO = 'go1.23.7';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, f: string) => `.${f}000000Z`);
}

function clf(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Docker-Distribution-Api-Version': 'registry/2.0', ...extra },
  body: `${JSON.stringify(body)}\n`,
});

/** The read side of the distribution HTTP API (what curl and a browser ask). */
export function registryHttp(reg: Registry, req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0]!;
  try {
    if (path === '/v2/' || path === '/v2') return json(200, {});
    if (path === '/v2/_catalog') return json(200, { repositories: reg.repositories() });
    let m = /^\/v2\/(.+)\/tags\/list$/.exec(path);
    if (m) return json(200, { name: m[1], tags: reg.tags(m[1]!) });
    m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (m) {
      const man = reg.getManifest(m[1]!, m[2]!);
      return {
        status: 200,
        headers: { 'Content-Type': man.mediaType, 'Docker-Content-Digest': man.digest, 'Docker-Distribution-Api-Version': 'registry/2.0' },
        body: req.method === 'HEAD' ? '' : man.text,
      };
    }
    m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path);
    if (m) {
      const b = reg.getBlob(m[1]!, m[2]!);
      const body = b.kind === 'bytes' ? new TextDecoder().decode(b.bytes) : '';
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': b.digest, 'Content-Length': String(b.size) }, body: req.method === 'HEAD' ? '' : body };
    }
    if (path === '/') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '' };
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  } catch (e) {
    if (e instanceof RegistryError) return json(e.status, e.body);
    throw e;
  }
}

export const registry: Command = function* (ctx) {
  const now = () => ctx.sys.now();
  const instance = `${ctx.sys.hostname}-0000-4000-8000-000000000000`.slice(0, 36);
  const fields = `go.version=${GO} instance.id=${instance} service=registry version=${VERSION}`;
  const log = (level: string, msg: string) => ctx.stderr.write(`time="${stamp(now())}" level=${level} msg="${msg}" ${fields}\n`);
  const args = ctx.args.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    ctx.stdout.write(`${ctx.args[0]} github.com/distribution/distribution/v3 v${VERSION}\n`);
    return 0;
  }
  if (args[0] !== 'serve') {
    ctx.stdout.write('`registry`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect `garbage-collect` deletes layers not referenced by any manifests\n  help            Help about any command\n  serve           `serve` stores and distributes Docker images\n\nFlags:\n  -h, --help      help for registry\n  -v, --version   show the version and exit\n\nUse "registry [command] --help" for more information about a command.\n');
    return 0;
  }
  const reg = new Registry({ host: 'localhost:5000' });
  log('info', 'Starting upload purge in 30m0s');
  log(
    'warning',
    'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.',
  );
  log('info', 'redis not configured');
  log('info', 'using inmemory blob descriptor cache');
  const ok = yield* listen(5000, (req) => {
    const res = registryHttp(reg, req);
    ctx.stdout.write(`${req.remoteAddr} - - [${clf(now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length} "" "${req.headers['user-agent'] ?? req.headers['User-Agent'] ?? ''}"\n`);
    return res;
  });
  if (!ok) {
    ctx.stderr.write(`time="${stamp(now())}" level=fatal msg="listen tcp :5000: bind: address already in use"\n`);
    return 1;
  }
  // the daemons of the world reach this registry's content through its published port
  yield custom('serve-registry', { port: 5000, registry: reg });
  log('info', 'listening on [::]:5000');
  try {
    yield* waitForSignal();
  } catch {
    log('info', 'stopping server');
  }
  return 0;
};
