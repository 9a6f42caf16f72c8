// /networks/... routes (moby api/server/router/network at v28.2.2).

import type { Hono } from 'hono';
import { invalid, notFound } from '../../sim/core/errors';
import { Filters } from '../../sim/core/filters';
import { bool, f, map, ptr, slice, str, struct } from '../../sim/core/gotypes';
import { EndpointSettings, type EndpointSettingsT } from '../../sim/daemon/apitypes';
import type { NetworkCreate } from '../../sim/daemon/network-service';
import { ctxOf, readJson, traceOp, type Env } from '../app';
import { empty, json } from '../http';
import { networkJson } from '../views/networks';

const IPAMConfig = struct('network.IPAMConfig', [f('Subnet', str), f('IPRange', str), f('Gateway', str), f('AuxiliaryAddresses', map(str))]);
const CreateNetwork = struct('network.CreateRequest', [
  f('Name', str),
  f('Driver', str),
  f('Scope', str),
  f('EnableIPv4', ptr(bool)),
  f('EnableIPv6', ptr(bool)),
  f('IPAM', ptr(struct('network.IPAM', [f('Driver', str), f('Options', map(str)), f('Config', slice(IPAMConfig))]))),
  f('Internal', bool),
  f('Attachable', bool),
  f('Ingress', bool),
  f('ConfigOnly', bool),
  f('Options', map(str)),
  f('Labels', map(str)),
  f('CheckDuplicate', ptr(bool)),
]);
const Connect = struct('network.ConnectOptions', [f('Container', str), f('EndpointConfig', ptr(EndpointSettings))]);
const Disconnect = struct('network.DisconnectOptions', [f('Container', str), f('Force', bool)]);

export function networkRoutes(app: Hono<Env>): void {
  app.get('/networks', (c) => {
    const { e } = ctxOf(c);
    const list = e.networks.list(Filters.parse(c.req.query('filters')));
    return json(200, list.map((n) => networkJson(n, false)));
  });

  app.get('/networks/:id', (c) => {
    const { e } = ctxOf(c);
    const scope = c.req.query('scope');
    const n = e.networks.get(c.req.param('id'));
    if (scope && scope !== n.scope) throw notFound(`network ${c.req.param('id')} not found`);
    return json(200, networkJson(n, true));
  });

  app.post('/networks/create', async (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'network.create');
    const body = await readJson<NetworkCreate>(c, CreateNetwork, 'CreateRequest', { required: true });
    if (!body) throw invalid('invalid JSON: got EOF while reading request body');
    return json(201, e.networks.create(body));
  });

  app.post('/networks/:id/connect', async (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'network.connect');
    const body = await readJson<{ Container: string; EndpointConfig: EndpointSettingsT | null }>(c, Connect, 'ConnectOptions', { required: true });
    e.networks.connect(c.req.param('id'), body?.Container ?? '', body?.EndpointConfig ?? null, op);
    return new Response(null, { status: 200 });
  });

  app.post('/networks/:id/disconnect', async (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'network.disconnect');
    const body = await readJson<{ Container: string; Force: boolean }>(c, Disconnect, 'DisconnectOptions', { required: true });
    e.networks.disconnect(c.req.param('id'), body?.Container ?? '', body?.Force ?? false);
    return new Response(null, { status: 200 });
  });

  app.delete('/networks/:id', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'network.remove');
    e.networks.remove(c.req.param('id'));
    return empty(204);
  });

  app.post('/networks/prune', (c) => {
    const { e } = ctxOf(c);
    return json(200, e.networks.prune(Filters.parse(c.req.query('filters'))));
  });

}
