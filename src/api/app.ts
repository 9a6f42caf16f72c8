// The Docker Engine API over one host of a World, as a Hono app: moby's paths (with or without
// the /v1.NN prefix), status codes, headers, JSON shapes and error bodies. Simulator-only
// operations live apart under /_sim/. Attach and exec-start need a hijacked connection; hosts
// that can hijack (the Node host) call `hijack`, the rest get moby's error.

import { Hono, type Context } from 'hono';
import { getPath } from 'hono/utils/url';
import { DaemonError } from '../sim/core/errors';
import { decode, type GoType } from '../sim/core/gotypes';
import type { TraceOp } from '../sim/core/trace';
import type { Daemon } from '../sim/daemon/daemon';
import { ENGINE } from '../sim/daemon/daemon';
import { engineOf, type Engine } from '../sim/engine';
import type { World } from '../sim/world';
import { engineHeaders, errorResponse, fromError, HttpError } from './http';
import type { Hijacked } from './hijack';
import { buildRoutes } from './routes/build';
import { containerRoutes } from './routes/containers';
import { execRoutes } from './routes/exec';
import { imageRoutes } from './routes/images';
import { networkRoutes } from './routes/networks';
import { simRoutes } from './routes/sim';
import { systemRoutes } from './routes/system';
import { volumeRoutes } from './routes/volumes';
import { hijackAttach, hijackExec, RAW } from './hijack';

export interface ApiOptions {
  /** The host (daemon) this API speaks for; default: the world's first host. */
  host?: string;
  /** How clients reach it, for the trace: 'unix' (/var/run/docker.sock) or 'tcp'. */
  transport?: 'unix' | 'tcp';
  /** Called before each request (a real-time host advances the clock here). */
  sync?: () => void;
  /**
   * POST /_sim/reset: the host gives a fresh World to continue with (and drops whatever it kept
   * of the old one). Without it, reset is refused.
   */
  reset?: () => World;
  /** Largest request body accepted, in bytes (default 1 MiB; builds: 256 MiB). */
  maxBodyBytes?: number;
  /**
   * The addresses the daemon listens on, as dockerd's -H options (`tcp://127.0.0.1:2375`,
   * `unix:///var/run/docker.sock`); `docker info` warns about TCP ones without TLS.
   */
  listeners?: string[];
}

export interface Ctx {
  world: World;
  d: Daemon;
  e: Engine;
  opts: ApiOptions;
  /** API version the client asked for (from the path prefix), or the current one. */
  version: string;
  /** Starts over with a fresh World (when the host allows it). */
  replaceWorld?: () => World;
}

export type Env = { Variables: { ctx: Ctx } };

export interface EngineApi {
  app: Hono<Env>;
  /** The World answered for (a reset replaces it). */
  readonly world: World;
  fetch(req: Request): Promise<Response>;
  /** For attach and exec start: the hijacked stream, or null when the request is not one. */
  hijack(req: Request): Promise<Hijacked | Response | null>;
}

/** Set by a host on each request: how the client reached it ('unix' or 'tcp'), for the trace. */
export const TRANSPORT_HEADER = 'x-docksim-transport';

const VERSION_RE = /^\/v(\d+\.\d+)(\/.*)$/;

export function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

/** Splits the version prefix off a path; returns an error response for unsupported versions. */
export function splitVersion(path: string): { version: string; path: string } | Response {
  const m = VERSION_RE.exec(path);
  if (!m) return { version: ENGINE.apiVersion, path };
  const version = m[1]!;
  if (compareVersions(version, ENGINE.minApiVersion) < 0)
    return errorResponse(
      400,
      `client version ${version} is too old. Minimum supported API version is ${ENGINE.minApiVersion}, please upgrade your client to a newer version`,
    );
  if (compareVersions(version, ENGINE.apiVersion) > 0)
    return errorResponse(400, `client version ${version} is too new. Maximum supported API version is ${ENGINE.apiVersion}`);
  return { version, path: m[2]! };
}

/** The path Hono routes on: the request's, without its version prefix (checked before). */
function routePath(req: Request): string {
  const path = getPath(req);
  const m = VERSION_RE.exec(path);
  return m ? m[2]! : path;
}

