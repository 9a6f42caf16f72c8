// Simulator-only operations, apart from the Engine API under /_sim/: the clock, the trace (what
// the pictures animate), requests made from the host's own shell (curl localhost:8080), and a
// reset that hosts implement by replacing the World.

import type { Hono } from 'hono';
import { invalid } from '../../sim/core/errors';
import { ctxOf, type Env } from '../app';
import { json, stream } from '../http';

export function simRoutes(app: Hono<Env>): void {
  app.post('/_sim/reset', (c) => {
    const { replaceWorld } = ctxOf(c);
    if (!replaceWorld) throw invalid('reset is not available on this host');
    const w = replaceWorld();
    return json(200, { now: w.now() });
  });

  app.get('/_sim/clock', (c) => {
    const { world } = ctxOf(c);
    return json(200, { now: world.now(), next: world.clock.nextDue() ?? null });
  });

  app.post('/_sim/clock/advance', (c) => {
    const { world } = ctxOf(c);
    const ms = Number(c.req.query('ms') ?? '0');
    if (!Number.isFinite(ms) || ms < 0) throw invalid(`invalid ms: ${c.req.query('ms')}`);
    world.advance(ms);
    return json(200, { now: world.now() });
  });

  app.get('/_sim/trace', (c) => {
    const { world } = ctxOf(c);
    const since = Number(c.req.query('since') ?? '0');
    return json(200, world.trace.since(Number.isFinite(since) ? since : 0));
  });

  app.get('/_sim/trace/stream', (c) => {
    const { world } = ctxOf(c);
    return stream('application/x-ndjson', (push) => {
      return world.trace.subscribe((op, hop) => push(`${JSON.stringify(hop ? { op: op.id, name: op.op, host: op.host, hop } : { op: op.id, name: op.op, host: op.host, t: op.t })}\n`));
    });
  });

  app.post('/_sim/http', async (c) => {
    const { e } = ctxOf(c);
    const body = (await c.req.json().catch(() => null)) as { url?: string; method?: string; headers?: Record<string, string>; body?: string } | null;
    if (!body?.url) throw invalid('url required');
    let u: URL;
    try {
      u = new URL(body.url.includes('://') ? body.url : `http://${body.url}`);
    } catch {
      throw invalid(`bad url: ${body.url}`);
    }
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
    const r = e.net.http(null, host, port, { method: body.method ?? 'GET', path: u.pathname + u.search, headers: body.headers ?? {}, body: body.body ?? '' });
    return json(200, r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error, host, port });
  });

  app.post('/_sim/faults', async (c) => {
    const { d } = ctxOf(c);
    const body = (await c.req.json().catch(() => null)) as { failNextRemoval?: unknown } | null;
    if (!body || typeof body !== 'object') throw invalid('a JSON object of faults is required');
    if (typeof body.failNextRemoval === 'boolean') d.faults.failNextRemoval = body.failNextRemoval;
    return json(200, { ...d.faults });
  });

  app.get('/_sim/containers', (c) => {
    const { d } = ctxOf(c);
    return json(
      200,
      d.containerList().map((ctr) => ({ id: ctr.id, name: ctr.bareName, image: ctr.config.Image, status: ctr.status, exitCode: ctr.exitCode, restartCount: ctr.restartCount })),
    );
  });
}
