// Docker Hub (registry-1.docker.io): the official-image catalog behind Hub's rules. Anyone may
// pull; a repository that does not exist answers 401 with an insufficient_scope challenge;
// pushes are accepted only into `<user>/...` for the logged-in user.

import { HUB_CATALOG } from './catalog/index';
import { Registry, type AccessRequest } from './registry';

export const HUB_HOST = 'docker.io';
export const HUB_API_HOST = 'registry-1.docker.io';

/** Docker Hub's access rule: pull anything; push only into your own namespace. */
export function hubAuthorize(req: AccessRequest): boolean {
  if (req.action === 'pull') return true;
  return req.user !== undefined && req.repository.startsWith(`${req.user}/`);
}

export class Hub extends Registry {
  /** `_owner` is accepted for callers that hand the World in; the Hub needs nothing from it. */
  constructor(_owner?: unknown) {
    super({
      host: HUB_HOST,
      catalog: HUB_CATALOG,
      unknownRepository: 'insufficient-scope',
      authorize: hubAuthorize,
      service: 'registry.docker.io',
    });
  }
}
