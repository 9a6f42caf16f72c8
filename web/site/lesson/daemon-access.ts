// The lesson page's daemon, wired into the host shell: the in-page Engine API at each address
// the lesson's dockerd listens on (the `listen` front matter: dockerd's -H options), requests
// over TCP marked so for the trace. What an address means to docker (-H, DOCKER_HOST) and to
// curl (--unix-socket, a TCP address) is the shell's: src/shell/daemon.ts.
//
// A page gives the shell `daemon: daemonListeners(access)`.

import { TRANSPORT_HEADER } from '../../../src/api/app';
import type { Transport } from '../../../src/engine-client';
import type { DaemonListeners } from '../../../src/shell';

/** What serves an address: the in-page Engine API's transport. */
export interface DaemonAccess {
  /** The daemon's addresses (dockerd -H). */
  listen: readonly string[];
  /** A transport to the API, for requests arriving over 'unix' or 'tcp'. */
  transport(via: 'unix' | 'tcp'): Transport;
}

/** A transport whose requests are marked as arriving over `via`. */
export function marked(t: Transport, via: 'unix' | 'tcp'): Transport {
  const mark = (req: Request): Request => {
    const r = new Request(req);
    r.headers.set(TRANSPORT_HEADER, via);
    return r;
  };
  return { fetch: (req) => t.fetch(mark(req)), hijack: (req) => t.hijack(mark(req)) };
}

/** The shell's `daemon` option: each listening address and the API a client reaching it gets. */
export function daemonListeners(access: DaemonAccess): DaemonListeners {
  return Object.fromEntries(access.listen.map((l) => [l, access.transport(l.startsWith('tcp://') ? 'tcp' : 'unix')]));
}
