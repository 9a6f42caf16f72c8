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

const bodies = new WeakMap<Response, Uint8Array>();

/**
 * A response whose body is `bytes`, kept by the caller (a cache) and never changed. Hosts that
 * write responses themselves take the bytes with `bodyBytes` instead of reading the body. The
 * body is a stream of those very bytes (a Response made from bytes copies them at once, read
 * or not): readers of the stream get the cache's bytes and must not write to them.
 */
export function bytesResponse(status: number, bytes: Uint8Array<ArrayBuffer>, contentType: string): Response {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const res = new Response(body, { status, headers: { 'Content-Type': contentType } });
  bodies.set(res, bytes);
  return res;
}

/** The body of a response made by `bytesResponse` (its body stream unread), or undefined. */
export function bodyBytes(res: Response): Uint8Array | undefined {
  return res.bodyUsed ? undefined : bodies.get(res);
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
