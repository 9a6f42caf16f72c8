// The Node host: the Engine API of a World on TCP (and unix sockets), for the real docker CLI.
// Unlike the edge runtime it can hijack connections, which `docker run` (attach), `docker exec`
// and `docker attach` require: the daemon answers "101 UPGRADED" and the socket becomes a raw
// two-way stream. Responses are flushed as they are produced (docker run waits for the headers
// of POST /wait before it starts the container).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createEngineApi, TRANSPORT_HEADER, type ApiOptions, type EngineApi } from '../api/app';
import type { Hijacked } from '../api/hijack';
import { bodyBytes, bodyWritten } from '../api/http';

export interface NodeHostOptions extends ApiOptions {
  /** Optional logger of requests (method, path, status). */
  log?: (line: string) => void;
  /** How clients reach this server, told to the API for the trace (default: the API's own). */
  transport?: 'unix' | 'tcp';
}

export interface NodeHost {
  server: Server;
  api: EngineApi;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, base: string, body: Buffer | null, transport?: 'unix' | 'tcp'): Request {
  const headers = new Headers();
  if (transport) headers.set(TRANSPORT_HEADER, transport);
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else headers.set(k, v);
  }
  return new Request(new URL(req.url ?? '/', base).toString(), {
    method: req.method,
    headers,
    body: body && body.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? new Uint8Array(body) : null,
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Go's net/http frames a response the handler writes at once and does not flush (moby's
 * WriteJSON, the ping's "OK") by its size: up to 2,048 bytes (the buffer it holds before it
 * chunks) with a Content-Length, larger ones chunked.
 */
const GO_CHUNKING_SIZE = 2048;

function writeWhole(res: ServerResponse, status: number, headers: Record<string, string>, body: Uint8Array, written?: () => void): void {
  const small = body.byteLength <= GO_CHUNKING_SIZE;
  if (small) headers['content-length'] = String(body.byteLength);
  else headers['transfer-encoding'] = 'chunked';
  res.writeHead(status, headers);
  if (written) res.once('finish', written);
  if (small) {
    res.end(body);
    return;
  }
  // one chunk, then the last: one write to the socket
  res.cork();
  res.write(body);
  res.end();
}

async function writeResponse(res: ServerResponse, r: Response, method: string): Promise<void> {
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => {
    headers[k] = v;
  });
  if (!r.body || method === 'HEAD') {
    if (!('content-length' in headers) && r.status !== 204 && r.status !== 304) headers['content-length'] = '0';
    res.writeHead(r.status, headers);
    res.end();
    bodyWritten(r); // a HEAD answer holds no body
    return;
  }
  // a cached body the API kept as bytes: written as it is, without reading (copying) the stream;
  // once handed to the OS the cache may have its bytes back (not when the connection broke first)
  const bytes = bodyBytes(r);
  if (bytes) return writeWhole(res, r.status, headers, bytes, () => bodyWritten(r));
  if ('content-length' in headers) {
    res.writeHead(r.status, headers);
  } else {
    const type = r.headers.get('content-type') ?? '';
    if ((type === 'application/json' || type.startsWith('text/plain')) && !isStreamingPath(res)) return writeWhole(res, r.status, headers, new Uint8Array(await r.arrayBuffer()));
    res.writeHead(r.status, headers);
    res.flushHeaders();
  }
  const reader = r.body.getReader();
  res.on('close', () => {
    void reader.cancel().catch(() => {});
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.writableEnded) res.write(value);
  }
  res.end();
}

const STREAMING = [/\/containers\/[^/]+\/wait$/, /\/events$/, /\/containers\/[^/]+\/stats$/, /\/images\/create$/, /\/containers\/[^/]+\/logs$/, /\/build$/, /\/images\/[^/]+\/push$/];
function isStreamingPath(res: ServerResponse): boolean {
  const url = (res.req as IncomingMessage).url ?? '';
  const path = url.split('?')[0]!;
  return STREAMING.some((re) => re.test(path));
}