export function createEngineApi(initial: World, opts: ApiOptions = {}): EngineApi {
  const app = new Hono<Env>({ getPath: routePath });
  let world = initial;
  const ctxFor = (version: string): Ctx => {
    const d = world.daemon(opts.host);
    return { world, d, e: engineOf(d), opts, version, replaceWorld: opts.reset ? () => (world = opts.reset!()) : undefined };
  };
  // Hono's `c.env` carries our per-request context into the routes.
  app.use('*', async (c, next) => {
    const env = c.env as { ctx?: Ctx } | undefined;
    c.set('ctx', env?.ctx ?? ctxFor(ENGINE.apiVersion));
    // reads are on the trace too (docker ps is a GET to dockerd); pings and /_sim are not
    const path = c.req.path;
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && path !== '/_ping' && !path.startsWith('/_sim/')) traceOp(c, `GET ${path}`);
    await next();
  });

  systemRoutes(app);
  containerRoutes(app);
  execRoutes(app);
  imageRoutes(app);
  networkRoutes(app);
  volumeRoutes(app);
  buildRoutes(app);
  simRoutes(app);
  app.notFound(() => errorResponse(404, 'page not found'));
  app.onError((err) => fromError(err));

  const withHeaders = (res: Response): Response => {
    const h = engineHeaders();
    // Responses built by us are mutable; streamed ones from elsewhere may not be.
    try {
      for (const [k, v] of Object.entries(h)) if (!res.headers.has(k)) res.headers.set(k, v);
      return res;
    } catch {
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(h)) if (!headers.has(k)) headers.set(k, v);
      return new Response(res.body, { status: res.status, headers });
    }
  };

  const prepare = async (req: Request): Promise<{ req: Request; version: string } | Response> => {
    const url = new URL(req.url);
    const split = splitVersion(url.pathname);
    if (split instanceof Response) return split;
    // without a body the request goes on as it is (Hono routes on its path without the version)
    if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return { req, version: split.version };
    url.pathname = split.path;
    const limit = opts.maxBodyBytes ?? (split.path === '/build' ? 256 << 20 : 1 << 20);
    const len = Number(req.headers.get('content-length') ?? '0');
    if (len > limit) return errorResponse(413, `request body too large: ${len} bytes (limit ${limit})`);
    const body = await readLimited(req, limit);
    if (body === null) return errorResponse(413, `request body too large (limit ${limit} bytes)`);
    const inner = new Request(url.toString(), { method: req.method, headers: req.headers, body });
    return { req: inner, version: split.version };
  };

  const fetch = async (req: Request): Promise<Response> => {
    try {
      opts.sync?.();
      const p = await prepare(req);
      if (p instanceof Response) return withHeaders(p);
      const res = await app.fetch(p.req, { ctx: ctxFor(p.version) } as never);
      return withHeaders(res);
    } catch (e) {
      return withHeaders(fromError(e));
    }
  };

  const hijack = async (req: Request): Promise<Hijacked | Response | null> => {
    opts.sync?.();
    const url = new URL(req.url);
    const split = splitVersion(url.pathname);
    if (split instanceof Response) return withHeaders(split);
    const ctx = ctxFor(split.version);
    const attach = /^\/containers\/([^/]+)\/attach$/.exec(split.path);
    const exec = /^\/exec\/([^/]+)\/start$/.exec(split.path);
    if (req.method !== 'POST' || (!attach && !exec)) return null;
    try {
      if (attach) return await hijackAttach(ctx, decodeURIComponent(attach[1]!), url.searchParams);
      return await hijackExec(ctx, decodeURIComponent(exec![1]!), req);
    } catch (e) {
      // moby answers a failed attach on the connection it has hijacked: a status line, the raw
      // stream content type and the error's text with CRLF (postContainersAttach)
      if (attach && e instanceof DaemonError && e.status !== 304)
        return new Response(`${e.message}\r\n`, { status: e.status, headers: { 'Content-Type': RAW } });
      return withHeaders(fromError(e));
    }
  };

  return {
    app,
    get world() {
      return world;
    },
    fetch,
    hijack,
  };
}

async function readLimited(req: Request, limit: number): Promise<ArrayBuffer | null> {
  const reader = req.body!.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out.buffer;
}

// ---- helpers for routes ------------------------------------------------------------------------

export function ctxOf(c: Context<Env>): Ctx {
  return c.get('ctx');
}

/** Starts a trace op with the client's hop to dockerd. */
export function traceOp(c: Context<Env>, name: string): TraceOp {
  const { d, opts } = ctxOf(c);
  const op = d.op(name);
  const transport = c.req.header(TRANSPORT_HEADER) ?? opts.transport;
  const via = transport === 'tcp' ? 'tcp' : 'unix socket';
  d.hop(op, 'client', 'dockerd', `${c.req.method} ${c.req.path} (REST over ${via})`);
  return op;
}

/** moby's CheckForJSON + DecodeConfig: reads a JSON body into a Go type. */
export async function readJson<T>(c: Context<Env>, type: GoType, root: string, opts: { required?: boolean } = {}): Promise<T | null> {
  const text = await c.req.text();
  const ct = c.req.header('content-type') ?? '';
  if (ct === '' && text === '') {
    if (opts.required) throw new DaemonError('invalid', 'invalid JSON: got EOF while reading request body');
    return null;
  }
  const mime = ct.split(';')[0]!.trim().toLowerCase();
  if (mime !== 'application/json') {
    if (text === '' && !opts.required) return null;
    throw new DaemonError('invalid', `unsupported Content-Type header (${ct}): must be 'application/json'`);
  }
  if (text.trim() === '') {
    if (opts.required) throw new DaemonError('invalid', 'invalid JSON: got EOF while reading request body');
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DaemonError('invalid', `invalid JSON: ${goJsonSyntaxError(text)}`);
  }
  return decode(type, value, root) as T;
}

/** Go's encoding/json syntax error text for the first bad character (close to it). */
export function goJsonSyntaxError(text: string): string {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const ch = text[i];
  if (ch === undefined) return 'unexpected end of JSON input';
  if (!'{["tfn-0123456789'.includes(ch)) return `invalid character '${ch}' looking for beginning of value`;
  return 'unexpected end of JSON input';
}

export function q(c: Context<Env>, name: string): string | undefined {
  return c.req.query(name);
}

export { HttpError };
