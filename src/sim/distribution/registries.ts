// The registries a world's hosts can reach: Docker Hub (docker.io, serving the catalog of
// official images) and registries run by learners in containers (localhost:5000), found through
// the `served` callback the engine gives.

import { Hub } from '../registry/hub';
import type { Registry } from '../registry/registry';

export type RegistryLookup = (domain: string) => Registry | { error: string };

export class Registries {
  readonly hub: Registry;

  constructor() {
    this.hub = new Hub();
  }

  /** The registry at `domain`; `served` finds one a container serves on this host. */
  lookup(domain: string, served?: (host: string, port: number) => Registry | undefined): Registry | { error: string } {
    if (domain === 'docker.io' || domain === 'index.docker.io' || domain === 'registry-1.docker.io') return this.hub;
    const host = domain.split(':')[0]!;
    const port = Number(domain.split(':')[1] ?? '443');
    const s = served?.(host, port);
    if (s) return s;
    if (host === 'localhost' || host === '127.0.0.1')
      return { error: `Get "http://${domain}/v2/": dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${domain.split(':')[1] ?? '443'}: connect: connection refused` };
    return { error: `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host` };
  }
}