/** Writes the upgrade answer and connects the socket to the hijacked stream. */
function bridge(socket: Duplex, h: Hijacked, upgraded: boolean): void {
  const head = upgraded
    ? `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${h.contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`
    : // without an upgrade moby always names the raw stream, whatever the framing (container_routes.go)
      `HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n`;
  socket.write(head);
  let ended = false;
  h.onOutput((chunk) => {
    if (!ended) socket.write(chunk);
  });
  h.onEnd(() => {
    if (ended) return;
    ended = true;
    socket.end();
  });
  socket.on('data', (d: Buffer) => h.write(new Uint8Array(d)));
  // readUpgradeBody pauses the socket when the body came in its own packets; a paused socket
  // stays paused when a 'data' listener is added, and the client's stdin would never arrive
  socket.resume();
  socket.on('end', () => h.closeWrite());
  socket.on('close', () => {
    if (!ended) {
      ended = true;
      h.abort();
    }
  });
  socket.on('error', () => {
    if (!ended) {
      ended = true;
      h.abort();
    }
  });
}

export function createNodeHost(api: EngineApi, opts: NodeHostOptions = {}): NodeHost {
  const base = 'http://docker';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const request = toRequest(req, base, body, opts.transport);
        const path = (req.url ?? '').split('?')[0]!;
        if (req.method === 'POST' && (/\/attach$/.test(path) || /^(\/v[\d.]+)?\/exec\/[^/]+\/start$/.test(path))) {
          const h = await api.hijack(request);
          if (h && !(h instanceof Response)) {
            // moby hijacks even without an Upgrade header
            res.detachSocket(req.socket);
            bridge(req.socket, h, false);
            opts.log?.(`${req.method} ${req.url} -> hijacked`);
            return;
          }
          if (h instanceof Response) {
            await writeResponse(res, h, req.method ?? 'POST');
            return;
          }
        }
        const r = await api.fetch(request);
        opts.log?.(`${req.method} ${req.url} -> ${r.status}`);
        await writeResponse(res, r, req.method ?? 'GET');
      } catch (e) {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(`${JSON.stringify({ message: e instanceof Error ? e.message : String(e) })}\n`);
        } else res.end();
      }
    })();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      try {
        const body = await readUpgradeBody(req, socket, head);
        const h = await api.hijack(toRequest(req, base, body, opts.transport));
        opts.log?.(`${req.method} ${req.url} -> upgrade`);
        if (h === null) {
          socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 29\r\n\r\n{"message":"page not found"}\n');
          return;
        }
        if (h instanceof Response) {
          const text = await h.text();
          const hdrs: string[] = [];
          h.headers.forEach((v, k) => hdrs.push(`${k}: ${v}`));
          socket.end(`HTTP/1.1 ${h.status} ${h.statusText || 'Error'}\r\n${hdrs.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
          return;
        }
        bridge(socket, h, true);
      } catch (e) {
        socket.end(`HTTP/1.1 500 Internal Server Error\r\n\r\n${e instanceof Error ? e.message : e}`);
      }
    })();
  });
  server.keepAliveTimeout = 60_000;
  return {
    server,
    api,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The body of an upgrade request (exec start carries JSON): Content-Length bytes after the head. */
function readUpgradeBody(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<Buffer> {
  const len = Number(req.headers['content-length'] ?? '0');
  if (!len) return Promise.resolve(head.subarray(0, 0));
  if (head.length >= len) {
    const rest = head.subarray(len);
    if (rest.length > 0) socket.unshift(rest);
    return Promise.resolve(head.subarray(0, len));
  }
  return new Promise((resolve) => {
    let buf = head;
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= len) {
        socket.off('data', onData);
        socket.pause();
        const rest = buf.subarray(len);
        if (rest.length > 0) socket.unshift(rest);
        resolve(buf.subarray(0, len));
      }
    };
    socket.on('data', onData);
  });
}

export { createEngineApi };
