// A Transport for the Engine API over TCP (DOCKER_HOST=tcp://host:port) or a unix socket, for
// Node: requests through node:http, attach and exec start hijacked over node:net as the docker
// client does it (Connection: Upgrade, Upgrade: tcp, then a raw two-way stream).

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex, Transport } from '../engine-client';

export interface HttpTransportOptions {
  /** tcp://127.0.0.1:2375, or unix:///var/run/docker.sock */
  host: string;
  userAgent?: string;
}

function target(host: string): { socketPath?: string; hostname?: string; port?: number } {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const u = new URL(host.replace(/^tcp:/, 'http:'));
  return { hostname: u.hostname, port: Number(u.port || '2375') };
}

function toHeaders(res: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else h.set(k, v);
  }
  return h;
}

export function httpTransport(opts: HttpTransportOptions): Transport {
  const t = target(opts.host);
  const agent = opts.userAgent ?? 'Docker-Client/28.2.2 (linux)';

  const doFetch = (req: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url);
      void req.arrayBuffer().then((body) => {
        const headers: Record<string, string> = { 'User-Agent': agent };
        req.headers.forEach((v, k) => (headers[k] = v));
        if (body.byteLength > 0) headers['Content-Length'] = String(body.byteLength);
        const r = httpRequest(
          { ...t, method: req.method, path: url.pathname + url.search, headers, host: t.socketPath ? 'api.moby.localhost' : undefined },
          (res) => {
            const status = res.statusCode ?? 500;
            const stream = new ReadableStream<Uint8Array>({
              start(controller) {
                res.on('data', (c: Buffer) => controller.enqueue(new Uint8Array(c)));
                res.on('end', () => controller.close());
                res.on('error', (e) => controller.error(e));
              },
              cancel() {
                res.destroy();
              },
            });
            const nullBody = status === 204 || status === 304 || req.method === 'HEAD';
            if (nullBody) res.resume();
            resolve(new Response(nullBody ? null : stream, { status, headers: toHeaders(res) }));
          },
        );
        r.on('error', reject);
        if (req.signal) req.signal.addEventListener('abort', () => r.destroy(new Error('aborted')));
        if (body.byteLength > 0) r.write(Buffer.from(body));
        r.end();
      }, reject);
    });

  const hijack = (req: Request): Promise<Duplex | Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url);
      void req.arrayBuffer().then((body) => {
        const sock: Socket = t.socketPath ? connect(t.socketPath) : connect(t.port!, t.hostname!);
        sock.on('error', reject);
        sock.on('connect', () => {
          const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${t.socketPath ? 'api.moby.localhost' : `${t.hostname}:${t.port}`}`, `User-Agent: ${agent}`];
          req.headers.forEach((v, k) => lines.push(`${k}: ${v}`));
          lines.push(`Content-Length: ${body.byteLength}`);
          sock.write(lines.join('\r\n') + '\r\n\r\n');
          if (body.byteLength > 0) sock.write(Buffer.from(body));
        });
        let head = Buffer.alloc(0);
        const onData = (d: Buffer) => {
          head = Buffer.concat([head, d]);
          const end = head.indexOf('\r\n\r\n');
          if (end < 0) return;
          sock.off('data', onData);
          const text = head.subarray(0, end).toString('latin1');
          const rest = head.subarray(end + 4);
          const [statusLine, ...hlines] = text.split('\r\n');
          const status = Number(/^HTTP\/1\.[01] (\d+)/.exec(statusLine!)?.[1] ?? '500');
          const headers = new Headers();
          for (const l of hlines) {
            const i = l.indexOf(':');
            if (i > 0) headers.append(l.slice(0, i).trim(), l.slice(i + 1).trim());
          }
          if (status !== 101 && status !== 200) {
            // an error answer: read its body (Content-Length) and hand back a Response
            const len = Number(headers.get('content-length') ?? '0');
            let bodyBuf = rest;
            const finish = () => {
              sock.destroy();
              resolve(new Response(bodyBuf.subarray(0, len), { status, headers }));
            };
            if (bodyBuf.length >= len) return finish();
            sock.on('data', (more: Buffer) => {
              bodyBuf = Buffer.concat([bodyBuf, more]);
              if (bodyBuf.length >= len) finish();
            });
            sock.on('end', finish);
            return;
          }
          sock.off('error', reject);
          resolve(duplexOf(sock, headers.get('content-type') ?? '', rest));
        };
        sock.on('data', onData);
      }, reject);
    });

  return { fetch: doFetch, hijack };
}

function duplexOf(sock: Socket, contentType: string, first: Buffer): Duplex {
  const queue: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  if (first.length > 0) queue.push(new Uint8Array(first));
  sock.on('data', (d: Buffer) => {
    queue.push(new Uint8Array(d));
    wake?.();
  });
  const finish = () => {
    ended = true;
    wake?.();
  };
  sock.on('end', finish);
  sock.on('close', finish);
  sock.on('error', finish);
  const output: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (ended) return;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
    },
  };
  return {
    contentType,
    output,
    write: (data) => {
      if (!sock.destroyed) sock.write(typeof data === 'string' ? data : Buffer.from(data));
    },
    closeWrite: () => {
      if (!sock.destroyed) sock.end();
    },
    close: () => sock.destroy(),
  };
}
