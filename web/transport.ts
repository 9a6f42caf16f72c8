// The Engine API client's transport inside the page: requests go straight to the in-page API
// app (no network), bodies the API keeps as bytes are handed over as they are, and attach /
// exec start become a Duplex over the API's hijacked stream.

import type { EngineApi } from '../src/api/app';
import type { Hijacked } from '../src/api/hijack';
import { bodyBytes, bodyWritten } from '../src/api/http';
import { holdBody, type Duplex, type Transport } from '../src/engine-client';

export function inProcessTransport(api: Pick<EngineApi, 'fetch' | 'hijack'>): Transport {
  return {
    async fetch(req) {
      const res = await api.fetch(req);
      // a body the API keeps as bytes (the container list) is read from them, not its stream
      const bytes = bodyBytes(res);
      if (bytes) holdBody(res, bytes, () => bodyWritten(res));
      return res;
    },
    async hijack(req) {
      const h = await api.hijack(req.clone());
      if (h === null) return api.fetch(req);
      if (h instanceof Response) return h;
      return duplexOf(h);
    },
  };
}

const enc = new TextEncoder();

/** The client's view of a hijacked stream: output as an async iterable, input as writes. */
export function duplexOf(h: Hijacked): Duplex {
  const queue: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  h.onOutput((chunk) => {
    if (ended) return;
    queue.push(chunk);
    notify();
  });
  h.onEnd(() => {
    ended = true;
    notify();
  });
  let inputClosed = false;
  return {
    contentType: h.contentType,
    output: {
      [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
        return {
          async next(): Promise<IteratorResult<Uint8Array>> {
            for (;;) {
              if (queue.length) return { value: queue.shift()!, done: false };
              if (ended) return { value: undefined, done: true };
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
            }
          },
          async return(): Promise<IteratorResult<Uint8Array>> {
            return { value: undefined, done: true };
          },
        };
      },
    },
    write(data) {
      if (inputClosed || ended) return;
      h.write(typeof data === 'string' ? enc.encode(data) : data);
    },
    closeWrite() {
      if (inputClosed) return;
      inputClosed = true;
      h.closeWrite();
    },
    close() {
      if (ended) return;
      ended = true;
      queue.length = 0;
      h.abort();
      notify();
    },
  };
}
