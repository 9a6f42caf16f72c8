// /containers/... routes (moby api/server/router/container at v28.2.2).

import type { Context, Hono } from 'hono';
import { DaemonError, invalid } from '../../sim/core/errors';
import { Filters } from '../../sim/core/filters';
import { decode } from '../../sim/core/gotypes';
import { rfc3339NanoFixed } from '../../sim/core/time';
import { CreateRequest, UpdateConfig, type ContainerConfig, type EndpointSettingsT, type HostConfigT } from '../../sim/daemon/apitypes';
import { compareStamps, parseTimeArg } from '../../sim/daemon/containers';
import { compareVersions, ctxOf, readJson, traceOp, type Env } from '../app';
import { frame, streamType } from '../hijack';
import { boolValue, bytesResponse, empty, intValue, json, stream } from '../http';
import { containerInspect, containerListBody, containerSummaryParts } from '../views/containers';
import { containerStats, statsJson } from '../views/stats';
import { containerTop } from '../views/top';

interface CreateBody extends ContainerConfig {
  HostConfig: HostConfigT | null;
  NetworkingConfig: { EndpointsConfig: Record<string, EndpointSettingsT | null> | null } | null;
}

export function containerRoutes(app: Hono<Env>): void {
  app.get('/containers/json', (c) => {
    const { d, e } = ctxOf(c);
    const size = boolValue(c.req.query('size'));
    const url = c.req.url;
    const at = url.indexOf('?');
    const body = containerListBody(d, at === -1 ? '' : url.slice(at), size, () =>
      e.containers.list(
        { all: boolValue(c.req.query('all')), limit: intValue(c.req.query('limit'), -1, 'limit'), filters: Filters.parse(c.req.query('filters')) },
        (ctr, ref) => e.images.isAncestor(ctr.imageId, ref),
      ),
      (ctr) => containerSummaryParts(d, ctr, size, e.images.displayRef(ctr)),
    );
    return bytesResponse(200, body, 'application/json');
  });

  app.post('/containers/create', async (c) => {
    const { d, e } = ctxOf(c);
    const op = traceOp(c, 'container.create');
    const body = await readJson<CreateBody>(c, CreateRequest, 'CreateRequest', { required: true });
    if (!body) throw invalid('config cannot be empty in order to create a container');
    const { HostConfig, NetworkingConfig, ...config } = body;
    const hostConfig = HostConfig ?? (decode(CreateRequest, { HostConfig: {} }, 'CreateRequest') as CreateBody).HostConfig!;
    if (hostConfig.NetworkMode === '' || hostConfig.NetworkMode === 'default') hostConfig.NetworkMode = 'bridge';
    const endpoints = { ...(NetworkingConfig?.EndpointsConfig ?? {}) };
    if ('default' in endpoints) {
      endpoints[hostConfig.NetworkMode] = endpoints.default ?? null;
      delete endpoints.default;
    }
    const name = c.req.query('name') ?? '';
    const platform = c.req.query('platform') ?? '';
    if (config.Volumes === null) config.Volumes = {};
    const image = e.images.resolveForCreate(config.Image, platform);
    const mode = hostConfig.NetworkMode;
    if (!['bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:')) {
      const n = d.networks.find(mode);
      if (!n) throw new DaemonError('notFound', `network ${mode} not found`);
    }
    const res = e.containers.create({ name, config, hostConfig, endpoints, platform }, image, op);
    return json(201, res);
  });

  app.get('/containers/:id/json', (c) => {
    const { d, e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    return json(200, containerInspect(d, ctr, boolValue(c.req.query('size'))));
  });

  app.get('/containers/:id/top', (c) => {
    const { d, e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    if (!ctr.running || ctr.status === 'restarting') throw new DaemonError('conflict', `container ${ctr.id} is not running`);
    return json(200, containerTop(d, ctr, c.req.query('ps_args') ?? ''));
  });

  app.get('/containers/:id/logs', (c) => {
    const { d, e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    const stdout = boolValue(c.req.query('stdout'));
    const stderr = boolValue(c.req.query('stderr'));
    if (!stdout && !stderr) throw invalid('Bad parameters: you must choose at least one stream');
    if (ctr.hostConfig.LogConfig.Type === 'none')
      throw invalid(`configured logging driver does not support reading`);
    const follow = boolValue(c.req.query('follow'));
    const timestamps = boolValue(c.req.query('timestamps'));
    const now = d.now();
    const sinceQ = c.req.query('since');
    const since = sinceQ ? parseTimeArg(sinceQ, now) : null;
    const untilQ = c.req.query('until');
    const until = untilQ ? parseTimeArg(untilQ, now) : null;
    const tailQ = c.req.query('tail') ?? 'all';
    const tail = tailQ === 'all' || tailQ === '' ? -1 : Number.isNaN(Number(tailQ)) ? -1 : Number(tailQ);
    const tty = ctr.config.Tty;
    const render = (l: { stream: 'stdout' | 'stderr'; stamp: { ms: number; ns: number }; text: string }) => {
      const text = timestamps ? `${rfc3339NanoFixed(l.stamp)} ${l.text}` : l.text;
      return tty ? text : frame(l.stream === 'stdout' ? 1 : 2, text);
    };
    const want = (l: { stream: string; stamp: { ms: number; ns: number } }) =>
      ((l.stream === 'stdout' && stdout) || (l.stream === 'stderr' && stderr)) &&
      (since === null || compareStamps(l.stamp, since) >= 0) &&
      (until === null || compareStamps(l.stamp, until) <= 0);
    let past = ctr.logs.filter(want);
    if (tail >= 0) past = tail === 0 ? [] : past.slice(-tail);
    return stream(streamType(ctxOf(c), tty), (push, close) => {
      for (const l of past) push(render(l));
      if (!follow || !ctr.running || untilQ) {
        close();
        return;
      }
      const onLog = (l: (typeof ctr.logs)[number]) => {
        if (want(l)) push(render(l));
      };
      ctr.logListeners.add(onLog);
      const end = () => close();
      ctr.streamEnd.add(end);
      const gone = () => {
        ctr.logListeners.delete(onLog);
        ctr.streamEnd.delete(end);
      };
      return gone;
    });
  });

  app.get('/containers/:id/stats', (c) => {
    const { d, e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    const streamQ = c.req.query('stream');
    const oneShot = boolValue(c.req.query('one-shot'));
    const live = streamQ === undefined ? true : boolValue(streamQ);
    if (!live) return new Response(`${statsJson(containerStats(d, ctr, oneShot))}\n`, { status: 200, headers: { 'Content-Type': 'application/json' } });
    return stream('application/json', (push, close) => {
      push(`${statsJson(containerStats(d, ctr, false))}\n`);
      const clock = d.world.clock;
      let timer = 0;
      const tick = () => {
        if (!d.containers.has(ctr.id)) return close();
        push(`${statsJson(containerStats(d, ctr, false))}\n`);
        timer = clock.setTimeout(tick, 1000);
      };
      timer = clock.setTimeout(tick, 1000);
      return () => clock.clearTimeout(timer);
    });
  });

  app.post('/containers/:id/resize', (c) => {
    const { d, e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    const h = intValue(c.req.query('h'), 0, 'h');
    const w = intValue(c.req.query('w'), 0, 'w');
    if (!ctr.running) throw new DaemonError('conflict', `container ${ctr.id} is not running`);
    ctr.ttySize = [h, w];
    d.event('container', 'resize', ctr.id, { ...e.containers.attrs(ctr), height: String(h), width: String(w) });
    return new Response('', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });

  app.post('/containers/:id/start', async (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.start');
    const text = await c.req.text();
    if (text.trim() !== '' && text.trim() !== 'null' && text.trim() !== '{}')
      throw invalid('starting container with non-empty request body was deprecated since API v1.22 and removed in v1.24');
    e.containers.start(c.req.param('id'), op);
    return empty(204);
  });

  const stopOpts = (c: Context<Env>) => {
    const t = c.req.query('t');
    // the signal parameter exists since API 1.42; older clients' is ignored
    const signal = compareVersions(ctxOf(c).version, '1.42') >= 0 ? (c.req.query('signal') ?? '') : '';
    return { signal, timeout: t === undefined || t === '' ? null : intValue(t, 0, 't') };
  };

  app.post('/containers/:id/stop', async (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.stop');
    await e.containers.stop(c.req.param('id'), stopOpts(c), op);
    return empty(204);
  });

  app.post('/containers/:id/restart', async (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.restart');
    await e.containers.restart(c.req.param('id'), stopOpts(c), op);
    return empty(204);
  });

  app.post('/containers/:id/kill', (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.kill');
    e.containers.kill(c.req.param('id'), c.req.query('signal') ?? '', op);
    return empty(204);
  });

  app.post('/containers/:id/pause', (c) => {
    const { e } = ctxOf(c);
    e.containers.pause(c.req.param('id'), traceOp(c, 'container.pause'));
    return empty(204);
  });

  app.post('/containers/:id/unpause', (c) => {
    const { e } = ctxOf(c);
    e.containers.unpause(c.req.param('id'), traceOp(c, 'container.unpause'));
    return empty(204);
  });

  app.post('/containers/:id/rename', (c) => {
    const { e } = ctxOf(c);
    e.containers.rename(c.req.param('id'), c.req.query('name') ?? '');
    return empty(204);
  });

  app.post('/containers/:id/update', async (c) => {
    const { e } = ctxOf(c);
    const body = await readJson<Record<string, unknown> & { RestartPolicy: { Name: string; MaximumRetryCount: number } }>(c, UpdateConfig, 'UpdateConfig');
    const { RestartPolicy, ...resources } = body ?? ({ RestartPolicy: { Name: '', MaximumRetryCount: 0 } } as never);
    const warnings = e.containers.update(c.req.param('id'), resources, RestartPolicy ?? null);
    return json(200, { Warnings: warnings });
  });

  app.post('/containers/:id/wait', async (c) => {
    const { e } = ctxOf(c);
    const condition = c.req.query('condition') ?? '';
    const done = e.containers.wait(c.req.param('id'), condition);
    // moby sends the headers at once and the body when the condition is met
    return stream('application/json', (push, close) => {
      void done.then((r) => {
        push(`${JSON.stringify(r.Error ? { Error: r.Error, StatusCode: r.StatusCode } : { StatusCode: r.StatusCode })}\n`);
        close();
      });
    });
  });

  app.post('/containers/:id/attach', () => {
    throw new DaemonError('invalid', 'attach requires an HTTP connection upgrade (Connection: Upgrade, Upgrade: tcp)');
  });

  app.delete('/containers/:id', (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.remove');
    const id = c.req.param('id');
    const ctr = (() => {
      try {
        return e.containers.get(id);
      } catch {
        return null;
      }
    })();
    e.containers.remove(id, { force: boolValue(c.req.query('force')), volumes: boolValue(c.req.query('v')), link: boolValue(c.req.query('link')) }, op);
    if (ctr) e.execs.forget(ctr);
    return empty(204);
  });

  app.post('/containers/prune', (c) => {
    const { e } = ctxOf(c);
    const op = traceOp(c, 'container.prune');
    return json(200, e.containers.prune(Filters.parse(c.req.query('filters')), op));
  });

  app.get('/containers/:id/changes', (c) => {
    const { e } = ctxOf(c);
    const ctr = e.containers.get(c.req.param('id'));
    const changes = e.runtime.changes(ctr);
    // moby's archive.Changes builds the list with append: nil (null) when nothing changed
    return json(200, changes.length > 0 ? changes : null);
  });
}
