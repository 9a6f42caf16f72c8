// Responses as moby writes them: JSON with Content-Type exactly "application/json" and a
// trailing newline, errors as {"message": "..."}, streams as NDJSON, and the headers every
// response of the daemon carries.

import { DaemonError } from '../sim/core/errors';
import { GoJsonError } from '../sim/core/gotypes';
import { ENGINE } from '../sim/daemon/daemon';

export const JSON_TYPE = 'application/json';

export function engineHeaders(): Record<string, string> {
  return {
    'Api-Version': ENGINE.apiVersion,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${ENGINE.version} (linux)`,
  };
}

export function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: { 'Content-Type': JSON_TYPE, ...extra } });
}

/**
 * Bytes a cache lends to one response. `release` is called once, if ever: with true when the
 * host has written them and holds them no more (the cache may write over them), with false
 * when the body stream was read (a reader keeps them: never to be written over).
 */
export interface LentBytes {
  bytes: Uint8Array<ArrayBuffer>;
  release?: (reusable: boolean) => void;
}

interface Kept extends LentBytes {
  released: boolean;
}
const bodies = new WeakMap<Response, Kept>();

function release(kept: Kept, reusable: boolean): void {
  if (kept.released) return;
  kept.released = true;
  kept.release?.(reusable);
}

/**
 * A response whose body is bytes kept by the caller (a cache) and never changed while lent.
 * Hosts that write responses themselves take the bytes with `bodyBytes` instead of reading the
 * body, and say `bodyWritten` once written. The body is a stream of those very bytes, made
 * when first read (a Response made from bytes copies them at once, read or not): readers of
 * the stream get the cache's bytes and must not write to them.
 */
export function bytesResponse(status: number, body: Uint8Array<ArrayBuffer> | LentBytes, contentType: string): Response {
  const kept: Kept = body instanceof Uint8Array ? { bytes: body, released: false } : { ...body, released: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        release(kept, false);
        controller.enqueue(kept.bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const res = new Response(stream, { status, headers: { 'Content-Type': contentType } });
  bodies.set(res, kept);
  return res;
}

/** The body of a response made by `bytesResponse` (its body stream unread), or undefined. */
export function bodyBytes(res: Response): Uint8Array | undefined {
  return res.bodyUsed ? undefined : bodies.get(res)?.bytes;
}

/** The host wrote the bytes `bodyBytes` gave and holds them no more. */
export function bodyWritten(res: Response): void {
  const kept = bodies.get(res);
  if (kept && !res.bodyUsed) release(kept, true);
}

export function empty(status: number): Response {
  return new Response(null, { status });
}

export function errorResponse(status: number, message: string): Response {
  return json(status, { message });
}

/** Maps an exception to the daemon's error response. */
export function fromError(e: unknown): Response {
  if (e instanceof DaemonError) {
    if (e.status === 304) return empty(304);
    return errorResponse(e.status, e.message);
  }
  if (e instanceof GoJsonError) return errorResponse(400, `invalid JSON: ${e.message}`);
  if (e instanceof HttpError) return errorResponse(e.status, e.message);
  const msg = e instanceof Error ? e.message : String(e);
  return errorResponse(500, msg);
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A streaming body fed by a producer; `close` ends it. */
export function stream(contentType: string, start: (push: (chunk: string | Uint8Array) => void, close: () => void) => (() => void) | void, status = 200): Response {
  let cleanup: (() => void) | void;
  let closed = false;
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const push = (chunk: string | Uint8Array) => {
        if (closed) return;
        controller.enqueue(typeof chunk === 'string' ? enc.encode(chunk) : chunk);
      };
      const close = () => {
        if (closed) return;
        closed = true;
        controller.close();
        if (cleanup) cleanup();
      };
      cleanup = start(push, close);
      if (closed && cleanup) cleanup();
    },
    cancel() {
      closed = true;
      if (cleanup) cleanup();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** Parses boolean query values as moby's httputils.BoolValue: anything but "", "0", "no", "false", "none" is true. */
export function boolValue(v: string | undefined | null): boolean {
  if (v === undefined || v === null) return false;
  const s = v.trim().toLowerCase();
  return !(s === '' || s === '0' || s === 'no' || s === 'false' || s === 'none');
}

/** strconv.Atoi-style integer query value, or the default when empty. */
export function intValue(v: string | undefined | null, dflt: number, name: string): number {
  if (v === undefined || v === null || v === '') return dflt;
  if (!/^[+-]?\d+$/.test(v)) throw new DaemonError('invalid', `invalid value for ${name}: strconv.Atoi: parsing "${v}": invalid syntax`);
  return Number(v);
}
