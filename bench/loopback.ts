// A keep-alive HTTP/1.1 client to load a server on loopback, as load generators do (wrk): one
// connection, reads into one buffer it reuses, and of each answer parses only its framing (the
// head, then Content-Length or chunks), so that a figure measures the server and the transfer
// rather than a client's costs per byte (node:http's client makes a Buffer and an event of each
// 64 KB it reads). Runs in the bench's process, or apart: `node --import tsx bench/loopback.ts
// PORT WARMUP N PATH...` prints the latencies in ms of each path as JSON.

import { connect, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

export interface LoopbackClient {
  /** Sends a request and resolves with the answer's status once its whole body is in. */
  request(method: string, path: string, body?: string): Promise<number>;
  close(): void;
}

const CR = 0x0d;
const LF = 0x0a;

export async function loopbackClient(port: number, host = '127.0.0.1'): Promise<LoopbackClient> {
  // the answer being read: its head (as text), then its body's framing
  let done: ((status: number) => void) | null = null;
  let failed: ((e: Error) => void) | null = null;
  let noBody = false;
  let head = '';
  let status = 0;
  let state: 'head' | 'length' | 'size' | 'data' | 'dataEnd' | 'trailer' = 'head';
  let left = 0; // bytes of body (length) or of the chunk (data, dataEnd) still to come
  let line = ''; // a chunk's size line, or the trailer's

  const finish = () => {
    state = 'head';
    const d = done!;
    done = null;
    failed = null;
    d(status);
  };
  const onHead = () => {
    const lines = head.split('\r\n');
    status = Number(lines[0]!.split(' ')[1]);
    const h = (name: string) => lines.find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    head = '';
    if (noBody || status === 204 || status === 304 || (status >= 100 && status < 200)) return finish();
    if (h('transfer-encoding')?.toLowerCase() === 'chunked') {
      state = 'size';
      line = '';
      return;
    }
    left = Number(h('content-length') ?? '0');
    if (left === 0) return finish();
    state = 'length';
  };
  const onRead = (n: number, buf: Buffer): void => {
    let i = 0;
    while (i < n && done) {
      switch (state) {
        case 'head': {
          // the head ends at an empty line (which may come split over two reads); heads are
          // small, read as text a few KB at a time (not the body that may follow in the read)
          const upto = Math.min(n, i + 4096);
          const text = head + buf.toString('latin1', i, upto);
          const end = text.indexOf('\r\n\r\n');
          if (end < 0) {
            head = text;
            i = upto;
            break;
          }
          i += end + 4 - head.length;
          head = text.slice(0, end + 4);
          onHead();
          break;
        }
        case 'length': {
          const take = Math.min(left, n - i);
          left -= take;
          i += take;
          if (left === 0) finish();
          break;
        }
        case 'size':
        case 'trailer': {
          const c = buf[i++]!;
          if (c !== LF) {
            if (c !== CR) line += String.fromCharCode(c);
            break;
          }
          if (state === 'trailer') {
            if (line === '') finish();
            line = '';
            break;
          }
          left = parseInt(line.split(';')[0]!, 16);
          line = '';
          state = left === 0 ? 'trailer' : 'data';
          break;
        }
        case 'data': {
          const take = Math.min(left, n - i);
          left -= take;
          i += take;
          if (left === 0) {
            state = 'dataEnd';
            left = 2;
          }
          break;
        }
        case 'dataEnd': {
          const take = Math.min(left, n - i);
          left -= take;
          i += take;
          if (left === 0) state = 'size';
          break;
        }
      }
    }
  };

  const socket: Socket = connect({ host, port, onread: { buffer: Buffer.allocUnsafe(1 << 20), callback: (n, buf) => (onRead(n, buf as Buffer), true) } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  socket.on('error', (e) => failed?.(e));
  socket.on('close', () => failed?.(new Error('the server closed the connection')));
  return {
    request(method, path, body = '') {
      if (done) return Promise.reject(new Error('one request at a time'));
      noBody = method === 'HEAD';
      return new Promise<number>((resolve, reject) => {
        done = resolve;
        failed = reject;
        const length = body ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` : '';
        socket.write(`${method} ${path} HTTP/1.1\r\nHost: docker\r\n${length}\r\n${body}`);
      });
    },
    close: () => socket.destroy(),
  };
}

/** Requests of one path in a row, before the next path's. */
const BLOCK = 20;

/**
 * Latencies in ms of `n` GETs of each of `paths`, after `warmup` untimed ones: the paths take
 * turns by blocks of 20 (so that each meets the same moments of a noisy machine, and little of
 * what the server does after one path's answer falls in another's); by path.
 */
export async function timeGets(port: number, paths: string[], warmup: number, n: number): Promise<Record<string, number[]>> {
  const c = await loopbackClient(port);
  try {
    for (let i = 0; i < warmup; i++) for (const p of paths) await c.request('GET', p);
    const out: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
    for (let done = 0; done < n; done += BLOCK)
      for (const p of paths)
        for (let i = done; i < Math.min(n, done + BLOCK); i++) {
          const t0 = performance.now();
          await c.request('GET', p);
          out[p]!.push(performance.now() - t0);
        }
    return out;
  } finally {
    c.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, warmup, n, ...paths] = process.argv.slice(2);
  const times = await timeGets(Number(port), paths, Number(warmup), Number(n));
  process.stdout.write(`${JSON.stringify(times)}\n`);
}
