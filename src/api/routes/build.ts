// /build/... routes (moby api/server/router/build at v28.2.2). The simulated daemon keeps no
// BuildKit cache yet, so pruning it finds nothing; `docker system prune` and
// `docker builder prune` call this after the other prunes.

import type { Hono } from 'hono';
import { Filters } from '../../sim/core/filters';
import { type Env } from '../app';
import { json } from '../http';

// builder/builder-next/builder.go Prune: unused-for, until, label, label! and the exposed cache fields
const PRUNE_FILTERS = ['unused-for', 'until', 'label', 'label!', 'id', 'parent', 'type', 'description', 'inuse', 'shared', 'private'];

export function buildRoutes(app: Hono<Env>): void {
  app.post('/build/prune', (c) => {
    const filters = Filters.parse(c.req.query('filters'));
    filters.validate(PRUNE_FILTERS);
    return json(200, { CachesDeleted: null, SpaceReclaimed: 0 });
  });
}
