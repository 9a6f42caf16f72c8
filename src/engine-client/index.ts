// A small client for the Docker Engine API over any transport: the in-page World (app.fetch),
// the edge session, or a real daemon behind the proxy. It knows the wire (versioned paths,
// JSON errors, NDJSON streams, stdcopy framing, hijacked streams); the CLI builds on it.

export interface Duplex {
  /** application/vnd.docker.multiplexed-stream or application/vnd.docker.raw-stream */
  contentType: string;
  /** Output from the daemon, until it ends. */
  output: AsyncIterable<Uint8Array>;
  write(data: Uint8Array | string): void;
  /** Half-close: no more input (stdin EOF). */
  closeWrite(): void;
  /** Abandon the stream. */
  close(): void;
}

export interface Transport {
  fetch(req: Request): Promise<Response>;
  /** Attach and exec start: a two-way stream, or the daemon's error response. */
  hijack(req: Request): Promise<Duplex | Response>;
}

/**
 * Bodies a transport holds in memory as bytes (the in-page API's cached listings): read without
 * the Response's stream. In a browser, reading a body through its stream takes a few tasks
 * however small it is (a frame may be drawn before the text arrives); these are decoded at once.
 */
const heldBodies = new WeakMap<Response, { bytes: Uint8Array; done: () => void }>();
const utf8 = new TextDecoder();

/**
 * A transport's response whose body is `bytes`: `responseText` decodes them rather than read
 * the stream, then calls `done` (the bytes are not needed any more). Read another way (its
 * stream, arrayBuffer), the response is an ordinary one.
 */
export function holdBody(res: Response, bytes: Uint8Array, done: () => void = () => {}): void {
  heldBodies.set(res, { bytes, done });
}

/** The text of a response's body, as res.text() gives it. */
export async function responseText(res: Response): Promise<string> {
  const held = heldBodies.get(res);
  if (held && !res.bodyUsed) {
    heldBodies.delete(res);
    // like res.text(): UTF-8, a leading BOM dropped, malformed sequences replaced
    const text = utf8.decode(held.bytes);
    held.done();
    // the body is consumed: its stream is not read any more
    void res.body?.cancel().catch(() => {});
    return text;
  }
  return res.text();
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly route: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface PingInfo {
  apiVersion: string;
  osType: string;
  experimental: boolean;
  builderVersion: string;
  swarm: string;
}

export const CLIENT_API_VERSION = '1.50';

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export function queryString(q: Query = {}): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const x of v) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
    else if (typeof v === 'boolean') parts.push(`${encodeURIComponent(k)}=${v ? '1' : '0'}`);
    else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export class EngineClient {
  version = CLIENT_API_VERSION;
  private pinged: PingInfo | null = null;

  constructor(
    readonly transport: Transport,
    private readonly base = 'http://docker',
  ) {}

  /** HEAD /_ping (GET as fallback), negotiating the API version as the docker CLI does. */
  async ping(): Promise<PingInfo> {
    let res = await this.transport.fetch(new Request(`${this.base}/_ping`, { method: 'HEAD' }));
    if (res.status !== 200 && res.status !== 500) res = await this.transport.fetch(new Request(`${this.base}/_ping`));
    const h = res.headers;
    const info: PingInfo = {
      apiVersion: h.get('api-version') ?? '1.24',
      osType: h.get('ostype') ?? 'linux',
      experimental: h.get('docker-experimental') === 'true',
      builderVersion: h.get('builder-version') ?? '',
      swarm: h.get('swarm') ?? 'inactive',
    };
    if (compare(info.apiVersion, CLIENT_API_VERSION) < 0) this.version = info.apiVersion;
    this.pinged = info;
    return info;
  }

  async negotiated(): Promise<PingInfo> {
    return this.pinged ?? this.ping();
  }

  url(path: string, q?: Query): string {
    return `${this.base}/v${this.version}${path}${queryString(q)}`;
  }

  /** A request; errors (status >= 400) become ApiError with the daemon's message. */
  async request(method: string, path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<Response> {
    await this.negotiated();
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    let body: BodyInit | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await this.transport.fetch(new Request(this.url(path, opts.query), { method, headers, body }));
    if (res.status >= 400) throw await errorOf(res, method, this.url(path, opts.query));
    return res;
  }

  async json<T = unknown>(method: string, path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const res = await this.request(method, path, opts);
    const text = await responseText(res);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Attach / exec start. */
  async hijack(path: string, opts: { query?: Query; body?: unknown } = {}): Promise<Duplex> {
    await this.negotiated();
    const headers: Record<string, string> = { Connection: 'Upgrade', Upgrade: 'tcp' };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    } else headers['Content-Type'] = 'text/plain';
    const r = await this.transport.hijack(new Request(this.url(path, opts.query), { method: 'POST', headers, body }));
    if (r instanceof Response) throw await errorOf(r, 'POST', this.url(path, opts.query));
    return r;
  }
}

async function errorOf(res: Response, method: string, url: string): Promise<ApiError> {
  const text = await res.text();
  const ct = res.headers.get('content-type');
  let message = text.trim();
  if (ct === 'application/json') {
    try {
      message = String((JSON.parse(text) as { message?: string }).message ?? '').trim();
    } catch {
      // keep the raw text, as the docker CLI does
    }
  }
  if (message === '') message = `request returned ${statusText(res.status)} for API route and version ${url}, check if the server supports the requested API version`;
  return new ApiError(res.status, message, `${method} ${url}`);
}

function statusText(code: number): string {
  const texts: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  return `${texts[code] ?? 'Error'}`;
}

export function compare(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

/** Lines of an NDJSON body as they arrive. */
export async function* jsonLines<T = unknown>(res: Response): AsyncGenerator<T> {
  if (!res.body) return;
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) yield JSON.parse(line) as T;
      nl = buf.indexOf('\n');
    }
  }
  if (buf.trim()) yield JSON.parse(buf) as T;
}

/** Chunks of a byte stream body. */
export async function* bodyChunks(res: Response): AsyncGenerator<Uint8Array> {
  if (!res.body) return;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export interface Frame {
  stream: 0 | 1 | 2 | 3;
  data: Uint8Array;
}

/** stdcopy demultiplexing (pkg/stdcopy): 8-byte headers, big-endian lengths. */
export async function* demux(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Frame> {
  let buf = new Uint8Array(0);
  for await (const c of chunks) {
    const next = new Uint8Array(buf.length + c.length);
    next.set(buf);
    next.set(c, buf.length);
    buf = next;
    while (buf.length >= 8) {
      const len = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(4, false);
      if (buf.length < 8 + len) break;
      const stream = buf[0]!;
      if (stream > 3) throw new Error(`Unrecognized input header: ${stream}`);
      yield { stream: stream as Frame['stream'], data: buf.slice(8, 8 + len) };
      buf = buf.slice(8 + len);
    }
  }
}
