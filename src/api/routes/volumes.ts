// /volumes/... routes (moby api/server/router/volume at v28.2.2).

import type { Hono } from 'hono';
import { invalid } from '../../sim/core/errors';
import { Filters } from '../../sim/core/filters';
import { f, map, str, struct } from '../../sim/core/gotypes';
import { compareVersions, ctxOf, readJson, traceOp, type Env } from '../app';
import { boolValue, empty, json } from '../http';
import { volumeJson } from '../views/volumes';

const CreateVolume = struct('volume.CreateOptions', [f('Name', str), f('Driver', str), f('DriverOpts', map(str)), f('Labels', map(str))]);

export function volumeRoutes(app: Hono<Env>): void {
  app.get('/volumes', (c) => {
    const { d, e } = ctxOf(c);
    const list = e.volumes.list(Filters.parse(c.req.query('filters')));
    return json(200, { Volumes: list.map((v) => volumeJson(d, v)), Warnings: null });
  });

  app.post('/volumes/create', async (c) => {
    const { d, e } = ctxOf(c);
    traceOp(c, 'volume.create');
    const body = await readJson<{ Name: string; Driver: string; DriverOpts: Record<string, string> | null; Labels: Record<string, string> | null }>(c, CreateVolume, 'CreateOptions');
    if (!body) throw invalid('invalid JSON: got EOF while reading request body');
    return json(201, volumeJson(d, e.volumes.create(body)));
  });

  app.post('/volumes/prune', (c) => {
    const { e, version } = ctxOf(c);
    const filters = Filters.parse(c.req.query('filters'));
    // before API 1.42 a prune took every unused volume, not only anonymous ones
    if (compareVersions(version, '1.42') < 0) filters.fields.set('all', new Set(['true']));
    return json(200, e.volumes.prune(filters, (v) => e.volumeSize(v)));
  });

  app.get('/volumes/:name', (c) => {
    const { d, e } = ctxOf(c);
    return json(200, volumeJson(d, e.volumes.get(c.req.param('name'))));
  });

  app.delete('/volumes/:name', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'volume.remove');
    e.volumes.remove(c.req.param('name'), boolValue(c.req.query('force')));
    return empty(204);
  });
}
